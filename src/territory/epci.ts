import { SIREN } from './_internal/codes.js';
import { DEFAULT_REGION, epciChunks, getGraph } from './_internal/france.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Epci } from './schemas/Epci.js';

/** Options of {@link epci}. @category Resolvers */
export interface EpciOptions {
  /**
   * The region the EPCI is seen from (its `members` are those in that region). Default: Hauts-de-France
   * when the EPCI has a member there, else the first region (by code) where it has one.
   */
  region?: string | undefined;
}

/**
 * Looks up an EPCI à fiscalité propre of France by SIREN, as seen from one region: `members` are its
 * communes in that region, `outsideMembers` the others (`crossesRegion`), `regions` every region with a
 * member.
 *
 * @param siren - The EPCI's 9-digit SIREN, e.g. `"200093201"`.
 * @param options - `region`: the region to see it from.
 * @returns The EPCI (frozen), or `undefined` when no EPCI has this SIREN (or none with a member in
 *   `options.region`).
 * @throws {@link InvalidCodeError} when `siren` is not 9 digits, or `options.region` is not a region code.
 * @example
 * ```ts
 * import { epci } from 'cprdfop/territory';
 * epci('200093201')?.name; // "Métropole Européenne de Lille"
 * epci('200069722')?.crossesRegion; // true
 * epci('200065597')?.region; // "28"
 * ```
 * @category Resolvers
 */
export function epci(siren: string, options: EpciOptions = {}): Epci | undefined {
  if (typeof siren !== 'string' || !SIREN.test(siren)) throw new InvalidCodeError(siren, 'EPCI SIREN');
  if (options.region !== undefined) {
    getGraph(options.region);
    return getGraph(options.region).epciBySiren.get(siren);
  }
  const chunks = epciChunks().get(siren);
  if (chunks === undefined) return undefined;
  const key = chunks.includes(DEFAULT_REGION) ? DEFAULT_REGION : (chunks[0] as string);
  return getGraph(key).epciBySiren.get(siren);
}
