/**
 * Insets for overseas regions (issue #19, item 1): synthetic squares for a few metropolitan
 * communes plus squares at the real lon/lat of the chefs-lieux of Guadeloupe, Martinique, Guyane,
 * La Réunion and Mayotte. Structural checks of the SVG: every inset inside the frame, insets
 * overlapping neither each other nor the metropolitan shapes, each overseas shape inside its inset,
 * the same colour per class everywhere, labels inside their panel, one north arrow, a scale bar per
 * inset said to be at a different scale, a `<desc>` naming the insets; `insets: 'none'` warns.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OVERSEAS_REGIONS } from '../../src/geo/_insets.js';
import { GeoDataError, type MapShape, type RenderedMap, renderMap, renderPng } from '../../src/geo/index.js';
import { commune, departement, regions } from '../../src/territory/index.js';
import { cli } from '../_helpers/cli.js';
import { square } from './_grid.js';

/** Chefs-lieux of the overseas regions and a lon/lat near each (south-west corner of a small square). */
const OVERSEAS = [
  { code: '97105', region: '01', name: 'Basse-Terre', lon: -61.73, lat: 15.99 },
  { code: '97209', region: '02', name: 'Fort-de-France', lon: -61.07, lat: 14.6 },
  { code: '97302', region: '03', name: 'Cayenne', lon: -52.33, lat: 4.92 },
  { code: '97411', region: '04', name: 'Saint-Denis', lon: 55.44, lat: -20.9 },
  { code: '97611', region: '06', name: 'Mamoudzou', lon: 45.2, lat: -12.8 },
] as const;

const shapeOf = (
  code: string,
  name: string,
  x: number,
  y: number,
  value: number | null,
  size = 0.05,
): MapShape => ({
  code,
  name,
  value,
  geometry: square(code, x, y, size).geometry,
});

/** Six metropolitan squares over Hauts-de-France and the five overseas ones. */
const metropolitan = (): MapShape[] =>
  [0, 1, 2, 3, 4, 5].map((index) =>
    shapeOf(
      `800${10 + index}`,
      `Métro ${index}`,
      2 + (index % 3) * 0.3,
      49.6 + Math.floor(index / 3) * 0.3,
      index * 10,
      0.3,
    ),
  );
const overseas = (): MapShape[] =>
  OVERSEAS.map((place, index) => shapeOf(place.code, place.name, place.lon, place.lat, 5 + index * 11));

type Box = [number, number, number, number];
const attribute = (element: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
const boxAttribute = (element: string, name: string): Box =>
  (attribute(element, name) ?? '').split(' ').map(Number) as Box;
const inside = (inner: Box, outer: Box, slack = 0.051): boolean =>
  inner[0] >= outer[0] - slack &&
  inner[1] >= outer[1] - slack &&
  inner[2] <= outer[2] + slack &&
  inner[3] <= outer[3] + slack;
const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

function frameOf(svg: string): Box {
  const rect = /<clipPath id="[^"]*-frame"><rect ([^>]*)\/>/.exec(svg)?.[1] ?? '';
  const x = Number(attribute(` ${rect}`, 'x'));
  const y = Number(attribute(` ${rect}`, 'y'));
  return [x, y, x + Number(attribute(` ${rect}`, 'width')), y + Number(attribute(` ${rect}`, 'height'))];
}

/** The bounding box of a path's data (absolute or relative commands of d3-geo: M, L, Z, m, l, h, v). */
function pathBox(d: string): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHVZmlhvz])([^MLHVZmlhvz]*)/g)) {
    const numbers = (args ?? '').match(/-?\d*\.?\d+(?:e-?\d+)?/g)?.map(Number) ?? [];
    const visit = () => {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    };
    if (command === 'M' || command === 'L')
      for (let k = 0; k + 1 < numbers.length; k += 2) {
        x = numbers[k] as number;
        y = numbers[k + 1] as number;
        visit();
      }
    else if (command === 'm' || command === 'l')
      for (let k = 0; k + 1 < numbers.length; k += 2) {
        x += numbers[k] as number;
        y += numbers[k + 1] as number;
        visit();
      }
    else if (command === 'H' || command === 'h' || command === 'V' || command === 'v')
      for (const n of numbers) {
        if (command === 'H') x = n;
        else if (command === 'h') x += n;
        else if (command === 'V') y = n;
        else y += n;
        visit();
      }
  }
  return box;
}

/** Each inset group of the SVG: region, box, map area, its content. */
function insetsOf(
  svg: string,
): Array<{ code: string; region: string | null; box: Box; area: Box; content: string }> {
  const end = svg.search(/<g class="labels"|<rect class="frame-border"/);
  return svg
    .slice(0, end)
    .split('<g class="inset" ')
    .slice(1)
    .map((chunk) => {
      const head = ` ${chunk.slice(0, chunk.indexOf('>'))}`;
      return {
        code: attribute(head, 'data-inset') as string,
        region: attribute(head, 'data-region') ?? null,
        box: boxAttribute(head, 'data-box'),
        area: boxAttribute(head, 'data-area'),
        content: chunk.slice(chunk.indexOf('>') + 1),
      };
    });
}

/** Filled shape paths (`data-code`, `d`, `fill`, `data-class`) of an SVG fragment. */
const fillPaths = (fragment: string) =>
  [...fragment.matchAll(/<path d="([^"]*)" data-code="([^"]*)"[^>]*>/g)].map((match) => ({
    code: match[2] as string,
    box: pathBox(match[1] as string),
    fill: attribute(match[0], 'fill'),
    klass: attribute(match[0], 'data-class'),
  }));

/** The main map's part (before the first inset). */
const mainOf = (svg: string): string =>
  /<g class="main"[^>]*>([\s\S]*?)<g class="inset"/.exec(svg)?.[1] ?? '';

/** Labels with their boxes recomputed from position, font size and length. */
function labelBoxes(svg: string): Array<{ code: string; box: Box }> {
  const group = /<g class="labels"[^>]*font-size="([\d.]+)"[^>]*>([\s\S]*?)<\/g>/.exec(svg);
  if (!group) return [];
  const size = Number(group[1]);
  return [...(group[2] as string).matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => {
    const x = Number(attribute(match[0], 'x'));
    const centre = Number(attribute(match[0], 'y')) - size * 0.35;
    const half = ((match[1] as string).length * size * 0.6) / 2;
    return {
      code: attribute(match[0], 'data-code') as string,
      box: [x - half, centre - size * 0.625, x + half, centre + size * 0.625] as Box,
    };
  });
}

/** The structural invariants of a map with insets. */
function checkInsets(map: RenderedMap, overseasShapes: readonly MapShape[]): void {
  const svg = map.svg;
  const frame = frameOf(svg);
  const drawn = insetsOf(svg);
  expect(drawn.map((inset) => inset.code)).toEqual(map.insets.map((inset) => inset.code));
  const main = mainOf(svg);
  const metroPaths = fillPaths(main);
  const metroBox: Box = [
    Math.min(...metroPaths.map((p) => p.box[0])),
    Math.min(...metroPaths.map((p) => p.box[1])),
    Math.max(...metroPaths.map((p) => p.box[2])),
    Math.max(...metroPaths.map((p) => p.box[3])),
  ];
  drawn.forEach((inset, index) => {
    expect(inside(inset.box, frame), `inset ${inset.code} inside the frame`).toBe(true);
    expect(inside(inset.area, inset.box)).toBe(true);
    if (metroPaths.length)
      expect(overlaps(inset.box, metroBox), `inset ${inset.code} over the metropolitan shapes`).toBe(false);
    for (const other of drawn.slice(index + 1)) expect(overlaps(inset.box, other.box)).toBe(false);
    for (const path of fillPaths(inset.content)) {
      expect(inside(path.box, inset.area), `${path.code} inside inset ${inset.code}`).toBe(true);
      expect(path.box[2] - path.box[0], `${path.code} is drawn large enough to see`).toBeGreaterThan(5);
    }
  });
  for (const shape of overseasShapes) {
    const holder = map.insets.find((inset) => inset.codes.includes(shape.code));
    expect(holder, `${shape.code} is in an inset`).toBeDefined();
    const group = drawn.find((inset) => inset.code === holder?.code);
    expect(group?.content).toContain(`data-code="${shape.code}"`);
    expect(main).not.toContain(`data-code="${shape.code}"`);
  }
  // labels stay inside their panel: overseas ones in their inset, the others above the row of insets
  const top = Math.min(...drawn.map((inset) => inset.box[1]));
  for (const label of labelBoxes(svg)) {
    const holder = drawn.find((inset) =>
      map.insets.find((i) => i.code === inset.code)?.codes.includes(label.code),
    );
    if (holder) expect(inside(label.box, holder.area), `label ${label.code} in its inset`).toBe(true);
    else expect(label.box[3], `label ${label.code} above the insets`).toBeLessThanOrEqual(top);
  }
}

describe('insets for overseas regions', () => {
  it('uses chefs-lieux that exist in the territory graph, and region codes and names of the graph', () => {
    for (const place of OVERSEAS) expect(commune(place.code)?.commune.name, place.code).toBe(place.name);
    const graph = regions();
    for (const region of OVERSEAS_REGIONS) {
      const known = departement(region.code) as NonNullable<ReturnType<typeof departement>>;
      expect(known.name, region.code).toBe(region.name.fr);
      expect(known.region, region.code).toBe(region.region);
      if (region.region) expect(graph.find((r) => r.code === region.region)?.name).toBe(region.name.fr);
    }
    // every overseas region of the graph, and every département or collectivity of 97x with communes
    expect(graph.filter((r) => r.departements.every((d) => d.startsWith('97'))).map((r) => r.code)).toEqual(
      OVERSEAS_REGIONS.flatMap((region) => (region.region ? [region.region] : [])),
    );
    for (const code of ['971', '972', '973', '974', '975', '976', '977', '978'])
      expect(departement(code)?.communes.length, code).toBeGreaterThan(0);
  });

  const shapes = [...metropolitan(), ...overseas()];
  const map = renderMap([{ id: 'units', shapes, labels: true }], {
    title: 'Communes et outre-mer',
    valueLabel: 'Score',
    classes: 4,
    width: 900,
  });

  it('draws metropolitan France in the main frame and each overseas region in its own inset', () => {
    expect(map.insets.map((inset) => inset.code)).toEqual(['971', '972', '973', '974', '976']);
    expect(map.insets.map((inset) => inset.codes)).toEqual(OVERSEAS.map((place) => [place.code]));
    expect(map.warnings).toEqual([]);
    checkInsets(map, overseas());
  });

  it('titles each inset with the region name, draws its own scale bar said to be at a different scale, and one north arrow', () => {
    const drawn = insetsOf(map.svg);
    expect(drawn.map((inset) => /<text class="inset-title"[^>]*>([^<]*)</.exec(inset.content)?.[1])).toEqual([
      'Guadeloupe',
      'Martinique',
      'Guyane',
      'La Réunion',
      'Mayotte',
    ]);
    for (const inset of drawn) {
      const scale = /<g class="inset-scale"[^>]*>/.exec(inset.content)?.[0] ?? '';
      expect(Number(attribute(scale, 'data-km'))).toBeGreaterThan(0);
      expect(Number(attribute(scale, 'data-px'))).toBeGreaterThan(5);
      expect(Number(attribute(scale, 'data-px'))).toBeLessThan(inset.box[2] - inset.box[0]);
      expect(inset.content).toContain('échelle différente');
      expect(inset.content).not.toContain('north-arrow');
    }
    // each inset is fitted to its own extent, not at the main map's scale: the main bar is longer in km
    const km = (code: string) =>
      Number(
        attribute(
          /<g class="inset-scale"[^>]*>/.exec(drawn.find((i) => i.code === code)?.content ?? '')?.[0] ?? '',
          'data-km',
        ),
      );
    expect(km('973')).toBe(km('976')); // the squares are all the same size: the same scale in each inset
    const mainKm = Number(attribute(/<g class="scale-bar"[^>]*>/.exec(map.svg)?.[0] ?? '', 'data-km'));
    expect(mainKm).toBeGreaterThan(km('973'));
    expect(map.svg.match(/class="north-arrow"/g)?.length).toBe(1);
    expect(map.svg.match(/class="scale-bar"/g)?.length).toBe(1);
  });

  it('uses the same class colours in the main map and the insets, those of the legend', () => {
    const legend = new Map(
      [...map.svg.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"[^>]*data-class="(\d+)"\/>/g)].map((m) => [
        m[2],
        m[1],
      ]),
    );
    expect(legend.size).toBeGreaterThan(1);
    const paths = [
      ...fillPaths(mainOf(map.svg)),
      ...insetsOf(map.svg).flatMap((inset) => fillPaths(inset.content)),
    ];
    expect(paths.length).toBe(shapes.length);
    const classes = new Set<string>();
    for (const path of paths) {
      expect(path.fill, path.code).toBe(legend.get(path.klass as string));
      classes.add(`${path.klass}`);
    }
    // the insets' classes are the map's classes: an overseas value of the top class takes its colour
    const insetClasses = new Set(
      insetsOf(map.svg).flatMap((inset) => fillPaths(inset.content).map((p) => p.klass)),
    );
    expect(insetClasses.size).toBeGreaterThan(1);
  });

  it('keeps tooltips on inset shapes, and names the insets in the desc', () => {
    const reunion = insetsOf(map.svg).find((inset) => inset.code === '974')?.content ?? '';
    expect(reunion).toMatch(/data-code="97411"[^>]*><title>Saint-Denis \(97411\)\u00a0: 38<\/title>/);
    const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(map.svg)?.[1] ?? '';
    expect(desc).toContain('Encarts à une échelle différente');
    for (const name of ['Guadeloupe (1 unité)', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'])
      expect(desc).toContain(name);
    expect(desc).toContain('sur 11 unités');
  });

  it('speaks English', () => {
    const english = renderMap([{ shapes }], { title: 'Overseas', lang: 'en', width: 900 });
    expect(english.svg).toContain('>French Guiana</text>');
    expect(english.svg).toContain('different scale');
    expect(english.svg).toMatch(/<desc[^>]*>[^<]*Insets at a different scale: Guadeloupe \(1 unit\)/);
  });

  it('with insets: none draws overseas units nowhere and says so in a warning and the desc', () => {
    const none = renderMap([{ shapes, labels: true }], { title: 'Sans encarts', insets: 'none', width: 900 });
    expect(none.insets).toEqual([]);
    expect(none.warnings).toHaveLength(1);
    const [warning] = none.warnings;
    expect(warning?.code).toBe('W_OVERSEAS_OMITTED');
    expect(warning?.codes).toEqual(OVERSEAS.map((place) => place.code));
    expect(warning?.message.fr).toBe(
      '5 unités d’outre-mer non dessinées (encarts désactivés)\u00a0: 97105, 97209, 97302, 97411, 97611',
    );
    expect(warning?.message.en).toContain('5 overseas units not drawn');
    for (const place of OVERSEAS) expect(none.svg).not.toContain(`data-code="${place.code}"`);
    expect(none.svg).not.toContain('class="inset"');
    expect(none.svg).toMatch(/<desc[^>]*>[^<]*5 unités d’outre-mer non dessinées/);
    expect(none.labels.shown).toHaveLength(6);
    // the classes are those of the units drawn
    expect(none.classification?.classes.reduce((n, bin) => n + bin.count, 0)).toBe(6);
  });

  it('draws a map of one overseas region alone in the main frame, with no inset, a scale bar and a north arrow', () => {
    const alone = renderMap(
      [
        {
          shapes: [
            shapeOf('97411', 'Saint-Denis', 55.44, -20.9, 1),
            shapeOf('97415', 'Saint-Paul', 55.27, -21.0, 2),
          ],
          labels: true,
        },
      ],
      {
        title: 'La Réunion',
        width: 500,
      },
    );
    expect(alone.insets).toEqual([]);
    expect(alone.warnings).toEqual([]);
    expect(alone.svg).not.toContain('class="inset"');
    const paths = fillPaths(alone.svg);
    expect(paths.map((p) => p.code)).toEqual(['97411', '97415']);
    const frame = frameOf(alone.svg);
    for (const path of paths) {
      expect(inside(path.box, frame)).toBe(true);
      expect(path.box[2] - path.box[0]).toBeGreaterThan(50); // fitted to the frame, not a dot
    }
    expect(alone.svg).toContain('class="north-arrow"');
    expect(alone.svg).toContain('class="scale-bar"');
    // insets: none changes nothing when nothing is overseas of the main frame
    expect(
      renderMap([{ shapes: [shapeOf('97411', 'Saint-Denis', 55.44, -20.9, 1)] }], {
        title: 'x',
        insets: 'none',
      }).warnings,
    ).toEqual([]);
  });

  it('two overseas regions without metropolitan units: the larger in the main frame, the other in an inset', () => {
    const two = renderMap(
      [
        {
          shapes: [
            shapeOf('97411', 'A', 55.44, -20.9, 1),
            shapeOf('97415', 'B', 55.27, -21.0, 2),
            shapeOf('97611', 'C', 45.2, -12.8, 3),
          ],
        },
      ],
      { title: 'Deux régions', width: 600 },
    );
    expect(two.insets.map((inset) => inset.code)).toEqual(['976']);
    checkInsets(two, [shapeOf('97611', 'C', 45.2, -12.8, 3)]);
  });

  it('places shapes without an overseas INSEE code (an EPCI SIREN) by where they lie, and splits lines and highlights', () => {
    const epci = shapeOf('249740101', 'CINOR', 55.4, -20.95, 4, 0.1);
    const result = renderMap(
      [
        { shapes: [...metropolitan(), epci] },
        {
          kind: 'lines',
          id: 'outline',
          lines: {
            type: 'MultiLineString',
            coordinates: [
              [
                [2, 49.6],
                [2.9, 49.6],
              ],
              [
                [55.4, -20.95],
                [55.5, -20.95],
              ],
            ],
          },
        },
        { kind: 'highlight', shapes: [{ code: 'application', geometry: epci.geometry }] },
      ],
      { title: 'EPCI', width: 800 },
    );
    expect(result.insets.map((inset) => [inset.code, inset.codes])).toEqual([
      ['974', ['249740101', 'application']],
    ]);
    const reunion = insetsOf(result.svg)[0]?.content ?? '';
    expect(reunion).toContain('data-layer="outline"');
    expect(reunion).toContain('class="layer highlight"');
    for (const path of [...reunion.matchAll(/<path d="([^"]*)"/g)])
      expect(inside(pathBox(path[1] as string), insetsOf(result.svg)[0]?.area as Box)).toBe(true);
    checkInsets(result, [epci]);
  });

  it('gives Saint-Pierre-et-Miquelon, Saint-Barthélemy and Saint-Martin their own insets, with no region', () => {
    const collectivities = [
      shapeOf('97502', 'Saint-Pierre', -56.2, 46.76, 1),
      shapeOf('97701', 'Saint-Barthélemy', -62.87, 17.88, 2),
      shapeOf('97801', 'Saint-Martin', -63.1, 18.05, 3),
    ];
    for (const s of collectivities) expect(commune(s.code)?.commune.name, s.code).toBe(s.name);
    const result = renderMap([{ shapes: [...metropolitan(), ...collectivities], labels: true }], {
      title: 'Collectivités',
      width: 800,
    });
    expect(result.insets.map((inset) => [inset.code, inset.region, inset.name.fr])).toEqual([
      ['975', null, 'Saint-Pierre-et-Miquelon'],
      ['977', null, 'Saint-Barthélemy'],
      ['978', null, 'Saint-Martin'],
    ]);
    expect(insetsOf(result.svg).map((inset) => inset.region)).toEqual([null, null, null]);
    checkInsets(result, collectivities);
  });

  it('rejects an insets option other than auto or none with a typed error naming it', () => {
    const bad = { title: 'x', insets: 'left' } as unknown as Parameters<typeof renderMap>[1];
    expect(() => renderMap([{ shapes }], bad)).toThrow(GeoDataError);
    expect(() => renderMap([{ shapes }], bad)).toThrow(/insets.*left/);
    expect(() => renderMap([{ shapes }], bad)).toThrow(
      expect.objectContaining({ code: 'E_INVALID_MAP_OPTION' }),
    );
  });

  it('keeps its invariants for any subset of overseas regions, sizes and labels', () => {
    fc.assert(
      fc.property(
        fc.subarray([...OVERSEAS], { minLength: 1 }),
        fc.boolean(),
        fc.integer({ min: 300, max: 1400 }),
        fc.boolean(),
        (places, withMetropolitan, width, labels) => {
          const overseasShapes = places.map((place, index) =>
            shapeOf(place.code, place.name, place.lon, place.lat, index),
          );
          const all = [...(withMetropolitan ? metropolitan() : []), ...overseasShapes];
          const result = renderMap([{ shapes: all, labels }], { title: 'Propriété', width });
          const expected = withMetropolitan ? places.length : places.length - 1;
          expect(result.insets).toHaveLength(expected);
          if (withMetropolitan) checkInsets(result, overseasShapes);
          else if (expected > 0)
            checkInsets(
              result,
              overseasShapes.filter((s) => result.insets.some((i) => i.codes.includes(s.code))),
            );
          expect(result.labels.shown.length + result.labels.dropped.length).toBe(labels ? all.length : 0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('renders a PNG with insets: non-blank, the insets drawn in the class colours', async () => {
    const png = PNG.sync.read(Buffer.from(await renderPng(map.svg)));
    expect([png.width, png.height]).toEqual([map.width, map.height]);
    const colourAt = (x: number, y: number): string => {
      const offset = (Math.round(y) * png.width + Math.round(x)) * 4;
      return `#${[0, 1, 2].map((k) => (png.data[offset + k] as number).toString(16).padStart(2, '0')).join('')}`;
    };
    const colours = new Set<string>();
    for (let offset = 0; offset < png.data.length; offset += 4)
      colours.add(
        `#${[0, 1, 2].map((k) => (png.data[offset + k] as number).toString(16).padStart(2, '0')).join('')}`,
      );
    expect(colours.size).toBeGreaterThan(20);
    for (const inset of insetsOf(map.svg)) {
      const [path] = fillPaths(inset.content);
      if (!path) throw new Error(`no shape in inset ${inset.code}`);
      // a point inside the shape, away from its border and from its label at the centre
      const sample = colourAt((path.box[0] + path.box[2]) / 2, path.box[1] + 4);
      expect(sample, `inset ${inset.code}`).toBe(path.fill);
    }
  });
});

describe('cprdfop map --insets', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cprdfop-insets-'));
    const features = [
      square('80021', 2.2, 49.8, 0.3),
      square('80001', 2.5, 49.8, 0.3),
      ...OVERSEAS.map((place) => square(place.code, place.lon, place.lat, 0.05)),
    ];
    writeFileSync(join(dir, 'communes.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  });
  const base = ['map', '--contours', 'communes.geojson', '--by', 'commune', '--lang', 'fr'];

  it('draws the overseas communes in insets by default', async () => {
    const r = await cli(base, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(insetsOf(r.stdout).map((inset) => inset.code)).toEqual(['971', '972', '973', '974', '976']);
    expect(r.stdout).toContain('>La Réunion</text>');
  });

  it('with --insets none warns naming the communes left out (and --strict fails)', async () => {
    const r = await cli([...base, '--insets', 'none'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('class="inset"');
    expect(r.stderr).toMatch(
      /5 unité\(s\) d’outre-mer non dessinée\(s\) \(«\u202f--insets none\u202f»\)\u00a0: Basse-Terre, Fort-de-France/,
    );
    const strict = await cli([...base, '--insets', 'none', '--strict'], { cwd: dir });
    expect(strict.code).toBe(1);
  });

  it('rejects a bad --insets with exit 64 naming the value', async () => {
    const r = await cli([...base, '--insets', 'left'], { cwd: dir });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--insets «\u202fleft\u202f» invalide/);
  });
});
