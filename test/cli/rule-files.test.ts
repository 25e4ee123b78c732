/**
 * Rule files that extend rule files by a relative path, for `check --rules` and `rules test|show|diff`:
 * resolved against the extending file's folder (not the working directory), with the file's region and
 * declared fields; cycles, long chains, missing bases and unknown regions are named refusals.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../_helpers/cli.js';

mkdirSync('test/.tmp', { recursive: true });
const dir = mkdtempSync(join(process.cwd(), 'test/.tmp/rule-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const head = (id: string, extra: object = {}) => ({
  format: 'cprdfop.ruleset/1',
  id,
  version: '1',
  title: { fr: `Règles ${id}`, en: `Rules ${id}` },
  validFrom: '2024-01-01',
  ...extra,
});
const write = (path: string, value: unknown) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
};

write(
  'common/base.ruleset.json',
  head('base', {
    region: '28',
    fields: [
      { path: 'territory', type: 'territory', label: { fr: 'Territoire', en: 'Territory' } },
      { path: 'budget.requested', type: 'money', min: 0, label: { fr: 'Aide', en: 'Grant' } },
    ],
    parameters: [
      {
        name: 'maxGrant',
        value: 100,
        unit: 'EUR',
        provenance: { mark: 'assumption', justification: 'test' },
      },
    ],
    criteria: [
      {
        id: 'in-region',
        label: { fr: 'En région', en: 'In region' },
        when: { inRegion: { field: 'territory' } },
      },
      {
        id: 'grant',
        label: { fr: 'Aide plafonnée', en: 'Capped grant' },
        when: { '<=': [{ field: 'budget.requested' }, { param: 'maxGrant' }] },
      },
    ],
  }),
);
write(
  'calls/2025/edition.ruleset.json',
  head('edition', {
    extends: '../../common/base.ruleset.json',
    fields: [
      {
        path: 'budget.selfFinancing',
        type: 'money',
        min: 0,
        label: { fr: 'Autofinancement', en: 'Self-financing' },
      },
    ],
    parameters: [
      {
        name: 'maxGrant',
        value: 200,
        unit: 'EUR',
        provenance: { mark: 'assumption', justification: 'test' },
      },
    ],
    criteria: [
      {
        id: 'self-financing',
        label: { fr: 'Autofinancement', en: 'Self-financing' },
        when: { '>=': [{ field: 'budget.selfFinancing' }, 10] },
      },
    ],
    examples: [
      {
        name: 'Caen, 150 €, self-financed 20 €',
        asOf: '2024-06-01',
        application: { territory: { communes: ['14118'] }, budget: { requested: 150, selfFinancing: 20 } },
        verdict: 'eligible',
      },
      {
        name: 'Lille is outside Normandie',
        asOf: '2024-06-01',
        application: { territory: { communes: ['59350'] }, budget: { requested: 150, selfFinancing: 20 } },
        verdict: 'ineligible',
        criteria: { 'in-region': 'fail' },
      },
    ],
  }),
);
write('application.json', {
  territory: { communes: ['14118'] },
  budget: { requested: 150, selfFinancing: 20 },
});
write('loop/a.json', head('a', { extends: './b.json' }));
write('loop/b.json', head('b', { extends: './a.json' }));
write('loop/self.json', head('self', { extends: './self.json' }));
for (let index = 0; index < 10; index++)
  write(`chain/${index}.json`, head(`c${index}`, { extends: `./${index + 1}.json` }));
write('chain/10.json', head('c10'));
write('missing.json', head('missing', { extends: './nowhere/base.json' }));
write('region-99.json', head('region-99', { region: '99' }));
write('bad-base/base.json', '{ "format": ');
write('bad-base/overlay.json', head('overlay', { extends: './base.json' }));
write('deep-base/base.json', `${'['.repeat(100)}${']'.repeat(100)}`);
write('deep-base/overlay.json', head('overlay', { extends: './base.json' }));

const edition = join(dir, 'calls/2025/edition.ruleset.json');

describe('a rule file extending a rule file by a relative path', () => {
  it('check --rules: the base is found from the file’s folder, whatever the working directory', async () => {
    for (const cwd of [dir, process.cwd(), join(dir, 'common')]) {
      const run = await cli(
        ['check', join(dir, 'application.json'), '--rules', edition, '--as-of', '2024-06-01', '--json'],
        { cwd },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const explanation = JSON.parse(run.stdout);
      expect(explanation.ruleSet.id).toBe('edition');
      expect(explanation.verdict).toBe('eligible');
      expect(explanation.criteria.map((criterion: { id: string }) => criterion.id)).toEqual([
        'in-region',
        'grant',
        'self-financing',
      ]);
    }
  });

  it('check --rules uses the inherited region (28) and the merged fields', async () => {
    const lille = JSON.stringify({
      territory: { communes: ['59350'] },
      budget: { requested: 150, selfFinancing: 20 },
    });
    const outside = await cli(['check', '-', '--rules', edition, '--as-of', '2024-06-01', '--json'], {
      stdin: lille,
    });
    expect(JSON.parse(outside.stdout).verdict).toBe('ineligible');
    const typo = JSON.stringify({ territory: { communes: ['76999'] } });
    const invalid = await cli(['check', '-', '--rules', edition, '--as-of', '2024-06-01'], { stdin: typo });
    expect(invalid.code).toBe(65);
    expect(invalid.stderr).toMatch(/territory\.communes\[0\]: unknown commune code 76999/);
    const undeclared = await cli(['check', '-', '--rules', edition, '--as-of', '2024-06-01'], {
      stdin: '{"themes": []}',
    });
    expect(undeclared.code).toBe(65);
    expect(undeclared.stderr).toContain('themes: not a field declared by the rule set');
  });

  it('rules test, show and diff take the file the same way', async () => {
    const test = await cli(['rules', 'test', edition]);
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('2/2 examples pass (edition@1)');
    const show = await cli(['rules', 'show', edition]);
    expect(show.stdout).toContain('maxGrant = 200 EUR [assumption]');
    expect(show.stdout).toContain('budget.selfFinancing (money): Self-financing');
    const diff = await cli(['rules', 'diff', join(dir, 'common/base.ruleset.json'), edition]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('~ parameter maxGrant: 100 EUR [assumption] → 200 EUR [assumption]');
    expect(diff.stdout).toContain('+ criterion self-financing');
  });

  it('a symbolic link to the file still resolves the base from the real file’s folder', async () => {
    const link = join(dir, 'link.ruleset.json');
    symlinkSync(edition, link);
    expect((await cli(['rules', 'test', link])).code).toBe(0);
  });
});

describe('refusals, each naming the files', () => {
  it('a loop of two files, or a file extending itself, is exit 65 naming the chain', async () => {
    const loop = await cli(['rules', 'show', join(dir, 'loop/a.json')], { cwd: dir });
    expect(loop.code).toBe(65);
    expect(loop.stderr).toMatch(/circular chain of rule files: .*a\.json → loop\/b\.json → loop\/a\.json/);
    const self = await cli(['rules', 'show', 'loop/self.json'], { cwd: dir });
    expect(self.code).toBe(65);
    expect(self.stderr).toContain('circular chain of rule files: loop/self.json → loop/self.json');
  });

  it('a chain longer than 8 files is exit 65', async () => {
    const run = await cli(['rules', 'show', 'chain/0.json'], { cwd: dir });
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('chain of rule files longer than 8');
    expect((await cli(['rules', 'show', 'chain/3.json'], { cwd: dir })).code).toBe(0);
  });

  it('a missing base file is exit 66 naming it and the file that extends it', async () => {
    const run = await cli(['check', 'application.json', '--rules', 'missing.json'], { cwd: dir });
    expect(run.code).toBe(66);
    expect(run.stderr).toContain(
      'cannot read base rule file nowhere/base.json ("extends": "./nowhere/base.json" in missing.json): ENOENT',
    );
  });

  it('an invalid base file is exit 65 naming the base', async () => {
    const run = await cli(['rules', 'test', 'bad-base/overlay.json'], { cwd: dir });
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('bad-base/base.json');
  });

  it('a base file is read with the limits of any rule file (too deep: refused by the scan, naming it)', async () => {
    const run = await cli(['check', 'application.json', '--rules', 'deep-base/overlay.json'], { cwd: dir });
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('deep-base/base.json');
    expect(run.stderr).toContain('nested deeper than 64 levels');
  });

  it('a region that is not one of COG 2026 is exit 65', async () => {
    const run = await cli(['rules', 'show', 'region-99.json'], { cwd: dir });
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/invalid rule file region-99\.json: region: "99" is not a region of COG 2026/);
  });

  it('extends from stdin resolves against the working directory', async () => {
    const text = JSON.stringify(head('piped', { extends: './common/base.ruleset.json' }));
    const run = await cli(['rules', 'show', '-'], { cwd: dir, stdin: text });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('maxGrant = 100 EUR');
  });
});
