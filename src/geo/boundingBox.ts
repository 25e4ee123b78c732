import type { MultiPolygon, Polygon } from 'geojson';
import { polygonsOf } from './_internal/rings.js';

/**
 * The bounding box of a polygon or multipolygon, `[minLon, minLat, maxLon, maxLat]` (planar, no
 * antimeridian handling: fine for France).
 *
 * @param geometry - A Polygon or MultiPolygon in lon/lat degrees.
 * @returns `[minLon, minLat, maxLon, maxLat]`.
 * @example
 * ```ts
 * import { boundingBox } from 'cprdfop/geo';
 * boundingBox({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]] }); // [0,0,2,1]
 * ```
 * @category Measures
 */
export function boundingBox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const poly of polygonsOf(geometry)) {
    for (const p of poly[0] ?? []) {
      const x = p[0] as number;
      const y = p[1] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return [x0, y0, x1, y1];
}
