/**
 * Generates `data/rules/ruleset.schema.json` (JSON Schema of a rule set document) from the zod schema
 * `RuleSet` of `cprdfop/rules`. Run with `npm run data:rules-schema`; a test checks it is up to date.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RuleSet } from '../src/rules/RuleSet.js';

/** The JSON Schema text, as written to the file. */
export function rulesJsonSchema(): string {
  const schema = z.toJSONSchema(RuleSet, { io: 'input', target: 'draft-2020-12' });
  const out = {
    ...schema,
    $id: 'https://unpkg.com/cprdfop/data/rules/ruleset.schema.json',
    title: 'cprdfop rule set (cprdfop.ruleset/1)',
    description: 'A rule set of cprdfop/rules. Operators of expressions are documented in docs/rules.md.',
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../data/rules/ruleset.schema.json', import.meta.url));
  writeFileSync(target, rulesJsonSchema());
  // Keep the file in the repository's format (the freshness test compares parsed JSON).
  execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
  console.log(`wrote ${target}`);
}
