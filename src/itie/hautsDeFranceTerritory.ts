import type { ResolvedTerritory, RuleWarning, TerritoryProvider, TerritoryRef } from '../rules/index.js';
import { resolveTerritory } from '../territory/resolveTerritory.js';
import type { Mesh } from '../territory/schemas/Mesh.js';
import { unitOf } from '../territory/unitOf.js';

/** Options of {@link hautsDeFranceTerritory}. @category Territory */
export interface HautsDeFranceTerritoryOptions {
  /** Extra meshes (e.g. employment areas loaded with `loadMesh`), usable by their `id` in `units`/`withinOne`. */
  meshes?: readonly Mesh[];
}

/**
 * The territory provider of the Hauts-de-France rule sets, built on `cprdfop/territory`
 * (`resolveTerritory`): codes of other départements are *outside* the region, unknown or malformed codes
 * are *invalid* (the predicates then give `unknown`), old commune codes are mapped to their current
 * commune with a `mapped-code` warning; the built-in meshes are `departement`, `arrondissement` and
 * `epci`, plus any mesh given in `options.meshes`.
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
  const meshes = options.meshes ?? [];
  return {
    resolve(ref: TerritoryRef): ResolvedTerritory {
      const r = resolveTerritory({
        ...(ref.communes ? { communes: [...ref.communes] } : {}),
        ...(ref.epcis ? { epcis: [...ref.epcis] } : {}),
        ...(ref.arrondissements ? { arrondissements: [...ref.arrondissements] } : {}),
        ...(ref.departements ? { departements: [...ref.departements] } : {}),
      });
      const outside: string[] = [];
      const invalid: string[] = [];
      const warnings: RuleWarning[] = [];
      for (const d of r.diagnostics) {
        if (d.kind === 'mapped') warnings.push({ code: 'mapped-code', message: d.message });
        else if (d.kind === 'outside-region') {
          if (d.field === 'epcis') warnings.push({ code: 'epci-crosses-region', message: d.message });
          else outside.push(d.code);
        } else invalid.push(d.code);
      }
      const covered: Record<string, readonly string[]> = r.covered;
      return {
        communes: r.communes,
        outside,
        invalid,
        warnings,
        units(mesh) {
          if (mesh === 'departement' || mesh === 'arrondissement' || mesh === 'epci')
            return covered[`${mesh}s`];
          const m = meshes.find((x) => x.id === mesh);
          if (!m) return undefined;
          const units = new Set<string>();
          for (const c of r.communes) {
            const u = unitOf(m, c);
            if (u) units.add(u.code);
          }
          return [...units].sort();
        },
      };
    },
  };
}
