import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLocator, parseContours } from '../../src/geo/index.js';

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
