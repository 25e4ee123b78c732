/**
 * Explanations are plain data: structuredClone / deepStrictEqual / spreads see every field; what they
 * share with other explanations (and with the evaluator) is deeply frozen, the rest is fresh per
 * evaluation, so no explanation changes a later verdict or the rule set; `serializeExplanation` writes
 * exactly `JSON.stringify`'s text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkApplication, itieEvaluator, itieRuleSets } from '../../src/itie/index.js';
import {
  compile,
  type Explanation,
  type ExpressionValue,
  hashRuleSet,
  parseRuleSet,
  serializeExplanation,
} from '../../src/rules/index.js';
import { appArb } from './_itie.js';
import { toyTerritory } from './_toy.js';

const toy = parseRuleSet({
  format: 'cprdfop.ruleset/1',
  id: 'toy',
  version: '1',
  title: { fr: 'Jouet', en: 'Toy' },
  validFrom: '2023-01-01',
  asOfField: 'submittedOn',
  parameters: [
    { name: 'forms', value: ['SAS', 'SARL'], provenance: { mark: 'assumption', justification: 'toy' } },
    { name: 'min', value: 2, provenance: { mark: 'seed', justification: 'toy' } },
  ],
  criteria: [
    {
      id: 'form',
      label: { fr: 'Forme', en: 'Form' },
      source: { ref: 'toy §1', url: 'https://example.org/a' },
      when: { in: [{ field: 'form' }, { param: 'forms' }] },
    },
    {
      id: 'n',
      label: { fr: 'N', en: 'N' },
      when: { '>=': [{ count: { field: 'items' } }, { param: 'min' }] },
    },
    { id: 'in', label: { fr: 'Région', en: 'Region' }, when: { inRegion: { field: 'territory' } } },
    {
      id: 'any',
      label: { fr: 'Un', en: 'One' },
      when: { any: [{ field: 'a' }, { '==': [{ field: 'deep.x' }, { lit: { k: [1] } }] }] },
    },
  ],
  funding: { enabled: true, unit: 'EUR', amount: { '*': [{ field: 'total' }, 0.5] } },
});
const toyEvaluator = compile(toy, { territory: toyTerritory });

/** Every object reachable from `value`, except inside `observed` (the application's own values). */
function reachable(value: unknown, out: object[] = [], inObserved = false): object[] {
  if (value === null || typeof value !== 'object' || inObserved) return out;
  out.push(value);
  for (const [key, item] of Object.entries(value)) {
    if (key === 'observed') {
      out.push(item as object);
      continue;
    }
    reachable(item, out);
  }
  return out;
}

function itieExplanations(): Explanation[] {
  const dir = 'examples/applications';
  return readdirSync(dir).map((f) => {
    const r = checkApplication(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
    if (!r.ok) throw new Error(f);
    return r.explanation;
  });
}

describe('explanations are plain data', () => {
  const samples = () => [
    toyEvaluator.evaluate({ form: 'SAS', items: [1, 2], territory: ['59350'], a: true, total: 10 }),
    toyEvaluator.evaluate({}, { asOf: '2023-02-01' }),
    toyEvaluator.evaluate(
      { form: 'EI', territory: ['59000'], deep: { x: { k: [1] } } },
      { asOf: '2024-01-01' },
    ),
    ...itieExplanations(),
  ];
  it('structuredClone, a JSON round trip and spreads keep every field', () => {
    for (const e of samples()) {
      assert.deepStrictEqual(structuredClone(e), e);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(e)), e);
      const c = e.criteria[0]!;
      expect(Object.keys({ ...c })).toEqual([
        'id',
        'status',
        'label',
        'message',
        'observed',
        'parameters',
        'source',
        'missing',
        'assumptions',
      ]);
      expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    }
  });
  it('two evaluations of the same application are deeply equal', () => {
    const app = { form: 'SAS', items: [1], territory: ['59350'], submittedOn: '2023-03-01' };
    assert.deepStrictEqual(toyEvaluator.evaluate(app), toyEvaluator.evaluate(structuredClone(app)));
  });
});

describe('explanations cannot change anything else', () => {
  it('an object two explanations share is frozen; the others are fresh (the application’s values aside)', () => {
    const apps: [unknown, { asOf?: string }][] = [
      [{ form: 'SAS', items: [1, 2], territory: ['59000'], total: 3 }, { asOf: '2023-05-01' }],
      [{}, {}],
      [{ form: 'EI', deep: { x: 1 } }, { asOf: '2030-01-01' }],
    ];
    for (const [app, options] of apps) {
      const first = reachable(toyEvaluator.evaluate(app, options));
      const second = new Set(reachable(toyEvaluator.evaluate(structuredClone(app), options)));
      for (const o of first) if (second.has(o)) expect(Object.isFrozen(o)).toBe(true);
    }
    const itie = itieExplanations();
    const again = new Set(itieExplanations().flatMap((e) => reachable(e)));
    for (const e of itie)
      for (const o of reachable(e)) if (again.has(o)) expect(Object.isFrozen(o)).toBe(true);
  });
  it('changing an explanation’s own objects changes no other explanation', () => {
    const app = { form: 'SAS', items: [1], territory: ['59350'], submittedOn: '2023-03-01' };
    const before = JSON.stringify(toyEvaluator.evaluate(app));
    const e = toyEvaluator.evaluate(app) as unknown as Record<string, unknown[]>;
    (e.missing as string[]).push('x');
    (e.warnings as unknown[]).push({ code: 'x', message: 'x' });
    (e.criteria as Record<string, unknown>[])[0]!.status = 'fail';
    ((e.criteria as Record<string, unknown>[])[0]!.observed as Record<string, unknown>).form = 'EI';
    e.criteria!.pop();
    expect(JSON.stringify(toyEvaluator.evaluate(app))).toBe(before);
  });
  it('shares no object with the rule set it was compiled from', () => {
    const fromRuleSet = new Set(reachable(toy));
    for (const rs of itieRuleSets()) for (const o of reachable(rs)) fromRuleSet.add(o);
    for (const e of [toyEvaluator.evaluate({ form: 'EI' }, { asOf: '2023-05-01' }), ...itieExplanations()])
      for (const o of reachable(e)) expect(fromRuleSet.has(o)).toBe(false);
  });
  it('attempts to mutate throw, and later verdicts and the hash stay the same (issue #12)', () => {
    const hash = hashRuleSet(toy);
    const app = { form: 'EI', submittedOn: '2023-05-01' };
    const before = JSON.stringify(toyEvaluator.evaluate(app));
    const e = toyEvaluator.evaluate(app);
    const forms = e.criteria[0]!.parameters.forms as string[];
    expect(() => forms.push('EI')).toThrow(TypeError);
    expect(() => (e.assumptions[0]!.value as string[]).push('EI')).toThrow(TypeError);
    expect(() => (e.criteria[0]!.missing as string[]).push('x')).toThrow(TypeError);
    expect(() => Object.assign(e.criteria[0]!.label, { fr: 'x' })).toThrow(TypeError);
    expect(() => Object.assign(e.criteria[0]!.message, { en: 'x' })).toThrow(TypeError);
    expect(() => Object.assign(e.criteria[0]!.source!, { url: 'javascript:x' })).toThrow(TypeError);
    expect(() => Object.assign(e.ruleSet, { hash: 'x' })).toThrow(TypeError);
    expect(JSON.stringify(toyEvaluator.evaluate(app))).toBe(before);
    expect(hashRuleSet(toy)).toBe(hash);
    expect(toyEvaluator.hash).toBe(hash);
  });
  it('the ITIE rule set is unchanged after its explanations were used (hash, parameters)', () => {
    const ev = itieEvaluator();
    const hash = ev.hash;
    let arrays = 0;
    for (const e of itieExplanations()) {
      const shared = [
        ...e.criteria.flatMap((c) => Object.values(c.parameters)),
        ...e.assumptions.map((a) => a.value),
      ];
      for (const v of shared)
        if (Array.isArray(v)) {
          arrays++;
          expect(() => (v as unknown[]).push('x')).toThrow(TypeError);
        }
    }
    expect(arrays).toBeGreaterThan(0);
    expect(hashRuleSet(ev.ruleSet)).toBe(hash);
  });
});

describe('serializeExplanation', () => {
  it('writes JSON.stringify’s text for random ITIE applications', () => {
    fc.assert(
      fc.property(appArb, fc.constantFrom(undefined, '2023-04-03', '2023-01-01'), (app, asOf) => {
        const e = itieEvaluator().evaluate(app, asOf === undefined ? {} : { asOf });
        expect(serializeExplanation(e)).toBe(JSON.stringify(e));
      }),
      { numRuns: 200 },
    );
  });
  it('writes JSON.stringify’s text for any observed values (numbers, strings, nested, toJSON)', () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.double(),
      fc.string({ unit: 'binary' }),
      fc.date({ noInvalidDate: true }),
      fc.constant(-0),
      fc.array(fc.oneof(fc.constant(undefined), fc.integer())),
      fc.dictionary(fc.string(), fc.oneof(fc.constant(undefined), fc.string(), fc.jsonValue())),
    );
    fc.assert(
      fc.property(
        fc.record({ form: value, items: value, territory: value, a: value, deep: value, total: value }),
        (app) => {
          const e = toyEvaluator.evaluate(app, { asOf: '2023-05-01' });
          expect(serializeExplanation(e)).toBe(JSON.stringify(e));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('writes JSON.stringify’s text for copies a caller changed', () => {
    const e = toyEvaluator.evaluate({ form: 'SAS' }, { asOf: '2023-05-01' });
    const changed = [
      { ...e, verdict: 'eligible', extra: { when: new Date(0) } },
      { ...e, criteria: e.criteria.map((c) => ({ ...c, label: { fr: 'a', en: 'b' }, added: undefined })) },
      { ...e, criteria: [...e.criteria, { toJSON: (key: string) => `key ${key}` }] },
      { ...e, missing: undefined, funding: { amount: Number.NaN } },
      Object.assign(Object.create(null), e),
    ] as unknown as Explanation[];
    for (const x of changed) expect(serializeExplanation(x)).toBe(JSON.stringify(x));
    expect(() => serializeExplanation({ ...e, asOf: 1n } as unknown as Explanation)).toThrow(TypeError);
    const cyclic: Record<string, unknown> = { ...e };
    cyclic.self = cyclic;
    expect(() => serializeExplanation(cyclic as unknown as Explanation)).toThrow(TypeError);
  });
});

describe('explanation of an ExpressionValue literal stays the rule set’s', () => {
  it('a `lit` observed through a field compare does not leak the rule text', () => {
    const when: ExpressionValue = { '==': [{ field: 'x' }, { lit: [1, 2] }] };
    const rs = parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'lit',
      version: '1',
      title: { fr: 'L', en: 'L' },
      validFrom: '2000-01-01',
      criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when }],
    });
    const e = compile(rs).evaluate({ x: [1, 2] }, { asOf: '2020-01-01' });
    expect(e.criteria[0]!.status).toBe('pass');
    expect(JSON.stringify(rs.criteria[0]!.when)).toBe(JSON.stringify(when));
  });
});
