import type { MultiPolygon, Polygon } from 'geojson';
import { boundingBox } from './boundingBox.js';
import { geodesicArea } from './geodesicArea.js';
import { geodesicPerimeter } from './geodesicPerimeter.js';
import { labelPoint } from './labelPoint.js';

/**
 * The measures of a shape.
 *
 * @example
 * ```ts
 * import type { Measures } from 'cprdfop/geo';
 * const m: Measures = { areaKm2: 1, perimeterKm: 4, bbox: [0, 0, 1, 1], labelPoint: [0.5, 0.5] };
 * m.bbox; // [0,0,1,1]
 * ```
 * @category Measures
 */
export interface Measures {
  /** Geodesic area in km² ({@link geodesicArea}). */
  areaKm2: number;
  /** Geodesic perimeter in km ({@link geodesicPerimeter}). */
  perimeterKm: number;
  /** `[minLon, minLat, maxLon, maxLat]`. */
  bbox: [number, number, number, number];
  /** A label point inside the shape ({@link labelPoint}). */
  labelPoint: [number, number];
}

/**
 * Area, perimeter, bounding box and label point of a shape, at once.
 *
 * @param geometry - A Polygon or MultiPolygon (a commune, or a composed territory's geometry).
 * @returns The measures.
 * @example
 * ```ts
 * import { measure } from 'cprdfop/geo';
 * const m = measure({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] });
 * m.labelPoint; // [1,1]
 * Math.round(m.areaKm2); // 49452
 * ```
 * @category Measures
 */
export function measure(geometry: Polygon | MultiPolygon): Measures {
  return {
    areaKm2: geodesicArea(geometry),
    perimeterKm: geodesicPerimeter(geometry),
    bbox: boundingBox(geometry),
    labelPoint: labelPoint(geometry),
  };
}
