import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { renderCliDocs } from '../../scripts/generate-cli-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

it('docs/cli.md matches the commands’ help (regenerate with `npm run docs:cli`)', async () => {
  const committed = readFileSync(join(root, 'docs/cli.md'), 'utf8');
  expect(committed).toBe(await renderCliDocs());
});
