import { geoLength } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonsOf } from './_internal/rings.js';
import { EARTH_RADIUS_M } from './geodesicArea.js';

/**
 * The geodesic perimeter of a polygon or multipolygon, in km: the great-circle length of every
 * ring (holes included) on the sphere of radius {@link EARTH_RADIUS_M}.
 *
 * @param geometry - A Polygon or MultiPolygon in lon/lat degrees.
 * @returns The perimeter in km.
 * @example
 * ```ts
 * import { geodesicPerimeter } from 'cprdfop/geo';
 * Math.round(geodesicPerimeter({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] })); // 445
 * ```
 * @category Measures
 */
export function geodesicPerimeter(geometry: Polygon | MultiPolygon): number {
  const rings = polygonsOf(geometry).flat();
  return (geoLength({ type: 'MultiLineString', coordinates: rings }) * EARTH_RADIUS_M) / 1000;
}
