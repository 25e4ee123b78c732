import type { Ambition } from '../model/ambition.js';
import { planData } from './_data.js';

/**
 * Returns one of the four strategic ambitions by its number.
 *
 * @param n - The ambition number, 1 to 4.
 * @returns The ambition, or `undefined` for any other number (it does not throw).
 * @example
 * ```ts
 * import { ambition } from 'cprdfop';
 * ambition(3)?.shortLabel.en; // "Lifelong guidance"
 * ambition(4)?.verified; // false
 * ambition(7); // undefined
 * ```
 * @category Plan
 */
export function ambition(n: number): Ambition | undefined {
  return planData().ambitions.find((a) => a.number === n);
}
