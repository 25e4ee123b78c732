import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { isIsoDate } from '../_shared/isoDate.js';
import type { Provenance } from '../model/provenance.js';
import { planData } from './_data.js';
import { InvalidDateError } from './InvalidDateError.js';

/**
 * The plan's period as dates.
 * @category Plan
 */
export interface PlanPeriod {
  /** The label as published: `"2022-2028"`. */
  label: string;
  /** Other labels found in sources (`"2022-2027"`, `"2023-2028"`). */
  aliases: readonly string[];
  /** Number of plan years (6). */
  years: number;
  /** First day of plan year 1, local midnight. */
  start: Date;
  /** Last day of the period, local midnight (inclusive). */
  end: Date;
  /** Where the first and last day come from: an `assumption` (no source gives them). */
  provenance: Provenance;
}

/**
 * Returns the plan's period: its label, its six plan years and their boundaries.
 *
 * No source gives the first and last day of the plan: the package assumes six training years,
 * 1 September 2022 to 31 August 2028, and says so in `provenance` (mark `assumption`).
 *
 * @returns A new {@link PlanPeriod} object.
 * @example
 * ```ts
 * import { planPeriod } from 'cprdfop';
 * const p = planPeriod();
 * p.label; // "2022-2028"
 * p.years; // 6
 * p.provenance.mark; // "assumption"
 * ```
 * @category Plan
 */
export function planPeriod(): PlanPeriod {
  const { period } = planData().plan;
  return {
    label: period.label,
    aliases: period.aliases.map((a) => a.label),
    years: period.years,
    start: parseISO(period.start),
    end: parseISO(period.end),
    provenance: period.boundariesProvenance,
  };
}

/** @internal Parses a `Date` or a `YYYY-MM-DD` string, throwing {@link InvalidDateError}. */
export function toDate(value: Date | string, where: string): Date {
  if (value instanceof Date) {
    if (!isValid(value)) throw new InvalidDateError(value, where);
    return value;
  }
  if (isIsoDate(value)) {
    const d = parseISO(value);
    if (isValid(d) && d.getDate() === Number(value.slice(8, 10))) return d;
  }
  throw new InvalidDateError(value, where);
}
