import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rulesJsonSchema } from '../../scripts/generate-rules-schema.js';

describe('data/rules/ruleset.schema.json', () => {
  it('is up to date with the zod schema (npm run data:rules-schema)', () => {
    expect(JSON.parse(readFileSync('data/rules/ruleset.schema.json', 'utf8'))).toEqual(
      JSON.parse(rulesJsonSchema()),
    );
  });
});
