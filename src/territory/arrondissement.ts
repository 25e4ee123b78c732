import { ARRONDISSEMENT_CODE } from '../_shared/inseeCodes.js';
import { getGraph } from './_internal/graph.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Arrondissement } from './schemas/Arrondissement.js';

/**
 * Looks up an arrondissement of the region by its INSEE code.
 *
 * @param code - A département code followed by one digit, e.g. `"595"`.
 * @returns The arrondissement (frozen), or `undefined` when it is not an arrondissement of the region.
 * @throws {@link InvalidCodeError} when `code` is malformed.
 * @example
 * ```ts
 * import { arrondissement } from 'cprdfop/territory';
 * arrondissement('595')?.name; // "Lille"
 * arrondissement('763') === undefined; // true
 * ```
 * @category Resolvers
 */
export function arrondissement(code: string): Arrondissement | undefined {
  const a = getGraph().arrondissementByCode.get(code);
  if (a !== undefined) return a;
  if (typeof code !== 'string' || !ARRONDISSEMENT_CODE.test(code))
    throw new InvalidCodeError(code, 'arrondissement');
  return undefined;
}
