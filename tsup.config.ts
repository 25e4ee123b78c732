import { chmod, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

/** The public subpaths (keep in sync with package.json "exports"). */
const entry = {
  index: 'src/index.ts',
  'territory/index': 'src/territory/index.ts',
  'rules/index': 'src/rules/index.ts',
  'itie/index': 'src/itie/index.ts',
  'geo/index': 'src/geo/index.ts',
  'opendata/index': 'src/opendata/index.ts',
};

/** Browser builds (the `browser` export condition) of the subpaths whose Node entry reaches `node:` modules. */
const browserEntry = {
  'geo/index.browser': 'src/geo/index.browser.ts',
  'opendata/index.browser': 'src/opendata/index.browser.ts',
};

/**
 * In the browser builds, another subpath's barrel is imported from the package itself (`cprdfop/…`),
 * so a browser app that imports several subpaths loads one copy of each (one territory dataset, one
 * `CprdfopError` class), and a `node:` module, reachable only lazily from a Node-only feature such as
 * `cache: 'disk'`, becomes a module that throws a `CprdfopError` (`E_NODE_ONLY`) when loaded.
 */
const browserPlugin: Plugin = {
  name: 'cprdfop-browser',
  setup(build) {
    const selfImports = new Map<string, string>([
      [resolve('src/index.ts'), 'cprdfop'],
      [resolve('src/errors.ts'), 'cprdfop'],
      [resolve('src/territory/index.ts'), 'cprdfop/territory'],
      [resolve('src/rules/index.ts'), 'cprdfop/rules'],
      [resolve('src/itie/index.ts'), 'cprdfop/itie'],
    ]);
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const self = selfImports.get(target);
      return self ? { path: self, external: true } : undefined;
    });
    build.onResolve({ filter: /^cprdfop(\/|$)/ }, (args) => ({ path: args.path, external: true }));
    build.onResolve({ filter: /^node:/ }, (args) => ({
      path: args.path.slice('node:'.length),
      namespace: 'node-only',
    }));
    build.onLoad({ filter: /.*/, namespace: 'node-only' }, (args) => ({
      contents: `import { CprdfopError } from 'cprdfop';
throw new CprdfopError('E_NODE_ONLY', ${JSON.stringify(
        `Node module "${args.path}" is not available in a browser: this cprdfop feature runs in Node only / le module Node \u00ab\u00a0${args.path}\u00a0\u00bb n\u2019est pas disponible dans un navigateur\u202f: cette fonction de cprdfop ne marche que sous Node`,
      )});`,
      loader: 'js',
    }));
  },
};

/**
 * The territory loaders import the data files by a relative path (`../../../data/territory/…`); in the
 * builds that import becomes the package's own external `cprdfop/data/territory/cog2026-<key>.json`, so
 * each chunk ships once, as its data file, and the app's bundler resolves and splits it.
 */
const territoryDataPlugin: Plugin = {
  name: 'cprdfop-territory-data',
  setup(build) {
    build.onResolve({ filter: /[\\/]data[\\/]territory[\\/]cog2026-\w+\.json$/ }, (args) => ({
      path: `cprdfop/data/territory/${args.path.replace(/^.*[\\/]/, '')}`,
      external: true,
    }));
  },
};

const common = {
  splitting: true,
  treeshake: true,
  target: 'node20',
  outDir: 'dist',
  // No source maps in the package: the published JS is not minified, and maps tripled its size.
  sourcemap: false,
} as const;

export default defineConfig([
  {
    // ESM: the public subpaths and the CLI share their chunks (one copy of the territory dataset).
    ...common,
    entry: { ...entry, 'cli/main': 'src/cli/main.ts' },
    dts: { entry: { ...entry, ...browserEntry } },
    format: ['esm'],
    clean: true,
    platform: 'neutral',
    external: [/^node:/],
    esbuildPlugins: [territoryDataPlugin],
    // Keep `node:` specifiers so browser bundlers see them as Node built-ins (never bare `fs`).
    removeNodeProtocol: false,
    async onSuccess() {
      const cli = 'dist/cli/main.js';
      const code = await readFile(cli, 'utf8');
      if (!code.startsWith('#!')) await writeFile(cli, `#!/usr/bin/env node\n${code}`);
      await chmod(cli, 0o755);
    },
  },
  {
    ...common,
    entry,
    dts: true,
    format: ['cjs'],
    clean: false,
    platform: 'neutral',
    external: [/^node:/],
    esbuildPlugins: [territoryDataPlugin],
    removeNodeProtocol: false,
  },
  {
    ...common,
    entry: browserEntry,
    dts: false,
    format: ['esm'],
    clean: false,
    platform: 'browser',
    removeNodeProtocol: false,
    esbuildPlugins: [territoryDataPlugin, browserPlugin],
  },
]);
