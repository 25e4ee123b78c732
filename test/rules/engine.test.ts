import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compile,
  defineOperator,
  diffRuleSets,
  type ExpressionValue,
  formatRuleSetDiff,
  hashRuleSet,
  NoRuleSetInForceError,
  parseRuleSet,
  RuleSetError,
  type RuleSetInput,
  resolveRuleSet,
  safeParseRuleSet,
  selectRuleSet,
} from '../../src/rules/index.js';
import { toyTerritory } from './_toy.js';

const rs = (over: Partial<RuleSetInput> = {}) =>
  parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 'demo',
    version: '1',
    title: { fr: 'Démo', en: 'Demo' },
    validFrom: '2023-01-01',
    asOfField: 'submittedOn',
    parameters: [
      { name: 'min', value: 2, provenance: { mark: 'assumption', justification: 'why min' } },
      { name: 'list', value: ['a', 'b'], provenance: { mark: 'seed', justification: 'why list' } },
    ],
    criteria: [],
    ...over,
  });
const crit = (id: string, when: ExpressionValue) => ({ id, label: { fr: id, en: id }, when });
const one = (when: ExpressionValue, app: unknown, opts: Parameters<typeof compile>[1] = {}) =>
  compile(rs({ criteria: [crit('c', when)] }), { territory: toyTerritory, ...opts }).evaluate(app, {
    asOf: '2023-06-01',
  });

describe('compile checks rule text', () => {
  const bad: Array<[ExpressionValue, RegExp]> = [
    [{ foo: [1] }, /criteria\[0\]\.when: unknown operator "foo"/],
    [{ '<': [1] }, /expects an array of 2 argument/],
    [{ param: 'nope' }, /unknown parameter "nope"/],
    [{ field: 'a.__proto__' }, /invalid field path/],
    [{ field: 'constructor' }, /invalid field path/],
    [{ pluck: [{ field: 'a' }, 'prototype'] }, /expects a property name/],
    [{ '+': [1, 2] }, /must be a boolean expression/],
    [42, /must be a boolean expression/],
  ];
  for (const [when, re] of bad) {
    it(`rejects ${JSON.stringify(when)}`, () => {
      expect(() => compile(rs({ criteria: [crit('c', when)] }))).toThrow(re);
    });
  }
  it('rejects territory predicates without a provider', () => {
    expect(() => compile(rs({ criteria: [crit('c', { inRegion: { field: 't' } })] }))).toThrow(
      /territory provider/,
    );
  });
  it('limits expression depth', () => {
    let e: ExpressionValue = { field: 'x' };
    for (let i = 0; i < 70; i++) e = { not: e };
    expect(() => compile(rs({ criteria: [crit('c', e)] }))).toThrow(RuleSetError);
  });
  it('rejects duplicates and unresolved overlays', () => {
    expect(() => compile(rs({ criteria: [crit('c', true), crit('c', true)] }))).toThrow(
      /duplicate criterion/,
    );
    expect(() => compile(rs({ extends: 'x@1' }))).toThrow(/resolveRuleSet/);
  });
  it('never uses eval or the wall clock in src/rules and src/itie', () => {
    for (const dir of ['src/rules', 'src/itie']) {
      for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((x) =>
        x.endsWith('.ts'),
      )) {
        const text = readFileSync(join(dir, f), 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
        expect(text, f).not.toMatch(/\beval\(|new Function|Date\.now\(|new Date\(\)/);
      }
    }
  });
});

describe('three-valued verdicts', () => {
  it('never coerces unknown to false', () => {
    const e = one({ not: { field: 'a' } }, {});
    expect(e.criteria[0]?.status).toBe('unknown');
    expect(e.verdict).toBe('undetermined');
    expect(e.missing).toEqual(['a']);
  });
  it('a failed criterion hides the missing fields of the others', () => {
    const ev = compile(rs({ criteria: [crit('x', { field: 'x' }), crit('y', { field: 'y' })] }));
    const e = ev.evaluate({ x: false }, { asOf: '2023-06-01' });
    expect(e.verdict).toBe('ineligible');
    expect(e.criteria.map((c) => c.status)).toEqual(['fail', 'unknown']);
    expect(e.criteria[1]?.missing).toEqual(['y']);
    expect(e.missing).toEqual([]);
  });
  it('reads the same fields whatever the key order of successive applications', () => {
    const ev = compile(
      rs({ criteria: [crit('x', { field: 'x' }), crit('y', { '>=': [{ field: 'y' }, 1] })] }),
    );
    const apps: Record<string, unknown>[] = [
      { x: true, y: 2, z: 0 },
      { y: 0, x: true },
      { z: 1, x: false, y: 3 },
      { y: 2 },
      { x: true, y: 2, z: 0 },
      { x: true, constructor: 1, y: 1 },
    ];
    const fresh = apps.map((a) => JSON.stringify(compile(ev.ruleSet).evaluate(a, { asOf: '2023-06-01' })));
    for (let r = 0; r < 3; r++)
      expect(apps.map((a) => JSON.stringify(ev.evaluate(a, { asOf: '2023-06-01' })))).toEqual(fresh);
    expect(ev.evaluate(apps[2], { asOf: '2023-06-01' }).criteria.map((c) => c.status)).toEqual([
      'fail',
      'pass',
    ]);
  });
  it('asks only what can still decide an any/all', () => {
    expect(one({ any: [{ field: 'a' }, { field: 'b' }] }, { b: true }).missing).toEqual([]);
    expect(one({ all: [{ field: 'a' }, { field: 'b' }, { field: 'c' }] }, { b: true }).missing).toEqual([
      'a',
      'c',
    ]);
  });
  it('lists assumptions the verdict depended on', () => {
    const ev = compile(
      rs({ criteria: [crit('n', { '>=': [{ field: 'n' }, { param: 'min' }] }), crit('f', { field: 'f' })] }),
    );
    expect(ev.evaluate({ n: 3, f: true }, { asOf: '2023-06-01' }).assumptions).toEqual([
      { name: 'min', value: 2, justification: 'why min', justifications: { fr: 'why min', en: 'why min' } },
    ]);
    expect(ev.evaluate({ n: 3, f: false }, { asOf: '2023-06-01' }).assumptions).toEqual([]);
    const e = ev.evaluate({ n: 1, f: true }, { asOf: '2023-06-01' });
    expect(e.criteria[0]).toMatchObject({ observed: { n: 1 }, parameters: { min: 2 }, status: 'fail' });
  });
  it('evaluates as of the submission date, never the wall clock', () => {
    const ev = compile(rs({ criteria: [crit('c', { '<=': [{ asOf: [] }, '2023-12-31'] })] }));
    expect(ev.evaluate({ submittedOn: '2023-05-01' }).verdict).toBe('eligible');
    expect(ev.evaluate({ submittedOn: '2024-05-01' }).verdict).toBe('ineligible');
    const none = ev.evaluate({});
    expect(none).toMatchObject({ verdict: 'undetermined', asOf: null, missing: ['submittedOn'] });
    expect(none.warnings.map((w) => w.code)).toEqual(['no-as-of']);
    // Outside the validity window there is no verdict: a typed error (issue 12, item 6).
    expect(() => ev.evaluate({}, { asOf: '2022-01-01' })).toThrow(/not in force on 2022-01-01/);
  });
  it('stamps every verdict with id, version and hash', () => {
    const r = rs({ criteria: [crit('c', true)] });
    const e = compile(r).evaluate({}, { asOf: '2023-02-01' });
    expect(e.ruleSet).toEqual({ id: 'demo', version: '1', hash: hashRuleSet(r) });
    expect(e.ruleSet.hash).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(hashRuleSet(rs({ criteria: [crit('c', false)] }))).not.toBe(e.ruleSet.hash);
    expect(e.format).toBe('cprdfop.explanation/1');
  });
  it('collects territory warnings and treats invalid codes as unknown', () => {
    const e = one({ inRegion: { field: 't' } }, { t: { communes: ['59000'] } });
    expect(e.verdict).toBe('eligible');
    expect(e.warnings).toEqual([{ code: 'mapped-code', message: '59000 → 59350' }]);
    expect(one({ inRegion: { field: 't' } }, { t: { communes: ['59999'] } }).verdict).toBe('undetermined');
    expect(one({ inRegion: { field: 't' } }, { t: 42 }).verdict).toBe('undetermined');
  });
});

describe('custom operators', () => {
  const between = defineOperator({
    args: ['number', 'number', 'number'],
    returns: 'boolean',
    evaluate: (x, lo, hi) => x >= lo && x <= hi,
  });
  it('are typed, strict on unknown and on types', () => {
    const when = { between: [{ field: 'x' }, 1, 10] };
    expect(one(when, { x: 5 }, { operators: { between } }).verdict).toBe('eligible');
    expect(one(when, { x: 50 }, { operators: { between } }).verdict).toBe('ineligible');
    expect(one(when, {}, { operators: { between } }).missing).toEqual(['x']);
    expect(one(when, { x: 'five' }, { operators: { between } }).verdict).toBe('undetermined');
  });
  it('live in their own namespace: a built-in name is reached by call only, never silently shadowed', () => {
    expect(one({ call: ['all', 5, 1, 10] }, {}, { operators: { all: between } }).verdict).toBe('eligible');
    expect(one({ all: [true] }, {}, { operators: { between } }).verdict).toBe('eligible');
    expect(() => one({ all: [true] }, {}, { operators: { all: between } })).toThrow(
      /both a built-in and a custom operator: write \{"call": \["all"/,
    );
  });
  it('cannot have unsafe names', () => {
    expect(() => one(true, {}, { operators: { __proto__x: between } })).not.toThrow();
    expect(() => one(true, {}, { operators: JSON.parse('{"constructor": {}}') })).toThrow(/reserved/);
  });
  it('an operator that throws gives unknown', () => {
    const boom = defineOperator({
      args: ['any'],
      returns: 'boolean',
      evaluate: () => {
        throw new Error('x');
      },
    });
    expect(one({ boom: [1] }, {}, { operators: { boom } }).verdict).toBe('undetermined');
  });
});

describe('untrusted rule files', () => {
  it('rejects prototype keys anywhere', () => {
    const text =
      '{"format":"cprdfop.ruleset/1","id":"x","version":"1","title":{"fr":"x","en":"x"},"validFrom":"2023-01-01","criteria":[{"id":"c","label":{"fr":"c","en":"c"},"when":{"__proto__":{"x":1}}}]}';
    const r = safeParseRuleSet(JSON.parse(text));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.path).toBe('criteria[0].when.__proto__');
  });
  it('rejects too deep documents without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(safeParseRuleSet(deep).success).toBe(false);
  });
});

describe('versions, overlays and diffs', () => {
  const v1 = rs({ validTo: '2023-12-31', criteria: [crit('c', true)] });
  const v2 = rs({ version: '2', validFrom: '2024-01-01' });
  it('selects the version in force', () => {
    expect(selectRuleSet([v1, v2], 'demo', '2023-12-31').version).toBe('1');
    expect(selectRuleSet([v1, v2], 'demo', '2024-01-01').version).toBe('2');
    expect(() => selectRuleSet([v1, v2], 'demo', '2022-12-31')).toThrow(NoRuleSetInForceError);
  });
  it('applies overlays with typed overrides', () => {
    const base = rs({ criteria: [crit('a', true), crit('b', { field: 'b' })] });
    const ov = rs({
      id: 'other',
      extends: 'demo@1',
      parameters: [{ name: 'min', value: 3, provenance: { mark: 'assumption', justification: 'other' } }],
      remove: ['a'],
      criteria: [crit('b', false), crit('c', true)],
    });
    const flat = resolveRuleSet(ov, [base]);
    expect(flat.criteria.map((c) => c.id)).toEqual(['b', 'c']);
    expect(flat.parameters.find((p) => p.name === 'min')?.value).toBe(3);
    expect(flat.extends).toBeUndefined();
    const bad = rs({
      extends: 'demo@1',
      parameters: [{ name: 'min', value: 'x', provenance: { mark: 'seed', justification: 'x' } }],
    });
    expect(() => resolveRuleSet(bad, [base])).toThrow(/changes its type from number to string/);
    expect(() => resolveRuleSet(rs({ extends: 'demo@1', remove: ['zz'] }), [base])).toThrow(
      /no criterion "zz"/,
    );
    expect(() => resolveRuleSet(rs({ extends: 'nope@1' }), [base])).toThrow(/not found/);
    const changes = diffRuleSets(base, flat);
    expect(changes.map((c) => c.kind)).toEqual([
      'metadata',
      'parameter-changed',
      'criterion-removed',
      'criterion-changed',
      'criterion-added',
    ]);
    expect(formatRuleSetDiff(changes)).toContain('~ parameter min: 2 [assumption] → 3 [assumption]');
    expect(formatRuleSetDiff([])).toBe('no differences\n');
  });
});
