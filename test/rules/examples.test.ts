/**
 * The generic examples runner: every rule set shipped (data/rules/*.json) or given as an example
 * (examples/**\/*.ruleset.json) has its embedded examples turned into test cases.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWithRules, itieRuleSets } from '../../src/itie/index.js';
import { parseRuleSet, runExamples } from '../../src/rules/index.js';

const root = resolve(import.meta.dirname, '../..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const files = [
  ...walk(join(root, 'data/rules')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')),
  ...walk(join(root, 'examples')).filter((f) => f.endsWith('.ruleset.json')),
];

describe('embedded examples of every rule set', () => {
  it('finds rule sets', () => expect(files.length).toBeGreaterThanOrEqual(1));
  for (const file of files) {
    const ruleSet = parseRuleSet(JSON.parse(readFileSync(file, 'utf8')));
    describe(`${relative(root, file)} (${ruleSet.id}@${ruleSet.version})`, () => {
      it('has examples', () => expect(ruleSet.examples?.length ?? 0).toBeGreaterThan(0));
      const results = runExamples(ruleSet.examples ?? [], (app, asOf) => {
        // The rule set's own region and declared fields (not the ITIE application type).
        const r = checkWithRules(ruleSet, app, { asOf });
        return r.ok ? r.explanation : r.issues.map((i) => `${i.path}: ${i.message}`);
      });
      for (const r of results) {
        it(r.name, () => expect(r.failures).toEqual([]));
      }
    });
  }
  it('the shipped ITIE rule sets are the data files', () => {
    expect(itieRuleSets().map((r) => r.id)).toContain('itie-hdf');
  });
});
