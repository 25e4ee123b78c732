import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { CLI_DOCS, renderCliDocs } from '../../scripts/generate-cli-docs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

it.each(['en', 'fr'] as const)(
  'the %s CLI reference matches the commands’ help (regenerate with `npm run docs:cli`)',
  async (lang) => {
    const committed = readFileSync(join(root, CLI_DOCS[lang]), 'utf8');
    expect(committed).toBe(await renderCliDocs(lang));
  },
);
