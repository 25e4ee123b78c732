/** Every JSON file under data/ is validated against its schema; a file with no schema fails. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { dataSchemas } from './registry.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(join(root, 'data'))
  .map((f) => relative(root, f).split('\\').join('/'))
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('data/ files match their schemas', () => {
  it('finds data files', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(file, async () => {
      const entry = dataSchemas.find((e) => e.pattern.test(file));
      expect(entry, `no schema registered for ${file} in test/data/registry.ts`).toBeDefined();
      if (!entry) return;
      const schema: ZodType = await entry.schema();
      const result = schema.safeParse(JSON.parse(readFileSync(join(root, file), 'utf8')));
      if (!result.success) {
        const first = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
        expect.fail(`${file} does not match its schema:\n${first.join('\n')}`);
      }
    });
  }
});
