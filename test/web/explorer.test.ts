/**
 * The explorer page `examples/explorer/` in a real browser: built with Vite's JS API (its data built
 * from the shared 2018 contours when present, from the synthetic fallback otherwise), served on
 * 127.0.0.1, driven in headless Chromium (Debian's `chromium` through playwright-core): mesh switch,
 * dropped and chosen CSV files, search, keyboard tooltips, every download checked byte by byte,
 * axe-core; screenshots are kept in `test/.tmp/artefacts/`.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinMesh, commune } from '../../src/territory/index.js';
import {
  buildVitePage,
  CHROMIUM,
  hasChromium,
  nodeBuiltinsInBundle,
  openPage,
  seriousAxeViolations,
  servedPage,
} from '../_helpers/browser.js';
import { requireShared } from '../_helpers/shared.js';

const repo = resolve(import.meta.dirname, '..', '..');
const root = join(repo, 'examples', 'explorer');
const tmp = join(repo, 'test', '.tmp');
const artefacts = join(tmp, 'artefacts');
/** `CPRDFOP_EXPLORER_CONTOURS=synthetic` runs the test as if the shared snapshot were absent. */
const hasShared =
  process.env.CPRDFOP_EXPLORER_CONTOURS !== 'synthetic' &&
  requireShared('examples/explorer on the 2018 contours', 'geo/hauts-de-france-2018/communes.geojson')
    .present;
/** CA Creil Sud Oise: on the map with both contour sources. */
const CREIL_EPCI = '200068047';
const CREIL = '60175';

/** Builds the page into `outDir` (the synthetic fallback when asked). */
function buildPage(outDir: string, contours?: 'synthetic'): Promise<void> {
  return buildVitePage(root, outDir, { CPRDFOP_EXPLORER_CONTOURS: contours });
}

const open = (context: BrowserContext, url: string) => openPage(context, url, 'body[data-ready="true"]');

const units = '[data-testid="map"] [data-layer="units"] path[data-code]';

/** The codes of the shapes drawn. */
function shownCodes(page: Page): Promise<string[]> {
  return page.$$eval(units, (paths) => paths.map((p) => p.getAttribute('data-code') ?? ''));
}

/** Switches the mesh and waits for the map to show it. */
async function meshTo(page: Page, mesh: string): Promise<void> {
  await page.getByTestId(`mesh-${mesh}`).check();
  await page.waitForSelector(`[data-testid="map"][data-mesh="${mesh}"]`);
}

/** Drops a file on a drop zone, as a person dragging it from their desktop would. */
async function dropFile(page: Page, zone: string, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/csv' }));
      return data;
    },
    { name, text },
  );
  await page.dispatchEvent(`[data-testid="${zone}"]`, 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent(`[data-testid="${zone}"]`, 'drop', { dataTransfer: transfer });
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`download-${format}`).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** A former commune code whose current commune is among `codes` (found by scanning the graph), if any. */
function formerCodeAmong(codes: readonly string[]): { from: string; to: string } | undefined {
  const wanted = new Set(codes);
  for (const dep of new Set(codes.map((code) => code.slice(0, 2)))) {
    for (let n = 1; n < 1000; n++) {
      const code = dep + String(n).padStart(3, '0');
      let hit: ReturnType<typeof commune>;
      try {
        hit = commune(code);
      } catch {
        continue;
      }
      if (hit?.mapped && wanted.has(hit.commune.code)) return { from: code, to: hit.commune.code };
    }
  }
  return undefined;
}

/** The units of a built-in mesh having at least one of `communes` (what the page draws of it). */
function expectedUnits(
  kind: 'epci' | 'arrondissement' | 'departement',
  communes: readonly string[],
): string[] {
  const present = new Set(communes);
  return builtinMesh(kind)
    .units.filter((unit) => unit.communes.some((code) => present.has(code)))
    .map((unit) => unit.code)
    .sort();
}

describe.skipIf(!hasChromium)('examples/explorer in headless Chromium', { timeout: 180_000 }, () => {
  const out = join(tmp, 'explorer-dist');
  const served = servedPage(out, (dir) => buildPage(dir, hasShared ? undefined : 'synthetic'), {
    width: 1400,
    acceptDownloads: true,
  });
  beforeAll(() => mkdirSync(artefacts, { recursive: true }));

  it('says which data it shows and how many bytes it loads: a simplified TopoJSON, not multi-MB GeoJSON', async () => {
    const { page, errors } = await open(served.context, served.url);
    const source = page.getByTestId('data-source');
    expect(await source.getAttribute('data-source')).toBe(hasShared ? 'shared-2018' : 'synthetic');
    expect(await source.textContent()).toContain(hasShared ? 'ADMIN EXPRESS COG 2018' : 'synthétiques');
    const file = join(out, 'explorer.topojson');
    const bytes = Number(await page.getByTestId('data-bytes').getAttribute('data-bytes'));
    expect(bytes).toBe(statSync(file).size);
    expect(bytes).toBeLessThan(1_000_000);
    const topology = JSON.parse(readFileSync(file, 'utf8')) as {
      type: string;
      transform?: unknown;
      objects: { communes: { geometries: unknown[] } };
    };
    expect(topology.type).toBe('Topology');
    expect(topology.transform).toBeDefined();
    expect(topology.objects.communes.geometries.length).toBe(hasShared ? 3782 : 32);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches between the four built-in meshes, each drawn with its legend and data table', async () => {
    const { page, errors } = await open(served.context, served.url);
    await meshTo(page, 'communes');
    const communes = await shownCodes(page);
    expect(new Set(communes).size).toBe(communes.length);
    expect(communes.length).toBe(hasShared ? 3782 : 32);
    expect(await page.locator('[data-testid="data-table"] tbody tr').count()).toBe(communes.length);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(artefacts, 'explorer-communes.png'), fullPage: true });

    for (const kind of ['epci', 'arrondissement', 'departement'] as const) {
      await meshTo(page, kind);
      const codes = await shownCodes(page);
      expect([...codes].sort(), kind).toEqual(expectedUnits(kind, communes));
      if (hasShared) expect(codes.length).toBe({ epci: 92, arrondissement: 26, departement: 5 }[kind]);
      // a choropleth: every shape has a value and a class, the legend lists the classes
      const classes = await page.$$eval(units, (paths) => paths.map((p) => p.getAttribute('data-class')));
      for (const c of classes) expect(Number(c)).toBeGreaterThanOrEqual(0);
      expect(await page.locator('[data-testid="map"] svg .legend rect[data-class]').count()).toBeGreaterThan(
        0,
      );
      expect(await page.locator('[data-testid="data-table"] tbody tr').count()).toBe(codes.length);
    }
    // the area of a unit whose communes lack contours is no data, said; with no value at all, said too
    await page.getByTestId('indicator-area').check();
    await page.waitForSelector('[data-testid="map"][data-indicator="area"]');
    const notices = page.getByTestId('notices');
    if (hasShared) {
      expect(await notices.locator('[data-kind="incomplete"]').count()).toBe(0);
      expect(await notices.locator('[data-kind="no-value"]').count()).toBe(0);
    } else {
      // the synthetic squares cover 32 communes of the Oise: the département is incomplete
      expect(await notices.locator('[data-kind="incomplete"]').textContent()).toMatch(
        /^1\u202funité incomplète/,
      );
      expect(await notices.locator('[data-kind="no-value"]').textContent()).toContain('Superficie');
    }
    await page.getByTestId('indicator-population').check();
    await meshTo(page, 'epci');
    // the indicators: area and density are in km² and inhabitants per km²
    await page.getByTestId('indicator-density').check();
    await page.waitForSelector('[data-testid="map"][data-indicator="density"]');
    expect(await page.locator('[data-testid="map"] svg').textContent()).toContain('hab./km²');
    await page.getByTestId('indicator-area').check();
    await page.waitForSelector('[data-testid="map"][data-indicator="area"]');
    const creilArea = await page.getAttribute(`${units}[data-code="${CREIL_EPCI}"]`, 'data-value');
    expect(Number(creilArea)).toBeGreaterThan(0);
    // the method and the palette change the map
    await page.getByTestId('method').selectOption('jenks');
    await page.getByTestId('classes').selectOption('4');
    await expect
      .poll(() =>
        page.locator('[data-testid="map"] svg .legend rect[data-class]:not([data-class="-1"])').count(),
      )
      .toBeLessThanOrEqual(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('maps a dropped CSV of values: columns chosen, former codes mapped, unmatched codes listed, nothing dropped silently', async () => {
    const { page, errors } = await open(served.context, served.url);
    await meshTo(page, 'communes');
    const communes = await shownCodes(page);
    const former = formerCodeAmong(communes.filter((code) => code !== CREIL));
    const kept = communes.filter((code) => code !== former?.to).slice(0, 20);
    const lines = [
      'libelle;code_insee;taux',
      ...kept.map((code, index) => `x;${code};${index},5`),
      'y;99999;3',
    ];
    if (former) lines.push(`z;${former.from};7`);
    await dropFile(page, 'values-drop', 'taux.csv', `${lines.join('\n')}\n`);
    await page.waitForSelector('[data-testid="map"][data-indicator="csv"]');
    // the code column is recognised by its name, the value column is the first numeric one
    expect(await page.getByTestId('code-column').inputValue()).toBe('1');
    expect(await page.getByTestId('value-column').inputValue()).toBe('2');
    expect(await page.getAttribute(`${units}[data-code="${kept[1]}"]`, 'data-value')).toBe('1.5');
    const notices = page.getByTestId('notices');
    expect(await notices.locator('[data-kind="values-unmatched"]').textContent()).toContain('99999');
    if (former) {
      expect(await notices.locator('[data-kind="values-mapped"]').textContent()).toContain(
        `${former.from} → ${former.to}`,
      );
      expect(await page.getAttribute(`${units}[data-code="${former.to}"]`, 'data-value')).toBe('7');
    }
    const valued = await page.$$eval(`${units}[data-value]`, (paths) => paths.length);
    expect(valued).toBe(kept.length + (former ? 1 : 0));
    // the legend is titled with the column; the other shapes are "no data"
    expect(await page.locator('[data-testid="map"] svg').textContent()).toContain('taux');
    expect(await page.locator('[data-testid="map"] svg .legend [data-class="-1"]').count()).toBeGreaterThan(
      0,
    );
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(artefacts, 'explorer-csv.png'), fullPage: true });

    // on the EPCI mesh commune codes join nothing: an error on the page, never a blank map
    await meshTo(page, 'epci');
    expect(await notices.locator('[data-kind="values-error"]').textContent()).toContain('taux.csv');
    expect(await page.getAttribute('[data-testid="map"]', 'data-indicator')).toBe('population');

    // a file with only a header is refused by name
    await meshTo(page, 'communes');
    await page.getByTestId('values-file').setInputFiles({
      name: 'vide.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('code;valeur\n'),
    });
    await expect
      .poll(() => notices.locator('[data-kind="values-error"]').textContent())
      .toContain('vide.csv');
    expect(await notices.locator('[data-kind="values-error"]').textContent()).toContain('en-tête');
    expect(await page.getAttribute('[data-testid="map"]', 'data-indicator')).toBe('population');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads a mesh (commune → zone CSV) and draws one shape per zone', async () => {
    const { page, errors } = await open(served.context, served.url);
    await meshTo(page, 'communes');
    const communes = await shownCodes(page);
    const zoneOf = (code: string) => `Z${code.slice(0, 2)}${Number(code.slice(-1)) % 2}`;
    const zones = new Set(communes.map(zoneOf));
    const csv = ['codgeo;zone', ...communes.map((code) => `${code};${zoneOf(code)}`)].join('\n');
    await page.getByTestId('mesh-file').setInputFiles({
      name: 'zones-test.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${csv}\n`),
    });
    await page.waitForSelector('[data-testid="map"][data-mesh="loaded"]');
    expect([...(await shownCodes(page))].sort()).toEqual([...zones].sort());
    expect(await page.getByTestId('mesh-loaded').isChecked()).toBe(true);
    expect(await page.getByTestId('notices').locator('[data-kind="mesh-loaded"]').textContent()).toContain(
      'zones-test',
    );
    if (!hasShared)
      // the synthetic map has 32 communes of the region's 3 700: the rest is listed as uncovered
      expect(await page.getByTestId('notices').locator('[data-kind="mesh-uncovered"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a commune or an EPCI by name, and tells its value on hover and on keyboard focus', async () => {
    const { page, errors } = await open(served.context, served.url);
    await page.getByTestId('search').fill('Creil');
    const result = page.locator(`[data-testid="search-results"] button[data-code="${CREIL}"]`);
    await result.click();
    // on the EPCI mesh, the commune's EPCI is found and focused
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-code')))
      .toBe(CREIL_EPCI);
    expect(await page.getByTestId('status').textContent()).toContain('Creil');
    const tooltip = page.getByTestId('tooltip');
    expect(await tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain('Creil Sud Oise');
    expect(await tooltip.textContent()).toMatch(/\u202f: [\d\u202f]+\u00a0hab\./);
    // the arrow keys move the focus from shape to shape (one tab stop for the map)
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(next).not.toBe(CREIL_EPCI);
    expect(await tooltip.getAttribute('data-code')).toBe(next);
    expect(await page.locator(`${units}[tabindex="0"]`).count()).toBe(1);
    // an EPCI by name
    await page.getByTestId('search').fill('Creil Sud');
    await page
      .locator(`[data-testid="search-results"] button[data-kind="epci"][data-code="${CREIL_EPCI}"]`)
      .click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-code')))
      .toBe(CREIL_EPCI);
    // hover
    await page.mouse.move(0, 0);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.hover(`${units}[data-code="${CREIL_EPCI}"]`);
    await expect.poll(() => tooltip.getAttribute('data-code')).toBe(CREIL_EPCI);
    await page.screenshot({ path: join(artefacts, 'explorer-tooltip.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('downloads what is shown as SVG, PNG, CSV and GeoJSON', async () => {
    const { page, errors } = await open(served.context, served.url);
    await meshTo(page, 'arrondissement');
    const shapes = (await shownCodes(page)).length;

    const svg = await download(page, 'svg');
    expect(svg.name).toBe('explorateur-arrondissement-population.svg');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.nodeName,
        shapes: doc.querySelectorAll('[data-layer="units"] path[data-code]').length,
        title: doc.querySelector('title')?.textContent ?? '',
        width: Number(doc.documentElement.getAttribute('width')),
        height: Number(doc.documentElement.getAttribute('height')),
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed).toMatchObject({ error: 0, root: 'svg', shapes });
    expect(parsed.title).toContain('Population');

    const png = await download(page, 'png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = PNG.sync.read(png.bytes);
    expect(image.width).toBe(parsed.width * 2);
    expect(image.height).toBe(parsed.height * 2);
    // not blank: more than white in the picture
    let coloured = 0;
    for (let at = 0; at < image.data.length; at += 4 * 97)
      if (image.data[at] !== 255 || image.data[at + 1] !== 255 || image.data[at + 2] !== 255) coloured++;
    expect(coloured).toBeGreaterThan(100);

    const csv = await download(page, 'csv');
    const rows = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(rows[0]).toBe('code,name,value,class,class_label,colour');
    expect(rows.length - 1).toBe(shapes);

    const geojson = await download(page, 'geojson');
    const collection = JSON.parse(geojson.bytes.toString('utf8')) as {
      type: string;
      features: { properties: { code: string; value: number | null } }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBe(shapes);
    for (const feature of collection.features) expect(feature.properties.value).toBeGreaterThan(0);
    expect(await page.getByTestId('status').textContent()).toContain('.geojson');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English on request, and has no serious accessibility violation (axe-core)', async () => {
    const { page, errors } = await open(served.context, served.url);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('lang-toggle').click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('units shown');
    expect(await page.locator('[data-testid="map"] svg title').first().textContent()).toContain(
      'Population by',
    );
    // (the 3,782 communes take axe-core tens of seconds: the arrondissements, with the table open)
    await meshTo(page, 'arrondissement');
    await page.locator('details.table summary').click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('lang-toggle').click();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('bundles no Node built-in', () => {
    expect(nodeBuiltinsInBundle(join(out, 'assets'))).toEqual([]);
  });
});

describe.skipIf(!hasChromium || !hasShared)(
  'examples/explorer with the synthetic fallback',
  { timeout: 120_000 },
  () => {
    const served = servedPage(join(tmp, 'explorer-synthetic'), (dir) => buildPage(dir, 'synthetic'));

    it('says it shows synthetic data and draws the three EPCI of the Oise', async () => {
      const { page, errors } = await open(served.context, served.url);
      expect(await page.getByTestId('data-source').getAttribute('data-source')).toBe('synthetic');
      expect(await page.getByTestId('data-source').textContent()).toContain('synthétiques');
      expect([...(await shownCodes(page))].sort()).toEqual(['200068047', '246000129', '246000764']);
      await meshTo(page, 'communes');
      expect((await shownCodes(page)).length).toBe(32);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);

if (!hasChromium) {
  describe('examples/explorer', () => {
    it.skip(`needs Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`, () => {});
  });
}
