import { DEPARTEMENT_CODE } from './_internal/codes.js';
import { chunkOfDepartement, getGraph } from './_internal/france.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Departement } from './schemas/Departement.js';

/**
 * Looks up a département of France (or a collectivité d'outre-mer) by its code; loads its region's chunk.
 *
 * @param code - E.g. `"59"`, `"2A"`, `"974"`.
 * @returns The département (frozen), or `undefined` when no département has this code.
 * @throws {@link InvalidCodeError} when `code` is malformed.
 * @throws {@link RegionNotLoadedError} when the chunk cannot be read synchronously (browsers).
 * @example
 * ```ts
 * import { departement } from 'cprdfop/territory';
 * departement('80')?.name; // "Somme"
 * departement('76')?.region; // "28"
 * departement('96') === undefined; // true
 * ```
 * @category Resolvers
 */
export function departement(code: string): Departement | undefined {
  if (typeof code !== 'string' || !DEPARTEMENT_CODE.test(code))
    throw new InvalidCodeError(code, 'département');
  const chunk = chunkOfDepartement(code);
  return chunk === undefined ? undefined : getGraph(chunk).departementByCode.get(code);
}
