import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { topology as topoServer } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  buildTopology,
  communeAdjacency,
  components,
  composeTerritory,
  composeUnits,
  createContiguityProvider,
  createLocator,
  EARTH_RADIUS_M,
  exportTerritories,
  GeoDataError,
  type GeoGraph,
  geodesicArea,
  geodesicPerimeter,
  isContiguous,
  joinVintage,
  labelPoint,
  loadTopology,
  measure,
  parseContours,
  populationDensity,
  renderSvg,
  type ShapeFeature,
  unitBorders,
  validateContours,
} from '../../src/geo/index.js';
import { expectGolden } from '../_helpers/golden.js';
import { cellCode, grid4, square } from './_grid.js';

const here = dirname(fileURLToPath(import.meta.url));
const fcOf = (features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('validateContours / parseContours', () => {
  it('accepts the grid and rewinds clockwise rings with a warning', () => {
    const cw = square('A', 0, 0);
    cw.geometry.coordinates[0]?.reverse();
    const v = validateContours(fcOf([cw]));
    expect(v.valid).toBe(true);
    expect(v.warnings[0]?.code).toBe('W_WINDING');
    const warnings: string[] = [];
    const c = parseContours(fcOf([cw]), { extent: 'any' }, (w) => warnings.push(w.code));
    expect(warnings).toEqual(['W_WINDING']);
    expect(c.features[0]?.geometry.coordinates[0]).toEqual([
      [0, 0],
      [0.1, 0],
      [0.1, 0.1],
      [0, 0.1],
      [0, 0],
    ]);
    expect(validateContours(fcOf([cw]), { strictWinding: true }).valid).toBe(false);
  });
  it('reports each error with its code and location', () => {
    const open = square('OPEN', 0, 0);
    open.geometry.coordinates[0]?.pop();
    const lon = square('LON', 0, 0);
    (lon.geometry.coordinates[0] as number[][])[1] = [200, 0];
    const lat = square('LAT', 0, 0);
    (lat.geometry.coordinates[0] as number[][])[1] = [0, 95];
    const dup = square('OPEN', 1, 1);
    const noCode = { ...square('X', 2, 2), properties: {} };
    const point = {
      type: 'Feature',
      properties: { code: 'PT' },
      geometry: { type: 'Point', coordinates: [0, 0] },
    };
    const short = {
      type: 'Feature',
      properties: { code: 'SH' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
    };
    const nan = square('NAN', 0, 0);
    (nan.geometry.coordinates[0] as unknown[])[2] = [Number.NaN, 0];
    const v = validateContours(fcOf([open, lon, lat, dup, noCode, point, short, nan]), {
      source: 'x.geojson',
    });
    expect(v.valid).toBe(false);
    expect(v.errors.map((e) => e.code)).toEqual([
      'E_RING_OPEN',
      'E_LON_RANGE',
      'E_LAT_RANGE',
      'E_DUPLICATE_CODE',
      'E_NO_CODE',
      'E_GEOMETRY_TYPE',
      'E_RING_SHORT',
      'E_COORDINATE',
    ]);
    expect(v.errors[0]?.message).toMatch(
      /^x\.geojson: features\[0\] \(commune OPEN\) polygon 0 ring 0: not closed/,
    );
    expect(v.errors[1]?.message).toContain('longitude 200');
    expect(() => parseContours(fcOf([open]))).toThrow(GeoDataError);
    expect(() => parseContours(fcOf([open]))).toThrow(/E_RING_OPEN|not closed/);
  });
  it('rejects what is not contours', () => {
    expect(validateContours(null).errors[0]?.code).toBe('E_FORMAT');
    expect(validateContours({ type: 'Point' }).errors[0]?.message).toMatch(
      /expected a GeoJSON FeatureCollection or a TopoJSON Topology/,
    );
    expect(validateContours(fcOf([])).errors[0]?.code).toBe('E_EMPTY');
    try {
      parseContours({ type: 'FeatureCollection', features: [] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GeoDataError);
      expect((e as GeoDataError).code).toBe('E_INVALID_CONTOURS');
    }
  });
  it('reads TopoJSON and other property names', () => {
    const topo = topoServer({ communes: fcOf([square('A', 0, 0), square('B', 0.1, 0)]) as never });
    expect(parseContours(topo).features.map((f) => f.properties)).toEqual([
      { code: 'A', name: 'Commune A' },
      { code: 'B', name: 'Commune B' },
    ]);
    expect(validateContours(topo, { object: 'nope' }).errors[0]?.message).toMatch(/object "nope" not found/);
    const f = { ...square('A', 0, 0), properties: { insee: '59350', NOM_COM: 'Lille' } };
    expect(parseContours(fcOf([f])).features[0]?.properties).toEqual({ code: '59350', name: 'Lille' });
    expect(parseContours(fcOf([f]), { codeProperty: 'NOM_COM' }).features[0]?.properties.code).toBe('Lille');
  });
});

describe('topology, composition, borders', () => {
  const topo = buildTopology(grid4());
  it('builds once and reloads from its TopoJSON', () => {
    expect(topo.size).toBe(16);
    expect(topo.neighbors('g00')).toEqual(['g01', 'g10']);
    expect(topo.neighbors('g11')).toEqual(['g01', 'g10', 'g12', 'g21']);
    const again = loadTopology(JSON.parse(JSON.stringify(topo.toTopoJSON())));
    expect(again.codes).toEqual(topo.codes);
    expect(again.feature('g12')?.geometry).toEqual(topo.feature('g12')?.geometry);
    expect(() => loadTopology({ type: 'FeatureCollection' })).toThrow(GeoDataError);
  });
  it('merges a 2×2 block into one square with exact corners', () => {
    const t = composeTerritory(topo, [cellCode(0, 0), cellCode(0, 1), cellCode(1, 0), cellCode(1, 1)]);
    expect(t.geometry.coordinates).toHaveLength(1);
    expect(t.geometry.coordinates[0]).toHaveLength(1);
    expect(boundingBox(t.geometry)).toEqual([2, 50, 2.2, 50.2]);
    const ring = t.geometry.coordinates[0]?.[0] ?? [];
    // the corners of the block are on the ring, and the ring is counterclockwise
    for (const corner of [
      [2, 50],
      [2.2, 50],
      [2.2, 50.2],
      [2, 50.2],
    ])
      expect(ring).toContainEqual(corner);
    expect(geodesicArea(t.geometry)).toBeGreaterThan(0);
  });
  it('reports members without a contour and keeps a hole for a ring of communes', () => {
    const ringCodes = ['g00', 'g01', 'g02', 'g10', 'g12', 'g20', 'g21', 'g22'];
    const t = composeTerritory(topo, [...ringCodes, 'zzz']);
    expect(t.properties.missing).toEqual(['zzz']);
    expect(t.geometry.coordinates).toHaveLength(1);
    expect(t.geometry.coordinates[0]).toHaveLength(2); // exterior + hole (g11)
    const sum = ringCodes.reduce((s, c) => s + geodesicArea(topo.feature(c)?.geometry as never), 0);
    expect(Math.abs(geodesicArea(t.geometry) - sum) / sum).toBeLessThan(1e-9);
  });
  it('composes unit sets and draws the borders between them', () => {
    const units = {
      units: [
        { code: 'W', communes: topo.codes.filter((c) => Number(c[2]) < 2) },
        { code: 'E', communes: topo.codes.filter((c) => Number(c[2]) >= 2) },
        { code: 'EMPTY', communes: ['nope'] },
      ],
    };
    const fcU = composeUnits(topo, units);
    expect(fcU.features.map((f) => f.properties.code)).toEqual(['W', 'E']);
    const b = unitBorders(topo, units);
    // one vertical border x = 2.2 from y = 50 to 50.4 (4 arcs, stitched or not)
    const xs = new Set(b.coordinates.flat().map((p) => p[0]));
    expect([...xs]).toEqual([2.2]);
    expect(unitBorders(topo, units, { outer: true }).coordinates.flat().length).toBeGreaterThan(
      b.coordinates.flat().length,
    );
    const all = unitBorders(topo, 'commune');
    expect(all.coordinates.length).toBeGreaterThan(0);
  });
  it('exports composed sets as GeoJSON and TopoJSON', () => {
    const fcU = composeUnits(topo, { units: [{ code: 'ALL', communes: [...topo.codes] }] });
    const g = exportTerritories(fcU, 'geojson') as { features: Array<{ id: string }> };
    expect(g.features[0]?.id).toBe('ALL');
    const t = exportTerritories(fcU, 'topojson') as unknown as { type: string; objects: { units: unknown } };
    expect(t.type).toBe('Topology');
    expect(parseContours(t, { object: 'units' }).features[0]?.properties.code).toBe('ALL');
  });
});

describe('createLocator', () => {
  const contours = grid4();
  const loc = createLocator(contours, { graph: null });
  it('finds the cell of interior points', () => {
    for (let row = 0; row < 4; row++)
      for (let col = 0; col < 4; col++) {
        expect(loc.locateCode(2.05 + col * 0.1, 50.05 + row * 0.1)).toBe(cellCode(row, col));
      }
  });
  it('resolves shared borders and corners to the lowest code, outside to null', () => {
    expect(loc.locateCode(2.1, 50.05)).toBe('g00'); // border g00|g01
    expect(loc.locateCode(2.15, 50.1)).toBe('g01'); // border g01|g11
    expect(loc.locateCode(2.1, 50.1)).toBe('g00'); // corner of g00, g01, g10, g11
    expect(loc.locateCode(2, 50)).toBe('g00'); // outer vertex
    expect(loc.locateCode(2.4, 50.4)).toBe('g33');
    expect(loc.locateCode(1.99, 50.05)).toBeNull();
    expect(loc.locateCode(2.05, 50.41)).toBeNull();
    expect(loc.locate([10, 10])).toBeNull();
  });
  it('has batch forms for pairs, flat arrays and typed arrays', () => {
    const pts: [number, number][] = [
      [2.05, 50.05],
      [2.35, 50.35],
      [0, 0],
    ];
    expect(loc.locateMany(pts)).toEqual(['g00', 'g33', null]);
    expect(loc.locateMany(pts.flat())).toEqual(['g00', 'g33', null]);
    expect(loc.locateMany(new Float64Array(pts.flat()))).toEqual(['g00', 'g33', null]);
    expect(Array.from(loc.locateIndices(new Float64Array(pts.flat())))).toEqual([0, 15, -1]);
    expect(loc.locateMany([])).toEqual([]);
  });
  it('handles holes and enclaves', () => {
    const donut = {
      type: 'Feature',
      properties: { code: 'D' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [3, 0],
            [3, 3],
            [0, 3],
            [0, 0],
          ],
          [
            [1, 1],
            [1, 2],
            [2, 2],
            [2, 1],
            [1, 1],
          ],
        ],
      },
    };
    const l = createLocator(parseContours(fcOf([donut, square('C', 1, 1, 1)])), { graph: null });
    expect(l.locateCode(1.5, 1.5)).toBe('C');
    expect(l.locateCode(0.5, 1.5)).toBe('D');
    expect(l.locateCode(2, 1.5)).toBe('C'); // shared border, 'C' < 'D'
    // without the enclave, the hole is outside
    const alone = createLocator(parseContours(fcOf([donut])), { graph: null });
    expect(alone.locateCode(1.5, 1.5)).toBeNull();
    expect(alone.locateCode(1, 1.5)).toBe('D'); // on the hole's edge
  });
  it('enriches a point through the territory graph when codes are real', () => {
    const l = createLocator(parseContours(fcOf([square('59350', 3.0, 50.6, 0.1)])));
    const hit = l.locate([3.05, 50.65]);
    expect(hit?.commune?.code).toBe('59350');
    expect(hit?.departement).toEqual({ code: '59', name: 'Nord' });
    expect(hit?.arrondissement?.code).toBe('595');
    expect(hit?.epci?.code).toBe('200093201');
    // synthetic codes are unknown to the graph, never an error
    expect(createLocator(contours).locate([2.05, 50.05])).toMatchObject({
      code: 'g00',
      commune: null,
      epci: null,
    });
  });
});

describe('adjacency and contiguity', () => {
  const topo = buildTopology(grid4());
  it('builds the rook adjacency graph (corners do not connect)', () => {
    const adj = communeAdjacency(topo);
    expect(adj.get('g00')).toEqual(['g01', 'g10']);
    expect(adj.get('g11')).toHaveLength(4);
    expect(isContiguous(topo, ['g00', 'g11'])).toBe(false);
    expect(isContiguous(topo, ['g00', 'g01', 'g11'])).toBe(true);
  });
  it('finds components and says unknown rather than passing silently', () => {
    expect(components(topo, ['g00', 'g01', 'g33', 'g32', 'g22', 'g20'])).toEqual([
      ['g22', 'g32', 'g33'],
      ['g00', 'g01'],
      ['g20'],
    ]);
    expect(isContiguous(topo, ['g00', 'nope'])).toBe('unknown');
    expect(isContiguous(topo, [])).toBe('unknown');
    const provider = createContiguityProvider(topo, { graph: null });
    expect(provider(['g00', 'g10'])).toBe(true);
    expect(provider(['g00', 'g33'])).toBe(false);
    expect(provider(['g00', 'x'])).toBe('unknown');
    expect(createContiguityProvider(null)(['g00'])).toBe('unknown');
  });
});

describe('measures', () => {
  it('computes the geodesic area exactly (an octant of the sphere)', () => {
    const octant = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [90, 0],
          [0, 90],
          [0, 0],
        ],
      ],
    };
    const expected = (4 * Math.PI * EARTH_RADIUS_M ** 2) / 8 / 1e6;
    expect(Math.abs(geodesicArea(octant) - expected) / expected).toBeLessThan(1e-9);
  });
  it('gives perimeter, bbox and a label point inside', () => {
    const L = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const m = measure(L);
    expect(m.bbox).toEqual([0, 0, 3, 3]);
    expect(m.perimeterKm).toBeCloseTo((12 * Math.PI * EARTH_RADIUS_M) / 180 / 1000, -1);
    const [x, y] = labelPoint(L);
    expect(
      createLocator(parseContours(fcOf([{ type: 'Feature', properties: { code: 'L' }, geometry: L }])), {
        graph: null,
      }).locateCode(x, y),
    ).toBe('L');
    expect(geodesicPerimeter(square('A', 0, 0, 1).geometry)).toBeCloseTo(
      (4 * Math.PI * EARTH_RADIUS_M) / 180 / 1000,
      0,
    );
  });
  it('computes population density through the territory graph', () => {
    const topo = buildTopology(parseContours(fcOf([square('59350', 3.0, 50.6, 0.1)])));
    const d = populationDensity(topo, ['59350']);
    expect(d.population).toBeGreaterThan(200000);
    expect(d.density).toBeCloseTo(d.population / d.areaKm2, 6);
    expect(populationDensity(topo, ['59350', '59009']).missing).toEqual(['59009']);
  });
});

describe('joinVintage', () => {
  it('maps old codes, merges merged communes exactly and reports mismatches', () => {
    const topo = buildTopology(grid4());
    // a fake graph where g00+g01 became "N1", g10 was renamed "N2", g33 disappeared, "N9" has no contour
    const to: Record<string, string> = { g00: 'N1', g01: 'N1', g10: 'N2' };
    const graph: GeoGraph = {
      commune: (code) => {
        if (code === 'g33') return undefined;
        const c = to[code] ?? code;
        return {
          commune: { code: c, name: c, departement: 'D', arrondissement: null, epci: null },
          mapped: c !== code,
        };
      },
      resolveTerritory: (r) => ({ communes: r.communes ?? [] }),
      builtinMesh: () => ({ units: [] }),
      allCommunes: () => ['N1', 'N2', 'N9', 'g11'],
    };
    const j = joinVintage(topo, { graph });
    expect(j.merged).toEqual([{ code: 'N1', from: ['g00', 'g01'] }]);
    expect(j.renamed).toEqual([{ from: 'g10', code: 'N2' }]);
    expect(j.unmatched).toEqual(['g33']);
    expect(j.missing).toEqual(['N9']);
    expect(j.topology.size).toBe(14);
    const n1 = j.topology.feature('N1')?.geometry;
    expect(n1 && boundingBox(n1)).toEqual([2, 50, 2.2, 50.1]);
    const sum =
      geodesicArea(topo.feature('g00')?.geometry as never) +
      geodesicArea(topo.feature('g01')?.geometry as never);
    expect(Math.abs(geodesicArea(n1 as never) - sum) / sum).toBeLessThan(1e-9);
    expect(j.topology.neighbors('N1')).toEqual(['N2', 'g02', 'g11']);
    expect(createLocator(j.topology, { graph: null }).locateCode(2.15, 50.05)).toBe('N1');
  });
});

describe('property tests', () => {
  const topo = buildTopology(grid4());
  const loc = createLocator(topo, { graph: null });
  const subset = fc
    .uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 16 })
    .map((ix) => ix.map((i) => topo.codes[i] as string));
  it('a point inside a composed territory lies in exactly one of its communes', () => {
    fc.assert(
      fc.property(
        subset,
        fc.double({ min: 0.001, max: 0.399, noNaN: true }),
        fc.double({ min: 0.001, max: 0.399, noNaN: true }),
        (codes, dx, dy) => {
          const x = 2 + dx;
          const y = 50 + dy;
          const t = composeTerritory(topo, codes);
          const inT =
            createLocator(
              parseContours(fcOf([{ type: 'Feature', properties: { code: 'T' }, geometry: t.geometry }])),
              { graph: null },
            ).locateCode(x, y) === 'T';
          const members = codes.filter(
            (c) =>
              createLocator(parseContours(fcOf([topo.feature(c)])), { graph: null }).locateCode(x, y) === c,
          );
          const onGrid = Math.abs((dx * 10) % 1) < 1e-9 || Math.abs((dy * 10) % 1) < 1e-9;
          if (inT && !onGrid) {
            expect(members).toHaveLength(1);
            expect(loc.locateCode(x, y)).toBe(members[0]);
          }
          if (!inT) expect(members).toHaveLength(0);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('the area of a merge equals the sum of its members (relative error ≤ 1e-9)', () => {
    fc.assert(
      fc.property(subset, (codes) => {
        const merged = geodesicArea(composeTerritory(topo, codes).geometry);
        const sum = codes.reduce((s, c) => s + geodesicArea(topo.feature(c)?.geometry as never), 0);
        expect(Math.abs(merged - sum) / sum).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe('renderSvg', () => {
  const topo = buildTopology(grid4());
  const shapes = topo.features().map((f, i) => ({
    code: f.properties.code,
    name: f.properties.name,
    geometry: f.geometry,
    value: i === 5 ? null : i * 10,
  }));
  const svg = renderSvg(
    [
      { id: 'communes', shapes, labels: true },
      {
        id: 'border',
        kind: 'lines',
        lines: unitBorders(topo, {
          units: [
            { code: 'W', communes: ['g00', 'g01'] },
            { code: 'E', communes: ['g02', 'g03'] },
          ],
        }),
      },
      {
        id: 'application',
        kind: 'highlight',
        shapes: [
          composeTerritory(topo, ['g11', 'g12'], { code: 'app', label: 'Application <1>' }) as ShapeFeature,
        ],
      },
    ],
    { title: 'Synthetic grid & values', width: 600, valueLabel: 'Score', classes: 4 },
  );
  it('is accessible: role, title, desc, a <title> and data-code per shape', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 600 \d+"/);
    expect(svg).toContain('role="img" aria-labelledby="map-title map-desc"');
    expect(svg).toContain('<title id="map-title">Synthetic grid &amp; values</title>');
    expect(svg).toContain('<desc id="map-desc">');
    expect(svg.match(/<path [^>]*data-code="g\d\d"/g)).toHaveLength(16);
    expect(svg).toContain('<title>Commune g03 (g03)\u00a0: 30</title>');
    expect(svg).toContain('<title>Commune g11 (g11)\u00a0: pas de donnée</title>');
    expect(svg).toContain('<title>Application &lt;1&gt; (app)</title>');
    expect(svg).toContain('class="legend"');
    expect(svg).toContain('>Score</text>');
    expect(svg).toContain('>Pas de donnée</text>');
    expect(svg.match(/<text [^>]*text-anchor="middle"/g)).toHaveLength(16);
  });
  it('matches the golden file (REGEN=1 to regenerate)', () => {
    expectGolden(join(here, 'golden', 'grid.svg'), svg);
  });
  it('projects with Lambert-93 by default (north up, west left) and supports quantize classes', () => {
    const xOf = (code: string): number =>
      Number(svg.match(new RegExp(`<text x="([\\d.]+)"[^>]*>Commune ${code}<`))?.[1]);
    expect(xOf('g00')).toBeLessThan(xOf('g03'));
    const yOf = (code: string): number =>
      Number(svg.match(new RegExp(`<text x="[\\d.]+" y="([\\d.]+)"[^>]*>Commune ${code}<`))?.[1]);
    expect(yOf('g30')).toBeLessThan(yOf('g00'));
    const q = renderSvg([{ shapes: shapes.map((s, i) => ({ ...s, value: i === 15 ? 1000 : 1 })) }], {
      title: 'q',
      classification: 'quantize',
      classes: 3,
    });
    expect(q.match(/<path [^>]*fill="#edf8b1"/g)?.length).toBe(15);
    expect(q.match(/<path [^>]*fill="#2c7fb8"/g)?.length).toBe(1);
    expect(renderSvg([], { title: 'empty' })).toContain('<title id="map-title">empty</title>');
  });
});
