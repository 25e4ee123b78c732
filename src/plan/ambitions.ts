import type { Ambition } from '../model/ambition.js';
import { planData } from './_data.js';

/**
 * Returns the four strategic ambitions of the plan, in order.
 *
 * @returns The ambitions 1 to 4 (a frozen array).
 * @example
 * ```ts
 * import { ambitions } from 'cprdfop';
 * ambitions().map((a) => a.number); // [1, 2, 3, 4]
 * ambitions().filter((a) => !a.verified).map((a) => a.number); // [4]
 * ```
 * @category Plan
 */
export function ambitions(): readonly Ambition[] {
  return planData().ambitions;
}
