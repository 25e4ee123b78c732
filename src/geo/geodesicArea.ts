import { geoArea } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { toD3Winding } from './_internal/rings.js';

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
 * The geodesic area of a polygon or multipolygon, in km²: d3-geo's spherical area (great-circle
 * edges, exact spherical excess) times R², with R the WGS84 authalic radius
 * ({@link EARTH_RADIUS_M}). Expects RFC 7946 winding (as produced by {@link parseContours} and the
 * compose functions). The area of a merge equals the sum of its members' areas.
 *
 * @param geometry - A Polygon or MultiPolygon in lon/lat degrees, exterior rings counterclockwise.
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
  return (geoArea(toD3Winding(geometry)) * EARTH_RADIUS_M * EARTH_RADIUS_M) / 1e6;
}
