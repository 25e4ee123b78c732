import { DEFAULT_REGION, getGraph } from './_internal/france.js';
import type { Epci } from './schemas/Epci.js';

/**
 * Every EPCI with at least one member in a region, sorted by SIREN, as seen from that region.
 *
 * @param region - An INSEE region code (default `"32"`, Hauts-de-France).
 * @returns A frozen array (92 EPCI for Hauts-de-France in COG 2026).
 * @throws {@link InvalidCodeError} when `region` is not a region code.
 * @throws {@link RegionNotLoadedError} when the chunk cannot be read synchronously (browsers).
 * @example
 * ```ts
 * import { epcis } from 'cprdfop/territory';
 * epcis().length; // 92
 * epcis().filter((e) => e.crossesRegion).length; // 2
 * ```
 * @category Resolvers
 */
export function epcis(region: string = DEFAULT_REGION): readonly Epci[] {
  return getGraph(region).epcis;
}
