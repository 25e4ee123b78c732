import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import GeoJSONReader from 'jsts/org/locationtech/jts/io/GeoJSONReader.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildTopology,
  type CommuneContours,
  type CommuneTopology,
  composeTerritory,
  composeUnits,
  geodesicArea,
  joinVintage,
  parseContours,
  validateContours,
} from '../../src/geo/index.js';
import { square } from './_grid.js';

const fcOf = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const polygonFeature = (code: string, ring: Position[]) => ({
  type: 'Feature',
  properties: { code },
  geometry: { type: 'Polygon', coordinates: [ring] },
});
const codes = (v: ReturnType<typeof validateContours>) => v.errors.map((e) => e.code);

/** GEOS validity (JTS port), the independent reference. */
const reader = new GeoJSONReader(new GeometryFactory());
function geosError(geometry: Polygon | MultiPolygon): string | null {
  const op = new IsValidOp(reader.read(geometry));
  return op.isValid() ? null : String(op.getValidationError());
}

describe('checked contours', () => {
  it('finds two overlapping squares, naming the pair and the area of their intersection', () => {
    const v = validateContours(fcOf([square('59350', 3, 50), square('59009', 3.05, 50)]));
    expect(codes(v)).toEqual(['E_OVERLAP']);
    const o = v.errors[0];
    expect(o?.commune).toBe('59350');
    expect(o?.other?.commune).toBe('59009');
    // half a 0.1° square at 50°N
    const half = geodesicArea(square('x', 3.05, 50).geometry) / 2;
    expect(o?.areaKm2).toBeCloseTo(half, 2);
    expect(o?.message).toMatch(
      /features\[0\] \(commune 59350\) and features\[1\] \(commune 59009\) overlap over \d+\.\d+ km²/,
    );
  });
  it('finds a duplicate and a commune inside another, and ignores an overlap under the tolerance', () => {
    expect(codes(validateContours(fcOf([square('A', 3, 50), square('B', 3, 50)])))).toEqual(['E_OVERLAP']);
    expect(codes(validateContours(fcOf([square('A', 3, 50), square('B', 3.02, 50.02, 0.05)])))).toEqual([
      'E_OVERLAP',
    ]);
    // 0.1° × 0.0001° ≈ 0.08 km² of overlap
    const tiny = fcOf([square('A', 3, 50), square('B', 3, 50.0999)]);
    expect(codes(validateContours(tiny))).toEqual(['E_OVERLAP']);
    expect(validateContours(tiny, { overlapToleranceKm2: 0.1 }).valid).toBe(true);
    expect(validateContours(tiny, { overlaps: false }).valid).toBe(true);
    // neighbours sharing a border do not overlap
    expect(validateContours(fcOf([square('A', 3, 50), square('B', 3.1, 50)])).valid).toBe(true);
  });
  it('finds gaps inside the territory when asked', () => {
    const features = [];
    for (let row = 0; row < 3; row++)
      for (let col = 0; col < 3; col++)
        if (row !== 1 || col !== 1) features.push(square(`g${row}${col}`, 2 + col * 0.1, 50 + row * 0.1));
    expect(validateContours(fcOf(features)).valid).toBe(true);
    const v = validateContours(fcOf(features), { gaps: true });
    expect(codes(v)).toEqual(['E_GAP']);
    expect(v.errors[0]?.areaKm2).toBeCloseTo(geodesicArea(square('x', 2.1, 50.1).geometry), 6);
    expect(validateContours(fcOf(features), { gaps: true, gapToleranceKm2: 100 }).valid).toBe(true);
  });
  it('finds self-intersections, zero-area rings and spikes', () => {
    const bowtie = polygonFeature('A', [
      [3, 50],
      [3.1, 50.1],
      [3.1, 50.03],
      [3.02, 50.1],
      [3, 50],
    ]);
    const v = validateContours(fcOf([bowtie]));
    expect(codes(v)).toEqual(['E_SELF_INTERSECTION']);
    expect(v.errors[0]?.message).toMatch(/features\[0\] \(commune A\): edges cross near/);
    const collinear = polygonFeature('B', [
      [3, 50],
      [3.1, 50.1],
      [3.2, 50.2],
      [3, 50],
    ]);
    expect(codes(validateContours(fcOf([collinear])))).toEqual(['E_RING_ZERO_AREA']);
    const spike = polygonFeature('C', [
      [3, 50],
      [3.1, 50],
      [3.2, 50],
      [3.1, 50],
      [3.1, 50.1],
      [3, 50.1],
      [3, 50],
    ]);
    expect(codes(validateContours(fcOf([spike])))).toEqual(['E_RING_SPIKE']);
  });
  it('measures a 1 m × 14 km sliver as 0.014 km² (not 510 million) and warns', () => {
    const dLat = 1 / 111195;
    const dLon = 14000 / (111195 * Math.cos((50 * Math.PI) / 180));
    for (const ring of [
      [
        [3, 50],
        [3 + dLon, 50],
        [3 + dLon, 50 + dLat],
        [3, 50 + dLat],
        [3, 50],
      ],
      // diagonal: the great-circle bulge of its long edges exceeds its width
      [
        [3, 50],
        [3.1, 50.08],
        [3.1, 50.08 + dLat],
        [3, 50 + dLat],
        [3, 50],
      ],
    ]) {
      const f = polygonFeature('S', ring);
      const v = validateContours(fcOf([f]));
      expect(v.valid).toBe(true);
      expect(v.warnings.map((w) => w.code)).toContain('W_SLIVER');
      for (const order of [ring, [...ring].reverse()]) {
        const parsed = parseContours(fcOf([polygonFeature('S', order)]));
        const area = geodesicArea(parsed.features[0]?.geometry as Polygon);
        expect(area).toBeGreaterThan(0);
        expect(area).toBeLessThan(0.02);
      }
    }
  });
  it('says when coordinates are swapped, in radians or projected', () => {
    const lille = square('59350', 3.0, 50.6);
    const swap = (f: typeof lille) => ({
      ...f,
      geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((r) => r.map(([x, y]) => [y, x])) },
    });
    const swapped = validateContours(fcOf([swap(lille)]));
    expect(codes(swapped)).toEqual(['E_SWAPPED_AXES']);
    expect(swapped.errors[0]?.message).toMatch(/commune 59350.*longitude and latitude swapped/);
    // the extent is written only when something is wrong with it, and then always
    expect(swapped.errors[0]?.message).toContain('extent [50.6, 3, 50.7, 3.1]');
    expect(swapped.errors[0]?.messages.fr).toContain('l’emprise [50.6, 3, 50.7, 3.1]');
    const radians = {
      ...lille,
      geometry: {
        ...lille.geometry,
        coordinates: lille.geometry.coordinates.map((r) =>
          r.map(([x, y]) => [((x as number) * Math.PI) / 180, ((y as number) * Math.PI) / 180]),
        ),
      },
    };
    const inRadians = validateContours(fcOf([radians]));
    expect(codes(inRadians)).toEqual(['E_RADIANS']);
    expect(inRadians.errors[0]?.message).toContain('extent [0.0523599, 0.883137, 0.0541052, 0.884882]');
    const lambert = polygonFeature('L', [
      [704000, 7059000],
      [705000, 7059000],
      [705000, 7060000],
      [704000, 7059000],
    ]);
    const projected = validateContours(fcOf([lambert]));
    expect(codes(projected)[0]).toBe('E_LON_RANGE');
    expect(projected.errors[0]?.message).toMatch(/Lambert-93 \(EPSG:2154\)/);
    const elsewhere = validateContours(fcOf([square('Z', 0, 0)]));
    expect(elsewhere.valid).toBe(true);
    expect(elsewhere.warnings.map((w) => w.code)).toEqual(['W_OUTSIDE_FRANCE']);
    expect(elsewhere.warnings[0]?.message).toContain('extent [0, 0, 0.1, 0.1] lies outside France');
    expect(validateContours(fcOf([square('Z', 0, 0)]), { extent: 'any' }).warnings).toEqual([]);
    // overseas communes are in France
    expect(validateContours(fcOf([square('97411', 55.4, -21.0)])).warnings).toEqual([]);
  });
  it('rejects empty geometries', () => {
    const empty = {
      type: 'Feature',
      properties: { code: 'E' },
      geometry: { type: 'MultiPolygon', coordinates: [] },
    };
    const emptyPolygon = {
      type: 'Feature',
      properties: { code: 'F' },
      geometry: { type: 'Polygon', coordinates: [] },
    };
    const v = validateContours(fcOf([empty, emptyPolygon, square('A', 3, 50)]));
    expect(codes(v)).toEqual(['E_EMPTY_GEOMETRY', 'E_EMPTY_GEOMETRY']);
    expect(v.errors[0]?.message).toMatch(/commune E\): empty MultiPolygon/);
    expect(() => parseContours(fcOf([empty]))).toThrow(/empty MultiPolygon/);
  });
});

/** An n×n grid of 0.1° squares from (2, 50). */
function grid(n: number): CommuneContours {
  const features = [];
  for (let row = 0; row < n; row++)
    for (let col = 0; col < n; col++) features.push(square(`g${row}-${col}`, 2 + col * 0.1, 50 + row * 0.1));
  return parseContours(fcOf(features));
}

describe('composed outputs are valid (GEOS, via jsts)', () => {
  it('splits rings that touch themselves: a checkerboard corner and a ring around a pinched hole', () => {
    const topo = buildTopology(grid(3));
    // an L plus a diagonal cell closing a hole that touches the outside at one corner
    for (const members of [
      ['g0-0', 'g0-1', 'g0-2', 'g1-0', 'g1-2', 'g2-1', 'g2-2'],
      ['g0-0', 'g1-1', 'g2-2'],
      ['g0-0', 'g0-1', 'g1-0', 'g1-2', 'g2-1', 'g2-2'],
      ['g0-1', 'g1-0', 'g1-2', 'g2-1'],
    ]) {
      const t = composeTerritory(topo, members);
      expect(geosError(t.geometry)).toBeNull();
      const sum = members.reduce((s, c) => s + geodesicArea(topo.feature(c)?.geometry as Polygon), 0);
      expect(Math.abs(geodesicArea(t.geometry) - sum) / sum).toBeLessThan(1e-9);
    }
    // found by the property below on the former merge: one ring touching itself at (2.2, 50.2)
    const big = buildTopology(grid(6));
    for (const members of [
      // biome-ignore format: a list of codes
      ['g0-1', 'g0-2', 'g0-3', 'g1-1', 'g1-3', 'g1-4', 'g2-0', 'g2-2', 'g2-4', 'g3-0', 'g3-2', 'g3-3', 'g3-4', 'g4-0', 'g4-3', 'g5-0', 'g5-1', 'g5-2', 'g5-3', 'g5-5'],
    ]) {
      const t = composeTerritory(big, members);
      expect(geosError(t.geometry)).toBeNull();
      const sum = members.reduce((s, c) => s + geodesicArea(big.feature(c)?.geometry as Polygon), 0);
      expect(Math.abs(geodesicArea(t.geometry) - sum) / sum).toBeLessThan(1e-9);
    }
  });
  it('property: any subset of communes composes to the sum of their areas and a valid geometry', () => {
    const n = 6;
    const topo = buildTopology(grid(n));
    const all = topo.codes;
    fc.assert(
      fc.property(fc.subarray([...all], { minLength: 1 }), (members) => {
        const t = composeTerritory(topo, members);
        const sum = members.reduce((s, c) => s + geodesicArea(topo.feature(c)?.geometry as Polygon), 0);
        expect(Math.abs(geodesicArea(t.geometry) - sum) / sum).toBeLessThan(1e-9);
        expect(geosError(t.geometry)).toBeNull();
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const snapshot = resolve(root, '../shared/geo/hauts-de-france-2018/communes.geojson');
describe.skipIf(!existsSync(snapshot))('real snapshot: checked contours and valid compositions', () => {
  let raw: {
    type: 'FeatureCollection';
    features: Array<Feature<Polygon | MultiPolygon, Record<string, unknown>>>;
  };
  let topo: CommuneTopology;
  beforeAll(() => {
    raw = JSON.parse(readFileSync(snapshot, 'utf8'));
    topo = joinVintage(buildTopology(parseContours(raw))).topology;
  });
  it('accepts the snapshot as it is (no overlap, no gap)', () => {
    const v = validateContours(raw, { gaps: true });
    expect(v.errors).toEqual([]);
    expect(v.warnings.filter((w) => w.code !== 'W_WINDING')).toEqual([]);
  });
  it('finds the current commune overlapping its delegated communes in one file', () => {
    // Anizy-le-Grand (02018, 2026) drawn next to its three communes déléguées (2018 contours)
    const anizy = topo.feature('02018');
    const current = { type: 'Feature', properties: { code: '02018N' }, geometry: anizy?.geometry };
    const v = validateContours({ ...raw, features: [...raw.features, current] });
    const pairs = v.errors
      .filter((e) => e.code === 'E_OVERLAP')
      .map((e) => [e.commune, e.other?.commune].sort().join('/'));
    expect(pairs.sort()).toEqual(['02018/02018N', '02018N/02301', '02018N/02434']);
  });
  it('rejects the snapshot with swapped axes, naming the cause', () => {
    const swapped = {
      ...raw,
      features: raw.features.slice(0, 20).map((f) => ({
        ...f,
        geometry: JSON.parse(JSON.stringify(f.geometry), (_k, v) =>
          Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' ? [v[1], v[0]] : v,
        ),
      })),
    };
    const v = validateContours(swapped);
    expect(new Set(codes(v))).toEqual(new Set(['E_SWAPPED_AXES']));
    expect(v.errors).toHaveLength(20);
  });
  it('composes the 5 départements and 92 EPCI into GEOS-valid geometries', () => {
    for (const by of ['departement', 'epci'] as const)
      for (const f of composeUnits(topo, by).features)
        expect([f.properties.code, geosError(f.geometry)]).toEqual([f.properties.code, null]);
  });
  it('property: random sets of communes compose to the sum of their areas and valid geometries', () => {
    const somme = topo.codes.filter((c) => c.startsWith('80'));
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...somme), { minLength: 1, maxLength: 120 }), (members) => {
        const t = composeTerritory(topo, members);
        const sum = members.reduce((s, c) => s + geodesicArea(topo.feature(c)?.geometry as Polygon), 0);
        expect(Math.abs(geodesicArea(t.geometry) - sum) / sum).toBeLessThan(1e-9);
        expect(geosError(t.geometry)).toBeNull();
      }),
      { numRuns: 40, seed: 18 },
    );
  });
});
