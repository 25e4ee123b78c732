import { isEmptyGeometry, mergeGeometries } from './_internal/merge.js';
import type { CommuneGeometryObject, CommuneTopology } from './CommuneTopology.js';
import { resolveReference } from './composeTerritory.js';
import type { GeoGraph } from './GeoGraph.js';
import type { TerritoryRef } from './types.js';

/**
 * A contiguity verdict: `true` (one piece), `false` (several pieces), or `unknown` when a code of
 * the territory resolves to no commune, a member commune has no contour or an empty one (never a
 * silent pass), or the territory is empty.
 *
 * @example
 * ```ts
 * import type { Contiguity } from 'cprdfop/geo';
 * const v: Contiguity = 'unknown';
 * v; // "unknown"
 * ```
 * @category Adjacency
 */
export type Contiguity = boolean | 'unknown';

/**
 * Whether a territory is contiguous: its merged geometry is one piece — one polygon, the
 * communes forming one connected component of the adjacency graph (shared borders; a single
 * touching point does not connect). Judged on geometry pieces, not commune by commune: a member
 * commune with an exclave (two separate polygons) makes the territory two pieces even when every
 * commune borders another member — the CA du Beauvaisis on the 2018 contours is such a territory.
 *
 * @param topology - The commune topology.
 * @param ref - Commune codes, or units resolved through the territory graph.
 * @param options - `graph`: the territory graph (default `cprdfop/territory`).
 * @returns `true`, `false`, or `unknown` when a code is unknown, malformed or outside the graph, a
 *   member has no contour, or there is no member.
 * @throws {@link GeoDataError} `E_NO_TERRITORY_GRAPH` when `ref` names units and no graph is available.
 * @example
 * ```ts
 * import { buildTopology, isContiguous, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1), sq('C', 2)] }));
 * isContiguous(topo, ['A', 'B', 'C']); // true
 * isContiguous(topo, ['A', 'C']); // false
 * isContiguous(topo, ['A', 'Z']); // "unknown"
 * const graph = {
 *   commune: () => undefined,
 *   resolveTerritory: (r: { communes?: readonly string[] }) => ({
 *     communes: (r.communes ?? []).filter((c) => c !== 'Z'),
 *     diagnostics: [{ kind: 'unknown', code: 'Z', path: 'communes[1]', message: 'unknown commune Z' }],
 *   }),
 *   builtinMesh: () => ({ units: [] }),
 * };
 * isContiguous(topo, { communes: ['A', 'Z'] }, { graph }); // "unknown"
 * ```
 * @category Adjacency
 */
export function isContiguous(
  topology: CommuneTopology,
  ref: TerritoryRef,
  options: { graph?: GeoGraph | null } = {},
): Contiguity {
  const { codes, unresolved } = resolveReference(ref, options.graph);
  if (codes.length === 0 || unresolved.length > 0) return 'unknown';
  const members: CommuneGeometryObject[] = [];
  for (const c of codes) {
    const i = topology.indexOf(c);
    if (i < 0) return 'unknown';
    const geometry = topology.geometries[i] as CommuneGeometryObject;
    if (isEmptyGeometry(geometry)) return 'unknown';
    members.push(geometry);
  }
  return mergeGeometries(topology.topology, members).coordinates.length === 1;
}
