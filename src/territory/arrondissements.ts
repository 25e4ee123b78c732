import { DEFAULT_REGION, getGraph } from './_internal/france.js';
import type { Arrondissement } from './schemas/Arrondissement.js';

/**
 * Every arrondissement of a region, sorted by code.
 *
 * @param region - An INSEE region code (default `"32"`, Hauts-de-France).
 * @returns A frozen array (26 arrondissements in Hauts-de-France in COG 2026).
 * @throws {@link InvalidCodeError} when `region` is not a region code.
 * @throws {@link RegionNotLoadedError} when the chunk cannot be read synchronously (browsers).
 * @example
 * ```ts
 * import { arrondissements } from 'cprdfop/territory';
 * arrondissements().length; // 26
 * ```
 * @category Resolvers
 */
export function arrondissements(region: string = DEFAULT_REGION): readonly Arrondissement[] {
  return getGraph(region).arrondissements;
}
