import type { Plan } from '../model/plan.js';
import { planData } from './_data.js';

/**
 * Returns the CPRDFOP Hauts-de-France 2022-2028: title, period, key dates, signatories, with provenance.
 *
 * The data is validated on the first call and frozen; later calls return the same object.
 *
 * @returns The plan record.
 * @example
 * ```ts
 * import { plan } from 'cprdfop';
 * plan().period.label; // "2022-2028"
 * plan().dates.signed.date; // "2023-02-10"
 * plan().signatories.count; // {"min": 80, "approx": 100}
 * ```
 * @category Plan
 */
export function plan(): Plan {
  return planData().plan;
}
