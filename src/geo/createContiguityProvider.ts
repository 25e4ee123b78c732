import type { CommuneTopology } from './CommuneTopology.js';
import type { GeoGraph } from './GeoGraph.js';
import { type Contiguity, isContiguous } from './isContiguous.js';

/**
 * A territory-contiguity provider for the rules engine: given the current commune codes of a
 * territory, says whether it is contiguous, or `unknown`.
 *
 * @example
 * ```ts
 * import { createContiguityProvider, type ContiguityProvider } from 'cprdfop/geo';
 * const p: ContiguityProvider = createContiguityProvider(null);
 * p(['59350']); // "unknown"
 * ```
 * @category Adjacency
 */
export type ContiguityProvider = (communeCodes: readonly string[]) => Contiguity;

/**
 * Creates the provider behind the optional ITIE contiguity criterion. With no topology (no
 * contours available) every answer is `unknown` — never a silent pass; so is the answer for a list
 * holding a code that is unknown, malformed or outside the territory graph, or a commune without a
 * contour (see {@link isContiguous}). Codes are current commune
 * codes; when the topology was built from another vintage, join it first with {@link joinVintage}.
 *
 * @param topology - The commune topology, or `null`/`undefined` when no contours are available.
 * @param options - `graph`: the territory graph used to map old codes (default `cprdfop/territory`; `null` to take codes as they are).
 * @returns `(communeCodes) => true | false | 'unknown'`.
 * @example
 * ```ts
 * import { buildTopology, createContiguityProvider, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1), sq('C', 2)] }));
 * const contiguous = createContiguityProvider(topo, { graph: null });
 * contiguous(['A', 'B']); // true
 * contiguous(['A', 'C']); // false
 * createContiguityProvider(undefined)(['A']); // "unknown"
 * ```
 * @category Adjacency
 */
export function createContiguityProvider(
  topology: CommuneTopology | null | undefined,
  options: { graph?: GeoGraph | null } = {},
): ContiguityProvider {
  if (!topology) return () => 'unknown';
  return (communeCodes) => isContiguous(topology, { communes: communeCodes }, options);
}
