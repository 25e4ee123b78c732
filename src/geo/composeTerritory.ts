import type { Feature, MultiPolygon } from 'geojson';
import { mergeGeometries } from './_internal/merge.js';
import type { CommuneGeometryObject, CommuneTopology } from './CommuneTopology.js';
import { defaultGraph, type GeoGraph, requireGraph } from './GeoGraph.js';
import type { TerritoryRef } from './types.js';

/**
 * The properties of a composed territory.
 *
 * @example
 * ```ts
 * import type { ComposedProperties } from 'cprdfop/geo';
 * const p: ComposedProperties = { code: 'T', label: 'T', communes: ['A'], missing: [] };
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
  /** The member communes with no contour in the topology (sorted): the shape is incomplete when non-empty. */
  missing: string[];
}

/**
 * A composed territory: one GeoJSON MultiPolygon feature.
 *
 * @example
 * ```ts
 * import type { ComposedTerritory } from 'cprdfop/geo';
 * const t: ComposedTerritory = { type: 'Feature', properties: { code: 'T', label: 'T', communes: [], missing: [] }, geometry: { type: 'MultiPolygon', coordinates: [] } };
 * t.geometry.type; // "MultiPolygon"
 * ```
 * @category Compose
 */
export type ComposedTerritory = Feature<MultiPolygon, ComposedProperties>;

/** @internal Current commune codes of a reference (plain codes are taken as they are). */
export function resolveCodes(ref: TerritoryRef, graph: GeoGraph | null | undefined): string[] {
  if (Array.isArray(ref)) return [...new Set(ref as readonly string[])];
  const r = ref as Exclude<TerritoryRef, readonly string[]>;
  if (!r.epcis?.length && !r.arrondissements?.length && !r.departements?.length && r.communes) {
    // communes only: map old codes through the graph when there is one, else use them as they are
    const g = graph === null ? null : (graph ?? defaultGraph());
    if (!g) return [...new Set(r.communes)];
  }
  return [...new Set(requireGraph(graph, 'a territory reference by unit').resolveTerritory(r).communes)];
}

/**
 * Merges member communes into one exact geometry with topojson's `merge`: internal shared
 * borders disappear, the outer border is made of the very same arcs.
 *
 * @param topology - The commune topology.
 * @param ref - Commune codes, or units (`{ departements, arrondissements, epcis, communes }`) resolved through the territory graph.
 * @param options - `graph`: the territory graph (default `cprdfop/territory`); `code`/`label` of the result.
 * @returns The territory as a MultiPolygon feature, with the member and missing communes.
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
  const codes = resolveCodes(ref, options.graph);
  return mergeCodes(
    topology,
    codes,
    options.code ?? 'territory',
    options.label ?? options.code ?? 'territory',
  );
}

/** @internal Merge given codes. */
export function mergeCodes(
  topology: CommuneTopology,
  codes: readonly string[],
  code: string,
  label: string,
): ComposedTerritory {
  const present: string[] = [];
  const missing: string[] = [];
  const geoms: CommuneGeometryObject[] = [];
  const all = topology.geometries;
  for (const c of codes) {
    const i = topology.indexOf(c);
    if (i < 0) missing.push(c);
    else {
      present.push(c);
      geoms.push(all[i] as CommuneGeometryObject);
    }
  }
  const geometry = mergeGeometries(topology.topology, geoms);
  return {
    type: 'Feature',
    properties: { code, label, communes: present.sort(), missing: missing.sort() },
    geometry: { type: 'MultiPolygon', coordinates: geometry.coordinates },
  };
}
