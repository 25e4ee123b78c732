import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { polygonsOf } from './_internal/rings.js';
import { geodesicArea } from './geodesicArea.js';

/**
 * A point inside the shape, far from its edges, for a label: the pole of inaccessibility
 * (polylabel) of the largest polygon, computed with longitudes scaled by cos(latitude) so that
 * distances are about isotropic.
 *
 * @param geometry - A Polygon or MultiPolygon in lon/lat degrees.
 * @param precision - Precision in degrees (default `1e-4`, about 10 m).
 * @returns `[lon, lat]`, inside the largest polygon.
 * @example
 * ```ts
 * import { labelPoint } from 'cprdfop/geo';
 * labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }); // [1,1]
 * ```
 * @category Measures
 */
export function labelPoint(geometry: Polygon | MultiPolygon, precision = 1e-4): [number, number] {
  const polys = polygonsOf(geometry);
  let best: Position[][] | undefined;
  let bestArea = -1;
  for (const poly of polys) {
    const a = polys.length === 1 ? 1 : geodesicArea({ type: 'Polygon', coordinates: poly });
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  if (!best?.[0]?.length) return [Number.NaN, Number.NaN];
  let lat0 = 0;
  for (const p of best[0]) lat0 += p[1] as number;
  lat0 /= best[0].length;
  const k = Math.cos((lat0 * Math.PI) / 180) || 1;
  const scaled = best.map((ring) =>
    ring.map((p): [number, number] => [(p[0] as number) * k, p[1] as number]),
  );
  const pt = polylabel(scaled, precision);
  return [(pt[0] as number) / k, pt[1] as number];
}
