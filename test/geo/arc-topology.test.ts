/**
 * The typed-array arc builder behind buildTopology against topojson-server (the reference, a
 * devDependency for this test): the same TopoJSON, key for key and arc for arc, on the 2018
 * snapshot, on random tessellations and on crafted cases (enclaves, duplicates, rotations, touching
 * corners, holes, multipolygons, -0); and the same adjacency and compositions.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { topology as referenceTopology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { buildArcTopology } from '../../src/geo/_internal/arcs.js';
import {
  buildTopology,
  type CommuneContours,
  type CommuneFeature,
  CommuneTopology,
  communeAdjacency,
  composeTerritory,
  geodesicArea,
  parseContours,
} from '../../src/geo/index.js';
import { requireShared } from '../_helpers/shared.js';
import { tessellation } from './_tessellation.js';

/** What buildTopology gave before the typed-array builder: topojson-server on the sorted features. */
function reference(contours: CommuneContours): CommuneTopology {
  const features = [...contours.features]
    .sort((a, b) =>
      a.properties.code < b.properties.code ? -1 : a.properties.code > b.properties.code ? 1 : 0,
    )
    .map((f) => ({
      type: 'Feature' as const,
      id: f.properties.code,
      properties: { code: f.properties.code, name: f.properties.name },
      geometry: f.geometry,
    }));
  return new CommuneTopology(
    referenceTopology({ communes: { type: 'FeatureCollection', features } as never }) as never,
  );
}

/** The same topology: deep equality, and the same JSON text (so the same key order). */
function expectSame(contours: CommuneContours): { ours: CommuneTopology; theirs: CommuneTopology } {
  const theirs = reference(contours);
  const ours = buildTopology(contours);
  expect(ours.toTopoJSON()).toStrictEqual(theirs.toTopoJSON());
  expect(JSON.stringify(ours.toTopoJSON())).toBe(JSON.stringify(theirs.toTopoJSON()));
  return { ours, theirs };
}

const feature = (code: string, coordinates: Position[][] | Position[][][], multi = false): CommuneFeature =>
  ({
    type: 'Feature',
    properties: { code, name: null },
    geometry: multi ? { type: 'MultiPolygon', coordinates } : { type: 'Polygon', coordinates },
  }) as CommuneFeature;
const contoursOf = (...features: CommuneFeature[]): CommuneContours => ({
  type: 'FeatureCollection',
  features,
});
const square = (x: number, y: number, s = 1): Position[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const reversed = (ring: Position[]): Position[] => [...ring].reverse();
const rotated = (ring: Position[], k: number): Position[] => {
  const open = ring.slice(0, -1);
  const out = [...open.slice(k), ...open.slice(0, k)];
  return [...out, out[0] as Position];
};

describe('buildTopology: the typed-array builder gives topojson-server’s topology', () => {
  it('on a random tessellation, for any size and number of points per edge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 5 }),
        (cols, rows, k) => {
          // cells of 0.1° × 0.1° (the wobble of very elongated cells would make them cross themselves)
          const extent = [2, 49, 2 + 0.1 * cols, 49 + 0.1 * rows] as const;
          const contours = parseContours(tessellation(cols, rows, k, extent), { overlaps: false });
          const { ours, theirs } = expectSame(contours);
          expect(ours.neighborIndices()).toEqual(theirs.neighborIndices());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('on random subsets of a tessellation: adjacency, composed areas and rings are the same', () => {
    const contours = parseContours(tessellation(8, 6, 3), { overlaps: false });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 47 }), { minLength: 1, maxLength: 48 }),
        (picked) => {
          const sub = contoursOf(...picked.map((i) => contours.features[i] as CommuneFeature));
          const { ours, theirs } = expectSame(sub);
          expect(communeAdjacency(ours)).toEqual(communeAdjacency(theirs));
          const a = composeTerritory(ours, ours.codes, { graph: null });
          const b = composeTerritory(theirs, theirs.codes, { graph: null });
          expect(a.geometry).toEqual(b.geometry);
          const sum = ours.codes.reduce((s, c) => s + geodesicArea(ours.feature(c)?.geometry as never), 0);
          expect(Math.abs(geodesicArea(a.geometry) - sum) / sum).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('on crafted cases: enclaves, duplicates, rotations, touching corners, holes, multipolygons', () => {
    const outer = square(0, 0, 4);
    const inner = reversed(square(1, 1, 2));
    const cases: CommuneContours[] = [
      // an enclave: a ring with no junction shared by the hole of its host (reversed, rotated)
      contoursOf(feature('H', [outer, inner]), feature('E', [rotated(square(1, 1, 2), 2)])),
      // the same ring twice, the same ring reversed, the same ring rotated
      contoursOf(feature('A', [square(0, 0)]), feature('B', [square(0, 0)])),
      contoursOf(feature('A', [square(0, 0)]), feature('B', [reversed(square(0, 0))])),
      contoursOf(feature('A', [square(0, 0)]), feature('B', [rotated(square(0, 0), 3)])),
      contoursOf(feature('A', [square(0, 0)]), feature('B', [rotated(reversed(square(0, 0)), 1)])),
      // squares touching at a corner only, and side by side
      contoursOf(feature('A', [square(0, 0)]), feature('B', [square(1, 1)])),
      contoursOf(feature('A', [square(0, 0)]), feature('B', [square(1, 0)]), feature('C', [square(0, 1)])),
      // a border shared over part of a side (T junction), and a ring touching itself
      contoursOf(
        feature('A', [square(0, 0, 2)]),
        feature('B', [
          [
            [2, 0],
            [3, 0],
            [3, 1],
            [2, 1],
            [2, 0],
          ],
        ]),
      ),
      contoursOf(
        feature('S', [
          [
            [0, 0],
            [2, 0],
            [1, 1],
            [2, 2],
            [0, 2],
            [1, 1],
            [0, 0],
          ],
        ]),
      ),
      // a multipolygon with an island next to a neighbour, an empty multipolygon, repeated points
      contoursOf(
        feature('M', [[square(0, 0)], [square(5, 5)]], true),
        feature('N', [square(1, 0)]),
        feature('Z', [], true),
        feature('R', [
          [
            [2, 0],
            [2, 0],
            [3, 0],
            [3, 1],
            [2, 1],
            [2, 0],
          ],
        ]),
      ),
      // -0 and 0 are the same point; z values are kept; a geometry bbox is kept
      contoursOf(
        feature('A', [
          [
            [-0, 0],
            [1, 0],
            [1, 1, 7],
            [0, 1],
            [-0, 0],
          ],
        ]),
        feature('B', [
          [
            [-1, 0],
            [0, 0],
            [0, 1],
            [-1, 1],
            [-1, 0],
          ],
        ]),
        {
          ...feature('C', [square(3, 3)]),
          geometry: { type: 'Polygon', coordinates: [square(3, 3)], bbox: [3, 3, 4, 4] },
        } as CommuneFeature,
      ),
      contoursOf(),
    ];
    for (const contours of cases) {
      const theirs = reference(contours);
      const ours = buildTopology(contours);
      const negativeZero = contours.features.some((f) =>
        Object.is((f.geometry.coordinates[0]?.[0] as Position | undefined)?.[0], -0),
      );
      if (negativeZero) {
        // topojson-server hashes -0 and 0 apart (so it may miss the shared border); ours joins them
        expect(ours.neighbors('A')).toEqual(['B']);
        continue;
      }
      expect(ours.toTopoJSON()).toStrictEqual(theirs.toTopoJSON());
      expect(JSON.stringify(ours.toTopoJSON())).toBe(JSON.stringify(theirs.toTopoJSON()));
    }
  });

  it('keeps the position objects of the contours in its arcs (no copy), like topojson-server', () => {
    const contours = contoursOf(feature('A', [square(0, 0)]), feature('B', [square(1, 0)]));
    const positions = new Set(contours.features.flatMap((f) => f.geometry.coordinates.flat() as Position[]));
    const arcs = buildTopology(contours).toTopoJSON().arcs as unknown as Position[][];
    for (const arc of arcs) for (const p of arc) expect(positions.has(p)).toBe(true);
  });

  it('hands back to topojson-server what it does not handle: open or short rings, bad numbers, quantization', () => {
    const open = contoursOf(feature('A', [square(0, 0).slice(0, 4)]));
    const short = contoursOf(feature('A', [square(0, 0).slice(0, 3)]));
    const nan = contoursOf(feature('A', [[[Number.NaN, 0], ...square(0, 0).slice(1, 4), [Number.NaN, 0]]]));
    for (const c of [open, short, nan]) {
      expect(buildArcTopology(c.features)).toBeNull();
      expect(buildTopology(c).toTopoJSON()).toStrictEqual(reference(c).toTopoJSON());
    }
    const grid = parseContours(tessellation(3, 2, 2), { overlaps: false });
    const quantized = buildTopology(grid, { quantization: 1e4 }).toTopoJSON();
    expect(quantized.transform).toBeDefined();
  });
});

const shared = requireShared(
  'test/geo/arc-topology (2018 contours)',
  'geo/hauts-de-france-2018/communes.geojson',
);

shared.describe('buildTopology on the 2018 snapshot', () => {
  it('gives topojson-server’s topology, adjacency and département compositions', () => {
    const contours = parseContours(JSON.parse(readFileSync(shared.path, 'utf8')));
    const { ours, theirs } = expectSame(contours);
    expect(ours.toTopoJSON().arcs.length).toBeGreaterThan(10_000);
    expect(communeAdjacency(ours)).toEqual(communeAdjacency(theirs));
    for (const dep of ['02', '59', '60', '62', '80']) {
      const codes = ours.codes.filter((c) => c.startsWith(dep));
      expect(composeTerritory(ours, codes, { graph: null }).geometry).toEqual(
        composeTerritory(theirs, codes, { graph: null }).geometry,
      );
    }
  });
});
