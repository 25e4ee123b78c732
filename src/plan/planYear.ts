import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { isWithinPlanPeriod } from './isWithinPlanPeriod.js';
import { planPeriod, toDate } from './planPeriod.js';

/**
 * Returns the plan year (1 to 6) a date falls in.
 *
 * Plan year 1 runs from 2022-09-01 to 2023-08-31, year 6 from 2027-09-01 to 2028-08-31 (an
 * assumption, see {@link planPeriod}).
 *
 * @param date - A `Date` or an ISO `YYYY-MM-DD` string.
 * @returns The plan year, or `undefined` outside the period.
 * @throws {@link InvalidDateError} when `date` is not a valid date.
 * @example
 * ```ts
 * import { planYear } from 'cprdfop';
 * planYear('2023-02-10'); // 1
 * planYear('2025-09-01'); // 4
 * planYear('2028-08-31'); // 6
 * planYear('2021-06-30'); // undefined
 * ```
 * @category Plan
 */
export function planYear(date: Date | string): number | undefined {
  const d = toDate(date, 'planYear(date)');
  if (!isWithinPlanPeriod(d)) return undefined;
  return Math.floor(differenceInCalendarMonths(d, planPeriod().start) / 12) + 1;
}
