import type { Scheme } from '../model/scheme.js';
import { planData } from './_data.js';

/**
 * Returns the regional schemes related to the plan, each with the ambitions it serves.
 *
 * The links to ambitions are `inferred` (no source maps a scheme to an ambition).
 *
 * @returns The schemes SPRO, Proch'Orientation, Proch'Emploi, PRIC, PRF and ITIE.
 * @example
 * ```ts
 * import { schemes } from 'cprdfop';
 * schemes().map((s) => s.acronym); // ["SPRO", "Proch'Orientation", "Proch'Emploi", "PRIC", "PRF", "ITIE"]
 * schemes().find((s) => s.id === 'itie')?.ambitions.map((l) => l.ambition); // [2, 1]
 * ```
 * @category Plan
 */
export function schemes(): readonly Scheme[] {
  return planData().schemes;
}
