import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  buildTopology,
  communeAdjacency,
  GeoDataError,
  geodesicArea,
  parseContours,
  pointBudget,
  renderSvg,
  simplifyTopology,
} from '../../src/geo/index.js';
import { tessellation } from './_tessellation.js';

describe('simplifyTopology (display simplification)', () => {
  const topo = buildTopology(parseContours(tessellation(40, 30, 12), { overlaps: false }));
  const draw = (t: typeof topo): string =>
    renderSvg(
      [
        {
          id: 'units',
          shapes: t.features().map((f) => ({ code: f.properties.code, geometry: f.geometry, value: null })),
        },
      ],
      { title: 'Synthetic communes', width: 800 },
    );
  it('keeps the point budget, every commune and every shared border', () => {
    const before = communeAdjacency(topo);
    const { topology, points, total } = simplifyTopology(topo, { maxPoints: 20_000 });
    expect(total).toBeGreaterThan(30_000);
    expect(points).toBeLessThanOrEqual(20_000);
    expect(points).toBeGreaterThan(15_000);
    expect(topology.codes).toEqual(topo.codes);
    expect(communeAdjacency(topology)).toEqual(before);
    for (const f of topology.features()) {
      const area = geodesicArea(f.geometry);
      const original = geodesicArea(topo.feature(f.properties.code)?.geometry as Polygon);
      expect(Math.abs(area - original) / original).toBeLessThan(0.1);
    }
    expect(topo.topology.arcs.reduce((n, a) => n + a.length, 0)).toBe(total); // input untouched
  });
  it('keeps a triangle of a ring made of one arc, even with a budget of 1', () => {
    const { topology } = simplifyTopology(topo, { maxPoints: 1 });
    for (const f of topology.features()) expect(geodesicArea(f.geometry)).toBeGreaterThan(0);
    expect(communeAdjacency(topology)).toEqual(communeAdjacency(topo));
  });
  it('chooses the level from the output size', () => {
    const full = draw(topo).length;
    const budget = Math.round(full / 3);
    const { topology } = simplifyTopology(topo, { maxPoints: pointBudget(budget, topo.size) });
    expect(draw(topology).length).toBeLessThan(budget);
    expect(simplifyTopology(topo, { keep: 1 }).points).toBe(simplifyTopology(topo, { keep: 1 }).total);
  });
  it('rejects a missing or invalid level', () => {
    expect(() => simplifyTopology(topo, {})).toThrow(GeoDataError);
    expect(() => simplifyTopology(topo, { keep: 0 })).toThrow(/invalid keep 0/);
    expect(() => simplifyTopology(topo, { maxPoints: 2.5 })).toThrow(/invalid maxPoints 2.5/);
  });
});
