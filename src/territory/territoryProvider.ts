import { isCprdfopError } from '../errors.js';
import { assertChunkKey, COM_KEY, getGraph } from './_internal/france.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import { resolveTerritory } from './resolveTerritory.js';
import type { Mesh } from './schemas/Mesh.js';
import type { ResolvedTerritory } from './schemas/TerritoryRef.js';
import { unitOf } from './unitOf.js';

/** Options of {@link territoryProvider}. @category Providers */
export interface TerritoryProviderOptions {
  /** Extra meshes (e.g. zones d'emploi loaded with `loadMesh`), usable by their `id` in `units`. */
  meshes?: readonly Mesh[] | undefined;
}

/** The codes a provider resolves (the shape of the rules engine's territory reference). @category Providers */
export interface ProviderTerritoryRef {
  communes?: readonly string[] | undefined;
  epcis?: readonly string[] | undefined;
  arrondissements?: readonly string[] | undefined;
  departements?: readonly string[] | undefined;
}

/** A warning of a provider: a stable `code` and a message naming the input. @category Providers */
export interface ProviderWarning {
  /** `mapped-code` (an old code replaced), `epci-crosses-region`, or `territory-not-loaded`. */
  code: string;
  /** The message, in English. */
  message: string;
  /** The same in French and in English (`en` is `message`), when the package made the warning. */
  messages?: { readonly fr: string; readonly en: string } | undefined;
}

/**
 * A territory resolved by a {@link territoryProvider} — the shape `cprdfop/rules` expects from a
 * `TerritoryProvider` (`compile(ruleSet, { territory })`).
 * @category Providers
 */
export interface ProvidedTerritory {
  /** Current codes of the communes covered inside the region (sorted, unique). */
  readonly communes: readonly string[];
  /** Codes given that are in another region (or a collectivité d'outre-mer). */
  readonly outside: readonly string[];
  /** Codes that are malformed or unknown to COG 2026 (a predicate on them is `unknown`). */
  readonly invalid: readonly string[];
  readonly warnings: readonly ProviderWarning[];
  /** The units of a mesh (`departement`, `arrondissement`, `epci` or a given mesh's id) the communes fall in. */
  units(mesh: string): readonly string[] | undefined;
}

/** A territory provider for one region. @category Providers */
export interface RegionTerritoryProvider {
  /** The INSEE code of the region. */
  readonly region: string;
  /** Resolves a territory reference; never throws. */
  resolve(ref: ProviderTerritoryRef): ProvidedTerritory;
}

const BUILTIN = new Set(['departement', 'arrondissement', 'epci']);

/**
 * The territory provider of a region, built on {@link resolveTerritory}: codes of other regions are
 * *outside*, malformed codes and codes unknown to COG 2026 are *invalid* (a predicate on them gives
 * `unknown`), old, delegated and associated commune codes are mapped to the current commune with a
 * `mapped-code` warning, an EPCI crossing the region's boundary contributes its in-region members with
 * an `epci-crosses-region` warning. Built-in meshes: `departement`, `arrondissement`, `epci`, plus any
 * mesh given in `options.meshes`. Only the region's chunk is loaded, on the first `resolve`.
 *
 * @param regionCode - An INSEE region code, e.g. `"28"` (Normandie) or `"32"` (Hauts-de-France).
 * @param options - Extra meshes.
 * @returns A provider to pass to `compile(ruleSet, { territory })`.
 * @throws {@link InvalidCodeError} when `regionCode` is not a region of COG 2026.
 * @example
 * ```ts
 * import { territoryProvider } from 'cprdfop/territory';
 * const t = territoryProvider('28').resolve({ communes: ['14118', '59350', '76999'] });
 * t.communes; // ["14118"]
 * t.outside; // ["59350"]
 * t.invalid; // ["76999"]
 * territoryProvider('32').resolve({ communes: ['02408'] }).units('arrondissement'); // ["022"]
 * ```
 * @category Providers
 */
export function territoryProvider(
  regionCode: string,
  options: TerritoryProviderOptions = {},
): RegionTerritoryProvider {
  assertChunkKey(regionCode);
  if (regionCode === COM_KEY) throw new InvalidCodeError(regionCode, 'region');
  const meshes = options.meshes ?? [];
  return {
    region: regionCode,
    resolve(ref: ProviderTerritoryRef): ProvidedTerritory {
      const copy = (list: readonly string[] | undefined): string[] | undefined =>
        Array.isArray(list) ? [...list] : undefined;
      const plain = {
        ...(ref?.communes !== undefined ? { communes: copy(ref.communes) as string[] } : {}),
        ...(ref?.epcis !== undefined ? { epcis: copy(ref.epcis) as string[] } : {}),
        ...(ref?.arrondissements !== undefined
          ? { arrondissements: copy(ref.arrondissements) as string[] }
          : {}),
        ...(ref?.departements !== undefined ? { departements: copy(ref.departements) as string[] } : {}),
      };
      let r: ResolvedTerritory;
      try {
        getGraph(regionCode);
        r = resolveTerritory(plain, { region: regionCode });
      } catch (error) {
        const all = Object.values(plain).flatMap((list) => list ?? []);
        return {
          communes: [],
          outside: [],
          invalid: all.map(String),
          warnings: [
            {
              code: 'territory-not-loaded',
              message: error instanceof Error ? error.message : String(error),
              ...(isCprdfopError(error) ? { messages: error.messages } : {}),
            },
          ],
          units: () => undefined,
        };
      }
      return providedTerritory(r, meshes);
    },
  };
}

/**
 * @internal The provider's answer for a territory already resolved by {@link resolveTerritory} in the
 * provider's region: what `territoryProvider(region, { meshes }).resolve(ref)` returns when
 * `resolveTerritory(ref, { region })` gave `r` (so a caller that has resolved it once need not again).
 */
export function providedTerritory(r: ResolvedTerritory, meshes: readonly Mesh[]): ProvidedTerritory {
  const outside: string[] = [];
  const invalid: string[] = [];
  const warnings: ProviderWarning[] = [];
  for (const d of r.diagnostics) {
    if (d.kind === 'mapped') warnings.push({ code: 'mapped-code', message: d.message, messages: d.messages });
    else if (d.kind === 'outside-region') {
      if (d.field === 'epcis' && d.outside !== undefined)
        warnings.push({ code: 'epci-crosses-region', message: d.message, messages: d.messages });
      else outside.push(d.code);
    } else invalid.push(d.code);
  }
  const covered: Record<string, readonly string[]> = r.covered;
  return {
    communes: r.communes,
    outside,
    invalid,
    warnings,
    units(mesh: string): readonly string[] | undefined {
      if (BUILTIN.has(mesh)) return covered[`${mesh}s`];
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
}
