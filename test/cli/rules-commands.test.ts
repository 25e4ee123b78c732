import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffRuleSets, formatRuleSetDiff, parseRuleSet } from '../../src/rules/index.js';
import { cli } from '../_helpers/cli.js';

let dir = '';
const at = (name: string) => join(dir, name);
const itie = JSON.parse(readFileSync('data/rules/itie-hdf-2023.json', 'utf8'));
const demo = {
  format: 'cprdfop.ruleset/1',
  id: 'demo',
  version: '1',
  title: { fr: 'Démo', en: 'Demo' },
  validFrom: '2023-01-01',
  criteria: [{ id: 'a', label: { fr: 'A', en: 'A' }, when: true }],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cprdfop-rules-'));
  writeFileSync(
    at('unknown-operator.json'),
    JSON.stringify({ ...demo, criteria: [{ ...demo.criteria[0], when: { nope: [1] } }] }),
  );
  writeFileSync(
    at('unknown-parameter.json'),
    JSON.stringify({ ...demo, criteria: [{ ...demo.criteria[0], when: { '==': [{ param: 'x' }, 1] } }] }),
  );
  writeFileSync(at('bad-schema.json'), JSON.stringify({ ...demo, validFrom: '2023-02-30' }));
  writeFileSync(at('bad-json.json'), '{"format": ');
  writeFileSync(at('bad-overlay.json'), JSON.stringify({ ...demo, extends: 'itie-hdf@1999.1' }));
  writeFileSync(at('ok.json'), JSON.stringify(demo));
  writeFileSync(
    at('reordered.json'),
    JSON.stringify({
      ...itie,
      description: { fr: 'Autre', en: 'Other' },
      criteria: [...itie.criteria].reverse(),
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rules test|show|diff on an invalid or uncompilable rule file: exit 65', () => {
  const files = [
    'unknown-operator.json',
    'unknown-parameter.json',
    'bad-schema.json',
    'bad-json.json',
    'bad-overlay.json',
  ];
  for (const file of files) {
    it(file, async () => {
      for (const args of [
        ['rules', 'test', at(file)],
        ['rules', 'show', at(file)],
        ['rules', 'show', '--json', at(file)],
        ['rules', 'diff', 'itie-hdf@2023.1', at(file)],
        ['rules', 'diff', at(file), 'itie-hdf@2023.1', '--json'],
      ]) {
        const r = await cli(args);
        expect(r.code, args.join(' ')).toBe(65);
        expect(r.stdout).toBe('');
        expect(r.stderr.split('\n')).toHaveLength(2);
        expect(r.stderr).toContain(at(file));
        expect(r.stderr).not.toMatch(/\n\s+at /);
      }
    });
  }
  it('names the faulty node of an uncompilable file', async () => {
    const r = await cli(['rules', 'show', at('unknown-operator.json')]);
    expect(r.stderr).toMatch(/^cprdfop: invalid rule file .*unknown-operator\.json: criteria\[0\]\.when/);
  });
  it('a valid file still works (exit 0)', async () => {
    expect((await cli(['rules', 'show', at('ok.json')])).code).toBe(0);
    expect((await cli(['rules', 'test', at('ok.json')])).code).toBe(0);
  });
});

describe('rules show', () => {
  it('lists the declared fields with their type and label', async () => {
    const r = await cli(['rules', 'show', '--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Champs déclarés\u00a0:\n  title (string)\u00a0: Intitulé du projet\n');
    expect(r.stdout).toContain('  partners[].type (enum)\u00a0: Type de partenaire\n');
    expect(r.stdout).toContain('  budget.total (money, EUR)\u00a0: Budget total du projet\n');
    expect((await cli(['rules', 'show', at('ok.json')])).stdout).not.toContain('Declared fields:');
  });
});

describe('rules diff reports description changes and reordering', () => {
  it('in text and JSON', async () => {
    const r = await cli(['rules', 'diff', 'itie-hdf@2023.1', at('reordered.json')]);
    expect(r.code).toBe(0);
    const ids = itie.criteria.map((c: { id: string }) => c.id);
    expect(r.stdout).toContain('~ description: ');
    expect(r.stdout).toContain('→ "Other"');
    expect(r.stdout).toContain(
      `~ criteria reordered: ${ids.join(', ')}\n                  → ${[...ids].reverse().join(', ')}\n`,
    );
    const json = JSON.parse(
      (await cli(['rules', 'diff', 'itie-hdf@2023.1', at('reordered.json'), '--json'])).stdout,
    );
    expect(json.map((c: { kind: string }) => c.kind)).toEqual(['metadata', 'criteria-reordered']);
    expect(json[0]).toMatchObject({ field: 'description', after: { fr: 'Autre', en: 'Other' } });
  });
  it('additions and removals alone are not a reordering', () => {
    const a = parseRuleSet({
      ...demo,
      criteria: ['a', 'b', 'c'].map((id) => ({ id, label: { fr: id, en: id }, when: true })),
    });
    const b = parseRuleSet({
      ...demo,
      criteria: ['a', 'x', 'c'].map((id) => ({ id, label: { fr: id, en: id }, when: true })),
    });
    expect(diffRuleSets(a, b).map((c) => c.kind)).toEqual(['criterion-removed', 'criterion-added']);
    const swapped = parseRuleSet({
      ...demo,
      criteria: ['c', 'x', 'a'].map((id) => ({ id, label: { fr: id, en: id }, when: true })),
    });
    const changes = diffRuleSets(a, swapped);
    expect(changes.at(-1)).toEqual({ kind: 'criteria-reordered', before: ['a', 'c'], after: ['c', 'a'] });
    expect(formatRuleSetDiff(changes)).toContain('~ criteria reordered: a, c\n                  → c, a\n');
    const parameters = (names: string[]) =>
      names.map((name) => ({
        name,
        value: 1,
        provenance: { mark: 'assumption' as const, justification: 'x' },
      }));
    const p1 = parseRuleSet({ ...demo, parameters: parameters(['p', 'q']) });
    const p2 = parseRuleSet({ ...demo, parameters: parameters(['q', 'p']) });
    expect(diffRuleSets(p1, p2)).toEqual([
      { kind: 'parameters-reordered', before: ['p', 'q'], after: ['q', 'p'] },
    ]);
  });
});

describe('check --json on invalid input: every issue as JSON on stdout, exit 65', () => {
  it('lists all issues (no "and 12 more")', async () => {
    const themes = Array.from({ length: 14 }, (_, index) => `cuisine-${index}`);
    const r = await cli(['check', '-', '--json'], {
      stdin: JSON.stringify({ themes, budget: { total: -1 } }),
    });
    expect(r.code).toBe(65);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.issues).toHaveLength(15);
    expect(out.issues.map((i: { path: string }) => i.path)).toEqual([
      ...themes.map((_, index) => `themes[${index}]`),
      'budget.total',
    ]);
    for (const issue of out.issues) {
      expect(Object.keys(issue).sort()).toEqual(['code', 'message', 'messages', 'path']);
      expect(issue.messages.en).toBe(issue.message);
    }
    expect(r.stderr).toMatch(
      /^cprdfop: invalid application stdin: themes\[0\]: .* \(15 issues, all listed on stdout\)\n$/,
    );
  });
  it('invalid JSON, too large, not in force: JSON too', async () => {
    const broken = await cli(['check', '-', '--json'], { stdin: '{nope' });
    expect(broken.code).toBe(65);
    expect(JSON.parse(broken.stdout).issues[0]).toMatchObject({ code: 'invalid', path: '' });
    const large = await cli(['check', '-', '--json'], { stdin: ' '.repeat(2 * 1024 * 1024) });
    expect(large.code).toBe(65);
    expect(JSON.parse(large.stdout).issues[0]).toMatchObject({ code: 'unsafe' });
    const outside = await cli([
      'check',
      'examples/applications/eligible-mobilite-laonnois.json',
      '--json',
      '--as-of',
      '2022-01-01',
    ]);
    expect(outside.code).toBe(65);
    expect(JSON.parse(outside.stdout).issues[0]).toMatchObject({ code: 'not-in-force' });
  });
  it('without --json: one line on stderr, nothing on stdout', async () => {
    const r = await cli(['check', '-'], { stdin: JSON.stringify({ themes: ['x', 'y'] }) });
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\(and 1 more: --json lists them all\)\n$/);
  });
});
