import type { MultiPolygon, Polygon } from 'geojson';
import { polygonSphericalArea, polygonsOf } from './_internal/rings.js';

/**
 * The radius used for geodesic measures: the WGS84 authalic radius (sphere of equal area), in metres.
 *
 * @example
 * ```ts
 * import { EARTH_RADIUS_M } from 'cprdfop/geo';
 * EARTH_RADIUS_M; // 6371007.2
 * ```
 * @category Measures
 */
export const EARTH_RADIUS_M = 6371007.2;

/**
 * The geodesic area of a polygon or multipolygon, in km²: the spherical area (great-circle
 * edges, exact spherical excess per edge, the summation of d3-geo's `geoArea`) times R², with R
 * the WGS84 authalic radius ({@link EARTH_RADIUS_M}). Each polygon measures its exterior ring minus
 * its holes; a ring's area is signed by its orientation on the sphere and taken in absolute value,
 * so a degenerate ring (collinear, or a sliver narrower than the great-circle bulge of its edges)
 * measures about 0, never the complement of the sphere (510 million km²). The area of a merge
 * equals the sum of its members' areas.
 *
 * @param geometry - A Polygon or MultiPolygon in lon/lat degrees (RFC 7946 winding expected, not required).
 * @returns The area in km².
 * @example
 * ```ts
 * import { geodesicArea } from 'cprdfop/geo';
 * const a = geodesicArea({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] });
 * Math.round(a); // 12364
 * ```
 * @category Measures
 */
export function geodesicArea(geometry: Polygon | MultiPolygon): number {
  let steradians = 0;
  for (const polygon of polygonsOf(geometry)) steradians += polygonSphericalArea(polygon);
  return (steradians * EARTH_RADIUS_M * EARTH_RADIUS_M) / 1e6;
}
