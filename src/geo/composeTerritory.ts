import type { Feature, MultiPolygon } from 'geojson';
import { isEmptyGeometry, mergeGeometries } from './_internal/merge.js';
import type { CommuneGeometryObject, CommuneTopology } from './CommuneTopology.js';
import { defaultGraph, type GeoGraph, requireGraph } from './GeoGraph.js';
import type { TerritoryRef } from './types.js';

/**
 * The properties of a composed territory.
 *
 * @example
 * ```ts
 * import type { ComposedProperties } from 'cprdfop/geo';
 * const p: ComposedProperties = { code: 'T', label: 'T', communes: ['A'], missing: [], unresolved: [] };
 * p.missing.length; // 0
 * ```
 * @category Compose
 */
export interface ComposedProperties {
  /** The unit code (or `territory` for an ad-hoc set). */
  code: string;
  /** A human-readable label. */
  label: string;
  /** The member communes that have a contour (sorted). */
  communes: string[];
  /** The member communes with no contour (or an empty one) in the topology (sorted): the shape is incomplete when non-empty. */
  missing: string[];
  /** Codes of the reference that resolved to no commune (unknown, malformed, outside): the shape is incomplete when non-empty. */
  unresolved: UnresolvedCode[];
}

/**
 * A composed territory: one GeoJSON MultiPolygon feature.
 *
 * @example
 * ```ts
 * import type { ComposedTerritory } from 'cprdfop/geo';
 * const t: ComposedTerritory = { type: 'Feature', properties: { code: 'T', label: 'T', communes: [], missing: [], unresolved: [] }, geometry: { type: 'MultiPolygon', coordinates: [] } };
 * t.geometry.type; // "MultiPolygon"
 * ```
 * @category Compose
 */
export type ComposedTerritory = Feature<MultiPolygon, ComposedProperties>;

/**
 * A code of a territory reference that resolved to no current commune: `unknown` (well-formed but
 * not in the territory graph), `invalid` (malformed) or `outside` (outside the graph's territory;
 * for an EPCI crossing the boundary, its members outside are left out). A geometry answer with such
 * a code is incomplete: contiguity is `unknown`, and the code is reported, never dropped.
 *
 * @example
 * ```ts
 * import type { UnresolvedCode } from 'cprdfop/geo';
 * const u: UnresolvedCode = { code: '99999', kind: 'unknown', path: 'communes[1]', message: 'unknown commune 99999' };
 * u.kind; // "unknown"
 * ```
 * @category Compose
 */
export interface UnresolvedCode {
  /** The code as given. */
  code: string;
  /** Why it did not resolve. */
  kind: 'unknown' | 'invalid' | 'outside';
  /** Where it is in the reference, e.g. `epcis[0]`. */
  path: string;
  /** The territory graph's message, naming the code and where it is. */
  message: string;
}

/** @internal Current commune codes of a reference, and the codes that resolved to none. */
export function resolveReference(
  ref: TerritoryRef,
  graph: GeoGraph | null | undefined,
): { codes: string[]; unresolved: UnresolvedCode[] } {
  if (Array.isArray(ref)) return { codes: [...new Set(ref as readonly string[])], unresolved: [] };
  const r = ref as Exclude<TerritoryRef, readonly string[]>;
  if (!r.epcis?.length && !r.arrondissements?.length && !r.departements?.length && r.communes) {
    // communes only: map old codes through the graph when there is one, else use them as they are
    const g = graph === null ? null : (graph ?? defaultGraph());
    if (!g) return { codes: [...new Set(r.communes)], unresolved: [] };
  }
  const resolved = requireGraph(graph, 'a territory reference by unit').resolveTerritory(r);
  const unresolved: UnresolvedCode[] = [];
  for (const d of resolved.diagnostics ?? []) {
    const kind =
      d.kind === 'unknown'
        ? 'unknown'
        : d.kind === 'invalid'
          ? 'invalid'
          : d.kind === 'outside-region'
            ? 'outside'
            : null;
    if (kind) unresolved.push({ code: d.code, kind, path: d.path ?? '', message: d.message });
  }
  return { codes: [...new Set(resolved.communes)], unresolved };
}

/** @internal Current commune codes of a reference (unresolved codes left out: use {@link resolveReference}). */
export function resolveCodes(ref: TerritoryRef, graph: GeoGraph | null | undefined): string[] {
  return resolveReference(ref, graph).codes;
}

/**
 * Merges member communes into one exact geometry with topojson's `merge`: internal shared
 * borders disappear, the outer border is made of the very same arcs.
 *
 * @param topology - The commune topology.
 * @param ref - Commune codes, or units (`{ departements, arrondissements, epcis, communes }`) resolved through the territory graph.
 * @param options - `graph`: the territory graph (default `cprdfop/territory`); `code`/`label` of the result.
 * @returns The territory as a MultiPolygon feature, with the member communes, the members without a
 *   contour (`missing`) and the codes of `ref` that resolved to no commune (`unresolved`).
 * @throws {@link GeoDataError} `E_NO_TERRITORY_GRAPH` when `ref` names units and no graph is available.
 * @example
 * ```ts
 * import { buildTopology, composeTerritory, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1), sq('C', 2)] }));
 * const t = composeTerritory(topo, ['A', 'B', 'Z']);
 * t.geometry.coordinates.length; // 1
 * t.properties.missing; // ["Z"]
 * ```
 * @category Compose
 */
export function composeTerritory(
  topology: CommuneTopology,
  ref: TerritoryRef,
  options: { graph?: GeoGraph | null; code?: string; label?: string } = {},
): ComposedTerritory {
  const { codes, unresolved } = resolveReference(ref, options.graph);
  return mergeCodes(
    topology,
    codes,
    options.code ?? 'territory',
    options.label ?? options.code ?? 'territory',
    unresolved,
  );
}

/** @internal Merge given codes. */
export function mergeCodes(
  topology: CommuneTopology,
  codes: readonly string[],
  code: string,
  label: string,
  unresolved: UnresolvedCode[] = [],
): ComposedTerritory {
  const present: string[] = [];
  const missing: string[] = [];
  const geoms: CommuneGeometryObject[] = [];
  const all = topology.geometries;
  for (const c of codes) {
    const i = topology.indexOf(c);
    if (i < 0 || isEmptyGeometry(all[i] as CommuneGeometryObject)) missing.push(c);
    else {
      present.push(c);
      geoms.push(all[i] as CommuneGeometryObject);
    }
  }
  const geometry = mergeGeometries(topology.topology, geoms);
  return {
    type: 'Feature',
    properties: { code, label, communes: present.sort(), missing: missing.sort(), unresolved },
    geometry: { type: 'MultiPolygon', coordinates: geometry.coordinates },
  };
}
