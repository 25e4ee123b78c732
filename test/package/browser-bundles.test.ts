/**
 * Bundles every browser-capable subpath of the installed tarball for browsers with webpack 5
 * (`target: 'web'`), esbuild (`platform: 'browser'`) and Vite, with no externals, importing the whole
 * namespace (so everything the subpath exports is reached), and checks that no `node:` module is in
 * what they reach. The subpath list is read from the package's `exports`, so a new subpath (or a
 * re-chunked dataset loaded with dynamic imports) is covered too.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';
import { installConsumers, root } from './_consumer.js';

const work = join(root, 'test/.tmp/browser-bundles');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};
/**
 * Every subpath except `./package.json` and the territory data files (`./data/territory/*.json`, which
 * the territory loaders import themselves); all of them are meant to bundle for browsers.
 */
const subpaths = Object.keys(manifest.exports)
  .filter((key) => key !== './package.json' && !key.startsWith('./data/'))
  .map((key) => `cprdfop${key.slice(1)}`);

let app = '';

beforeAll(async () => {
  ({
    dirs: { esm: app = '' },
  } = await installConsumers(work, ['esm']));
  // The app's own tsconfig, so that bundlers reading tsconfig `paths` do not pick up the repository's
  // (which maps `cprdfop/*` to the sources).
  writeFileSync(join(app, 'tsconfig.json'), '{ "compilerOptions": {} }\n');
  for (const subpath of subpaths) {
    writeFileSync(
      join(app, `${entryName(subpath)}.js`),
      `import * as api from '${subpath}';\nglobalThis.cprdfopApi = api;\n`,
    );
  }
}, 300_000);

function entryName(subpath: string): string {
  return subpath.replace('/', '-');
}

/** All the files a bundler wrote, concatenated. */
function outputText(dir: string): string {
  const texts: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name);
    if (statSync(file).isFile() && /\.(m?js|cjs)$/.test(name)) texts.push(readFileSync(file, 'utf8'));
  }
  return texts.join('\n');
}

function expectBrowserSafe(text: string): void {
  expect(text.length).toBeGreaterThan(100);
  // A `node:` module specifier is a string literal (`"node:fs"`, `'node:fs/promises'`, `require("node:…")`);
  // an object key such as `{node:e}` in minified code is not one.
  expect(text.match(/.{0,60}["'`]node:[a-z_/]+["'`].{0,60}/g) ?? []).toEqual([]);
}

const bundlers: Record<string, (entry: string, outDir: string) => Promise<void>> = {
  async webpack(entry, outDir) {
    const stats = await new Promise<webpack.Stats | undefined>((done, fail) =>
      webpack(
        {
          mode: 'production',
          target: 'web',
          context: app,
          entry: `./${entry}`,
          output: { path: outDir, filename: 'bundle.js' },
          performance: { hints: false },
        },
        (error, result) => (error ? fail(error) : done(result)),
      ),
    );
    if (!stats) throw new Error('webpack returned no stats');
    if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  },
  async esbuild(entry, outDir) {
    await esbuild({
      absWorkingDir: app,
      entryPoints: [join(app, entry)],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      outdir: outDir,
      logLevel: 'silent',
    });
  },
  async vite(entry, outDir) {
    await vite({
      configFile: false,
      root: app,
      logLevel: 'silent',
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        lib: { entry: join(app, entry), formats: ['es'], fileName: 'bundle' },
      },
    });
  },
};

// A webpack build of the geo subpath takes 10–15 s on an idle 2-core machine and passed the default
// 30 s test timeout twice under load: a bundler's time is not what these tests check.
const BUNDLE_TIMEOUT_MS = 180_000;

describe('browser bundles of every subpath (no externals)', { timeout: BUNDLE_TIMEOUT_MS }, () => {
  for (const subpath of subpaths) {
    for (const [bundler, bundle] of Object.entries(bundlers)) {
      it(`${bundler} bundles ${subpath} with no node: module`, async () => {
        const outDir = join(work, 'out', bundler, entryName(subpath));
        mkdirSync(outDir, { recursive: true });
        await bundle(`${entryName(subpath)}.js`, outDir);
        expectBrowserSafe(outputText(outDir));
      });
    }
  }

  for (const [bundler, bundle] of Object.entries(bundlers)) {
    it(`${bundler} splits each territory data file into its own lazily loaded chunk`, async () => {
      const outDir = join(work, 'out-split', bundler);
      mkdirSync(outDir, { recursive: true });
      await bundle(`${entryName('cprdfop/territory')}.js`, outDir);
      const files = (readdirSync(outDir, { recursive: true }) as string[])
        .map((name) => join(outDir, name))
        .filter((file) => statSync(file).isFile() && /\.(m?js|cjs)$/.test(file));
      // a commune name only its own region's data holds
      const holding = (name: string): string[] =>
        files.filter((file) => readFileSync(file, 'utf8').includes(`"${name}"`));
      const entry = files.filter((file) => /[\\/](bundle|cprdfop-territory)\.m?js$/.test(file));
      const caen = holding('Caen'); // Normandie, 28
      const rennes = holding('Rennes'); // Bretagne, 53
      expect(caen).toHaveLength(1);
      expect(rennes).toHaveLength(1);
      expect(caen).not.toEqual(rennes);
      expect(entry).toHaveLength(1);
      for (const lazy of [...caen, ...rennes]) {
        expect(entry).not.toContain(lazy);
        expect(holding('Lille')).not.toContain(lazy); // Hauts-de-France, the embedded default
      }
    });
  }

  it('the check fails on a bundle that reaches a node: module (test of the test)', async () => {
    writeFileSync(
      join(app, 'node-only.js'),
      `export { readContours } from './node_modules/cprdfop/dist/geo/index.js';\n`,
    );
    const outDir = join(work, 'out', 'vite', 'node-only');
    await bundlers.vite?.('node-only.js', outDir);
    expect(() => expectBrowserSafe(outputText(outDir))).toThrow();
    await expect(
      bundlers.esbuild?.('node-only.js', join(work, 'out', 'esbuild', 'node-only')),
    ).rejects.toThrow(/node:fs/);
    await expect(
      bundlers.webpack?.('node-only.js', join(work, 'out', 'webpack', 'node-only')),
    ).rejects.toThrow(/node:fs/);
  });
});
