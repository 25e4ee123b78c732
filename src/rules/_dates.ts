import { addDays, addMonths, differenceInCalendarDays, differenceInMonths } from 'date-fns';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` string into a local Date at midnight, or `undefined` when invalid. */
export function parseDate(s: unknown): Date | undefined {
  if (typeof s !== 'string') return undefined;
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = +m[1]!;
  const mo = +m[2]! - 1;
  const d = +m[3]!;
  const date = new Date(y, mo, d);
  return date.getFullYear() === y && date.getMonth() === mo && date.getDate() === d ? date : undefined;
}

/** Tells whether a value is a valid `YYYY-MM-DD` date. */
export const isIsoDate = (s: unknown): s is string => parseDate(s) !== undefined;

/** Formats a Date as `YYYY-MM-DD` (local calendar). */
export function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The date-fns-backed date operators: days/months between two dates, adding days/months. */
export const dateOps = {
  days: (a: Date, b: Date): number => differenceInCalendarDays(b, a),
  months: (a: Date, b: Date): number => differenceInMonths(b, a),
  addDays: (a: Date, n: number): string => formatDate(addDays(a, n)),
  addMonths: (a: Date, n: number): string => formatDate(addMonths(a, n)),
};
