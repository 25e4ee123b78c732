/**
 * The simulator page `examples/simulator/` (issue #15) in headless Chromium (Debian's `chromium`
 * through playwright-core): built with Vite's JS API, served on 127.0.0.1. Two scripted carriers answer
 * the questions the page asks, from a hidden application, one reaching `eligible`, the other
 * `ineligible`; screenshots are kept in `test/.tmp/artefacts/`; axe-core finds no serious violation.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from '../_helpers/browser.js';
import { serveStatic } from '../_helpers/staticServer.js';

const repo = resolve(import.meta.dirname, '..', '..');
const root = join(repo, 'examples', 'simulator');
const out = join(repo, 'test', '.tmp', 'simulator-dist');
const artefacts = join(repo, 'test', '.tmp', 'artefacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const example = JSON.parse(
  readFileSync(join(repo, 'examples/applications/eligible-mobilite-laonnois.json'), 'utf8'),
) as Record<string, unknown>;

const valueAt = (application: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], application);

/** Answers the question on screen from the hidden application; returns the path answered. */
async function answer(page: Page, hidden: Record<string, unknown>, territoryName: string): Promise<string> {
  const path = (await page.getAttribute('[data-testid="question"]', 'data-path'))!;
  const value = valueAt(hidden, path);
  const input = (suffix: string) => page.locator(`[id="${path}-${suffix}"]`);
  if (path === 'territory') {
    await input('search').fill(territoryName);
    const [kind, codes] = Object.entries(value as Record<string, string[]>)[0]!;
    await page.check(`input[name="territory"][value="${kind}:${codes[0]}"]`);
  } else if (path === 'partners') {
    // With the keyboard: Enter on "add a partner" focuses the new row's name; Tab moves through it.
    for (const partner of value as { name: string; type: string; siret?: string }[]) {
      await page.focus('[data-testid="add-partner"]');
      await page.keyboard.press('Enter');
      const row = page.locator('[data-testid="partner"]').last();
      expect(
        await row.locator('[data-field="name"]').evaluate((node) => node === document.activeElement),
      ).toBe(true);
      await page.keyboard.type(partner.name);
      await page.keyboard.press('Tab');
      await row.locator('[data-field="type"]').selectOption(partner.type);
      if (partner.siret) await row.locator('[data-field="siret"]').fill(partner.siret);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) await page.check(`input[name="${path}"][value="${item}"]`);
  } else if (
    typeof value === 'boolean' ||
    (await page.locator(`input[name="${path}"][type="radio"]`).count())
  ) {
    await page.check(`input[name="${path}"][value="${String(value)}"]`);
  } else await input('input').fill(String(value));
  await page.click('[data-testid="answer"]');
  await page.waitForFunction(
    (previous) => document.querySelector('[data-testid="question"]')?.getAttribute('data-path') !== previous,
    path,
  );
  return path;
}

/** Answers until the page says the questionnaire is complete. */
async function questionnaire(
  page: Page,
  hidden: Record<string, unknown>,
  territoryName: string,
): Promise<string[]> {
  const asked: string[] = [];
  while (!(await page.locator('[data-testid="done"]').count())) {
    if (asked.length > 20) throw new Error(`too many questions: ${asked.join(', ')}`);
    asked.push(await answer(page, hidden, territoryName));
  }
  return asked;
}

describe.skipIf(!hasChromium)('examples/simulator in headless Chromium', { timeout: 180_000 }, () => {
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    const { build } = await import('vite');
    await build({ root, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    ({ server, url } = await serveStatic(out));
    profile = mkdtempSync(join(tmpdir(), 'cprdfop-simulator-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
      viewport: { width: 1000, height: 1000 },
      acceptDownloads: true,
    });
    mkdirSync(artefacts, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const open = async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
    return { page, errors };
  };

  it('a carrier answering from the eligible example reaches eligible; the application downloads as JSON', async () => {
    const { page, errors } = await open();
    expect(await page.getAttribute('[data-testid="verdict"]', 'aria-live')).toBe('polite');
    const asked = await questionnaire(page, example, 'Pays de Laon');
    expect(asked).toEqual(
      expect.arrayContaining(['territory', 'themes', 'publics', 'partners', 'budget.total']),
    );
    expect(asked).not.toContain('title');
    expect(await page.getAttribute('[data-testid="verdict"]', 'data-verdict')).toBe('eligible');
    expect(await page.textContent('[data-testid="verdict"] h2')).toBe('Éligible');
    expect(await page.textContent('[data-testid="done"]')).toContain('terminé\u00a0: plus');
    await page.screenshot({ path: join(artefacts, 'simulator-eligible.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.click('[data-testid="download"]');
    const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    for (const path of asked) expect(valueAt(saved, path), path).toEqual(valueAt(example, path));
    // Back returns to the undecided state before the last answer; forward comes back.
    await page.click('[data-testid="back"]');
    expect(await page.getAttribute('[data-testid="verdict"]', 'data-verdict')).toBe('undetermined');
    expect(await page.getAttribute('[data-testid="question"]', 'data-path')).toBe(asked.at(-1));
    await page.click('[data-testid="forward"]');
    expect(await page.getAttribute('[data-testid="verdict"]', 'data-verdict')).toBe('eligible');
    // English.
    await page.click('[data-lang="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('[data-testid="verdict"] h2')).toBe('Eligible');
    expect(errors).toEqual([]);
  });

  it('a carrier asking more aid than the budget reaches ineligible, with the reason', async () => {
    const { page, errors } = await open();
    const hidden = structuredClone(example);
    (hidden.budget as Record<string, number>).requested = 90_000;
    await questionnaire(page, hidden, 'Pays de Laon');
    expect(await page.getAttribute('[data-testid="verdict"]', 'data-verdict')).toBe('ineligible');
    expect(await page.locator('[data-testid="verdict"] li[data-criterion="budget-consistent"]').count()).toBe(
      1,
    );
    await page.screenshot({ path: join(artefacts, 'simulator-ineligible.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('a carrier with two partners of one kind (one with a SIRET) adds them, removes a third, and is eligible', async () => {
    const { page, errors } = await open();
    const hidden = structuredClone(example);
    hidden.partners = [
      { name: 'Association Alpha', type: 'association' },
      { name: 'Association Beta', type: 'association', siret: '00000000000001' },
    ];
    const asked: string[] = [];
    while (!(await page.locator('[data-testid="done"]').count())) {
      const path = await page.getAttribute('[data-testid="question"]', 'data-path');
      if (path === 'partners') {
        // A row added by mistake, then removed with its button: the focus returns to "add a partner".
        await page.click('[data-testid="add-partner"]');
        await page.fill('[data-testid="partner"] [data-field="name"]', 'Erreur');
        expect(await seriousAxeViolations(page)).toEqual([]);
        // Incomplete rows are refused, naming the row.
        await page.click('[data-testid="answer"]');
        expect(await page.textContent('[role="alert"]')).toBe(
          'Partenaire 1\u00a0: indiquez son nom et son type.',
        );
        expect(await page.textContent('[data-testid="remove-partner"]')).toBe('Retirer le partenaire 1');
        await page.click('[data-testid="remove-partner"]');
        expect(await page.locator('[data-testid="partner"]').count()).toBe(0);
        expect(
          await page
            .locator('[data-testid="add-partner"]')
            .evaluate((node) => node === document.activeElement),
        ).toBe(true);
      }
      asked.push(await answer(page, hidden, 'Pays de Laon'));
      if (asked.length > 20) throw new Error(`too many questions: ${asked.join(', ')}`);
    }
    expect(asked).toContain('partners');
    expect(await page.getAttribute('[data-testid="verdict"]', 'data-verdict')).toBe('eligible');
    await page.screenshot({ path: join(artefacts, 'simulator-two-partners.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.click('[data-testid="download"]');
    const saved = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(saved.partners).toEqual(hidden.partners);
    expect(errors).toEqual([]);
  });

  it('refuses to go on without an answer, saying so', async () => {
    const { page } = await open();
    const before = await page.getAttribute('[data-testid="question"]', 'data-path');
    await page.click('[data-testid="answer"]');
    expect(await page.textContent('[role="alert"]')).toBe('Choisissez une réponse.');
    expect(await page.getAttribute('[data-testid="question"]', 'data-path')).toBe(before);
  });

  it('the form kit: react-jsonschema-form renders the ITIE form from applicationJsonSchema, with labelled choices, and validates', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}form.html`);
    await page.waitForSelector('body[data-ready] form');
    // Titles in French, choices labelled (not slugs), the example's values shown.
    expect(await page.locator('label', { hasText: 'Budget total du projet' }).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Mobilité', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('label', { hasText: /^Mobilité$/ }).count()).toBeGreaterThan(0);
    const legalForm = page.locator('select[id$="carrier_legalForm"]');
    expect(await legalForm.locator('option', { hasText: 'Association' }).count()).toBe(1);
    expect(await page.locator('body').textContent()).not.toContain('demandeurs-emploi-longue-duree');
    await page.screenshot({ path: join(artefacts, 'form-kit-rjsf.png'), fullPage: true });
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-submitted]');
    expect(await page.getAttribute('body', 'data-submitted')).toBe('ok');
    // English, and an invalid budget refused at its field.
    await page.goto(`${url}form.html?lang=en&invalid=1`);
    await page.waitForSelector('body[data-ready] form');
    expect(await page.locator('label', { hasText: 'Total budget of the project' }).count()).toBeGreaterThan(
      0,
    );
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-submitted]');
    expect(await page.getAttribute('body', 'data-submitted')).toBe('error');
    expect(await page.getAttribute('body', 'data-errors')).toContain('.budget.total');
    expect(errors).toEqual([]);
  });

  it('has no serious or critical accessibility violation (axe-core), on a question and on the verdict', async () => {
    const { page } = await open();
    const check = () => seriousAxeViolations(page);
    expect(await check()).toEqual([]);
    await questionnaire(page, example, 'Pays de Laon');
    expect(await check()).toEqual([]);
  });
});
