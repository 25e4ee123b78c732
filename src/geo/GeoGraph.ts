import { renderBoth } from '../_shared/messages.js';
import * as territory from '../territory/index.js';
import { GeoDataError } from './GeoDataError.js';
import type { UnitSet } from './types.js';

/**
 * What geometry needs from the territory graph (`cprdfop/territory`): commune lookups (old codes
 * of merged communes map to the current commune), territory resolution and built-in meshes.
 * Functions taking an optional `graph` use `cprdfop/territory` by default; pass your own to
 * use another commune list (tests, other vintages).
 *
 * @example
 * ```ts
 * import type { GeoGraph } from 'cprdfop/geo';
 * const graph: GeoGraph = {
 *   commune: (code) => (code === 'A' ? { commune: { code: 'A', name: 'Alpha', departement: 'D', arrondissement: null, epci: null, population: 10 }, mapped: false } : undefined),
 *   resolveTerritory: (ref) => ({ communes: ref.communes ?? [] }),
 *   builtinMesh: () => ({ units: [] }),
 * };
 * graph.commune('A')?.commune.name; // "Alpha"
 * ```
 * @category Territory graph
 */
export interface GeoGraph {
  /** Looks a commune up by current, old (merged) or delegated code. */
  commune(code: string):
    | {
        commune: {
          code: string;
          name: string;
          departement: string;
          arrondissement: string | null;
          epci: string | null;
          population?: number | null;
        };
        mapped: boolean;
      }
    | undefined;
  /**
   * Resolves units to current commune codes. `diagnostics` (as in `resolveTerritory` of
   * `cprdfop/territory`) name the codes that could not be resolved: kinds `unknown`, `invalid` and
   * `outside-region` make every geometry answer incomplete (reported as {@link UnresolvedCode}),
   * `mapped` is informative. A graph that omits `diagnostics` claims every code resolved.
   */
  resolveTerritory(ref: {
    communes?: readonly string[];
    epcis?: readonly string[];
    arrondissements?: readonly string[];
    departements?: readonly string[];
  }): {
    communes: readonly string[];
    diagnostics?: ReadonlyArray<{ kind: string; code: string; path?: string; message: string }>;
  };
  /** A built-in mesh of the graph. */
  builtinMesh(kind: 'departement' | 'arrondissement' | 'epci'): UnitSet;
  /** Optional: every current commune code (to report communes without contours in {@link joinVintage}). */
  allCommunes?(): readonly string[];
  /**
   * Optional: every former code that maps to this current commune (old codes, delegated and
   * associated communes), with how it maps. Lets {@link joinVintage} report a merged commune built
   * from only part of its former communes.
   */
  formerCodes?(code: string): ReadonlyArray<{ code: string; via?: string }>;
  /** Optional: the name of an EPCI, arrondissement or département. */
  unitName?(kind: 'epci' | 'arrondissement' | 'departement', code: string): string | undefined;
}

let adapter: GeoGraph | undefined;
let formerIndex: Map<string, Array<{ code: string; via?: string }>> | undefined;

/**
 * @internal Former codes by current commune, from the public lookups of `cprdfop/territory`
 * (which has no reverse lookup): every code of the graph's départements is looked up once, lazily.
 */
function formerCodesIndex(): Map<string, Array<{ code: string; via?: string }>> {
  if (formerIndex) return formerIndex;
  const index = new Map<string, Array<{ code: string; via?: string }>>();
  for (const dep of territory.departements()) {
    const width = dep.code.length === 3 ? 2 : 3;
    const count = width === 2 ? 100 : 1000;
    for (let n = 0; n < count; n++) {
      const code = dep.code + String(n).padStart(width, '0');
      const hit = safe(() => territory.commune(code));
      if (!hit?.mapped) continue;
      const list = index.get(hit.commune.code) ?? [];
      list.push(hit.via ? { code, via: hit.via } : { code });
      index.set(hit.commune.code, list);
    }
  }
  formerIndex = index;
  return index;
}

/** @internal Never throws on malformed codes: a miss is `undefined`. */
function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** @internal The territory graph of `cprdfop/territory`, adapted to {@link GeoGraph}. */
export function defaultGraph(): GeoGraph | null {
  adapter ??= {
    commune: (code) => safe(() => territory.commune(code)),
    resolveTerritory: (ref) => territory.resolveTerritory(ref as never),
    builtinMesh: (kind) => territory.builtinMesh(kind),
    allCommunes: () => territory.communes().map((c) => c.code),
    formerCodes: (code) => formerCodesIndex().get(code) ?? [],
    unitName: (kind, code) =>
      safe(() =>
        kind === 'epci'
          ? territory.epci(code)?.name
          : kind === 'departement'
            ? territory.departement(code)?.name
            : territory.arrondissement(code)?.name,
      ),
  };
  return adapter;
}

/** @internal The given graph, else the default one. */
export function requireGraph(graph: GeoGraph | null | undefined, what: string): GeoGraph {
  const g = graph === null ? null : (graph ?? defaultGraph());
  if (!g)
    throw new GeoDataError(
      'E_NO_TERRITORY_GRAPH',
      renderBoth(
        {
          fr: '{what} a besoin du graphe des territoires (cprdfop/territory), qui n’est pas disponible ; passez options.graph',
          en: '{what} needs the territory graph (cprdfop/territory), which is not available; pass options.graph',
        },
        { what },
      ),
    );
  return g;
}
