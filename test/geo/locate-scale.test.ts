import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocator, parseContours } from '../../src/geo/index.js';
import { tessellation } from './_tessellation.js';

/** A star-shaped ring of n vertices around (2.5, 46.5), with a hole: exercises the segment index. */
function bigRing(n: number) {
  const ring = Array.from({ length: n + 1 }, (_, i) => {
    const a = (2 * Math.PI * (i % n)) / n;
    const r = 1 + 0.3 * Math.sin(a * 37) * Math.cos(a * 5);
    return [
      Math.round((2.5 + r * Math.cos(a)) * 1e7) / 1e7,
      Math.round((46.5 + 0.7 * r * Math.sin(a)) * 1e7) / 1e7,
    ];
  });
  const hole = Array.from({ length: 2001 }, (_, i) => {
    const a = (-2 * Math.PI * (i % 2000)) / 2000;
    return [
      Math.round((2.5 + 0.2 * Math.cos(a)) * 1e7) / 1e7,
      Math.round((46.5 + 0.1 * Math.sin(a)) * 1e7) / 1e7,
    ];
  });
  return parseContours(
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'BIG' },
          geometry: { type: 'Polygon', coordinates: [ring, hole] },
        },
      ],
    },
    { overlaps: false },
  );
}

describe('locator on huge rings (segment index)', () => {
  const contours = bigRing(50_000);
  const locator = createLocator(contours, { graph: null });
  const feature = contours.features[0];
  it('agrees with brute-force turf on random points, holes included', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 4, noNaN: true }),
        fc.double({ min: 45.4, max: 47.6, noNaN: true }),
        (x, y) => {
          const inside = booleanPointInPolygon([x, y], feature as never);
          expect(locator.locateCode(x, y)).toBe(inside ? 'BIG' : null);
        },
      ),
      { numRuns: 400, seed: 18 },
    );
  });
  it('counts vertices and edge points of the huge ring as inside (boundary)', () => {
    const ring = feature?.geometry.coordinates[0] ?? [];
    for (const i of [0, 1, 777, 25_000, 49_999]) {
      const p = ring[i] as number[];
      expect(locator.locateCode(p[0] as number, p[1] as number)).toBe('BIG');
    }
    expect(locator.locateCode(2.5, 46.5)).toBeNull(); // in the hole
  });
});

describe('locator on a tessellation with enclaves (grid cell blocks, per-cell cover)', () => {
  // 12 × 9 jittered cells; cell T00040 gets a hole filled by an enclave E (an enclave's cells list
  // only E's edges, so the surrounding commune is found through the per-cell fallback)
  const raw = tessellation(12, 9, 5, [2, 49, 3.2, 49.9]);
  const host = raw.features.find((f) => f.properties.code === 'T00040');
  const ring = host?.geometry.coordinates[0] ?? [];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const hole = [
    [cx - 0.01, cy - 0.01],
    [cx - 0.01, cy + 0.01],
    [cx + 0.01, cy + 0.01],
    [cx + 0.01, cy - 0.01],
    [cx - 0.01, cy - 0.01],
  ];
  host?.geometry.coordinates.push(hole);
  const enclave = {
    type: 'Feature' as const,
    properties: { code: 'E' },
    geometry: { type: 'Polygon' as const, coordinates: [[...hole].reverse()] },
  };
  // and an overlapping square O inside cell T00050 (no hole there: the cells along O's sides list
  // only O, so a point beside O is found in T00050 through the per-cell fallback)
  const other = raw.features.find((f) => f.properties.code === 'T00050')?.geometry.coordinates[0] ?? [];
  const ox = other.reduce((sum, p) => sum + (p[0] as number), 0) / other.length;
  const oy = other.reduce((sum, p) => sum + (p[1] as number), 0) / other.length;
  const overlapping = {
    type: 'Feature' as const,
    properties: { code: 'O' },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [ox - 0.02, oy - 0.02],
          [ox + 0.02, oy - 0.02],
          [ox + 0.02, oy + 0.02],
          [ox - 0.02, oy + 0.02],
          [ox - 0.02, oy - 0.02],
        ],
      ],
    },
  };
  const contours = parseContours(
    { type: 'FeatureCollection', features: [...raw.features, enclave, overlapping] },
    {
      overlaps: false,
    },
  );
  const sorted = [...contours.features].sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  const locator = createLocator(contours, { graph: null });
  /** Independent reference: turf on every feature, the lowest code holding (or touching) the point. */
  const reference = (x: number, y: number): string | null =>
    sorted.find((f) => booleanPointInPolygon([x, y], f as never))?.properties.code ?? null;
  it('agrees with brute-force turf on random points, vertices and edge midpoints', () => {
    const vertices = [...raw.features, enclave, overlapping].flatMap((f) => f.geometry.coordinates.flat(1));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(
            fc.double({ min: 1.9, max: 3.3, noNaN: true }),
            fc.double({ min: 48.9, max: 50, noNaN: true }),
          ),
          fc.tuple(
            fc.double({ min: cx - 0.02, max: cx + 0.02, noNaN: true }),
            fc.double({ min: cy - 0.02, max: cy + 0.02, noNaN: true }),
          ),
          fc.nat({ max: vertices.length - 1 }).map((i) => vertices[i] as unknown as [number, number]),
        ),
        ([x, y]) => {
          expect(locator.locateCode(x, y)).toBe(reference(x, y));
        },
      ),
      { numRuns: 3000, seed: 18 },
    );
    // many points in the enclave's neighbourhood, through the batch form, in two passes (the
    // per-cell fallback is memoized on first use: the second pass must give the same answers)
    const flat = new Float64Array(2 * 4000);
    for (let i = 0; i < 4000; i++) {
      const [x0, y0] = i < 2000 ? [cx, cy] : [ox, oy];
      flat[2 * i] = x0 - 0.03 + (0.06 * (i % 50)) / 49;
      flat[2 * i + 1] = y0 - 0.03 + (0.06 * Math.floor((i % 2000) / 50)) / 39;
    }
    const expected = Array.from({ length: 4000 }, (_, i) =>
      reference(flat[2 * i] as number, flat[2 * i + 1] as number),
    );
    expect(locator.locateMany(flat)).toEqual(expected);
    expect(locator.locateMany(flat)).toEqual(expected);
    expect(expected).toContain('E');
    expect(expected).toContain('T00040');
    expect(expected).toContain('O');
    expect(expected).toContain('T00050');
  });
});
