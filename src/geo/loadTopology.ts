import { renderBoth } from '../_shared/messages.js';
import { type CommuneTopoJSON, CommuneTopology } from './CommuneTopology.js';
import { GeoDataError } from './GeoDataError.js';

/**
 * Where a saved topology comes from, stored beside the TopoJSON members under the `cprdfop` key
 * (TopoJSON allows foreign members): the SHA-256 of the contours file it was built from, and the
 * territory vintage it was joined to. {@link loadTopology} compares them with what it is told to
 * expect, so that a topology built from other contours, or for another vintage, is never used.
 *
 * @example
 * ```ts
 * import type { TopologyStamp } from 'cprdfop/geo';
 * const stamp: TopologyStamp = { format: 1, source: { sha256: 'ab', bytes: 2, file: 'communes.geojson' } };
 * stamp.format; // 1
 * ```
 * @category Topology
 */
export interface TopologyStamp {
  /** The stamp format (1). */
  format: 1;
  /** The contours file: SHA-256 (lowercase hex) of its bytes, its size and its name (informative). */
  source: { sha256: string; bytes: number; file: string };
  /** The territory vintage the contours were joined to (e.g. `cog2026`), when joined. */
  vintage?: string;
  /** Warnings of the build (e.g. contour codes that match no commune), to be shown again on use. */
  warnings?: string[];
}

/**
 * Restores a cached topology (the JSON of {@link CommuneTopology.toTopoJSON}, optionally with a
 * {@link TopologyStamp} under the `cprdfop` key).
 *
 * @param json - Parsed TopoJSON with a `communes` GeometryCollection.
 * @param expect - When given, the topology must carry a stamp with this source SHA-256 (and this
 * vintage, when given): a topology built from other contours, for another vintage, or without a
 * stamp is refused.
 * @returns The commune topology.
 * @throws {@link GeoDataError} `E_INVALID_TOPOLOGY` when it is not such a topology;
 * `E_TOPOLOGY_MISMATCH` when it was not built from the expected source or vintage (the message
 * names both hashes).
 * @example
 * ```ts
 * import { buildTopology, loadTopology, parseContours } from 'cprdfop/geo';
 * const t = buildTopology(parseContours({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'A' },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }] }));
 * const saved = { ...t.toTopoJSON(), cprdfop: { format: 1, source: { sha256: 'ab12', bytes: 9, file: 'a.geojson' } } };
 * loadTopology(JSON.parse(JSON.stringify(saved)), { sha256: 'ab12' }).codes; // ["A"]
 * let code = '';
 * try { loadTopology(saved, { sha256: 'ffff' }); } catch (error) { code = (error as { code: string }).code; }
 * code; // "E_TOPOLOGY_MISMATCH"
 * ```
 * @category Topology
 */
export function loadTopology(json: unknown, expect?: { sha256: string; vintage?: string }): CommuneTopology {
  const t = json as { type?: unknown; arcs?: unknown; cprdfop?: unknown } | null;
  if (t?.type !== 'Topology' || !Array.isArray(t.arcs)) {
    throw new GeoDataError(
      'E_INVALID_TOPOLOGY',
      renderBoth({
        fr: 'ce n’est pas une Topology TopoJSON (type « Topology » et tableau « arcs » attendus)',
        en: 'not a TopoJSON Topology (expected type "Topology" and an "arcs" array)',
      }),
    );
  }
  if (expect) {
    const stamp = topologyStamp(json);
    if (!stamp)
      throw new GeoDataError(
        'E_TOPOLOGY_MISMATCH',
        renderBoth(
          {
            fr: 'la topologie n’a pas de marque « cprdfop » (SHA-256 de la source) : impossible de savoir si elle a été construite à partir des contours de SHA-256 {expected}',
            en: 'the topology has no "cprdfop" stamp (source SHA-256): cannot tell whether it was built from the contours of SHA-256 {expected}',
          },
          { expected: expect.sha256 },
        ),
      );
    if (stamp.source.sha256 !== expect.sha256)
      throw new GeoDataError(
        'E_TOPOLOGY_MISMATCH',
        renderBoth(
          {
            fr: 'la topologie a été construite à partir d’un autre fichier de contours ({file}, SHA-256 {found}), et non à partir des contours de SHA-256 {expected}',
            en: 'the topology was built from another contours file ({file}, SHA-256 {found}), not from the contours of SHA-256 {expected}',
          },
          { file: String(stamp.source.file), found: stamp.source.sha256, expected: expect.sha256 },
        ),
      );
    if (expect.vintage !== undefined && stamp.vintage !== expect.vintage)
      throw new GeoDataError(
        'E_TOPOLOGY_MISMATCH',
        renderBoth(
          {
            fr: 'la topologie a été jointe au millésime territorial {found}, et non {expected}',
            en: 'the topology was joined to territory vintage {found}, not {expected}',
          },
          {
            found: stamp.vintage ?? { fr: '(aucun)', en: '(none)' },
            expected: expect.vintage,
          },
        ),
      );
  }
  return new CommuneTopology(json as CommuneTopoJSON);
}

/**
 * The {@link TopologyStamp} of a saved topology.
 *
 * @param json - Parsed TopoJSON.
 * @returns Its stamp, or `undefined` when it has none or a malformed one.
 * @example
 * ```ts
 * import { topologyStamp } from 'cprdfop/geo';
 * topologyStamp({ type: 'Topology', arcs: [], objects: {} }); // undefined
 * topologyStamp({ cprdfop: { format: 1, source: { sha256: 'ab', bytes: 2, file: 'c.json' } } })?.source.sha256; // "ab"
 * ```
 * @category Topology
 */
export function topologyStamp(json: unknown): TopologyStamp | undefined {
  const stamp = (json as { cprdfop?: unknown } | null)?.cprdfop as Partial<TopologyStamp> | undefined;
  const source = stamp?.source as Partial<TopologyStamp['source']> | undefined;
  if (
    stamp?.format !== 1 ||
    typeof source?.sha256 !== 'string' ||
    typeof source.bytes !== 'number' ||
    typeof source.file !== 'string' ||
    (stamp.vintage !== undefined && typeof stamp.vintage !== 'string') ||
    (stamp.warnings !== undefined &&
      !(Array.isArray(stamp.warnings) && stamp.warnings.every((w) => typeof w === 'string')))
  )
    return undefined;
  return stamp as TopologyStamp;
}
