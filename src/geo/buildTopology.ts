import type { Feature } from 'geojson';
import { topology as buildTopo } from 'topojson-server';
import { buildArcTopology } from './_internal/arcs.js';
import { type CommuneTopoJSON, CommuneTopology } from './CommuneTopology.js';
import type { CommuneContours } from './types.js';

/**
 * Builds the topology of commune contours, once: shared borders become shared arcs. Coordinates are
 * kept exactly (no quantization) unless `quantization` is given. The result is the topology
 * topojson-server builds (same arcs, same geometry objects), computed on typed arrays; with
 * `quantization`, or on contours that were not validated (a ring of fewer than 4 positions, an
 * open ring, a coordinate that is not a finite number), topojson-server itself builds it.
 *
 * @param contours - Normalized contours from {@link parseContours} or {@link readContours}.
 * @param options - `quantization`: a topojson quantization (e.g. `1e6`) to shrink the topology; lossy.
 * @returns The commune topology.
 * @example
 * ```ts
 * import { buildTopology, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('B', 1), sq('A', 0)] }));
 * topo.size; // 2
 * topo.codes; // ["A","B"]
 * ```
 * @category Topology
 */
export function buildTopology(
  contours: CommuneContours,
  options: { quantization?: number } = {},
): CommuneTopology {
  const sorted = [...contours.features].sort((a, b) =>
    a.properties.code < b.properties.code ? -1 : a.properties.code > b.properties.code ? 1 : 0,
  );
  if (!(options.quantization !== undefined && options.quantization > 0)) {
    const built = buildArcTopology(sorted);
    if (built) return new CommuneTopology(built);
  }
  const features = sorted.map(
    (f): Feature => ({
      type: 'Feature',
      id: f.properties.code,
      properties: { code: f.properties.code, name: f.properties.name },
      geometry: f.geometry,
    }),
  );
  const topo = buildTopo(
    { communes: { type: 'FeatureCollection', features } as never },
    options.quantization,
  ) as unknown as CommuneTopoJSON;
  return new CommuneTopology(topo);
}
