/**
 * Shared pieces of the browser tests (`test/web/`): Debian's Chromium through playwright-core, a
 * page opened with its errors collected, a Vite build with environment variables set for its
 * duration, and the serious accessibility violations found by axe-core.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from './staticServer.js';

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

/** What {@link servedPage} gives the tests of a `describe`: the page's URL and the browser, once ready. */
export interface ServedPage {
  readonly url: string;
  readonly context: BrowserContext;
}

/**
 * Registers, in the current `describe`, the hooks that build a page into `outDir` (`build`), serve it
 * on 127.0.0.1 and launch Chromium with a fresh profile; and the hooks that stop them.
 */
export function servedPage(
  outDir: string,
  build: (outDir: string) => Promise<void>,
  options: Parameters<typeof launchChromium>[1] = {},
): ServedPage {
  let server: Server | undefined;
  let profile: string | undefined;
  let served: { url: string; context: BrowserContext } | undefined;
  beforeAll(async () => {
    await build(outDir);
    const started = await serveStatic(outDir);
    server = started.server;
    profile = mkdtempSync(join(tmpdir(), 'cprdfop-browser-'));
    served = { url: started.url, context: await launchChromium(profile, options) };
  }, 300_000);
  afterAll(async () => {
    await served?.context.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  const ready = () => {
    if (!served) throw new Error('servedPage: the page is not served yet (use it inside a test)');
    return served;
  };
  return {
    get url() {
      return ready().url;
    },
    get context() {
      return ready().context;
    },
  };
}

/**
 * The built scripts of a page that reach a Node built-in (Vite stubs a `node:*` import of the package
 * for the browser, which would fail at run time): `{ file, problem }` per offence, `[]` when clean.
 * Throws when the folder holds no script (nothing would have been checked).
 */
export function nodeBuiltinsInBundle(assetsDir: string): { file: string; problem: string }[] {
  const scripts = readdirSync(assetsDir).filter((file) => file.endsWith('.js'));
  if (scripts.length === 0) throw new Error(`${assetsDir}: no built script to check`);
  const problems: { file: string; problem: string }[] = [];
  for (const file of scripts) {
    const code = readFileSync(join(assetsDir, file), 'utf8');
    if (code.includes('externalized for browser compatibility'))
      problems.push({ file, problem: 'a module externalized for browser compatibility' });
    const imported = code.match(/["']node:[a-z_/]+["']/);
    if (imported) problems.push({ file, problem: `imports ${imported[0]}` });
  }
  return problems;
}
