import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { loadContoursAsset } from './contours.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The built package (`npx tsup` at the repository root). */
const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

/**
 * Serves `/contours.geojson` (dev server) and emits it (build): the shared 2018 snapshot when
 * present, a synthetic fallback otherwise (see `contours.ts`).
 */
function contours(): Plugin {
  let asset: Promise<Awaited<ReturnType<typeof loadContoursAsset>>> | undefined;
  const load = () => {
    asset ??= loadContoursAsset(repoRoot, distDir);
    return asset;
  };
  return {
    name: 'cprdfop-web-map-contours',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== '/contours.geojson') return next();
        load().then(
          (a) => {
            res.setHeader('content-type', 'application/geo+json; charset=utf-8');
            res.setHeader('x-contours-source', a.kind);
            res.end(a.text);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      const a = await load();
      this.emitFile({ type: 'asset', fileName: 'contours.geojson', source: a.text });
      this.info(`contours: ${a.description}`);
    },
  };
}

/** A clear message instead of a resolution error when the package has not been built. */
function requireDist(): Plugin {
  return {
    name: 'cprdfop-web-map-require-dist',
    buildStart() {
      for (const sub of ['geo', 'territory', 'itie']) {
        const file = `${distDir}/${sub}/index.js`;
        if (!existsSync(file))
          this.error(`${file} is missing: build the package first (npx tsup at the repo root)`);
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  // The page imports the package by name, as a browser user would; the names resolve to the built files.
  resolve: {
    alias: [{ find: /^cprdfop\/(geo|territory|itie)$/, replacement: `${distDir}/$1/index.js` }],
  },
  plugins: [requireDist(), contours()],
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, reportCompressedSize: false },
});
