import { type CommuneTopoJSON, CommuneTopology } from './CommuneTopology.js';
import { GeoDataError } from './GeoDataError.js';

/**
 * Restores a cached topology (the JSON of {@link CommuneTopology.toTopoJSON}).
 *
 * @param json - Parsed TopoJSON with a `communes` GeometryCollection.
 * @returns The commune topology.
 * @throws {@link GeoDataError} `E_INVALID_TOPOLOGY` when it is not such a topology.
 * @example
 * ```ts
 * import { buildTopology, loadTopology, parseContours } from 'cprdfop/geo';
 * const t = buildTopology(parseContours({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'A' },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }] }));
 * loadTopology(JSON.parse(JSON.stringify(t.toTopoJSON()))).codes; // ["A"]
 * ```
 * @category Topology
 */
export function loadTopology(json: unknown): CommuneTopology {
  const t = json as { type?: unknown; arcs?: unknown } | null;
  if (t?.type !== 'Topology' || !Array.isArray(t.arcs)) {
    throw new GeoDataError(
      'E_INVALID_TOPOLOGY',
      'not a TopoJSON Topology (expected type "Topology" and an "arcs" array)',
    );
  }
  return new CommuneTopology(json as CommuneTopoJSON);
}
