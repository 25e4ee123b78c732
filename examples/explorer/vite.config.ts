import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { type ExplorerAsset, loadExplorerAsset } from './data.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const src = fileURLToPath(new URL('../../src', import.meta.url));
const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * Serves `/explorer.topojson` (dev server) and emits it (build): built from the shared 2018 snapshot
 * when present, from the synthetic fallback otherwise (see `data.ts`); nothing is written to the
 * repository.
 */
function explorerData(): Plugin {
  let asset: Promise<ExplorerAsset> | undefined;
  const load = () => {
    asset ??= loadExplorerAsset(repoRoot, distDir);
    return asset;
  };
  return {
    name: 'cprdfop-explorer-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/explorer.topojson') return next();
        load().then(
          (a) => {
            res.setHeader('content-type', 'application/json; charset=utf-8');
            res.end(a.text);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      const a = await load();
      this.emitFile({ type: 'asset', fileName: 'explorer.topojson', source: a.text });
      this.info(`explorer data: ${a.description}, ${a.text.length} bytes`);
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  // The page imports the package by name; the names resolve to the browser entry points of the sources.
  resolve: {
    alias: [
      { find: /^cprdfop\/geo$/, replacement: `${src}/geo/index.browser.ts` },
      { find: /^cprdfop\/territory$/, replacement: `${src}/territory/index.ts` },
    ],
  },
  plugins: [explorerData()],
  build: { target: 'es2022', chunkSizeWarningLimit: 4000, reportCompressedSize: false },
});
