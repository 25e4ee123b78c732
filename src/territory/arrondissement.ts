import { ARRONDISSEMENT_CODE } from './_internal/codes.js';
import { chunkOfDepartement, getCore, getGraph } from './_internal/france.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Arrondissement } from './schemas/Arrondissement.js';

/**
 * Looks up an arrondissement of France by its INSEE code; loads its region's chunk.
 *
 * @param code - A département code followed by one digit, e.g. `"595"` (`"9741"` overseas).
 * @returns The arrondissement (frozen), or `undefined` when no arrondissement has this code.
 * @throws {@link InvalidCodeError} when `code` is malformed.
 * @throws {@link RegionNotLoadedError} when the chunk cannot be read synchronously (browsers).
 * @example
 * ```ts
 * import { arrondissement } from 'cprdfop/territory';
 * arrondissement('595')?.name; // "Lille"
 * arrondissement('763')?.name; // "Rouen"
 * arrondissement('599') === undefined; // true
 * ```
 * @category Resolvers
 */
export function arrondissement(code: string): Arrondissement | undefined {
  if (typeof code !== 'string' || !ARRONDISSEMENT_CODE.test(code))
    throw new InvalidCodeError(code, 'arrondissement');
  const dep = getCore().arrondissements.get(code);
  const chunk = dep === undefined ? undefined : chunkOfDepartement(dep);
  return chunk === undefined ? undefined : getGraph(chunk).arrondissementByCode.get(code);
}
