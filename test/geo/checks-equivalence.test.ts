/**
 * The typed-array rewrites of the contour checks (self-intersections, overlaps) and of the merge
 * behind composition (point ids instead of text keys) against the code they replaced, kept in
 * `_reference/` as it was at bcb1d8a: the same answers on random rings, random tessellations with
 * overlapping additions, and the 2018 snapshot.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { findOverlaps, findSelfIntersection } from '../../src/geo/_internal/checks.js';
import { mergeGeometries } from '../../src/geo/_internal/merge.js';
import {
  buildTopology,
  type CommuneContours,
  type CommuneFeature,
  type CommuneTopology,
  joinVintage,
  parseContours,
} from '../../src/geo/index.js';
import { builtinMesh } from '../../src/territory/index.js';
import { requireShared } from '../_helpers/shared.js';
import * as reference from './_reference/checks.js';
import { mergeGeometries as referenceMerge } from './_reference/merge.js';
import { tessellation } from './_tessellation.js';

const grid = (cols: number, rows: number, k: number): CommuneContours =>
  parseContours(tessellation(cols, rows, k, [2, 49, 3, 50]), { overlaps: false });

/** A ring from points (closed), possibly crossing itself. */
const ringOf = (points: Array<[number, number]>): Position[] => [...points, points[0] as [number, number]];

/** A feature made of the union of some cells' contours (a commune and its delegated communes). */
function unionFeature(topo: CommuneTopology, codes: string[], code: string): CommuneFeature {
  const merged = mergeGeometries(topo.topology, codes.map((c) => topo.geometries[topo.indexOf(c)]) as never);
  return { type: 'Feature', properties: { code, name: null }, geometry: merged };
}

describe('findSelfIntersection: typed arrays and merge sort give the same first crossing', () => {
  it('on random rings and pairs of rings (crossing or not)', () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }));
    fc.assert(
      fc.property(
        fc.array(fc.array(point, { minLength: 3, maxLength: 40 }), { minLength: 1, maxLength: 3 }),
        (rings) => {
          const polygons = [rings.map((r) => ringOf(r.map(([x, y]) => [x / 4, y / 4])))];
          expect(findSelfIntersection(polygons)).toEqual(reference.findSelfIntersection(polygons));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on the features of a tessellation (none) and on large random rings', () => {
    for (const f of grid(6, 5, 4).features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      expect(findSelfIntersection(polygons)).toBeNull();
    }
    let seed = 7;
    const rnd = (): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (const size of [50, 300, 2000]) {
      const ring = ringOf(Array.from({ length: size }, () => [rnd(), rnd()] as [number, number]));
      expect(findSelfIntersection([[ring]])).toEqual(reference.findSelfIntersection([[ring]]));
      // a star: no crossing, many segments with equal smallest x
      const star = ringOf(
        Array.from({ length: size }, (_, i) => {
          const a = (2 * Math.PI * i) / size;
          const r = i % 2 ? 1 : 2;
          return [Math.round(r * Math.cos(a) * 1e3) / 1e3, Math.round(r * Math.sin(a) * 1e3) / 1e3];
        }),
      );
      expect(findSelfIntersection([[star]])).toEqual(reference.findSelfIntersection([[star]]));
    }
  });
});

describe('findOverlaps: point ids give the same pairs and areas', () => {
  it('on tessellations with duplicates, shifted copies and unions of cells added', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 2, max: 5 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (cols, rows, picked, kind) => {
          const contours = grid(cols, rows, 2);
          const topo = buildTopology(contours);
          const cells = picked.filter((i) => i < contours.features.length);
          const extra: CommuneFeature[] = [];
          if (cells.length) {
            const codes = cells.map((i) => (contours.features[i] as CommuneFeature).properties.code);
            if (kind === 0) extra.push(unionFeature(topo, codes, 'U'));
            if (kind === 1)
              for (const i of cells)
                extra.push({
                  ...(contours.features[i] as CommuneFeature),
                  properties: { code: `D${i}`, name: null },
                });
            if (kind === 2)
              for (const i of cells) {
                const f = contours.features[i] as CommuneFeature;
                const shift = (p: Position): Position => [(p[0] as number) + 0.01, (p[1] as number) + 0.005];
                extra.push({
                  type: 'Feature',
                  properties: { code: `S${i}`, name: null },
                  geometry: {
                    type: 'Polygon',
                    coordinates: [(f.geometry.coordinates[0] as Position[]).map(shift)],
                  },
                });
              }
          }
          const features = [...contours.features, ...extra];
          expect(findOverlaps(features, 0.001)).toEqual(reference.findOverlaps(features, 0.001));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('findOverlaps: many edges from one point (the sorted bucket)', () => {
  it('on fans of 33 to 120 slices around one centre, some duplicated, reversed or shifted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 33, max: 120 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 119 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        (slices, picked, kind) => {
          // slice i: the centre, then two points on a circle (counterclockwise), each a feature
          const rim = (i: number): Position => {
            const angle = (2 * Math.PI * i) / slices;
            return [2.5 + Math.cos(angle), 49.5 + 0.7 * Math.sin(angle)];
          };
          const centre: Position = [2.5, 49.5];
          const features: CommuneFeature[] = Array.from({ length: slices }, (_, i) => ({
            type: 'Feature',
            properties: { code: `F${String(i).padStart(3, '0')}`, name: null },
            geometry: { type: 'Polygon', coordinates: [[centre, rim(i), rim(i + 1), centre]] },
          }));
          for (const i of picked.filter((p) => p < slices)) {
            const ring = (features[i] as CommuneFeature).geometry.coordinates[0] as Position[];
            const copy =
              kind === 0
                ? ring
                : kind === 1
                  ? [...ring].reverse()
                  : ring.map((p) => [(p[0] as number) + 0.001, p[1] as number]);
            features.push({
              type: 'Feature',
              properties: { code: `X${i}`, name: null },
              geometry: { type: 'Polygon', coordinates: [copy] },
            });
          }
          const found = findOverlaps(features, 0.001);
          expect(found).toEqual(reference.findOverlaps(features, 0.001));
          if (kind === 0)
            expect(found.length).toBeGreaterThanOrEqual(picked.filter((p) => p < slices).length);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('mergeGeometries: point ids give the same rings', () => {
  it('on random subsets of a tessellation, and on rings of cells around a hole', () => {
    const topo = buildTopology(grid(7, 6, 3));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 41 }), { minLength: 1, maxLength: 42 }),
        (picked) => {
          const geoms = picked.map((i) => topo.geometries[i]) as never;
          expect(mergeGeometries(topo.topology, geoms)).toEqual(referenceMerge(topo.topology, geoms));
        },
      ),
      { numRuns: 150 },
    );
  });
});

const shared = requireShared(
  'test/geo/checks-equivalence (2018 contours)',
  'geo/hauts-de-france-2018/communes.geojson',
);

shared.describe('the rewritten checks and merge on the 2018 snapshot', () => {
  it('find the same overlaps (none; then a département added over its communes) and self-intersections', () => {
    const contours = parseContours(JSON.parse(readFileSync(shared.path, 'utf8')), { overlaps: false });
    const features = contours.features;
    expect(findOverlaps(features, 0.001)).toEqual([]);
    expect(reference.findOverlaps(features, 0.001)).toEqual([]);
    for (const f of features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      expect(findSelfIntersection(polygons)).toEqual(reference.findSelfIntersection(polygons));
    }
    const topo = buildTopology(contours);
    const some = topo.codes.filter((c) => c.startsWith('600')).slice(0, 8);
    const withUnion = [...features, unionFeature(topo, some, 'U60')];
    const ours = findOverlaps(withUnion, 0.001);
    expect(ours).toEqual(reference.findOverlaps(withUnion, 0.001));
    expect(ours.map((o) => o.second)).toEqual(some.map(() => features.length));
  });

  it('compose the 5 départements and 92 EPCI into the same rings', () => {
    const joined = joinVintage(
      buildTopology(parseContours(JSON.parse(readFileSync(shared.path, 'utf8')))),
    ).topology;
    for (const mesh of ['departement', 'epci'] as const)
      for (const unit of builtinMesh(mesh).units) {
        const geoms = unit.communes.map((c) => joined.geometries[joined.indexOf(c)]).filter(Boolean) as never;
        expect(mergeGeometries(joined.topology, geoms)).toEqual(referenceMerge(joined.topology, geoms));
      }
  });
});
