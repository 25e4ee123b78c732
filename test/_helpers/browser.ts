/**
 * Shared pieces of the browser tests (`test/web/`): Debian's Chromium through playwright-core, a
 * page opened with its errors collected, a Vite build with environment variables set for its
 * duration, and the serious accessibility violations found by axe-core.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const repo = resolve(import.meta.dirname, '..', '..');

/** The Chromium binary (`CHROMIUM_PATH`, else Debian's). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Whether it is installed (the browser tests are skipped, with this reason, when it is not). */
export const hasChromium = existsSync(CHROMIUM);

/** Chromium, headless, with a fresh profile (French locale unless told). */
export async function launchChromium(
  profile: string,
  options: { width?: number; height?: number; acceptDownloads?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: options.acceptDownloads ?? false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: options.width ?? 1500, height: options.height ?? 1000 },
    locale: options.locale ?? 'fr-FR',
  });
}

/** Opens `url`, waits for `ready` (a selector); collects page errors and console errors. */
export async function openPage(
  context: BrowserContext,
  url: string,
  ready: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForSelector(ready, { timeout: 60_000 });
  return { page, errors };
}

/** Builds the Vite page of `root` into `outDir`, with `env` set (a value `undefined` unsets) during the build. */
export async function buildVitePage(
  root: string,
  outDir: string,
  env: Record<string, string | undefined> = {},
): Promise<void> {
  const { build } = await import('vite');
  const before = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  set(env);
  try {
    await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    set(before);
  }
}

/** The serious and critical axe-core violations of the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string }[]> {
  const axe = readFileSync(join(repo, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axe });
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> } }
    ).axe.run();
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
