/**
 * Rule sets that name their region and fields (issue #14, item 4): `region` in the schema, inherited by
 * overlays; `checkWithRules` validates with the declared fields and checks codes in the rule set's region;
 * `checkApplication` and `safeParseApplication` no longer fall back to Hauts-de-France for another region.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkApplication,
  checkWithRules,
  itieRuleSets,
  safeParseApplication,
} from '../../src/itie/index.js';
import {
  diffRuleSets,
  isRuleFileReference,
  parseRuleSet,
  RuleSetError,
  type RuleSetInput,
  resolveRuleSet,
  safeParseRuleSet,
} from '../../src/rules/index.js';
import { resolveTerritory } from '../../src/territory/index.js';

const head = {
  format: 'cprdfop.ruleset/1',
  version: '1',
  title: { fr: 'Test', en: 'Test' },
  validFrom: '2024-01-01',
} as const;

const selfFinancingRules = (extra: Partial<RuleSetInput> = {}) =>
  parseRuleSet({
    ...head,
    id: 'self-financing',
    region: '28',
    fields: [
      { path: 'territory', type: 'territory', label: { fr: 'Territoire', en: 'Territory' } },
      { path: 'budget.total', type: 'money', min: 0, label: { fr: 'Budget', en: 'Budget' } },
      {
        path: 'budget.selfFinancing',
        type: 'money',
        min: 0,
        label: { fr: 'Autofinancement', en: 'Self-financing' },
      },
    ],
    parameters: [
      {
        name: 'minSelfFinancing',
        value: 0.3,
        provenance: { mark: 'assumption', justification: 'test value' },
      },
    ],
    criteria: [
      {
        id: 'in-region',
        label: { fr: 'En région', en: 'In the region' },
        when: { inRegion: { field: 'territory' } },
      },
      {
        id: 'self-financing',
        label: { fr: 'Autofinancement', en: 'Self-financing' },
        when: {
          '>=': [
            { field: 'budget.selfFinancing' },
            { '*': [{ field: 'budget.total' }, { param: 'minSelfFinancing' }] },
          ],
        },
      },
    ],
    ...extra,
  });

describe('a rule set names its region', () => {
  it('accepts a 2-digit region code and refuses anything else, naming "region"', () => {
    expect(parseRuleSet({ ...head, id: 'x', region: '28' }).region).toBe('28');
    for (const region of ['8', '280', 'NO', '', 28]) {
      const result = safeParseRuleSet({ ...head, id: 'x', region });
      expect(result.success, JSON.stringify(region)).toBe(false);
      if (!result.success) expect(result.issues[0]!.path).toBe('region');
    }
  });

  it('is inherited by an overlay that names none, replaced by one that does, and shown by the diff', () => {
    const base = parseRuleSet({ ...head, id: 'base', region: '28' });
    const silent = parseRuleSet({ ...head, id: 'o', extends: 'base@1' });
    const other = parseRuleSet({ ...head, id: 'o', extends: 'base@1', region: '53' });
    expect(resolveRuleSet(silent, [base]).region).toBe('28');
    expect(resolveRuleSet(other, [base]).region).toBe('53');
    expect(resolveRuleSet(parseRuleSet({ ...head, id: 'flat' }), []).region).toBeUndefined();
    expect(diffRuleSets(base, resolveRuleSet(other, [base]))).toContainEqual({
      kind: 'metadata',
      field: 'region',
      before: '28',
      after: '53',
    });
  });

  it('the shipped ITIE rule set says Hauts-de-France (32)', () => {
    expect(itieRuleSets().map((ruleSet) => ruleSet.region)).toEqual(['32']);
  });
});

describe('extends: a shipped id@version or a relative rule-file path', () => {
  it('tells relative .json paths from everything else (property: only ./ or ../ paths ending in .json)', () => {
    expect(isRuleFileReference('./base.ruleset.json')).toBe(true);
    expect(isRuleFileReference('../common/base.JSON')).toBe(true);
    for (const reference of [
      'itie-hdf@2023.1',
      '/etc/base.json',
      'base.json',
      'https://example.org/base.json',
      './a//b.json',
      '.\\base.json',
      './base.json\n',
      './base.js',
    ]) {
      expect(isRuleFileReference(reference), reference).toBe(false);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (tail) => {
        const reference = `./${tail}`;
        const expected =
          reference.toLowerCase().endsWith('.json') &&
          !/[\\\0\r\n]/.test(reference) &&
          !reference.includes('//');
        expect(isRuleFileReference(reference)).toBe(expected);
      }),
    );
  });

  it('is accepted by the schema as a path; resolveRuleSet says a path must be read first', () => {
    const overlay = parseRuleSet({ ...head, id: 'o', extends: './base.ruleset.json' });
    expect(() => resolveRuleSet(overlay, itieRuleSets())).toThrow(RuleSetError);
    expect(() => resolveRuleSet(overlay, itieRuleSets())).toThrow(
      /"\.\/base\.ruleset\.json" of o@1 is a file path/,
    );
    expect(safeParseRuleSet({ ...head, id: 'o', extends: 'file:///etc/passwd.json' }).success).toBe(false);
  });
});

describe('checkWithRules', () => {
  const rules = selfFinancingRules();
  const caen = { territory: { communes: ['14118'] }, budget: { total: 100_000 } };

  it('validates with the declared fields: a new field is usable, an undeclared one is invalid', () => {
    const pass = checkWithRules(
      rules,
      { ...caen, budget: { total: 100_000, selfFinancing: 30_000 } },
      { asOf: '2024-06-01' },
    );
    expect(pass.ok && pass.explanation.verdict).toBe('eligible');
    const fail = checkWithRules(
      rules,
      { ...caen, budget: { total: 100_000, selfFinancing: 29_999.99 } },
      { asOf: '2024-06-01' },
    );
    expect(fail.ok && fail.explanation.criteria.map((criterion) => criterion.status)).toEqual([
      'pass',
      'fail',
    ]);
    const invalid = checkWithRules(
      rules,
      { ...caen, budget: { total: 'lots' }, themes: ['mobilite'] },
      { asOf: '2024-06-01' },
    );
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.issues.map((issue) => [issue.path, issue.code])).toEqual([
        ['themes', 'invalid'],
        ['budget.total', 'invalid'],
      ]);
      expect(invalid.issues[1]!.reason?.fr).toContain('montant');
    }
  });

  it('a missing declared field gives an undetermined verdict naming it, not an error', () => {
    const result = checkWithRules(rules, caen, { asOf: '2024-06-01' });
    expect(result.ok && result.explanation.verdict).toBe('undetermined');
    expect(result.ok && result.explanation.missing).toEqual(['budget.selfFinancing']);
  });

  it("checks codes in the rule set's region: Caen in, Lille outside, 76999 unknown (every issue listed)", () => {
    const lille = checkWithRules(
      rules,
      { territory: { communes: ['59350'] }, budget: { total: 1, selfFinancing: 1 } },
      { asOf: '2024-06-01' },
    );
    expect(lille.ok && lille.explanation.criteria[0]!.status).toBe('fail');
    const typo = checkWithRules(
      rules,
      { territory: { communes: ['14118', '76999', 'x'] }, extra: 1 },
      { asOf: '2024-06-01' },
    );
    expect(typo.ok ? [] : typo.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['extra', 'invalid'],
      ['territory.communes[1]', 'unknown-code'],
      ['territory.communes[2]', 'unknown-code'],
    ]);
  });

  it('agrees with resolveTerritory in the region on random commune lists (property)', () => {
    const pool = [
      '14118',
      '50129',
      '76540',
      '27229',
      '61001',
      '59350',
      '02408',
      '76999',
      '14999',
      '75056',
      '97101',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 6 }), (communes) => {
        const result = checkWithRules(
          rules,
          { territory: { communes }, budget: { total: 10, selfFinancing: 5 } },
          { asOf: '2024-06-01' },
        );
        const diagnostics = resolveTerritory({ communes }, { region: '28' }).diagnostics.filter(
          (diagnostic) => diagnostic.kind === 'unknown' || diagnostic.kind === 'invalid',
        );
        if (diagnostics.length) {
          expect(result.ok).toBe(false);
          if (!result.ok)
            expect(result.issues.map((issue) => issue.path)).toEqual(
              diagnostics.map((d) => `territory.${d.path}`),
            );
        } else {
          expect(result.ok).toBe(true);
          const inRegion = resolveTerritory({ communes }, { region: '28' }).inRegion;
          if (result.ok) expect(result.explanation.criteria[0]!.status).toBe(inRegion ? 'pass' : 'fail');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('no verdict outside the validity window, nor with an asOf that is not a date', () => {
    const early = checkWithRules(rules, caen, { asOf: '2023-12-31' });
    expect(early.ok ? '' : early.issues[0]!.code).toBe('not-in-force');
    const bad = checkWithRules(rules, caen, { asOf: '2024-02-30' });
    expect(bad.ok ? '' : bad.issues[0]!.code).toBe('invalid');
  });

  it('never throws on hostile applications', () => {
    for (const application of [
      null,
      42,
      'x',
      [],
      JSON.parse('{"__proto__": {"a": 1}}'),
      { territory: null },
      { territory: { communes: 'x' } },
    ]) {
      const result = checkWithRules(rules, application, { asOf: '2024-06-01' });
      expect(result.ok, JSON.stringify(application)).toBe(false);
    }
    let deep: unknown = {};
    for (let depth = 0; depth < 100; depth++) deep = { territory: deep };
    const refused = checkWithRules(rules, deep, { asOf: '2024-06-01' });
    expect(refused.ok ? '' : refused.issues[0]!.code).toBe('unsafe');
  });

  it('throws RuleSetError for an unusable rule set: unknown region, territory predicates without a region', () => {
    expect(() => checkWithRules(selfFinancingRules({ region: '99' }), caen)).toThrow(
      /region: "99" is not a region of COG 2026/,
    );
    const { region: _none, ...noRegion } = selfFinancingRules();
    expect(() => checkWithRules(noRegion, caen)).toThrow(/needs a territory provider/);
  });

  it('resolves an ITIE overlay of another region against the shipped bases (ITIE fields, region 28)', () => {
    const overlay = parseRuleSet({
      ...head,
      id: 'itie-normandie',
      validFrom: '2023-01-01',
      extends: 'itie-hdf@2023.1',
      region: '28',
    });
    const result = checkWithRules(overlay, { territory: { communes: ['14118'] }, submittedOn: '2023-05-02' });
    expect(result.ok && result.explanation.criteria.find((c) => c.id === 'deployed-in-region')?.status).toBe(
      'pass',
    );
  });
});

describe('checkApplication and safeParseApplication follow the rule set’s region', () => {
  const overlay = parseRuleSet({
    ...head,
    id: 'itie-normandie',
    validFrom: '2023-01-01',
    extends: 'itie-hdf@2023.1',
    region: '28',
  });

  it('an unknown Normandie code is invalid for a Normandie overlay (it was accepted as "outside HdF")', () => {
    const result = checkApplication(
      { territory: { communes: ['14118', '76999'] }, submittedOn: '2023-05-02' },
      { ruleSet: overlay },
    );
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['territory.communes[1]', 'unknown-code'],
    ]);
    expect(safeParseApplication({ territory: { communes: ['76999'] } }, { region: '28' }).success).toBe(
      false,
    );
  });

  it('Caen is in the region for the Normandie overlay, outside it for the default ITIE rule set', () => {
    const status = (result: ReturnType<typeof checkApplication>) =>
      result.ok && result.explanation.criteria.find((c) => c.id === 'deployed-in-region')?.status;
    const application = { territory: { communes: ['14118'] }, submittedOn: '2023-05-02' };
    expect(status(checkApplication(application, { ruleSet: overlay }))).toBe('pass');
    expect(status(checkApplication(application))).toBe('fail');
  });
});
