import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { extractExamples, extractMarkdownExamples, listSourceFiles } from '../_helpers/doctest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = join(root, 'test/.tmp/doctests');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const guides = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f)),
];
const examples = [
  ...listSourceFiles(join(root, 'src')).flatMap((f) => extractExamples(root, f)),
  ...guides.flatMap((f) => extractMarkdownExamples(root, f)),
];

describe('TSDoc @example blocks and guide snippets run and their `// value` comments hold', () => {
  it('finds examples', () => {
    expect(examples.length).toBeGreaterThan(10);
  });
  examples.forEach((ex, i) => {
    it(`${ex.where}${ex.noexec ? ' (compiled only)' : ''}`, async () => {
      // Every example must at least compile.
      await transform(ex.code, { loader: 'ts', format: 'esm' });
      if (ex.noexec) return;
      const file = join(tmp, `example-${i}.ts`);
      writeFileSync(file, ex.code);
      await import(pathToFileURL(file).href);
    });
  });
});
