import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildTopology,
  type CommuneContours,
  composeTerritory,
  createContiguityProvider,
  GeoDataError,
  geodesicArea,
  isContiguous,
  joinValues,
  joinVintage,
  parseContours,
  populationDensity,
  readContours,
} from '../../src/geo/index.js';
import { square } from './_grid.js';

// squares with real 2026 codes (positions made up): Lille, Anstaing, Amiens
const realCoded = (): CommuneContours =>
  parseContours({
    type: 'FeatureCollection',
    features: [square('59350', 3.0, 50.6), square('59009', 3.1, 50.6), square('80021', 2.2, 49.9)],
  });

describe('territory errors reach every geo function', () => {
  const topo = buildTopology(realCoded());
  it('makes contiguity unknown for unknown, malformed and outside codes (never true)', () => {
    expect(isContiguous(topo, { communes: ['59350', '59009'] })).toBe(true);
    expect(createContiguityProvider(topo)(['59350', '59009'])).toBe(true);
    for (const bad of ['99999', 'x', '76540', '']) {
      expect(createContiguityProvider(topo)(['59350', bad])).toBe('unknown');
      expect(isContiguous(topo, { communes: ['59350', bad] })).toBe('unknown');
      expect(isContiguous(topo, { communes: ['59350', '59009', bad] })).toBe('unknown');
    }
    expect(isContiguous(topo, { communes: ['59350'], epcis: ['123456789'] })).toBe('unknown');
  });
  it('reports unresolved codes in composeTerritory', () => {
    const t = composeTerritory(topo, { epcis: ['123456789'] });
    expect(t.geometry.coordinates).toEqual([]);
    expect(t.properties.unresolved).toEqual([
      expect.objectContaining({ code: '123456789', kind: 'unknown', path: 'epcis[0]' }),
    ]);
    const mixed = composeTerritory(topo, { communes: ['59350', 'abc', '76540'] });
    expect(mixed.properties.communes).toEqual(['59350']);
    expect(mixed.properties.unresolved.map((u) => [u.code, u.kind, u.path])).toEqual([
      ['abc', 'invalid', 'communes[1]'],
      ['76540', 'outside', 'communes[2]'],
    ]);
    for (const u of mixed.properties.unresolved) expect(u.message).toContain(u.code);
    expect(composeTerritory(topo, { communes: ['59350'] }).properties.unresolved).toEqual([]);
  });
  it('reports unresolved codes in populationDensity', () => {
    const d = populationDensity(topo, { communes: ['59350', '99999'] });
    expect(d.unresolved.map((u) => u.code)).toEqual(['99999']);
    expect(d.population).toBeGreaterThan(0);
  });
  it('treats an empty commune geometry as missing, not as a commune of area 0', () => {
    const contours = realCoded();
    const lille = contours.features.find((f) => f.properties.code === '59350');
    if (lille) lille.geometry = { type: 'MultiPolygon', coordinates: [] };
    const t = buildTopology(contours);
    expect(composeTerritory(t, ['59350', '59009']).properties.missing).toEqual(['59350']);
    expect(isContiguous(t, ['59350', '59009'])).toBe('unknown');
    expect(populationDensity(t, ['59350', '59009']).missing).toEqual(['59350']);
  });
});

describe('joinValues', () => {
  it('keeps exact codes, maps former commune codes, reports conflicts and the unmatched', () => {
    // 59355 Lomme and 59298 Hellemmes-Lille are associated communes of Lille (59350)
    const j = joinValues({ '59009': 3, '59355': 5, '99999': 1 }, ['59350', '59009']);
    expect([...j.values].sort()).toEqual([
      ['59009', 3],
      ['59350', 5],
    ]);
    expect(j.mapped).toEqual([{ from: '59355', code: '59350' }]);
    expect(j.unmatched).toEqual(['99999']);
    const c = joinValues(
      new Map([
        ['59355', 5],
        ['59298', 6],
      ]),
      ['59350'],
    );
    expect(c.values.size).toBe(0);
    expect(c.conflicts).toEqual([{ code: '59350', from: ['59298', '59355'] }]);
    expect(joinValues({ '59355': 5, '59350': 1 }, ['59350'], { graph: null }).unmatched).toEqual(['59355']);
  });
  it('throws when no value matches a unit', () => {
    expect(() => joinValues({ '99999': 1, x: 2 }, ['59350'])).toThrow(GeoDataError);
    expect(() => joinValues({ '99999': 1 }, ['59350'])).toThrow(/no value matches a unit.*99999/);
    // no value at all is an error too: a blank map is not a map of the data
    expect(() => joinValues({}, ['59350'])).toThrow(/no value to join: the values are empty/);
    expect(() => joinValues(new Map(), [])).toThrow(GeoDataError);
  });
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const snapshot = resolve(root, '../shared/geo/hauts-de-france-2018/communes.geojson');
describe.skipIf(!existsSync(snapshot))('real snapshot: complete vintage reports', () => {
  it('reports Anizy-le-Grand built from two of its three old communes', async () => {
    const contours = await readContours(snapshot);
    const full = joinVintage(buildTopology(contours));
    expect(full.partial).toEqual([]);
    const anizy = full.topology.feature('02018');
    expect(anizy).toBeDefined();
    const fullArea = geodesicArea(anizy?.geometry ?? { type: 'Polygon', coordinates: [] });
    expect(fullArea).toBeCloseTo(20.84, 1);
    for (const absent of ['02434', '02018']) {
      const cut: CommuneContours = {
        type: 'FeatureCollection',
        features: contours.features.filter((f) => f.properties.code !== absent),
      };
      const j = joinVintage(buildTopology(cut));
      const report = j.partial.find((p) => p.code === '02018');
      expect(report?.absent).toEqual([absent]);
      expect(report?.from).toEqual(['02018', '02301', '02434'].filter((c) => c !== absent));
      expect(j.partial).toHaveLength(1);
      const area = geodesicArea(
        j.topology.feature('02018')?.geometry ?? { type: 'Polygon', coordinates: [] },
      );
      expect(area).toBeLessThan(fullArea - 1);
    }
  });
});
