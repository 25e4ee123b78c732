import { getGraph } from './_internal/graph.js';
import type { TerritoryVintage } from './schemas/TerritoryVintage.js';

/**
 * The vintage of the territory data: COG 2026 from `@etalab/decoupage-administratif` 6.0.0, and the
 * source of the populations.
 *
 * @returns The vintage (frozen).
 * @example
 * ```ts
 * import { territoryVintage } from 'cprdfop/territory';
 * territoryVintage().sourceVersion; // "6.0.0"
 * territoryVintage().population.year; // null
 * ```
 * @category Resolvers
 */
export function territoryVintage(): TerritoryVintage {
  return getGraph().vintage;
}
