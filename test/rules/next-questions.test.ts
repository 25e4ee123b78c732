/**
 * `nextQuestions` (issue #15), brute force: random rule sets (1–3 criteria of random `all`/`any`/`not`/
 * `if`/`==` expressions over three booleans and an enum) and random partial applications, checked
 * against every completion of the absent fields. Every question returned can change the verdict (a pair
 * of completions differing only in that field gives two verdicts); the list is empty exactly when every
 * completion gives the same verdict; nothing present is asked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCprdfopError } from '../../src/errors.js';
import { itieEvaluator } from '../../src/itie/index.js';
import {
  compile,
  criterionFailureRates,
  type ExpressionValue,
  nextQuestions,
  parseRuleSet,
} from '../../src/rules/index.js';

const BOOLEANS = ['b0', 'b1', 'b2'] as const;
const COLOURS = ['red', 'green', 'blue'] as const;
const FIELDS = [...BOOLEANS, 'colour'] as const;
type Env = Partial<Record<(typeof BOOLEANS)[number], boolean> & { colour: string }>;

const exprArb: fc.Arbitrary<ExpressionValue> = fc.letrec<{ e: ExpressionValue }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...BOOLEANS).map((f) => ({ field: f })),
    fc.constantFrom(...COLOURS).map((c) => ({ '==': [{ field: 'colour' }, c] })),
    fc
      .subarray([...COLOURS], { minLength: 1 })
      .map((list) => ({ in: [{ field: 'colour' }, list] }) as ExpressionValue),
    fc.boolean(),
    tie('e').map((x) => ({ not: x })),
    fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((xs) => ({ all: xs })),
    fc.array(tie('e'), { minLength: 1, maxLength: 3 }).map((xs) => ({ any: xs })),
    fc.tuple(tie('e'), tie('e'), tie('e')).map((xs) => ({ if: xs })),
  ),
})).e;
const envArb: fc.Arbitrary<Env> = fc.record(
  { b0: fc.boolean(), b1: fc.boolean(), b2: fc.boolean(), colour: fc.constantFrom(...COLOURS) },
  { requiredKeys: [] },
);

/** Two-valued evaluation on a complete input (the independent reference). */
function value(e: ExpressionValue, env: Required<Env>): boolean {
  if (typeof e === 'boolean') return e;
  const o = e as Record<string, ExpressionValue>;
  if ('field' in o) return env[o.field as (typeof BOOLEANS)[number]];
  if ('==' in o) return env.colour === (o['=='] as string[])[1];
  if ('in' in o) return ((o.in as unknown[])[1] as string[]).includes(env.colour);
  if ('not' in o) return !value(o.not!, env);
  if ('if' in o) {
    const [c, a, b] = o.if as ExpressionValue[];
    return value(c!, env) ? value(a!, env) : value(b!, env);
  }
  const items = ((o.all ?? o.any) as ExpressionValue[]).map((x) => value(x, env));
  return 'all' in o ? items.every(Boolean) : items.some(Boolean);
}
const verdictOf = (criteria: ExpressionValue[], env: Required<Env>) =>
  criteria.every((c) => value(c, env)) ? 'eligible' : 'ineligible';
function completions(env: Env): Required<Env>[] {
  let out: Env[] = [{ ...env }];
  for (const f of FIELDS)
    if (env[f] === undefined)
      out = out.flatMap((x) =>
        f === 'colour'
          ? COLOURS.map((c) => ({ ...x, colour: c }))
          : [true, false].map((b) => ({ ...x, [f]: b })),
      );
  return out as Required<Env>[];
}
const label = (text: string) => ({ fr: `${text} (fr)`, en: `${text} (en)` });
const ruleSetOf = (criteria: ExpressionValue[]) =>
  parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 'q',
    version: '1',
    title: { fr: 'Q', en: 'Q' },
    validFrom: '2000-01-01',
    fields: [
      ...BOOLEANS.map((path) => ({ path, type: 'boolean' as const, label: label(path) })),
      {
        path: 'colour',
        type: 'enum' as const,
        label: label('colour'),
        question: { fr: 'Quelle couleur\u202f?', en: 'Which colour?' },
        values: COLOURS.map((c) => ({ value: c, label: label(c) })),
      },
    ],
    criteria: criteria.map((when, i) => ({ id: `c${i}`, label: label(`c${i}`), when })),
  });
const OPTIONS = { asOf: '2020-01-01' };

describe('nextQuestions: guarantees (brute force over every completion)', () => {
  it('asks only fields that can change the verdict, and nothing exactly when the verdict is decided', () => {
    let asked = 0;
    let emptyWhileKleeneUndetermined = 0;
    fc.assert(
      fc.property(fc.array(exprArb, { minLength: 1, maxLength: 3 }), envArb, (criteria, env) => {
        const evaluator = compile(ruleSetOf(criteria));
        const questions = nextQuestions(evaluator, env, OPTIONS);
        const all = completions(env);
        const verdicts = new Set(all.map((x) => verdictOf(criteria, x)));
        // Empty exactly when every completion gives the same verdict.
        expect(questions.length === 0).toBe(verdicts.size === 1);
        if (!questions.length && evaluator.evaluate(env, OPTIONS).verdict === 'undetermined')
          emptyWhileKleeneUndetermined++;
        const paths = questions.map((q) => q.path);
        expect(new Set(paths).size).toBe(paths.length);
        for (const question of questions) {
          asked++;
          expect(question.proven).toBe(true);
          const field = question.path as (typeof FIELDS)[number];
          expect(env[field]).toBeUndefined();
          const answers: unknown[] = field === 'colour' ? [...COLOURS] : [true, false];
          const relevant = all.some((x) =>
            answers.some(
              (answer) => verdictOf(criteria, { ...x, [field]: answer }) !== verdictOf(criteria, x),
            ),
          );
          expect(relevant, `${field} cannot change the verdict`).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
    expect(asked).toBeGreaterThan(0);
    expect(emptyWhileKleeneUndetermined).toBeGreaterThanOrEqual(0);
  });

  it('drops a field that only a Kleene over-report lists (tautology of a repeated field)', () => {
    const evaluator = compile(
      ruleSetOf([{ any: [{ field: 'b0' }, { not: { field: 'b0' } }] }, { field: 'b1' }]),
    );
    expect(evaluator.evaluate({}, OPTIONS).missing).toEqual(['b0', 'b1']);
    expect(nextQuestions(evaluator, {}, OPTIONS).map((q) => q.path)).toEqual(['b1']);
  });
});

describe('nextQuestions: what a form needs', () => {
  const evaluator = compile(ruleSetOf([{ in: [{ field: 'colour' }, ['red']] }, { field: 'b0' }]));
  it('gives declared labels, question, type and labelled values in the requested language', () => {
    const first = nextQuestions(evaluator, {}, { ...OPTIONS, lang: 'en' }).find((q) => q.path === 'colour');
    expect(first).toMatchObject({
      path: 'colour',
      type: 'enum',
      declared: true,
      text: 'Which colour?',
      question: { fr: 'Quelle couleur\u202f?', en: 'Which colour?' },
      criteria: ['c0'],
      proven: true,
      group: null,
    });
    expect(first!.values!.map((v) => [v.value, v.text])).toEqual([
      ['red', 'red (en)'],
      ['green', 'green (en)'],
      ['blue', 'blue (en)'],
    ]);
    expect(nextQuestions(evaluator, {}, OPTIONS)[1]!.text).toBe('Quelle couleur\u202f?');
    expect(nextQuestions(evaluator, {}, OPTIONS)[0]!.text).toBe('b0 (fr)');
  });
  it('keeps the declaration order between equally good questions', () => {
    expect(nextQuestions(evaluator, {}, OPTIONS).map((q) => q.path)).toEqual(['b0', 'colour']);
  });
  it('honours limit and rejects a bad one with a typed error', () => {
    expect(nextQuestions(evaluator, {}, { ...OPTIONS, limit: 1 })).toHaveLength(1);
    for (const limit of [0, -1, 1.5, Number.NaN]) {
      let caught: unknown;
      try {
        nextQuestions(evaluator, {}, { ...OPTIONS, limit });
      } catch (error) {
        caught = error;
      }
      expect(isCprdfopError(caught)).toBe(true);
      expect((caught as { code: string }).code).toBe('E_INVALID_OPTION');
    }
  });
  it('never throws on hostile applications', () => {
    for (const hostile of [
      null,
      42,
      'x',
      [],
      { b0: 'yes', colour: 7 },
      JSON.parse('{"__proto__":{"b0":true}}'),
    ])
      expect(Array.isArray(nextQuestions(evaluator, hostile, OPTIONS))).toBe(true);
  });
});

const grant = (fields?: unknown) =>
  compile(
    parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'g',
      version: '1',
      title: { fr: 'G', en: 'G' },
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      asOfField: 'filed',
      ...(fields ? { fields } : {}),
      criteria: [
        { id: 'min', label: label('min'), when: { '>=': [{ field: 'budget.total' }, 20000] } },
        {
          id: 'share',
          label: label('share'),
          when: { '<=': [{ field: 'budget.requested' }, { '*': [{ field: 'budget.total' }, 0.5] }] },
        },
        {
          id: 'age',
          label: label('age'),
          when: { '<=': [{ addMonths: [{ field: 'created' }, 12] }, { field: 'filed' }] },
        },
        { id: 'start', label: label('start'), when: { '>=': [{ field: 'start' }, { field: 'filed' }] } },
      ],
    }),
  );

describe('nextQuestions: undeclared fields, numbers, dates, grouping', () => {
  it('infers numbers and dates from the rules and proves every question', () => {
    const questions = nextQuestions(grant(), {});
    expect(questions.map((q) => [q.path, q.type, q.proven, q.declared])).toEqual(
      expect.arrayContaining([
        ['budget.total', 'decimal', true, false],
        ['budget.requested', 'decimal', true, false],
        ['created', 'date', true, false],
        ['filed', 'date', true, false],
        ['start', 'date', true, false],
      ]),
    );
    expect(questions).toHaveLength(5);
  });
  it('keeps asking the other side of a comparison with a known value (budget.requested vs 100,000)', () => {
    const questions = nextQuestions(grant(), { budget: { total: 100_000 }, filed: '2025-03-01' });
    expect(questions.map((q) => [q.path, q.proven])).toEqual(
      expect.arrayContaining([
        ['budget.requested', true],
        ['created', true],
        ['start', true],
      ]),
    );
    expect(nextQuestions(grant(), { budget: { total: 100 } })).toEqual([]);
  });
  it("group: 'object' returns the fields of one object together", () => {
    const questions = nextQuestions(grant(), { filed: '2025-03-01' }, { group: 'object' });
    const paths = questions.map((q) => q.path);
    const first = paths.indexOf('budget.total');
    expect(Math.abs(paths.indexOf('budget.requested') - first)).toBe(1);
    expect(questions.find((q) => q.path === 'budget.total')!.group).toBe('budget');
    expect(questions.find((q) => q.path === 'created')!.group).toBeNull();
  });
});

describe('nextQuestions on the ITIE rule set', () => {
  const evaluator = itieEvaluator();
  const samples = { territory: [{ communes: ['02408'] }, { communes: ['75056'] }] };
  it('proves every question with territory samples, none without (territory cannot be enumerated)', () => {
    const application = { submittedOn: '2023-05-01' };
    const proven = nextQuestions(evaluator, application, { samples });
    expect(proven.length).toBeGreaterThan(0);
    expect(proven.every((q) => q.proven)).toBe(true);
    expect(proven.map((q) => q.path)).toEqual(
      expect.arrayContaining(['territory', 'themes', 'budget.total']),
    );
    const unproven = nextQuestions(evaluator, application);
    expect(unproven.map((q) => q.path).sort()).toEqual(proven.map((q) => q.path).sort());
    expect(unproven.every((q) => !q.proven)).toBe(true);
    expect(proven.find((q) => q.path === 'themes')!.values!.length).toBeGreaterThan(1);
  });
  it('is empty once the verdict is decided', () => {
    const questions = nextQuestions(evaluator, {
      submittedOn: '2023-05-01',
      budget: { total: 1, requested: 2 },
    });
    expect(questions).toEqual([]);
  });
});

describe('nextQuestions: failure rates', () => {
  const evaluator = compile(
    ruleSetOf([
      { field: 'b0' },
      { field: 'b1' },
      { all: [{ field: 'b2' }, { '==': [{ field: 'colour' }, 'red'] }] },
    ]),
  );
  it('asks first the criterion most likely to fail, per question it still needs', () => {
    expect(nextQuestions(evaluator, {}, OPTIONS).map((q) => q.path)).toEqual(['b0', 'b1', 'b2', 'colour']);
    const rates = { c0: 0.1, c1: 0.3, c2: 0.9 };
    // c2 needs two answers: 0.45 per question, above c1's 0.3 and c0's 0.1.
    expect(nextQuestions(evaluator, {}, { ...OPTIONS, failureRates: rates }).map((q) => q.path)).toEqual([
      'b2',
      'colour',
      'b1',
      'b0',
    ]);
  });
  it('counts every criterion the same questions settle: one answer settling two likely failures comes first', () => {
    const shared = compile(
      ruleSetOf([
        { field: 'b0' },
        { '==': [{ field: 'colour' }, 'red'] },
        { in: [{ field: 'colour' }, ['red', 'green']] },
      ]),
    );
    // colour settles c1 and c2 at once: 1 − 0.8 × 0.8 = 0.36 per question, above b0's 0.3.
    const rates = { c0: 0.3, c1: 0.2, c2: 0.2 };
    expect(nextQuestions(shared, {}, { ...OPTIONS, failureRates: rates }).map((q) => q.path)).toEqual([
      'colour',
      'b0',
    ]);
    // Each alone is less likely to fail than c0: 0.25 < 0.3, but both together 0.4375 > 0.3.
    const close = { c0: 0.3, c1: 0.25, c2: 0.25 };
    expect(nextQuestions(shared, {}, { ...OPTIONS, failureRates: close })[0]!.path).toBe('colour');
    expect(
      nextQuestions(shared, {}, { ...OPTIONS, failureRates: { c0: 0.5, c1: 0.2, c2: 0.2 } })[0]!.path,
    ).toBe('b0');
  });
  it('learns the rates from past applications, skipping the ones it cannot evaluate', () => {
    const past = [{ b0: true, b1: false }, { b0: false, b1: false }, { b0: true }, { b0: true, b1: true }];
    expect(criterionFailureRates(evaluator, past, OPTIONS)).toEqual({
      rates: { c0: 0.25, c1: 0.5, c2: 0 },
      evaluated: 4,
      skipped: 0,
    });
    const dated = grant();
    expect(criterionFailureRates(dated, [{ filed: '1999-01-01' }, { filed: '2025-02-01' }])).toMatchObject({
      evaluated: 1,
      skipped: 1,
    });
  });
  it('rejects a rate outside [0, 1] or of an unknown criterion, naming it', () => {
    for (const failureRates of [{ c0: 2 }, { c0: -0.1 }, { c0: Number.NaN }, { nope: 0.5 }]) {
      let caught: unknown;
      try {
        nextQuestions(evaluator, {}, { ...OPTIONS, failureRates });
      } catch (error) {
        caught = error;
      }
      expect((caught as { code: string }).code).toBe('E_INVALID_OPTION');
      expect((caught as Error).message).toContain(Object.keys(failureRates)[0]!);
    }
  });
});
