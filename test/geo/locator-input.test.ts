import { describe, expect, it } from 'vitest';
import { createLocator, GeoDataError, parseContours } from '../../src/geo/index.js';

const square = (code: string, x: number) => ({
  type: 'Feature' as const,
  properties: { code },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  },
});
const locator = () =>
  createLocator(parseContours({ type: 'FeatureCollection', features: [square('A', 0), square('B', 1)] }), {
    graph: null,
  });

describe('locateIndices and locateMany never drop a point silently', () => {
  it('refuses an odd number of coordinates, naming the count in both languages', () => {
    const loc = locator();
    for (const flat of [[0.5], [0.5, 0.5, 1.5], new Float64Array(7)]) {
      const error = (() => {
        try {
          loc.locateIndices(flat);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(GeoDataError);
      expect((error as GeoDataError).code).toBe('E_INVALID_POINTS');
      expect((error as GeoDataError).message).toContain(`${flat.length} numbers`);
      expect((error as GeoDataError).messages.fr).toContain(`${flat.length} nombres`);
      expect(() => loc.locateMany(flat)).toThrow(GeoDataError);
    }
  });

  it('refuses an output array shorter than the points', () => {
    const loc = locator();
    expect(() => loc.locateIndices([0.5, 0.5, 1.5, 0.5], new Int32Array(1))).toThrow(/1 slots for 2 points/);
  });

  it('answers every point of an even batch, with a longer output array left as it was beyond them', () => {
    const loc = locator();
    const out = new Int32Array(4).fill(99);
    loc.locateIndices([0.5, 0.5, 1.5, 0.5, 5, 5], out);
    expect(Array.from(out)).toEqual([loc.codes.indexOf('A'), loc.codes.indexOf('B'), -1, 99]);
    expect(loc.locateMany([])).toEqual([]);
    expect(loc.locateIndices([]).length).toBe(0);
  });
});
