import { defineConfig } from 'tsup';

/** One entry per public subpath, plus the CLI. Keep in sync with package.json "exports". */
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'territory/index': 'src/territory/index.ts',
      'rules/index': 'src/rules/index.ts',
      'itie/index': 'src/itie/index.ts',
      'geo/index': 'src/geo/index.ts',
      'opendata/index': 'src/opendata/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: true,
    target: 'node20',
    platform: 'neutral',
    outDir: 'dist',
    external: [/^node:/],
    // Keep `node:` specifiers so browser bundlers see them as Node built-ins (never bare `fs`).
    removeNodeProtocol: false,
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
