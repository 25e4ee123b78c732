/**
 * Maps a cartographer would sign: structural checks of the SVG (title, subtitle, source, desc,
 * legend classes strictly increasing and rounded, labels inside the frame and never overlapping,
 * scale bar and north arrow), the PNG decoded (size, non-blank, legend colours present) and the
 * `cprdfop map` options (classes, method, palette, legend title, unit, table, data, PNG).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GeoDataError, type MapShape, renderMap, renderPng, renderSvg } from '../../src/geo/index.js';
import { cli } from '../_helpers/cli.js';
import { square } from './_grid.js';

/** A grid of square shapes over Hauts-de-France, with names of varying length and values. */
function grid(columns: number, rows: number, size = 0.25): MapShape[] {
  const shapes: MapShape[] = [];
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column;
      shapes.push({
        code: `u${index}`,
        name: `${'Unité'.repeat(1 + (index % 3))} ${index}`,
        value: index % 11 === 0 ? null : Math.round(1000 * Math.exp(index / 9)),
        geometry: square(`u${index}`, 1.6 + column * size, 49 + row * size, size).geometry,
      });
    }
  return shapes;
}

const attribute = (element: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
const elements = (svg: string, pattern: RegExp): string[] => svg.match(pattern) ?? [];
const decodeEntities = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The map frame (clip rectangle) of an SVG. */
function frameOf(svg: string): { left: number; top: number; right: number; bottom: number } {
  const rect = /<clipPath id="[^"]*-frame"><rect ([^>]*)\/>/.exec(svg)?.[1] ?? '';
  const x = Number(attribute(` ${rect}`, 'x'));
  const y = Number(attribute(` ${rect}`, 'y'));
  return {
    left: x,
    top: y,
    right: x + Number(attribute(` ${rect}`, 'width')),
    bottom: y + Number(attribute(` ${rect}`, 'height')),
  };
}

/** Label boxes recomputed from each `<text>` (position, font size, length), independently of data-box. */
function labelBoxes(svg: string): Array<{ code: string; box: [number, number, number, number] }> {
  const group = /<g class="labels"[^>]*font-size="([\d.]+)"[^>]*>([\s\S]*?)<\/g>/.exec(svg);
  if (!group) return [];
  const size = Number(group[1]);
  return elements(group[2] as string, /<text [^>]*>[^<]*<\/text>/g).map((element) => {
    const x = Number(attribute(element, 'x'));
    const baseline = Number(attribute(element, 'y'));
    const name = decodeEntities(/>([^<]*)</.exec(element)?.[1] ?? '');
    const half = (name.length * size * 0.6) / 2;
    const centre = baseline - size * 0.35;
    return {
      code: attribute(element, 'data-code') as string,
      box: [x - half, centre - size * 0.625, x + half, centre + size * 0.625],
    };
  });
}

describe('renderMap: furniture', () => {
  const shapes = grid(8, 6);
  const map = renderMap([{ id: 'units', shapes, labels: true }], {
    title: 'Population des unités',
    subtitle: 'Grille de test, 2026',
    source: 'Source : test ; valeurs inventées',
    valueLabel: 'Population',
    unit: 'hab.',
    classification: 'quantile',
    classes: 5,
  });
  const svg = map.svg;
  it('has a title, subtitle, source line and a desc naming indicator, classes and extremes', () => {
    expect(svg).toContain('<title id="map-title">Population des unités</title>');
    expect(svg).toMatch(/<text class="map-title"[^>]*>Population des unités<\/text>/);
    expect(svg).toMatch(/<text class="map-subtitle"[^>]*>Grille de test, 2026<\/text>/);
    expect(svg).toMatch(/<g class="source"[\s\S]*Source\u00a0: test\u202f; valeurs inventées/);
    const desc = decodeEntities(/<desc id="map-desc">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '');
    expect(desc).toContain(
      'Carte choroplèthe «\u202fPopulation (hab.)\u202f» sur 48 unités, en 5 classes (quantiles',
    );
    for (const bin of map.classification?.classes ?? [])
      expect(desc).toContain(`${bin.label.fr} (${bin.count} unité`);
    const valued = shapes.filter((shape) => typeof shape.value === 'number');
    const lowest = valued.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
    const highest = valued.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
    const french = (value: number) => value.toLocaleString('fr-FR');
    expect(desc).toContain(
      `minimum ${french(lowest.value as number)} (${lowest.name}), maximum ${french(highest.value as number)} (${highest.name})`,
    );
    expect(desc).toContain('5 sans donnée');
    expect(desc).toMatch(/\d+ noms affichés sur 48/);
  });
  it('has a legend titled with the indicator and unit, classes strictly increasing, rounded, one number of decimals', () => {
    expect(svg).toMatch(/<text class="legend-title"[^>]*>Population \(hab\.\)<\/text>/);
    const rows = elements(svg, /<text x="30" [^>]*data-lower="[^"]*"[^>]*>[^<]*<\/text>/g);
    expect(rows).toHaveLength(5);
    const bounds = rows.map((row) => [
      Number(attribute(row, 'data-lower')),
      Number(attribute(row, 'data-upper')),
    ]);
    for (let index = 0; index < bounds.length; index++) {
      const [lower, upper] = bounds[index] as [number, number];
      expect(upper).toBeGreaterThan(lower);
      if (index > 0) expect(lower).toBe(bounds[index - 1]?.[1]);
      // rounded: at most two significant digits beyond trailing zeros
      for (const bound of [lower, upper])
        expect(String(bound).replace(/0+$/, '').length).toBeLessThanOrEqual(3);
    }
    for (const row of rows) expect(/>([^<]*)</.exec(row)?.[1]).not.toMatch(/,/); // integers: no decimals at all
    expect(svg).toMatch(
      /<rect [^>]*fill="url\(#map-nodata\)"[^>]*data-class="-1"\/>\n<text [^>]*>Pas de donnée<\/text>/,
    );
    expect(svg).toMatch(/<pattern id="map-nodata"/);
    expect(svg).toContain('Classes\u00a0: quantiles (effectifs égaux)');
  });
  it('draws borders visible on light classes (grey, not white) and a scale bar and north arrow', () => {
    expect(svg).toMatch(/<g class="layer fill" data-layer="units" stroke="#8a8a8a"/);
    const bar = /<g class="scale-bar"[^>]*data-km="([\d.]+)" data-px="([\d.]+)"/.exec(svg);
    expect(Number(bar?.[1])).toBeGreaterThan(0);
    expect(String(Number(bar?.[1]))).toMatch(/^[125]0*$/);
    // 8 squares of 0.25° at ~49.7°N span about 8 × 0.25 × 111.32 × cos(49.7°) ≈ 144 km
    const frame = frameOf(svg);
    const pxPerKm = Number(bar?.[2]) / Number(bar?.[1]);
    const drawnKm = (frame.right - frame.left - 12) / pxPerKm;
    expect(drawnKm).toBeGreaterThan(130);
    expect(drawnKm).toBeLessThan(160);
    // central meridian 3°E: north is up, within a degree or two
    const angle = Number(/<g class="north-arrow"[^>]*data-angle="([-\d.]+)"/.exec(svg)?.[1]);
    expect(Math.abs(angle)).toBeLessThan(2);
    const flat = renderSvg([{ shapes }], { title: 'x', projection: 'equirectangular' });
    expect(flat).not.toContain('class="scale-bar"');
    expect(flat).not.toContain('class="north-arrow"');
  });
  it('English: legend, no-data label, desc and tooltips', () => {
    const english = renderSvg([{ shapes }], { title: 'Units', lang: 'en', valueLabel: 'Population' });
    expect(english).toContain('>No data</text>');
    expect(english).toContain('Classes: quantiles (equal counts)');
    expect(english).toMatch(
      /<desc id="map-desc">Choropleth map of &quot;Population&quot; over 48 units, in 5 classes/,
    );
    expect(english).toContain('<title>Unité 0 (u0): no data</title>');
    expect(english).toContain('<title>UnitéUnité 1 (u1): 1,118</title>');
  });
  it('draws context shapes in grey without fitting them, and lines above the fills', () => {
    const far: MapShape = { code: 'far', geometry: square('far', -4, 43, 1).geometry };
    const alone = renderSvg([{ id: 'units', shapes }], { title: 'x' });
    const withContext = renderSvg(
      [
        { id: 'ctx', kind: 'context', shapes: [far] },
        { id: 'units', shapes },
      ],
      { title: 'x' },
    );
    const unitPaths = (text: string) => elements(text, /<path d="[^"]*" data-code="u\d+"/g);
    expect(unitPaths(withContext)).toEqual(unitPaths(alone));
    expect(withContext).toMatch(/<g class="layer context" data-layer="ctx" fill="#eeeeee"/);
    expect(withContext.indexOf('class="layer context"')).toBeLessThan(
      withContext.indexOf('data-layer="units"'),
    );
  });
});

describe('renderMap: labels', () => {
  it('no label leaves the frame and no two overlap, on dense random layouts; every label is shown or reported', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 14 }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 200, max: 900 }),
        fc.integer({ min: 8, max: 16 }),
        (columns, rows, width, labelSize) => {
          const shapes = grid(columns, rows, 0.1);
          const map = renderMap([{ shapes, labels: true }], { title: 't', width, labelSize });
          const frame = frameOf(map.svg);
          const boxes = labelBoxes(map.svg);
          expect(boxes.map((b) => b.code).sort()).toEqual([...map.labels.shown].sort());
          expect(map.labels.shown.length + map.labels.dropped.length).toBe(shapes.length);
          for (const { box } of boxes) {
            expect(box[0]).toBeGreaterThanOrEqual(frame.left - 1e-6);
            expect(box[2]).toBeLessThanOrEqual(frame.right + 1e-6);
            expect(box[1]).toBeGreaterThanOrEqual(frame.top - 1e-6);
            expect(box[3]).toBeLessThanOrEqual(frame.bottom + 1e-6);
          }
          for (let a = 0; a < boxes.length; a++)
            for (let b = a + 1; b < boxes.length; b++) {
              const one = (boxes[a] as { box: number[] }).box;
              const two = (boxes[b] as { box: number[] }).box;
              const apart =
                one[2]! <= two[0]! || two[2]! <= one[0]! || one[3]! <= two[1]! || two[3]! <= one[1]!;
              expect(apart, `${boxes[a]?.code} and ${boxes[b]?.code}`).toBe(true);
            }
        },
      ),
      { numRuns: 40 },
    );
  });
  it('keeps the label of highest priority when labels collide', () => {
    const shapes = grid(12, 2, 0.05).map((shape, index) => ({
      ...shape,
      name: `Nom très long ${index}`,
      priority: index === 7 ? 1e9 : index,
    }));
    const map = renderMap([{ shapes, labels: true }], { title: 't', width: 300 });
    expect(map.labels.dropped.length).toBeGreaterThan(0);
    expect(map.labels.shown).toContain('u7');
  });
  it('puts labels at the pole of inaccessibility of each shape', () => {
    const map = renderMap([{ shapes: grid(2, 1, 1), labels: true }], { title: 't', width: 800 });
    const paths = elements(map.svg, /<path d="[^"]*" data-code="u0"/g);
    const numbers = (/d="([^"]*)"/.exec(paths[0] as string)?.[1] ?? '').match(/-?[\d.]+/g)?.map(Number) ?? [];
    const xs = numbers.filter((_, index) => index % 2 === 0);
    const label = labelBoxes(map.svg).find((b) => b.code === 'u0');
    const centre = ((label?.box[0] as number) + (label?.box[2] as number)) / 2;
    expect(Math.abs(centre - (Math.min(...xs) + Math.max(...xs)) / 2)).toBeLessThan(3);
  });
});

describe('renderPng', () => {
  const map = renderMap([{ shapes: grid(6, 4), labels: true }], {
    title: 'Carte PNG',
    valueLabel: 'Population',
    width: 600,
  });
  it('renders the map at its size (and at a scale), non-blank, with the legend colours', async () => {
    const png = PNG.sync.read(Buffer.from(await renderPng(map.svg)));
    expect(png.width).toBe(map.width);
    expect(png.height).toBe(map.height);
    const colours = new Set<string>();
    let dark = 0;
    for (let offset = 0; offset < png.data.length; offset += 4) {
      const hex = `#${[0, 1, 2].map((k) => (png.data[offset + k] as number).toString(16).padStart(2, '0')).join('')}`;
      colours.add(hex);
      if ((png.data[offset] as number) < 60 && (png.data[offset + 1] as number) < 60) dark++;
    }
    expect(colours.size).toBeGreaterThan(50);
    expect(dark).toBeGreaterThan(500); // text and outlines were drawn (the font loaded)
    for (const bin of map.classification?.classes ?? []) expect(colours, bin.colour).toContain(bin.colour);
    const double = PNG.sync.read(Buffer.from(await renderPng(map.svg, { scale: 2 })));
    expect([double.width, double.height]).toEqual([map.width * 2, map.height * 2]);
  });
  it('draws text with the bundled font: the same bytes on every run', async () => {
    const one = await renderPng(map.svg);
    const two = await renderPng(map.svg);
    expect(Buffer.compare(Buffer.from(one), Buffer.from(two))).toBe(0);
  });
  it('rejects a bad scale or an unreadable font with a typed error', async () => {
    await expect(renderPng(map.svg, { scale: 0 })).rejects.toThrow(/PNG scale 0 is out of range/);
    await expect(renderPng(map.svg, { scale: Number.NaN })).rejects.toBeInstanceOf(GeoDataError);
    await expect(renderPng(map.svg, { fontFiles: [] })).rejects.toThrow(/bundled font/);
    await expect(renderPng('<svg', {})).rejects.toThrow(/cannot be rendered as PNG/);
  });
});

describe('cprdfop map: cartography options', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cprdfop-map-'));
    const codes = ['59350', '59009', '59512', '59599', '80021', '60057', '62041', '02691'];
    const features = codes.map((code, index) =>
      square(code, 1.8 + (index % 4) * 0.5, 49.5 + Math.floor(index / 4) * 0.5, 0.5),
    );
    writeFileSync(join(dir, 'communes.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    writeFileSync(
      join(dir, 'values.csv'),
      `code,value\n${codes
        .map((code, index) => (index === 3 ? '' : `${code},${(index + 1) * 1234.5}`))
        .filter(Boolean)
        .join('\n')}\n`,
    );
    writeFileSync(
      join(dir, 'context.geojson'),
      JSON.stringify({ type: 'FeatureCollection', features: [square('x', 0, 48, 1)] }),
    );
  });
  const base = ['map', '--contours', 'communes.geojson', '--by', 'commune', '--value', 'values.csv'];
  /** The map's text in French (the CLI's language comes from --lang, else the locale: English in tests). */
  const fr = [...base, '--lang', 'fr'];
  it('takes title, subtitle, source, legend title, unit, classes, method, palette', async () => {
    const r = await cli(
      [
        ...fr,
        '--title',
        'Valeurs',
        '--subtitle',
        'Test',
        '--source',
        'Source : moi',
        '--legend-title',
        'Montant',
        '--unit',
        '€',
        '--classes',
        '3',
        '--method',
        'equal',
        '--palette',
        'Greens',
        '--context',
        'context.geojson',
        '--labels',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title id="map-title">Valeurs</title>');
    expect(r.stdout).toMatch(/class="map-subtitle"[^>]*>Test</);
    expect(r.stdout).toMatch(/class="source"[\s\S]*>Source\u00a0: moi</);
    expect(r.stdout).toMatch(/class="legend-title"[^>]*>Montant \(€\)</);
    expect(r.stdout).toContain('Classes\u00a0: intervalles égaux');
    expect(r.stdout).toContain('fill="#e5f5e0"'); // Greens, 3 classes
    expect(r.stdout).toContain('class="layer context"');
    expect(r.stdout).toContain('data-layer="outline"');
    expect(r.stdout).toContain('>Pas de donnée</text>');
  });
  it('defaults the source line to the contours and values files with their dates', async () => {
    const r = await cli(fr, { cwd: dir });
    expect(r.stdout).toMatch(
      /Contours\u00a0: communes\.geojson \(fichier du \d{4}-\d\d-\d\d\)\u202f; valeurs\u00a0: values\.csv \(fichier du \d{4}-\d\d-\d\d\)/,
    );
    const english = await cli([...fr, '--lang', 'en'], { cwd: dir });
    expect(english.stdout).toMatch(
      /Contours: communes\.geojson \(file of \d{4}-\d\d-\d\d\); values: values\.csv/,
    );
    expect(english.stdout).toContain('>No data</text>');
  });
  it('writes a PNG, an HTML or CSV table and the data drawn as GeoJSON or CSV', async () => {
    const r = await cli(
      [...fr, '-o', 'map.png', '--table', 'table.html', '--data', 'data.geojson', '--scale', '2'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const png = PNG.sync.read(readFileSync(join(dir, 'map.png')));
    expect(png.width).toBe(1600);
    const html = readFileSync(join(dir, 'table.html'), 'utf8');
    expect(html).toContain('<html lang="fr">');
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(8);
    expect(html).toMatch(
      /<th scope="row">[^<]+<\/th><td>59599<\/td><td class="number">Pas de donnée<\/td><td>Pas de donnée<\/td>/,
    );
    const data = JSON.parse(readFileSync(join(dir, 'data.geojson'), 'utf8'));
    expect(data.features).toHaveLength(8);
    const lille = data.features.find((f: { id: string }) => f.id === '59350');
    expect(lille.properties).toMatchObject({ code: '59350', value: 1234.5, class: 0 });
    expect(lille.properties.colour).toMatch(/^#[0-9a-f]{6}$/);
    const csv = await cli([...fr, '-o', 'map.svg', '--table', 'table.csv'], { cwd: dir });
    expect(csv.code).toBe(0);
    const lines = readFileSync(join(dir, 'table.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('code,name,value,class,class_label,colour');
    expect(lines).toHaveLength(9);
    expect(lines.find((line) => line.startsWith('59599,'))).toBe('59599,Tourcoing,,-1,Pas de donnée,#e9e4dc');
  });
  it('rejects bad options with exit 64 naming the value, and writes nothing', async () => {
    const bad: Array<[string[], RegExp]> = [
      [['--classes', '12'], /invalid --classes "12"/],
      [['--classes', 'x'], /invalid --classes "x"/],
      [['--method', 'kmeans'], /invalid --method "kmeans"/],
      [['--palette', 'Rainbow'], /invalid --palette "Rainbow"/],
      [['--method', 'manual'], /--method manual needs --breaks/],
      [['--method', 'manual', '--breaks', '10,x'], /break 2 "x" is not a number/],
      [['--method', 'manual', '--breaks', '10,5'], /strictly increasing/],
      [['--breaks', '10'], /--breaks is for --method manual/],
      [['--format', 'gif'], /invalid --format "gif"/],
      [['--format', 'png'], /--format png needs an output file/],
      [['--lang', 'de'], /--lang must be fr or en/],
      [['-o', 'x.png', '--scale', '0'], /invalid --scale "0"/],
    ];
    for (const [extra, message] of bad) {
      const r = await cli([...base, ...extra], { cwd: dir });
      expect(r.code, extra.join(' ')).toBe(64);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, 'x.png'))).toBe(false);
    const context = await cli([...base, '--context', 'values.csv'], { cwd: dir });
    expect(context.code).toBe(65);
    expect(context.stderr).toMatch(/values\.csv: invalid JSON/);
  });
  it('says which labels are left out for lack of room', async () => {
    const r = await cli([...fr, '--labels', '--width', '200'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/cprdfop: \d+ nom\(s\) sur 8 non affiché\(s\) faute de place\u00a0: \p{L}/u);
  });
});
