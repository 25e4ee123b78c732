import type { CommuneTopology } from './CommuneTopology.js';
import { resolveCodes } from './composeTerritory.js';
import type { GeoGraph } from './GeoGraph.js';
import type { TerritoryRef } from './types.js';

/**
 * The connected components of a set of communes in the adjacency graph (shared borders).
 * Communes without a contour are left out (see {@link isContiguous}, which reports them as unknown).
 *
 * @param topology - The commune topology.
 * @param ref - Commune codes, or units resolved through the territory graph.
 * @param options - `graph`: the territory graph (default `cprdfop/territory`).
 * @returns The components, each a sorted list of codes, largest first (ties by first code).
 * @throws {@link GeoDataError} `E_NO_TERRITORY_GRAPH` when `ref` names units and no graph is available.
 * @example
 * ```ts
 * import { buildTopology, components, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1), sq('C', 2)] }));
 * components(topo, ['A', 'C']); // [["A"],["C"]]
 * components(topo, ['A', 'B']); // [["A","B"]]
 * ```
 * @category Adjacency
 */
export function components(
  topology: CommuneTopology,
  ref: TerritoryRef,
  options: { graph?: GeoGraph | null } = {},
): string[][] {
  const idx = new Set<number>();
  for (const c of resolveCodes(ref, options.graph)) {
    const i = topology.indexOf(c);
    if (i >= 0) idx.add(i);
  }
  return componentsOfIndices(topology, idx);
}

/** @internal */
export function componentsOfIndices(topology: CommuneTopology, idx: Set<number>): string[][] {
  const nb = topology.neighborIndices();
  const seen = new Set<number>();
  const out: string[][] = [];
  for (const start of [...idx].sort((a, b) => a - b)) {
    if (seen.has(start)) continue;
    const comp: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const i = stack.pop() as number;
      comp.push(i);
      for (const j of nb[i] ?? []) {
        if (idx.has(j) && !seen.has(j)) {
          seen.add(j);
          stack.push(j);
        }
      }
    }
    out.push(comp.sort((a, b) => a - b).map((i) => topology.codes[i] as string));
  }
  return out.sort((a, b) => b.length - a.length || ((a[0] as string) < (b[0] as string) ? -1 : 1));
}
