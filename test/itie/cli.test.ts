import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../_helpers/cli.js';

const eligible = 'examples/applications/eligible-mobilite-laonnois.json';
const youth = 'examples/hdf-youth-integration/youth-integration.ruleset.json';
const deffinov = 'examples/normandie-deffinov/deffinov.ruleset.json';

describe('cprdfop check', () => {
  it('prints the verdict, the criteria and the assumptions (exit 0)', async () => {
    const r = await cli(['check', eligible]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdict: ELIGIBLE');
    expect(r.stdout).toContain('collective');
    expect(r.stdout).toContain('Assumptions relied on:');
    expect(r.stderr).toBe('');
  });
  it('exit 0 for ineligible and undetermined verdicts too; lists what is missing', async () => {
    const a = await cli(['check', 'examples/applications/ineligible-hors-region.json']);
    expect(a).toMatchObject({ code: 0 });
    expect(a.stdout).toContain('INELIGIBLE');
    const b = await cli(['check', 'examples/applications/undetermined-incomplete.json', '--lang', 'fr']);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('INDÉTERMINÉ');
    expect(b.stdout).toContain(
      'Pour conclure, renseigner\u00a0: partners, publics, budget.requested, budget.total',
    );
  });
  it('prints the explanation JSON with --json, from stdin too', async () => {
    const r = await cli(['check', '-', '--json'], { stdin: readFileSync(eligible, 'utf8') });
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e).toMatchObject({ format: 'cprdfop.explanation/1', verdict: 'eligible', asOf: '2023-04-03' });
    expect(e.ruleSet).toMatchObject({ id: 'itie-hdf', version: '2023.1' });
  });
  it('--as-of overrides the submission date; no rule set in force → 65', async () => {
    const r = await cli(['check', eligible, '--as-of', '2022-06-01']);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/^cprdfop: no rule set in force: .*2022-06-01/);
    expect(r.stderr.split('\n').length).toBe(2);
  });
  it('invalid application → 65 naming the path', async () => {
    const bad = JSON.stringify({ territory: { communes: ['59350', '59999'] } });
    const r = await cli(['check', '-'], { stdin: bad });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('territory.communes[1]');
    expect((await cli(['check', '-'], { stdin: '{"themes":["cuisine"]}' })).stderr).toContain('themes[0]');
    expect((await cli(['check', '-'], { stdin: '{nope' })).code).toBe(65);
  });
  it('unreadable file → 66; bad options → 64; never a stack trace', async () => {
    const r = await cli(['check', 'nope/missing.json']);
    expect(r.code).toBe(66);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await cli(['check', eligible, '--as-of', '03/04/2023'])).code).toBe(64);
    expect((await cli(['check', eligible, '--as-of', '2023-02-30'])).code).toBe(64); // Date.parse would roll it over
    expect((await cli(['check', eligible, '--lang', 'de'])).code).toBe(64);
    expect((await cli(['check'])).code).toBe(64);
  });
  it('--rules takes a rule file with its own region and fields; an invalid rule file → 65', async () => {
    const r = await cli([
      'check',
      'examples/hdf-youth-integration/application.json',
      '--rules',
      youth,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).funding).toEqual({ amount: 20000, unit: 'EUR', missing: [] });
    const n = await cli([
      'check',
      'examples/normandie-deffinov/application.json',
      '--rules',
      deffinov,
      '--json',
    ]);
    expect(n.code).toBe(0);
    expect(JSON.parse(n.stdout)).toMatchObject({
      verdict: 'eligible',
      ruleSet: { id: 'normandie-deffinov-shape' },
    });
    const bad = await cli(['check', eligible, '--rules', 'package.json']);
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain('invalid rule file package.json');
  });
});

describe('cprdfop rules', () => {
  it('show prints parameters with their marks and criteria with sources', async () => {
    const r = await cli(['rules', 'show']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('minStructures = 2 structures [assumption]');
    expect(r.stdout).toContain('Funding formula: off');
  });
  it('diff of the two real-region examples shows the region and the parameters', async () => {
    const r = await cli(['rules', 'diff', deffinov, youth]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('~ region: "28" → "32"');
    expect(r.stdout).toContain('~ parameter maxGrant: 200000 EUR [confirmed] → 23000 EUR [confirmed]');
  });
  it('test runs embedded examples (exit 0) and fails with exit 1', async () => {
    const r = await cli(['rules', 'test']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/(\d+)\/\1 examples pass/);
    const rs = JSON.parse(readFileSync('data/rules/itie-hdf-2023.json', 'utf8'));
    rs.examples[0].verdict = 'ineligible';
    const { mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
    mkdirSync('test/.tmp', { recursive: true });
    const dir = mkdtempSync('test/.tmp/rules-');
    writeFileSync(`${dir}/bad.json`, JSON.stringify(rs));
    const f = await cli(['rules', 'test', `${dir}/bad.json`]);
    expect(f.code).toBe(1);
    expect(f.stdout).toContain('verdict: expected ineligible, got eligible');
    const { rmSync } = await import('node:fs');
    rmSync(dir, { recursive: true });
  });
});
