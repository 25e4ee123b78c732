import type { CommuneTopology } from './CommuneTopology.js';

/**
 * The commune adjacency graph of a topology: two communes are adjacent when they share a border
 * (at least one arc; touching at a single point does not count).
 *
 * @param topology - The commune topology.
 * @returns A map from each commune code to its sorted neighbour codes.
 * @example
 * ```ts
 * import { buildTopology, communeAdjacency, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1), sq('C', 2)] }));
 * Object.fromEntries(communeAdjacency(topo)); // {"A":["B"],"B":["A","C"],"C":["B"]}
 * ```
 * @category Adjacency
 */
export function communeAdjacency(topology: CommuneTopology): Map<string, string[]> {
  const n = topology.neighborIndices();
  const out = new Map<string, string[]>();
  topology.codes.forEach((code, i) => {
    out.set(code, (n[i] ?? []).map((j) => topology.codes[j] as string).sort());
  });
  return out;
}
