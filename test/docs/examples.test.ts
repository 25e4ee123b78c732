import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  assertionSitesHit,
  extractExamples,
  extractMarkdownExamples,
  listSourceFiles,
} from '../_helpers/doctest.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = join(root, 'test/.tmp/doctests');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const guides = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f)),
  // The French guides run too (issue 13).
  ...readdirSync(join(root, 'docs/fr'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs/fr', f)),
];
const examples = [
  ...listSourceFiles(join(root, 'src')).flatMap((f) => extractExamples(root, f)),
  ...guides.flatMap((f) => extractMarkdownExamples(root, f)),
];

const compiledOnly = examples.filter((ex) => ex.noexec);
// Visible in every run: the examples that are compiled but not executed (`ts noexec`), counted.
console.info(
  `[doctest] ${examples.length} examples, ${examples.length - compiledOnly.length} executed, ` +
    `${compiledOnly.length} compiled only (noexec): ${compiledOnly.map((ex) => ex.where).join(', ')}`,
);

describe('TSDoc @example blocks and guide snippets run and their `// value` comments hold', () => {
  it('finds examples and assertions', () => {
    expect(examples.length).toBeGreaterThan(200);
    expect(examples.reduce((n, ex) => n + ex.assertions, 0)).toBeGreaterThan(250);
  });
  examples.forEach((ex, i) => {
    it(`${ex.where}${ex.noexec ? ' (compiled only: noexec)' : ` (${ex.assertions} assertions)`}`, async () => {
      // Every example must at least compile.
      await transform(ex.code, { loader: 'ts', format: 'esm' });
      if (ex.noexec) return;
      const file = join(tmp, `example-${i}.ts`);
      writeFileSync(file, ex.code);
      await import(pathToFileURL(file).href);
      // An assertion in a branch not taken (or after an early exit) would check nothing.
      const hit = assertionSitesHit();
      expect(ex.assertionSites.filter((site) => !hit.has(site))).toEqual([]);
    });
  });
});
