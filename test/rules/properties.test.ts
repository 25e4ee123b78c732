/** Property-based tests (fast-check) of the engine and of the ITIE rule set. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkApplication, itieEvaluator } from '../../src/itie/index.js';
import {
  compile,
  type ExpressionValue,
  parseRuleSet,
  RuleSetError,
  safeParseRuleSet,
} from '../../src/rules/index.js';
import { appArb } from './_itie.js';

const RUNS = { numRuns: 300 };

// ---- Kleene logic -------------------------------------------------------------------------------
type K = boolean | undefined;
const FIELDS = ['f0', 'f1', 'f2', 'f3'];
const exprArb: fc.Arbitrary<ExpressionValue> = fc.letrec<{ e: ExpressionValue }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...FIELDS).map((f) => ({ field: f })),
    fc.boolean(),
    tie('e').map((x) => ({ not: x })),
    fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((xs) => ({ all: xs })),
    fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((xs) => ({ any: xs })),
  ),
})).e;
const envArb = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f, fc.constantFrom<K>(true, false, undefined)])) as Record<
    string,
    fc.Arbitrary<K>
  >,
);
function ref(e: ExpressionValue, env: Record<string, K>): K {
  if (typeof e === 'boolean') return e;
  const o = e as Record<string, ExpressionValue>;
  if ('field' in o) return env[o.field as string];
  if ('not' in o) {
    const v = ref(o.not!, env);
    return v === undefined ? undefined : !v;
  }
  const vals = (('all' in o ? o.all : o.any) as ExpressionValue[]).map((x) => ref(x, env));
  const stop = !('all' in o);
  if (vals.includes(stop)) return stop;
  return vals.includes(undefined) ? undefined : !stop;
}
const app = (env: Record<string, K>) =>
  Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
const ruleSetOf = (criteria: Record<string, ExpressionValue>) =>
  parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 'k',
    version: '1',
    title: { fr: 'K', en: 'K' },
    validFrom: '2000-01-01',
    criteria: Object.entries(criteria).map(([id, when]) => ({ id, label: { fr: id, en: id }, when })),
  });
const statusOf = (v: K) => (v === true ? 'pass' : v === false ? 'fail' : 'unknown');

describe('Kleene laws', () => {
  it('all/any/not follow strong Kleene logic', () => {
    fc.assert(
      fc.property(exprArb, envArb, (e, env) => {
        const out = compile(ruleSetOf({ c: e })).evaluate(app(env), { asOf: '2020-01-01' });
        expect(out.criteria[0]!.status).toBe(statusOf(ref(e, env)));
        // missing only names fields that are absent
        for (const m of out.criteria[0]!.missing) expect(env[m]).toBeUndefined();
      }),
      RUNS,
    );
  });
  it('De Morgan, double negation, commutativity, absorption hold', () => {
    fc.assert(
      fc.property(exprArb, exprArb, envArb, (a, b, env) => {
        const laws: Record<string, ExpressionValue> = {
          dm1l: { not: { all: [a, b] } },
          dm1r: { any: [{ not: a }, { not: b }] },
          dm2l: { not: { any: [a, b] } },
          dm2r: { all: [{ not: a }, { not: b }] },
          nn: { not: { not: a } },
          a,
          ab: { all: [a, b] },
          ba: { all: [b, a] },
          abs: { any: [a, { all: [a, b] }] },
        };
        const s = Object.fromEntries(
          compile(ruleSetOf(laws))
            .evaluate(app(env), { asOf: '2020-01-01' })
            .criteria.map((c) => [c.id, c.status]),
        );
        expect(s.dm1l).toBe(s.dm1r);
        expect(s.dm2l).toBe(s.dm2r);
        expect(s.nn).toBe(s.a);
        expect(s.ab).toBe(s.ba);
        expect(s.abs).toBe(s.a);
      }),
      RUNS,
    );
  });
});

// ---- ITIE applications --------------------------------------------------------------------------
const KEYS = [
  'title',
  'carrier',
  'partners',
  'territory',
  'publics',
  'themes',
  'budget',
  'schedule',
] as const;

describe('ITIE evaluation', () => {
  it('is total: never throws on any JSON value (invalid input → issues)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), appArb, fc.record({ territory: fc.jsonValue(), budget: fc.jsonValue() })),
        (input) => {
          const r = checkApplication(input);
          expect(r.ok ? r.explanation.format : r.issues.length > 0).toBeTruthy();
        },
      ),
      RUNS,
    );
  });
  it('adding an answer never turns a decided criterion back to unknown', () => {
    fc.assert(
      fc.property(appArb, fc.subarray([...KEYS]), (full, drop) => {
        const partial: Record<string, unknown> = { ...full };
        for (const k of drop) delete partial[k];
        const a = checkApplication(partial, { asOf: '2023-04-03' });
        const b = checkApplication(full, { asOf: '2023-04-03' });
        expect(a.ok && b.ok).toBe(true);
        if (!a.ok || !b.ok) return;
        a.explanation.criteria.forEach((c, i) => {
          if (c.status !== 'unknown') expect(b.explanation.criteria[i]!.status).toBe(c.status);
        });
        if (a.explanation.verdict !== 'undetermined')
          expect(b.explanation.verdict).toBe(a.explanation.verdict);
        // what is missing is only what is absent from the partial application
        for (const m of a.explanation.missing)
          expect(Object.hasOwn(partial, m.split('.')[0]!) && !m.includes('.')).toBe(false);
      }),
      RUNS,
    );
  });
  it('the same input always gives the same output and hash', () => {
    fc.assert(
      fc.property(appArb, (input) => {
        const a = checkApplication(structuredClone(input));
        const b = checkApplication(structuredClone(input));
        expect(a).toEqual(b);
        if (a.ok) expect(a.explanation.ruleSet.hash).toBe(itieEvaluator().hash);
      }),
      { numRuns: 100 },
    );
  });
});

describe('untrusted rule files', () => {
  it('arbitrary JSON is rejected cleanly (or compiles), never a crash', () => {
    const near = fc.record({
      format: fc.constant('cprdfop.ruleset/1'),
      id: fc.constant('x'),
      version: fc.constant('1'),
      title: fc.constant({ fr: 'x', en: 'x' }),
      validFrom: fc.constant('2023-01-01'),
      criteria: fc.array(
        fc.record({
          id: fc.constantFrom('a', 'b'),
          label: fc.constant({ fr: 'x', en: 'x' }),
          when: fc.jsonValue(),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), near), (doc) => {
        const r = safeParseRuleSet(doc);
        if (!r.success) {
          expect(r.issues.length).toBeGreaterThan(0);
          return;
        }
        try {
          const ev = compile(r.data);
          ev.evaluate({}, { asOf: '2023-01-01' });
        } catch (error) {
          expect(error).toBeInstanceOf(RuleSetError);
        }
      }),
      RUNS,
    );
  });
});
