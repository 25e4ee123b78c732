import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const src = fileURLToPath(new URL('../../src', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  // The page imports the package by name; the names resolve to the sources (no build needed first).
  resolve: { alias: [{ find: /^cprdfop\/(rules|territory|itie)$/, replacement: `${src}/$1/index.ts` }] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
    // The simulator, and the form kit rendered by react-jsonschema-form.
    rollupOptions: { input: { index: `${here}index.html`, form: `${here}form.html` } },
  },
});
