import { dirname, resolve } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { merge } from 'topojson-client';
import { beforeAll, expect, it } from 'vitest';
import {
  buildTopology,
  type CommuneContours,
  type CommuneTopology,
  components,
  composeTerritory,
  composeUnits,
  createLocator,
  geodesicArea,
  isContiguous,
  joinVintage,
  readContours,
  type VintageJoin,
} from '../../src/geo/index.js';

import { requireShared } from '../_helpers/shared.js';

// Reference contours, never copied into the repository.
const shared = requireShared('test/geo/real (2018 contours)', 'geo/hauts-de-france-2018/communes.geojson');
const dir = dirname(shared.path);

shared.describe('real snapshot: 2018 Hauts-de-France communes', () => {
  let contours: CommuneContours;
  let topo: CommuneTopology;
  let join: VintageJoin;
  beforeAll(async () => {
    contours = await readContours(resolve(dir, 'communes.geojson'));
    topo = buildTopology(contours);
    join = joinVintage(topo);
  });
  it('joins the 2018 contours to the 2026 graph', () => {
    expect(contours.features).toHaveLength(3808);
    expect(join.topology.size).toBe(3782);
    expect(join.unmatched).toEqual([]);
    expect(join.missing).toEqual([]);
    expect(join.merged.reduce((n, m) => n + m.from.length - 1, 0)).toBe(3808 - 3782);
  });
  it('composes the 5 départements and 92 EPCI with areas adding up', () => {
    const deps = composeUnits(join.topology, 'departement');
    const epcis = composeUnits(join.topology, 'epci');
    expect(deps.features).toHaveLength(5);
    expect(epcis.features).toHaveLength(92);
    const communes = join.topology.features().reduce((s, f) => s + geodesicArea(f.geometry), 0);
    const sumDeps = deps.features.reduce((s, f) => s + geodesicArea(f.geometry), 0);
    const sumEpcis = epcis.features.reduce((s, f) => s + geodesicArea(f.geometry), 0);
    expect(Math.abs(sumDeps - communes) / communes).toBeLessThan(1e-9);
    expect(Math.abs(sumEpcis - communes) / communes).toBeLessThan(1e-9);
    expect(communes).toBeGreaterThan(31000);
    expect(communes).toBeLessThan(32500);
    for (const d of deps.features) expect(d.properties.missing).toEqual([]);
  });
  it('merges like topojson-client (same area per unit)', () => {
    for (const d of composeUnits(join.topology, 'departement').features) {
      const geoms = d.properties.communes.map((c) => join.topology.geometries[join.topology.indexOf(c)]);
      const theirs = merge(join.topology.topology as never, geoms as never);
      const a = geodesicArea(d.geometry);
      expect(Math.abs(geodesicArea(theirs as never) - a) / a).toBeLessThan(1e-9);
    }
  });
  it('judges contiguity on geometry pieces: three départements in one piece, Oise and Nord not', () => {
    for (const d of ['02', '62', '80']) expect(isContiguous(join.topology, { departements: [d] })).toBe(true);
    // Oise: communes with exclaves (60320 and 60658 have three polygons) leave 4 pieces
    expect(composeTerritory(join.topology, { departements: ['60'] }).geometry.coordinates).toHaveLength(4);
    expect(isContiguous(join.topology, { departements: ['60'] })).toBe(false);
    // CA du Beauvaisis: every commune borders another member, but its geometry has two polygons
    expect(composeTerritory(join.topology, { epcis: ['200067999'] }).geometry.coordinates).toHaveLength(2);
    expect(isContiguous(join.topology, { epcis: ['200067999'] })).toBe(false);
    expect(components(join.topology, { epcis: ['200067999'] })).toHaveLength(1);
    // in this simplified snapshot three communes of Nord touch the rest at a single point only
    expect(isContiguous(join.topology, { departements: ['59'] })).toBe(false);
    expect(components(join.topology, { departements: ['59'] })[1]).toEqual(['59097', '59176', '59405']);
    expect(isContiguous(join.topology, ['59350', '80021'])).toBe(false);
  });
  it('locates like brute-force turf on a sample, and resolves Lille', () => {
    const loc = createLocator(contours, { graph: null });
    let seed = 7;
    const rnd = (): number => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0; i < 300; i++) {
      const p = [1.37 + rnd() * 3.2, 48.83 + rnd() * 2.25] as [number, number];
      const brute =
        contours.features.find((f) => booleanPointInPolygon(p, f as never))?.properties.code ?? null;
      expect(loc.locateCode(p[0], p[1])).toBe(brute);
    }
    const hit = createLocator(join.topology).locate([3.0573, 50.6292]);
    expect(hit).toMatchObject({
      code: '59350',
      departement: { code: '59', name: 'Nord' },
      epci: { code: '200093201' },
    });
  });
  it('locates points inside a composed EPCI in one of its member communes', () => {
    const loc = createLocator(join.topology, { graph: null });
    const epci = composeTerritory(join.topology, { epcis: ['200093201'] });
    const members = new Set(epci.properties.communes);
    for (const code of epci.properties.communes.slice(0, 40)) {
      const f = join.topology.feature(code);
      const ring =
        f?.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f?.geometry.coordinates[0]?.[0];
      const a = ring?.[0] as number[];
      const b = ring?.[1] as number[];
      const c = ring?.[2] as number[];
      const p: [number, number] = [
        ((a[0] as number) + (b[0] as number) + (c[0] as number)) / 3,
        ((a[1] as number) + (b[1] as number) + (c[1] as number)) / 3,
      ];
      const got = loc.locateCode(p[0], p[1]);
      if (
        got !== null &&
        booleanPointInPolygon(p, { type: 'Feature', properties: {}, geometry: epci.geometry })
      )
        expect(members.has(got)).toBe(true);
    }
  });
});
