/**
 * Generates `data/rules/ruleset.schema.json` (JSON Schema of a rule set document) from the zod schema
 * `RuleSet` of `cprdfop/rules`, and `data/rules/itie-hdf-2023.application.schema.json` (JSON Schema of
 * an ITIE application) from the declared fields of the ITIE rule set (`applicationJsonSchema`). Run with
 * `npm run data:rules-schema`; a test checks both are up to date.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import itieHdf2023 from '../data/rules/itie-hdf-2023.json';
import { applicationJsonSchema } from '../src/rules/applicationJsonSchema.js';
import { parseRuleSet } from '../src/rules/parseRuleSet.js';
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

/** The JSON Schema text of an ITIE application, as written to the file. */
export function itieApplicationJsonSchema(): string {
  const schema = applicationJsonSchema(parseRuleSet(itieHdf2023));
  return `${JSON.stringify({ ...schema, $id: 'https://unpkg.com/cprdfop/data/rules/itie-hdf-2023.application.schema.json' }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of [
    ['ruleset.schema.json', rulesJsonSchema()],
    ['itie-hdf-2023.application.schema.json', itieApplicationJsonSchema()],
  ] as const) {
    const target = fileURLToPath(new URL(`../data/rules/${name}`, import.meta.url));
    writeFileSync(target, text);
    // Keep the file in the repository's format (the freshness test compares parsed JSON).
    execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
    console.log(`wrote ${target}`);
  }
}
