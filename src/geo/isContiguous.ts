import type { CommuneTopology } from './CommuneTopology.js';
import { componentsOfIndices } from './components.js';
import { resolveCodes } from './composeTerritory.js';
import type { GeoGraph } from './GeoGraph.js';
import type { TerritoryRef } from './types.js';

/**
 * A contiguity verdict: `true` (one piece), `false` (several pieces), or `unknown` when a member
 * commune has no contour (never a silent pass) or the territory is empty.
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
 * Whether a territory is contiguous: its communes form one connected component of the
 * adjacency graph (shared borders; a single touching point does not connect).
 *
 * @param topology - The commune topology.
 * @param ref - Commune codes, or units resolved through the territory graph.
 * @param options - `graph`: the territory graph (default `cprdfop/territory`).
 * @returns `true`, `false`, or `unknown` when a member has no contour or there is no member.
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
 * ```
 * @category Adjacency
 */
export function isContiguous(
  topology: CommuneTopology,
  ref: TerritoryRef,
  options: { graph?: GeoGraph | null } = {},
): Contiguity {
  const codes = resolveCodes(ref, options.graph);
  if (codes.length === 0) return 'unknown';
  const idx = new Set<number>();
  for (const c of codes) {
    const i = topology.indexOf(c);
    if (i < 0) return 'unknown';
    idx.add(i);
  }
  return componentsOfIndices(topology, idx).length === 1;
}
