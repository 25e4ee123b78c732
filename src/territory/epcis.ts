import { getGraph } from './_internal/graph.js';
import type { Epci } from './schemas/Epci.js';

/**
 * Every EPCI with at least one member in the region, sorted by SIREN.
 *
 * @returns A frozen array (92 EPCI in COG 2026).
 * @example
 * ```ts
 * import { epcis } from 'cprdfop/territory';
 * epcis().length; // 92
 * epcis().filter((e) => e.crossesRegion).length; // 2
 * ```
 * @category Resolvers
 */
export function epcis(): readonly Epci[] {
  return getGraph().epcis;
}
