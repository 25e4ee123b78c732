/**
 * The one definition of an ISO calendar date (`YYYY-MM-DD`) used everywhere in the package: rule-set
 * schema, engine, application schemas, plan functions and CLI. Internal: not exported by any subpath.
 *
 * A valid ISO date has exactly 10 characters `YYYY-MM-DD`, years 0000–9999, a month 01–12 and a day
 * that exists in that month of the proleptic Gregorian calendar (so `2023-02-29` and `2023-02-30` are
 * invalid, `2024-02-29` is valid). No time, no offset, no surrounding whitespace.
 */
import { showValue } from './showValue.js';

/** Days in month `month` (1–12) of year `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const twoDigits = (text: string, index: number): number => {
  const high = text.charCodeAt(index) - 48;
  const low = text.charCodeAt(index + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
};

/**
 * Packs a valid `YYYY-MM-DD` calendar date as `year·512 + month·32 + day`, or returns -1 for anything
 * else (one pass, no regex, no `Date`: hot path). Packed dates order like the dates.
 */
export function packIsoDate(value: unknown): number {
  if (
    typeof value !== 'string' ||
    value.length !== 10 ||
    value.charCodeAt(4) !== 45 ||
    value.charCodeAt(7) !== 45
  ) {
    return -1;
  }
  const century = twoDigits(value, 0);
  const yearInCentury = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const year = century * 100 + yearInCentury;
  return century < 0 ||
    yearInCentury < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
    ? -1
    : year * 512 + month * 32 + day;
}

/** Tells whether a value is a valid `YYYY-MM-DD` calendar date (see the module comment). */
export function isIsoDate(value: unknown): value is string {
  return packIsoDate(value) >= 0;
}

/** The reason given when a value is not a valid ISO date, in French and English. */
export const ISO_DATE_REASON = {
  fr: 'une date réelle au format AAAA-MM-JJ',
  en: 'a real calendar date YYYY-MM-DD',
} as const;

/**
 * The shape of an ISO date as a regular expression (month 01–12, day 01–31), for JSON Schema `pattern`s
 * and zod schemas only: the calendar check (no 2023-02-30) is {@link isIsoDate}, which every schema
 * adds (see `isoDateSchema.ts`).
 */
export const ISO_DATE_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The shape of a partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a full one is then checked by {@link isIsoDate}). */
export const PARTIAL_DATE_SHAPE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The message for a value that is not a valid ISO date, naming the value (English, then French). */
export function isoDateMessage(value: unknown): string {
  const shown =
    typeof value === 'string'
      ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
      : showValue(value);
  return `expected ${ISO_DATE_REASON.en}, got ${shown} (attendu\u202f: ${ISO_DATE_REASON.fr})`;
}

/**
 * The same message in each language: `en` is {@link isoDateMessage} as it is (it has always ended with
 * a French note), `fr` is French alone, its typography set (« date «\u202fx\u202f» invalide\u00a0: … »).
 */
export function isoDateMessages(value: unknown): { fr: string; en: string } {
  const shown =
    typeof value === 'string'
      ? `«\u202f${value.length > 40 ? `${value.slice(0, 40)}…` : value}\u202f»`
      : showValue(value);
  return {
    fr: `date ${shown} invalide\u00a0: ${ISO_DATE_REASON.fr} est attendue`,
    en: isoDateMessage(value),
  };
}
