import type { Position } from 'geojson';
import { type CommuneContours, parseContours } from '../../src/geo/index.js';

/** A square "commune" of side `size` degrees with its south-west corner at (x, y). */
export function square(
  code: string,
  x: number,
  y: number,
  size = 0.1,
): {
  type: 'Feature';
  properties: { code: string; nom: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] };
} {
  const r = (v: number): number => Math.round(v * 1e6) / 1e6;
  return {
    type: 'Feature',
    properties: { code, nom: `Commune ${code}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [r(x), r(y)],
          [r(x + size), r(y)],
          [r(x + size), r(y + size)],
          [r(x), r(y + size)],
          [r(x), r(y)],
        ],
      ],
    },
  };
}

/** Code of cell (row, col) of the synthetic grid: `g` + row + col, e.g. `g21`. */
export const cellCode = (row: number, col: number): string => `g${row}${col}`;

/** A 4×4 grid of 0.1° squares from (2, 50): row 0 is the southern row, col 0 the western column. */
export function grid4(): CommuneContours {
  const features = [];
  for (let row = 0; row < 4; row++)
    for (let col = 0; col < 4; col++)
      features.push(square(cellCode(row, col), 2 + col * 0.1, 50 + row * 0.1));
  return parseContours({ type: 'FeatureCollection', features });
}
