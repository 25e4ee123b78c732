import { POSTAL_CODE } from './_internal/codes.js';
import { assertChunkKey, getGraph, postalCodeChunks } from './_internal/france.js';
import { byPopulation } from './_internal/graph.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Commune } from './schemas/Commune.js';

const EMPTY: readonly Commune[] = Object.freeze([]);
const merged = new Map<string, readonly Commune[]>();

/**
 * The current communes of France served by a postal code, most populated first. A postal code often
 * covers several communes (sometimes in two régions), and a commune may have several postal codes.
 * Loads only the chunks of the regions that may use the code (the region of its leading digits, or
 * those the index lists for a postal code used across regions).
 *
 * @param postalCode - A French postal code, e.g. `"59000"`.
 * @param options - `region`: only the communes of this region (INSEE code, or `"COM"`).
 * @returns The communes (a frozen array; empty when no commune has this postal code).
 * @throws {@link InvalidCodeError} when `postalCode` is not 5 digits.
 * @throws {@link RegionNotLoadedError} when a region's chunk is needed and cannot be read synchronously.
 * @example
 * ```ts
 * import { communesByPostalCode } from 'cprdfop/territory';
 * communesByPostalCode('59000').map((c) => c.code); // ["59350"]
 * communesByPostalCode('14000').map((c) => c.name); // ["Caen"]
 * communesByPostalCode('00000').length; // 0
 * communesByPostalCode('76540', { region: '32' }).length; // 0
 * ```
 * @category Resolvers
 */
export function communesByPostalCode(
  postalCode: string,
  options: { region?: string | undefined } = {},
): readonly Commune[] {
  const { region } = options;
  if (region !== undefined) {
    assertChunkKey(region);
    if (typeof postalCode !== 'string' || !POSTAL_CODE.test(postalCode)) {
      throw new InvalidCodeError(postalCode, 'postal code');
    }
    return postalCodeChunks(postalCode).includes(region)
      ? (getGraph(region).byPostalCode.get(postalCode) ?? EMPTY)
      : EMPTY;
  }
  const done = merged.get(postalCode);
  if (done !== undefined) return done;
  if (typeof postalCode !== 'string' || !POSTAL_CODE.test(postalCode)) {
    throw new InvalidCodeError(postalCode, 'postal code');
  }
  const chunks = postalCodeChunks(postalCode);
  const lists = chunks.map((key) => getGraph(key).byPostalCode.get(postalCode) ?? EMPTY);
  const result =
    lists.length === 1 ? (lists[0] as readonly Commune[]) : Object.freeze(lists.flat().sort(byPopulation));
  merged.set(postalCode, result);
  return result;
}
