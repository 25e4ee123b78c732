/**
 * Dated parameters (issue #12 item 4): the value in force on the evaluation date, against an
 * independent reference (a linear scan over days counted with `Date.UTC`), unknown without a date or
 * before the first value, schedules checked when parsing (order, duplicates, one type), explanations
 * showing the value used.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compile,
  diffRuleSets,
  type ExpressionValue,
  parseRuleSet,
  RuleSetError,
  serializeExplanation,
} from '../../src/rules/index.js';

type Entry = { from: string; value: unknown };
const ruleSetOf = (
  values: Entry[],
  when: ExpressionValue = { '>=': [{ field: 'n' }, { param: 'min' }] },
  extra: Record<string, unknown> = {},
) =>
  parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 'dated',
    version: '1',
    title: { fr: 'Daté', en: 'Dated' },
    validFrom: '2020-01-01',
    asOfField: 'submittedOn',
    parameters: [
      { name: 'min', value: { values }, provenance: { mark: 'assumption', justification: 'dated demo' } },
    ],
    criteria: [{ id: 'enough', label: { fr: 'Assez', en: 'Enough' }, when }],
    ...extra,
  });
const SCHEDULE = [
  { from: '2023-01-01', value: 2 },
  { from: '2025-07-01', value: 3 },
];
const problem = (values: Entry[]) => {
  try {
    ruleSetOf(values);
  } catch (error) {
    if (error instanceof RuleSetError) return error;
    throw error;
  }
  throw new Error('parsed');
};

describe('the value in force on the evaluation date', () => {
  const evaluator = compile(ruleSetOf(SCHEDULE));
  it('takes the last value whose from is on or before the date', () => {
    expect(evaluator.evaluate({ n: 2 }, { asOf: '2025-06-30' }).verdict).toBe('eligible');
    expect(evaluator.evaluate({ n: 2 }, { asOf: '2025-07-01' }).verdict).toBe('ineligible');
    expect(evaluator.evaluate({ n: 3 }, { asOf: '2025-07-01' }).verdict).toBe('eligible');
    expect(evaluator.evaluate({ n: 2, submittedOn: '2023-01-01' }).verdict).toBe('eligible');
  });
  it('no value in force yet: unknown, with a warning naming the parameter and the date', () => {
    const e = evaluator.evaluate({ n: 5 }, { asOf: '2022-12-31' });
    expect(e.verdict).toBe('undetermined');
    expect(e.missing).toEqual([]);
    expect(e.warnings).toEqual([
      {
        code: 'no-value-in-force',
        message: 'parameter "min" has no value in force on 2022-12-31 (its first value is from 2023-01-01)',
        messages: {
          fr: 'le paramètre «\u202fmin\u202f» n’a pas de valeur en vigueur le 2022-12-31 (sa première valeur date du 2023-01-01)',
          en: 'parameter "min" has no value in force on 2022-12-31 (its first value is from 2023-01-01)',
        },
      },
    ]);
  });
  it('no evaluation date: unknown, listing the asOfField in missing', () => {
    const e = evaluator.evaluate({ n: 5 });
    expect(e.verdict).toBe('undetermined');
    expect(e.criteria[0]!.missing).toEqual(['submittedOn']);
    expect(e.missing).toEqual(['submittedOn']);
  });
  it('explanations show the value used and the date it is in force from', () => {
    const e = evaluator.evaluate({ n: 3 }, { asOf: '2026-01-01' });
    expect(e.criteria[0]!.parameters).toEqual({ min: 3 });
    expect(e.criteria[0]!.assumptions).toEqual([
      {
        name: 'min',
        value: 3,
        from: '2025-07-01',
        justification: 'dated demo',
        justifications: { fr: 'dated demo', en: 'dated demo' },
      },
    ]);
    expect(e.assumptions).toEqual(e.criteria[0]!.assumptions);
    expect(Object.isFrozen(e.assumptions[0])).toBe(true);
    expect(serializeExplanation(e)).toBe(JSON.stringify(e));
    // Without a date (or none in force): the schedule itself.
    const undated = evaluator.evaluate({ n: 3 });
    expect(undated.criteria[0]!.parameters).toEqual({ min: { values: SCHEDULE } });
    expect(undated.assumptions[0]).toEqual({
      name: 'min',
      value: { values: SCHEDULE },
      justification: 'dated demo',
      justifications: { fr: 'dated demo', en: 'dated demo' },
    });
    expect(serializeExplanation(undated)).toBe(JSON.stringify(undated));
  });
  it('property: agrees with a day-by-day reference on random schedules and dates', () => {
    const day = (offset: number) =>
      new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 3100 }),
        fc.integer({ min: 0, max: 10 }),
        (offsets, asOfOffset, n) => {
          const sorted = [...offsets].sort((a, b) => a - b);
          const values = sorted.map((offset, index) => ({ from: day(offset), value: index * 2 }));
          // Reference: the entry with the greatest offset not after the date's offset.
          const inForce = sorted
            .map((offset, index) => [offset, index * 2] as const)
            .filter(([offset]) => offset <= asOfOffset);
          const expected = inForce.length
            ? n >= inForce.at(-1)![1]
              ? 'eligible'
              : 'ineligible'
            : 'undetermined';
          const e = compile(ruleSetOf(values)).evaluate({ n }, { asOf: day(asOfOffset) });
          expect(e.verdict).toBe(expected);
          expect(serializeExplanation(e)).toBe(JSON.stringify(e));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('works inside definitions and with lists', () => {
    const rs = ruleSetOf(
      [
        { from: '2023-01-01', value: ['a'] },
        { from: '2024-01-01', value: ['a', 'b'] },
      ],
      { in: [{ field: 'kind' }, { ref: 'allowed' }] },
      { definitions: [{ name: 'allowed', value: { param: 'min' } }] },
    );
    const evaluator2 = compile(rs);
    expect(evaluator2.evaluate({ kind: 'b' }, { asOf: '2023-06-01' }).verdict).toBe('ineligible');
    expect(evaluator2.evaluate({ kind: 'b' }, { asOf: '2024-06-01' }).verdict).toBe('eligible');
  });
});

describe('schedules are checked when parsing', () => {
  it('unsorted from: a RuleSetError with a JSON pointer', () => {
    const error = problem([SCHEDULE[1]!, SCHEDULE[0]!]);
    expect(error.path).toBe('parameters[0].value.values[1].from');
    expect(error.message).toContain('2023-01-01');
  });
  it('a date twice', () => {
    const error = problem([SCHEDULE[0]!, { from: '2023-01-01', value: 4 }]);
    expect(error.path).toBe('parameters[0].value.values[1].from');
    expect(error.message).toContain('twice');
  });
  it('values of different types', () => {
    const error = problem([SCHEDULE[0]!, { from: '2024-01-01', value: 'three' }]);
    expect(error.path).toBe('parameters[0].value.values[1].value');
  });
  it('an invalid date, an empty schedule, an extra key', () => {
    expect(() => ruleSetOf([{ from: '2023-02-30', value: 1 }])).toThrow(RuleSetError);
    expect(() => ruleSetOf([])).toThrow(RuleSetError);
    expect(() => ruleSetOf([{ from: '2023-01-01', value: 1, until: '2024-01-01' } as Entry])).toThrow(
      RuleSetError,
    );
  });
  it('the type checker sees the values type', () => {
    expect(() => compile(ruleSetOf(SCHEDULE, { startsWith: [{ field: 'name' }, { param: 'min' }] }))).toThrow(
      RuleSetError,
    );
  });
  it('a message cannot quote a dated parameter (its value depends on the date)', () => {
    const rs = parseRuleSet({
      ...ruleSetOf(SCHEDULE),
      criteria: [
        {
          id: 'enough',
          label: { fr: 'Assez', en: 'Enough' },
          when: { '>=': [{ field: 'n' }, { param: 'min' }] },
          messages: { fail: { fr: 'Au moins {param:min}', en: 'At least {param:min}' } },
        },
      ],
    });
    expect(() => compile(rs)).toThrow(/dated parameter "min"/);
  });
  it('diffRuleSets reports a changed schedule', () => {
    const before = ruleSetOf(SCHEDULE);
    const after = ruleSetOf([...SCHEDULE, { from: '2027-01-01', value: 4 }]);
    expect(diffRuleSets(before, after).some((change) => change.kind === 'parameter-changed')).toBe(true);
  });
});
