/**
 * The browser page `examples/web-map/` in a real browser: built with Vite's JS API, served on
 * 127.0.0.1, driven in headless Chromium (Debian's `chromium` through playwright-core).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  buildVitePage,
  CHROMIUM,
  hasChromium,
  nodeBuiltinsInBundle,
  openPage,
  servedPage,
} from '../_helpers/browser.js';
import { requireShared } from '../_helpers/shared.js';

const repo = resolve(import.meta.dirname, '..', '..');
const root = join(repo, 'examples', 'web-map');
/** The ITIE rule set the page evaluates: one table row per criterion. */
const criteriaCount = (
  JSON.parse(readFileSync(join(repo, 'data/rules/itie-hdf-2023.json'), 'utf8')) as { criteria: unknown[] }
).criteria.length;
const tmp = join(repo, 'test', '.tmp');
/**
 * `CPRDFOP_WEB_MAP_CONTOURS=synthetic` (or `CPRDFOP_SHARED=/nonexistent`) runs the test as if the shared
 * snapshot were absent.
 */
const hasShared =
  process.env.CPRDFOP_WEB_MAP_CONTOURS !== 'synthetic' &&
  requireShared('examples/web-map on the 2018 contours', 'geo/hauts-de-france-2018/communes.geojson').present;
/** The synthetic fallback: the communes of three EPCI of the Oise (examples/web-map/contours.ts). */
const SYNTHETIC_EPCIS = ['246000129', '200068047', '246000764'];
/** CA Creil Sud Oise: on the map with both contour sources. */
const CREIL = '200068047';
/** Métropole européenne de Lille (Nord). */
const LILLE = '200093201';
/** CA du Pays de Laon (Aisne). */
const LAON = '200043495';

/** Builds the package when `dist/` is missing (CI builds it before the tests). */
function ensurePackageBuilt(): void {
  const built = ['geo', 'territory', 'itie'].every((sub) => existsSync(join(repo, 'dist', sub, 'index.js')));
  if (!built) execFileSync(join(repo, 'node_modules', '.bin', 'tsup'), { cwd: repo, stdio: 'ignore' });
}

/** Builds the page into `outDir` (the synthetic fallback when asked). */
function buildPage(outDir: string, contours?: 'synthetic'): Promise<void> {
  return buildVitePage(root, outDir, { CPRDFOP_WEB_MAP_CONTOURS: contours });
}

const open = (context: BrowserContext, url: string) => openPage(context, url, 'body[data-ready]');

const units = '[data-testid="map"] [data-layer="units"] path[data-code]';

/** The status of one criterion row of the verdict panel. */
function criterion(page: Page, id: string): Promise<string | null> {
  return page.getAttribute(`[data-testid="criteria"] tr[data-criterion="${id}"]`, 'data-status');
}

describe.skipIf(!hasChromium)('examples/web-map in headless Chromium', { timeout: 120_000 }, () => {
  const served = servedPage(join(root, 'dist'), (dir) => {
    ensurePackageBuilt();
    return buildPage(dir, hasShared ? undefined : 'synthetic');
  });

  it('draws one shape per EPCI, selects territories on click and shows the verdict live', async () => {
    const { page, errors } = await open(served.context, served.url);
    expect(await page.getAttribute('body', 'data-ready')).toBe('true');

    // contours: the shared snapshot when present, the synthetic fallback otherwise
    const source = await page.getAttribute('[data-testid="contours-source"]', 'data-source');
    expect(source).toBe(hasShared ? 'shared-2018' : 'synthetic');

    // the map: one path[data-code] per EPCI, codes are SIREN, shapes are focusable buttons
    const codes = await page.$$eval(units, (paths) => paths.map((p) => p.getAttribute('data-code')));
    expect(codes).toHaveLength(hasShared ? 92 : SYNTHETIC_EPCIS.length);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^\d{9}$/);
    if (!hasShared) expect([...codes].sort()).toEqual([...SYNTHETIC_EPCIS].sort());
    expect(await page.getAttribute(`${units}[data-code="${CREIL}"]`, 'role')).toBe('button');
    expect(await page.getAttribute(`${units}[data-code="${CREIL}"]`, 'tabindex')).toBe('0');

    // the sample application without a territory: undetermined, the territory is missing
    const verdict = page.getByTestId('verdict');
    expect(await verdict.getAttribute('data-verdict')).toBe('undetermined');
    expect(await page.getByTestId('missing').textContent()).toContain('(territory)');
    expect(await criterion(page, 'local-territory')).toBe('unknown');

    // a click selects an EPCI: the verdict becomes eligible, every criterion explained
    const shape = page.locator(`${units}[data-code="${CREIL}"]`);
    await shape.click();
    await expect.poll(() => shape.getAttribute('aria-pressed')).toBe('true');
    expect(await shape.getAttribute('class')).toContain('selected');
    expect(await page.getByTestId('selection').textContent()).toContain('Creil Sud Oise');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    expect(await verdict.textContent()).toBe('Éligible');
    const rows = page.locator('[data-testid="criteria"] tbody tr');
    expect(await rows.count()).toBe(criteriaCount);
    for (const status of await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))))
      expect(status).toBe('pass');
    expect(await page.getByTestId('ruleset').textContent()).toContain('itie-hdf@2023.1');
    // One EPCI is a local territory by itself (no proximity assumption used); the in-region reading is.
    const assumptionsShown = await page.getByTestId('assumptions').textContent();
    expect(assumptionsShown).toContain('tout le territoire');
    expect(assumptionsShown).not.toContain('arrondissement');

    // the form is live: a requested amount above the budget makes it ineligible, and back
    await page.getByLabel('Montant demandé (€)').fill('200000');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('ineligible');
    expect(await criterion(page, 'budget-consistent')).toBe('fail');
    await page.getByLabel('Montant demandé (€)').fill('60000');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');

    if (hasShared) {
      // the Métropole européenne de Lille (Nord) and the Pays de Laon (Aisne) with Creil (Oise): three
      // départements, more than the proximity assumption allows, so no local territory
      await page.locator(`${units}[data-code="${LILLE}"]`).click();
      await page.locator(`${units}[data-code="${LAON}"]`).click();
      await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('ineligible');
      expect(await criterion(page, 'local-territory')).toBe('fail');
      await page.locator(`${units}[data-code="${LILLE}"]`).click();
      await page.locator(`${units}[data-code="${LAON}"]`).click();
      await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    }

    // three neighbouring EPCI of one département remain a local territory
    for (const code of SYNTHETIC_EPCIS.filter((c) => c !== CREIL))
      await page.locator(`${units}[data-code="${code}"]`).click();
    expect(await page.locator(`${units}[aria-pressed="true"]`).count()).toBe(3);
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');

    await page.mouse.move(0, 0);
    mkdirSync(tmp, { recursive: true });
    await page.screenshot({ path: join(tmp, 'web-map.png'), fullPage: true });

    // the keyboard toggles too: Enter on the focused shape deselects it
    await shape.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shape.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator(`${units}[aria-pressed="true"]`).count()).toBe(2);

    // without Creil in the middle, the two other EPCI are not contiguous
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('ineligible');
    expect(await criterion(page, 'contiguous-territory')).toBe('fail');

    // English
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => verdict.textContent()).toBe('Ineligible');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator(`${units}[aria-pressed="true"]`).count()).toBe(2);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks contiguity from the contours: MEL (Nord) + CA Creil Sud Oise is not one territory', async () => {
    const { page, errors } = await open(served.context, served.url);
    const verdict = page.getByTestId('verdict');
    // with the shared contours: Lille and Creil; with the synthetic squares: the two outer blocks
    const [first, second] = hasShared ? [LILLE, CREIL] : [SYNTHETIC_EPCIS[0], SYNTHETIC_EPCIS[2]];
    await page.locator(`${units}[data-code="${first}"]`).click();
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    expect(await criterion(page, 'contiguous-territory')).toBe('pass');
    await page.locator(`${units}[data-code="${second}"]`).click();
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('ineligible');
    expect(await criterion(page, 'contiguous-territory')).toBe('fail');
    if (hasShared) {
      // two départements: the proximity reading alone would have let it through
      expect(await criterion(page, 'local-territory')).toBe('pass');
    }
    // deselecting one makes it contiguous again
    await page.locator(`${units}[data-code="${second}"]`).click();
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('bundles no Node built-in (a node:* import of the package would be stubbed by Vite)', () => {
    expect(nodeBuiltinsInBundle(join(root, 'dist', 'assets'))).toEqual([]);
  });

  it('switches to communes and selects one', async () => {
    const { page, errors } = await open(served.context, served.url);
    await page.getByTestId('mode-communes').check();
    await page.waitForSelector('[data-testid="map"][data-mode="communes"]');
    const count = await page.locator(units).count();
    if (hasShared) expect(count).toBeGreaterThan(3700);
    else expect(count).toBe(32);
    const creil = page.locator(`${units}[data-code="60175"]`);
    await creil.click();
    await expect.poll(() => creil.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('selection').textContent()).toContain('Creil');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!hasChromium || !hasShared)(
  'examples/web-map with the synthetic fallback',
  { timeout: 120_000 },
  () => {
    const served = servedPage(join(tmp, 'web-map-synthetic'), (dir) => {
      ensurePackageBuilt();
      return buildPage(dir, 'synthetic');
    });

    it('draws the three synthetic EPCI and selects one', async () => {
      const { page, errors } = await open(served.context, served.url);
      expect(await page.getAttribute('[data-testid="contours-source"]', 'data-source')).toBe('synthetic');
      const codes = await page.$$eval(units, (paths) => paths.map((p) => p.getAttribute('data-code')));
      expect([...codes].sort()).toEqual([...SYNTHETIC_EPCIS].sort());
      const shape = page.locator(`${units}[data-code="${CREIL}"]`);
      await shape.click();
      await expect.poll(() => shape.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);

if (!hasChromium) {
  describe('examples/web-map', () => {
    it.skip(`needs Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`, () => {});
  });
}
