import { getGraph } from './_internal/graph.js';
import type { Arrondissement } from './schemas/Arrondissement.js';

/**
 * Every arrondissement of the region, sorted by code.
 *
 * @returns A frozen array (26 arrondissements in COG 2026).
 * @example
 * ```ts
 * import { arrondissements } from 'cprdfop/territory';
 * arrondissements().length; // 26
 * ```
 * @category Resolvers
 */
export function arrondissements(): readonly Arrondissement[] {
  return getGraph().arrondissements;
}
