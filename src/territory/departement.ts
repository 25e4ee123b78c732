import { DEPARTEMENT_CODE } from '../_shared/inseeCodes.js';
import { getGraph } from './_internal/graph.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Departement } from './schemas/Departement.js';

/**
 * Looks up a département of the region by its code.
 *
 * @param code - `"02"`, `"59"`, `"60"`, `"62"` or `"80"`.
 * @returns The département (frozen), or `undefined` for a département of another region.
 * @throws {@link InvalidCodeError} when `code` is malformed.
 * @example
 * ```ts
 * import { departement } from 'cprdfop/territory';
 * departement('80')?.name; // "Somme"
 * departement('76') === undefined; // true
 * ```
 * @category Resolvers
 */
export function departement(code: string): Departement | undefined {
  const d = getGraph().departementByCode.get(code);
  if (d !== undefined) return d;
  if (typeof code !== 'string' || !DEPARTEMENT_CODE.test(code))
    throw new InvalidCodeError(code, 'département');
  return undefined;
}
