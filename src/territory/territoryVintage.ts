import { DEFAULT_REGION, getGraph } from './_internal/france.js';
import type { TerritoryVintage } from './schemas/TerritoryVintage.js';

/**
 * The vintage of the territory data: COG 2026 from `@etalab/decoupage-administratif` 6.0.0, and the
 * source of the populations (the same for every chunk; loads Hauts-de-France's).
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
  return getGraph(DEFAULT_REGION).vintage;
}
