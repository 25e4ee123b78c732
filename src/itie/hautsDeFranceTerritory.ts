import type { TerritoryProvider } from '../rules/index.js';
import type { Mesh } from '../territory/schemas/Mesh.js';
import { territoryProvider } from '../territory/territoryProvider.js';

/** Options of {@link hautsDeFranceTerritory}. @category Territory */
export interface HautsDeFranceTerritoryOptions {
  /** Extra meshes (e.g. employment areas loaded with `loadMesh`), usable by their `id` in `units`/`withinOne`. */
  meshes?: readonly Mesh[];
}

/**
 * The territory provider of the Hauts-de-France rule sets: `territoryProvider('32', options)` from
 * `cprdfop/territory`. Codes of other regions are *outside* the region, unknown or malformed codes are
 * *invalid* (the predicates then give `unknown`), old commune codes are mapped to their current commune
 * with a `mapped-code` warning; the built-in meshes are `departement`, `arrondissement` and `epci`, plus
 * any mesh given in `options.meshes`.
 *
 * @param options - Extra meshes.
 * @returns A provider to pass to `compile(ruleSet, { territory })`.
 * @example
 * ```ts
 * import { hautsDeFranceTerritory } from 'cprdfop/itie';
 * const t = hautsDeFranceTerritory().resolve({ communes: ['02408', '76540'] });
 * t.outside; // ["76540"]
 * t.units('arrondissement'); // ["022"]
 * ```
 * @category Territory
 */
export function hautsDeFranceTerritory(options: HautsDeFranceTerritoryOptions = {}): TerritoryProvider {
  return territoryProvider('32', options.meshes ? { meshes: options.meshes } : {});
}
