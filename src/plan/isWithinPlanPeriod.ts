import { endOfDay } from 'date-fns/endOfDay';
import { isWithinInterval } from 'date-fns/isWithinInterval';
import { planPeriod, toDate } from './planPeriod.js';

/**
 * Tells whether a date falls within the plan's period (both ends included).
 *
 * @param date - A `Date` or an ISO `YYYY-MM-DD` string (read as a local calendar date).
 * @returns `true` between 2022-09-01 and 2028-08-31 inclusive (see {@link planPeriod} for why).
 * @throws {@link InvalidDateError} when `date` is not a valid date.
 * @example
 * ```ts
 * import { isWithinPlanPeriod } from 'cprdfop';
 * isWithinPlanPeriod('2023-02-10'); // true
 * isWithinPlanPeriod('2028-08-31'); // true
 * isWithinPlanPeriod('2030-01-01'); // false
 * ```
 * @category Plan
 */
export function isWithinPlanPeriod(date: Date | string): boolean {
  const d = toDate(date, 'isWithinPlanPeriod(date)');
  const { start, end } = planPeriod();
  return isWithinInterval(d, { start, end: endOfDay(end) });
}
