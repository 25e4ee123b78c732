import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildGrid,
  locateIndex,
  locateIndexSlow,
  locateIndices,
  packPolygons,
  REFERENCE_X,
  REFERENCE_Y,
} from '../../src/geo/_internal/pip.js';
import { parseContours } from '../../src/geo/index.js';
import type { CommuneFeature } from '../../src/geo/types.js';
import { tessellation } from './_tessellation.js';

type Ring = [number, number][];

const feature = (code: string, rings: Ring[]): CommuneFeature =>
  ({
    type: 'Feature',
    properties: { code, name: null },
    geometry: { type: 'Polygon', coordinates: rings },
  }) as unknown as CommuneFeature;

/** Lattice values (exact boundaries are frequent) or values with 9 decimals like real coordinates, in [0, 4]. */
const coordinate = fc.oneof(
  fc.integer({ min: 0, max: 16 }).map((step) => step / 4),
  fc.integer({ min: 0, max: 4e9 }).map((value) => value / 1e9),
);

/** Distance from a point to the nearest edge of the features. */
function distanceToEdges(features: readonly CommuneFeature[], x: number, y: number): number {
  let best = Infinity;
  for (const f of features)
    for (const ring of f.geometry.coordinates as unknown as Ring[])
      for (let k = 0; k + 1 < ring.length; k++) {
        const [ax, ay] = ring[k] as [number, number];
        const [bx, by] = ring[k + 1] as [number, number];
        const ex = bx - ax;
        const ey = by - ay;
        const along = Math.max(0, Math.min(1, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey || 1)));
        best = Math.min(best, Math.hypot(x - ax - along * ex, y - ay - along * ey));
      }
  return best;
}

/** A rectangle, a triangle or a rectangle with a rectangular hole, counterclockwise. */
const polygon: fc.Arbitrary<Ring[]> = fc.oneof(
  fc.tuple(coordinate, coordinate, coordinate, coordinate).map(([a, b, c, d]): Ring[] => {
    const [x0, x1] = a < c ? [a, c] : [c, a];
    const [y0, y1] = b < d ? [b, d] : [d, b];
    if (x0 === x1 || y0 === y1) return [];
    const outer: Ring = [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ];
    const w = (x1 - x0) / 4;
    const h = (y1 - y0) / 4;
    const hole: Ring = [
      [x0 + w, y0 + h],
      [x0 + w, y1 - h],
      [x1 - w, y1 - h],
      [x1 - w, y0 + h],
      [x0 + w, y0 + h],
    ];
    return w > 0.2 ? [outer, hole] : [outer];
  }),
  fc
    .tuple(coordinate, coordinate, coordinate, coordinate, coordinate, coordinate)
    .map(([ax, ay, bx, by, cx, cy]): Ring[] => {
      const area = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
      if (area === 0) return [];
      return area > 0
        ? [
            [
              [ax, ay],
              [bx, by],
              [cx, cy],
              [ax, ay],
            ],
          ]
        : [
            [
              [ax, ay],
              [cx, cy],
              [bx, by],
              [ax, ay],
            ],
          ];
    }),
);

describe('locator grid (cell blocks, reference points, covers) against the crossing-number test', () => {
  it('gives the answer of locateIndexSlow on overlapping random polygons, boundaries included, at any density', () => {
    fc.assert(
      fc.property(
        fc.array(polygon, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(1e-9, 0.05, 0.7, 3, 40, 900),
        fc.constantFrom(0, 16),
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 60 }),
        (shapes, density, coverBudget, points) => {
          const features = shapes
            .filter((rings) => rings.length > 0)
            .map((rings, index) => feature(`F${String(index).padStart(2, '0')}`, rings));
          if (features.length === 0) return;
          const packed = packPolygons(features);
          const grid = buildGrid(packed, density, coverBudget);
          const probes = [
            ...points,
            ...features.flatMap((f) => f.geometry.coordinates.flat(1) as [number, number][]),
          ];
          for (const [x, y] of probes) {
            const expected = locateIndexSlow(packed, x, y);
            // twice: the first query of a cell prepares it
            const first = locateIndex(packed, grid, x, y);
            expect(locateIndex(packed, grid, x, y)).toBe(first);
            // both are floating-point tests: they may only differ within rounding of a border
            if (first !== expected) expect(distanceToEdges(features, x, y)).toBeLessThan(1e-12);
          }
        },
      ),
      { numRuns: 300, seed: 18 },
    );
  });

  it('answers a batch (locateIndices, two passes) exactly as locateIndex point by point, at any grid size', () => {
    fc.assert(
      fc.property(
        fc.array(polygon, { minLength: 1, maxLength: 10 }),
        fc.double({ min: 1e-9, max: 2000, noNaN: true }),
        fc.constantFrom(0, 16),
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 0, maxLength: 80 }),
        (shapes, density, coverBudget, points) => {
          const features = shapes
            .filter((rings) => rings.length > 0)
            .map((rings, index) => feature(`F${String(index).padStart(2, '0')}`, rings));
          if (features.length === 0) return;
          const packed = packPolygons(features);
          // outside the extent, on its far sides, NaN: every branch of the first pass
          const probes: [number, number][] = [
            ...points,
            ...features.flatMap((f) => f.geometry.coordinates.flat(1) as [number, number][]),
            // the last row and column of the grid take the points on the extent's far sides
            ...points.map(([x]): [number, number] => [x, packed.index.maxY]),
            ...points.map(([, y]): [number, number] => [packed.index.maxX, y]),
            [-1, 2],
            [5, 2],
            [2, -1],
            [2, 5],
            [packed.index.maxX, packed.index.maxY],
            [packed.index.minX, packed.index.maxY],
            [Number.NaN, 1],
            [1, Number.POSITIVE_INFINITY],
          ];
          const flat = new Float64Array(probes.flat());
          // a fresh grid for the batch, so that it prepares the cells itself
          const batch = locateIndices(
            packed,
            buildGrid(packed, density, coverBudget),
            flat,
            new Int32Array(probes.length),
          );
          const single = buildGrid(packed, density, coverBudget);
          expect(Array.from(batch)).toEqual(probes.map(([x, y]) => locateIndex(packed, single, x, y)));
          // a plain array of numbers gives the same answers
          expect(
            Array.from(locateIndices(packed, single, Array.from(flat), new Int32Array(probes.length))),
          ).toEqual(Array.from(batch));
        },
      ),
      { numRuns: 300, seed: 180 },
    );
  });

  it('lists a border shared by two features once per cell (a reference for the second), with the same answers', () => {
    const raw = tessellation(7, 5, 3, [0, 0, 7, 5]);
    const features = raw.features.map((f) => feature(f.properties.code, f.geometry.coordinates as Ring[]));
    const packed = packPolygons(features);
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const probes: [number, number][] = [
      ...Array.from({ length: 2000 }, (): [number, number] => [random() * 7, random() * 5]),
      ...features.flatMap((f) => f.geometry.coordinates.flat(1) as [number, number][]),
    ];
    for (const density of [0.3, 1, 2, 5, 20]) {
      const grid = buildGrid(packed, density);
      // walk the blocks: references are runs whose count is negative
      let references = 0;
      for (const value of grid.cell) {
        if (value > -2) continue;
        const block = -2 - value;
        let entry = block + 5;
        for (let listed = 0; listed < (grid.data[block] as number); listed++) {
          const end = entry + 3 + (grid.data[entry + 2] as number);
          for (entry += 3; entry < end; ) {
            const n = grid.data[entry] as number;
            if (n < 0) {
              references++;
              expect(-n).toBeLessThan(entry - block);
              entry += 1;
            } else entry += 1 + 2 * n;
          }
        }
      }
      expect(references).toBeGreaterThan(0);
      const batch = locateIndices(
        packed,
        grid,
        new Float64Array(probes.flat()),
        new Int32Array(probes.length),
      );
      probes.forEach(([x, y], i) => {
        const expected = locateIndexSlow(packed, x, y);
        expect(locateIndex(packed, grid, x, y)).toBe(batch[i]);
        if (batch[i] !== expected) expect(distanceToEdges(features, x, y)).toBeLessThan(1e-12);
      });
    }
  });

  it('answers through the robust test when every candidate reference point lies on an edge line', () => {
    // one cell over [0, 1]²; the triangle's long side runs along x + y = 1, through every candidate
    for (let choice = 0; choice < REFERENCE_X.length; choice++)
      expect((REFERENCE_X[choice] as number) + (REFERENCE_Y[choice] as number)).toBeCloseTo(1, 12);
    const square = feature('A', [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ]);
    const triangle = feature('B', [
      [
        [0.1, 0.9],
        [0.9, 0.1],
        [0.9, 0.9],
        [0.1, 0.9],
      ],
    ]);
    const packed = packPolygons([square, triangle]);
    const grid = buildGrid(packed, 1e-9);
    expect(grid.nx * grid.ny).toBe(1);
    expect(locateIndex(packed, grid, 0.8, 0.8)).toBe(0);
    expect(grid.data[2]).toBe(-2); // no reference point: the cell uses the robust test
    expect(locateIndex(packed, grid, 1.5, 0.5)).toBe(-1);
    const onlyTriangle = packPolygons([triangle]);
    const triangleGrid = buildGrid(onlyTriangle, 1e-9);
    expect(locateIndex(onlyTriangle, triangleGrid, 0.8, 0.8)).toBe(0);
    expect(locateIndex(onlyTriangle, triangleGrid, 0.2, 0.2)).toBe(-1);
    expect(locateIndex(onlyTriangle, triangleGrid, 0.5, 0.5)).toBe(0); // on the long side
  });

  it('finds a large low-code feature under a small overlapping one (the lowest code wins)', () => {
    const big = feature('A', [
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
    ]);
    const small = feature('Z', [
      [
        [1, 1],
        [1.01, 1],
        [1.01, 1.01],
        [1, 1.01],
        [1, 1],
      ],
    ]);
    const contours = parseContours(
      { type: 'FeatureCollection', features: [big, small] },
      { overlaps: false },
    );
    const packed = packPolygons(contours.features);
    for (const coverBudget of [0, 16]) {
      // covers searched on first use, or filled at build time
      const grid = buildGrid(packed, 50, coverBudget);
      expect(locateIndex(packed, grid, 1.005, 1.005)).toBe(0);
      expect(locateIndex(packed, grid, 1.0001, 1.005)).toBe(0);
      expect(locateIndex(packed, grid, 3, 3)).toBe(0);
    }
  });
});
