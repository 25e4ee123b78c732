/**
 * The grant-rule vocabulary (issue #12, item 4), adversarially: per-item expressions and their
 * `missing` paths, type checks of `item` against declared list items, `isDefined`/`default` on reads
 * only, tables checked when compiling, exact sums against a BigInt reference, inclusive durations
 * against date-fns.
 */
import { addDays } from 'date-fns/addDays';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compile,
  defineOperator,
  type ExpressionValue,
  parseRuleSet,
  RuleSetError,
  resolveRuleSet,
} from '../../src/rules/index.js';

const ruleSetOf = (when: ExpressionValue, extra: Record<string, unknown> = {}) =>
  parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 'vocabulary',
    version: '1',
    title: { fr: 'Vocabulaire', en: 'Vocabulary' },
    validFrom: '2020-01-01',
    parameters: [],
    criteria: [{ id: 'c', label: { fr: 'C', en: 'C' }, when }],
    ...extra,
  });
const criterion = (when: ExpressionValue, application: unknown) => {
  const explanation = compile(ruleSetOf(when)).evaluate(application, { asOf: '2023-01-01' });
  return { status: explanation.criteria[0]!.status, missing: [...explanation.criteria[0]!.missing] };
};

describe('per-item expressions', () => {
  const young = { some: [{ field: 'participants' }, { '<=': [{ item: 'age' }, 25] }] };
  it('some / every are Kleene over the items, with item paths in missing', () => {
    expect(criterion(young, { participants: [{}, { age: 20 }] })).toEqual({ status: 'pass', missing: [] });
    expect(criterion(young, { participants: [{}, { age: 40 }, { age: null }] })).toEqual({
      status: 'unknown',
      missing: ['participants[0].age', 'participants[2].age'],
    });
    expect(criterion(young, { participants: [] }).status).toBe('fail');
    expect(criterion(young, {})).toEqual({ status: 'unknown', missing: ['participants'] });
    expect(criterion(young, { participants: 'many' })).toEqual({ status: 'unknown', missing: [] });
    expect(criterion(young, { participants: [{ age: 'twenty' }, { age: 30 }] })).toEqual({
      status: 'unknown',
      missing: [],
    });
    const every = { every: [{ field: 'participants' }, { '<=': [{ item: 'age' }, 25] }] };
    expect(criterion(every, { participants: [] }).status).toBe('pass');
    expect(criterion(every, { participants: [{}, { age: 30 }] }).status).toBe('fail');
  });
  it('nested quantifiers report the inner item path', () => {
    const when = {
      some: [{ field: 'projects' }, { some: [{ item: 'partners' }, { '==': [{ item: 'type' }, 'epci'] }] }],
    };
    expect(criterion(when, { projects: [{ partners: [{ type: 'x' }, {}] }] })).toEqual({
      status: 'unknown',
      missing: ['projects[0].partners[1].type'],
    });
    expect(criterion(when, { projects: [{}] })).toEqual({
      status: 'unknown',
      missing: ['projects[0].partners'],
    });
    expect(criterion(when, { projects: [{ partners: [{ type: 'epci' }] }] }).status).toBe('pass');
  });
  it('an item is read only inside a per-item expression', () => {
    expect(() => compile(ruleSetOf({ '==': [{ item: 'age' }, 1] }))).toThrow(RuleSetError);
    expect(() => compile(ruleSetOf({ '==': [{ item: 'age' }, 1] }))).toThrow(/only inside some/);
    expect(() =>
      compile(ruleSetOf({ some: [{ field: 'l' }, { '==': [{ item: '__proto__' }, 1] }] })),
    ).toThrow(/invalid field path/);
  });
  it('item fields are checked against the declared items of the list', () => {
    const fields = [
      {
        path: 'participants',
        type: 'list',
        label: { fr: 'Participants', en: 'Participants' },
        items: [{ path: 'age', type: 'integer', label: { fr: 'Âge', en: 'Age' } }],
      },
    ];
    expect(() => compile(ruleSetOf(young, { fields }))).not.toThrow();
    expect(() =>
      compile(ruleSetOf({ some: [{ field: 'participants' }, { '<=': [{ item: 'agee' }, 25] }] }, { fields })),
    ).toThrow(/unknown item field "agee".*JSON pointer \/criteria\/0\/when\/some\/1\/<=\/0\/item/);
    expect(() =>
      compile(
        ruleSetOf({ some: [{ field: 'participants' }, { '<=': [{ item: 'age' }, '25'] }] }, { fields }),
      ),
    ).toThrow(/compares a number with a string/);
    expect(() =>
      compile(ruleSetOf({ some: [{ field: 'participants' }, { item: 'age' }] }, { fields })),
    ).toThrow(/expects a boolean for each item, not a number/);
  });
  it('sum is exact (BigInt reference on random decimals)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { maxLength: 20 }),
        (cents) => {
          const expected = cents.reduce((total, value) => total + BigInt(value), 0n);
          const amounts = cents.map((value) => ({ amount: value / 100 }));
          const when = {
            '==': [{ '*': [{ sum: [{ field: 'list' }, { item: 'amount' }] }, 100] }, Number(expected)],
          };
          expect(criterion(when, { list: amounts }).status).toBe('pass');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('isDefined and default', () => {
  it('take absence as an answer (not missing) and accept only reads', () => {
    expect(criterion({ isDefined: { field: 'x' } }, {})).toEqual({ status: 'fail', missing: [] });
    expect(criterion({ isDefined: { field: 'x' } }, { x: null }).status).toBe('fail');
    expect(criterion({ isDefined: { field: 'x' } }, { x: false }).status).toBe('pass');
    expect(criterion({ '==': [{ default: [{ field: 'x' }, 3] }, 3] }, {})).toEqual({
      status: 'pass',
      missing: [],
    });
    expect(criterion({ '==': [{ default: [{ field: 'x' }, { field: 'y' }] }, 3] }, {})).toEqual({
      status: 'unknown',
      missing: ['y'],
    });
    expect(() => compile(ruleSetOf({ isDefined: { '+': [1, 2] } }))).toThrow(/expects a field or an item/);
    expect(() => compile(ruleSetOf({ '==': [{ default: [1, 2] }, 1] }))).toThrow(
      /expects a field or an item/,
    );
  });
  it('the default must be of the field type when both are declared', () => {
    const fields = [{ path: 'x', type: 'integer', label: { fr: 'X', en: 'X' } }];
    expect(() =>
      compile(ruleSetOf({ '==': [{ default: [{ field: 'x' }, 'none'] }, 1] }, { fields })),
    ).toThrow(/the default is a string, the value a number/);
  });
});

describe('tables', () => {
  it('bounds: lower- and upper-inclusive around every threshold', () => {
    const table = [
      [0, 'a'],
      [10, 'b'],
      [20, 'c'],
    ];
    const at = (amount: number, bounds?: string) =>
      criterion(
        { '==': [{ bracket: [{ field: 'x' }, table, ...(bounds ? [bounds] : [])] }, 'probe'] },
        { x: amount },
      );
    const value = (amount: number, bounds?: string) => {
      for (const probe of ['a', 'b', 'c']) {
        const result = criterion(
          { '==': [{ bracket: [{ field: 'x' }, table, ...(bounds ? [bounds] : [])] }, probe] },
          { x: amount },
        );
        if (result.status === 'pass') return probe;
        if (result.status === 'unknown') return 'unknown';
      }
      return 'none';
    };
    expect([0, 9.99, 10, 10.01, 20, 1e9].map((amount) => value(amount))).toEqual([
      'a',
      'a',
      'b',
      'b',
      'c',
      'c',
    ]);
    expect([0, 10, 10.01, 20, 20.01].map((amount) => value(amount, 'upper-inclusive'))).toEqual([
      'a',
      'a',
      'b',
      'b',
      'c',
    ]);
    expect(value(-0.01)).toBe('unknown');
    expect(at(5).status).toBe('fail');
  });
  it('a malformed table or bounds is refused when compiling, naming the row', () => {
    const bad = (table: unknown, bounds?: unknown) => () =>
      compile(
        ruleSetOf({
          '==': [
            { bracket: [{ field: 'x' }, table as ExpressionValue, ...(bounds ? [bounds as string] : [])] },
            1,
          ],
        }),
      );
    expect(
      bad([
        [0, 1],
        [0, 2],
      ]),
    ).toThrow(/row 1: thresholds must be strictly ascending/);
    expect(
      bad([
        [10, 1],
        [5, 2],
      ]),
    ).toThrow(/strictly ascending/);
    expect(
      bad([
        [0, 1],
        ['10', 2],
      ]),
    ).toThrow(/row 1: the threshold must be a number/);
    expect(bad([[0, 1, 2]])).toThrow(/row 0 is not a \[key, value\] pair/);
    expect(bad([])).toThrow(/non-empty/);
    expect(bad([[0, 1]], 'inclusive')).toThrow(/"lower-inclusive" or "upper-inclusive"/);
    expect(() => compile(ruleSetOf({ '==': [{ lookup: [{ field: 'k' }, [['a']]] }, 1] }))).toThrow(/row 0/);
  });
  it('lookup: a key in no row is unknown, never a default', () => {
    const when = {
      '==': [
        {
          lookup: [
            { field: 'k' },
            [
              ['a', 1],
              [2, 'two'],
            ],
          ],
        },
        1,
      ],
    };
    expect(criterion(when, { k: 'a' }).status).toBe('pass');
    expect(criterion(when, { k: 'b' })).toEqual({ status: 'unknown', missing: [] });
    expect(
      criterion(
        {
          '==': [
            {
              lookup: [
                { field: 'k' },
                [
                  ['a', 1],
                  [2, 'two'],
                ],
              ],
            },
            'two',
          ],
        },
        { k: 2 },
      ).status,
    ).toBe('pass');
  });
});

describe('strings', () => {
  it('startsWith / endsWith on strings only', () => {
    expect(criterion({ startsWith: [{ field: 's' }, ''] }, { s: '' }).status).toBe('pass');
    expect(criterion({ startsWith: [{ field: 's' }, 'ab'] }, { s: 'a' }).status).toBe('fail');
    expect(criterion({ endsWith: [{ field: 's' }, 'Z'] }, { s: 9499 })).toEqual({
      status: 'unknown',
      missing: [],
    });
  });
});

describe('durationMonths', () => {
  const date = fc
    .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })
    .map((value) => value.toISOString().slice(0, 10));
  it('is date-fns differenceInMonths from the start to the day after the end', () => {
    fc.assert(
      fc.property(date, date, (start, end) => {
        const local = (iso: string) => new Date(`${iso}T00:00:00`);
        const dayAfter = addDays(local(end), 1);
        const expected = dayAfter < local(start) ? undefined : differenceInMonths(dayAfter, local(start));
        const result = criterion({ '==': [{ durationMonths: [start, end] }, expected ?? -1] }, {});
        expect(result.status, `${start} → ${end}`).toBe(expected === undefined ? 'unknown' : 'pass');
      }),
      { numRuns: 500 },
    );
  });
  it('counts a whole year as 12 and ignores a partial month', () => {
    expect(criterion({ '==': [{ durationMonths: ['2023-01-01', '2023-12-31'] }, 12] }, {}).status).toBe(
      'pass',
    );
    expect(criterion({ '==': [{ durationMonths: ['2024-02-01', '2024-02-29'] }, 1] }, {}).status).toBe(
      'pass',
    );
    expect(criterion({ '==': [{ durationMonths: ['2023-01-15', '2023-02-13'] }, 0] }, {}).status).toBe(
      'pass',
    );
    expect(criterion({ '==': [{ durationMonths: ['2023-01-15', '2023-01-14'] }, 0] }, {}).status).toBe(
      'pass',
    );
    expect(criterion({ '==': [{ durationMonths: ['9999-12-01', '9999-12-31'] }, 1] }, {}).status).toBe(
      'unknown',
    );
  });
});

describe('messages with placeholders', () => {
  const ruleSet = (fail: { fr: string; en: string }, fields?: unknown[]) =>
    parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'messages',
      version: '1',
      title: { fr: 'Messages', en: 'Messages' },
      validFrom: '2020-01-01',
      parameters: [
        { name: 'minPartners', value: 3, provenance: { mark: 'assumption', justification: 'test' } },
        {
          name: 'floor',
          value: 20000,
          unit: 'EUR',
          provenance: { mark: 'assumption', justification: 'test' },
        },
      ],
      ...(fields ? { fields } : {}),
      criteria: [
        {
          id: 'c',
          label: { fr: 'C', en: 'C' },
          when: {
            all: [
              { '>=': [{ field: 'partners' }, { param: 'minPartners' }] },
              { '>=': [{ field: 'budget.total' }, { param: 'floor' }] },
              { '>=': [{ field: 'start' }, '2023-01-01'] },
            ],
          },
          messages: { fail },
        },
      ],
    });
  it('quotes parameters and observed values, formatted per language (fr: narrow no-break spaces, comma)', () => {
    const fields = [
      { path: 'partners', type: 'integer', label: { fr: 'P', en: 'P' } },
      { path: 'budget.total', type: 'money', label: { fr: 'B', en: 'B' } },
      { path: 'start', type: 'date', label: { fr: 'D', en: 'D' } },
    ];
    const evaluator = compile(
      ruleSet(
        {
          fr: 'Au moins {param:minPartners} structures et {param:floor} ; budget {field:budget.total}, début {field:start}, {field:partners} partenaires.',
          en: 'At least {param:minPartners} structures and {param:floor}; budget {field:budget.total}, start {field:start}, {field:partners} partners.',
        },
        fields,
      ),
    );
    const explanation = evaluator.evaluate(
      { partners: 2, budget: { total: 1234567.5 }, start: '2023-03-01' },
      { asOf: '2023-05-01' },
    );
    const message = explanation.criteria[0]!.message;
    expect(message.fr).toBe(
      'Au moins 3 structures et 20\u202f000,00\u00a0€ ; budget 1\u202f234\u202f567,50\u00a0€, début 1 mars 2023, 2 partenaires.',
    );
    expect(message.en).toBe(
      'At least 3 structures and €20,000.00; budget €1,234,567.50, start 1 March 2023, 2 partners.',
    );
    const other = evaluator.evaluate(
      { partners: 1, budget: { total: 10 }, start: '2023-03-01' },
      { asOf: '2023-05-01' },
    );
    expect(other.criteria[0]!.message.fr).toContain('budget 10,00\u00a0€');
    expect(structuredClone(other)).toEqual(other);
  });
  it('refuses an unknown parameter or a field the criterion does not read, naming the message', () => {
    expect(() => compile(ruleSet({ fr: '{param:nope}', en: 'x' }))).toThrow(
      /criteria\[0\]\.messages\.fail\.fr: unknown parameter "nope"/,
    );
    expect(() => compile(ruleSet({ fr: 'x', en: '{field:other}' }))).toThrow(/does not read/);
  });
});

describe('definitions', () => {
  const base = (definitions: unknown[], criteria: unknown[]) =>
    parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'definitions',
      version: '1',
      title: { fr: 'Définitions', en: 'Definitions' },
      validFrom: '2020-01-01',
      parameters: [{ name: 'rate', value: 0.35, provenance: { mark: 'assumption', justification: 'test' } }],
      definitions,
      criteria,
    });
  it('are computed once per evaluation and carry their fields and parameters to each criterion', () => {
    let calls = 0;
    const counted = defineOperator({
      args: ['number'],
      returns: 'number',
      evaluate: (value) => {
        calls++;
        return value;
      },
    });
    const ruleSet = base(
      [
        { name: 'cost', value: { call: ['counted', { '-': [{ field: 'total' }, { field: 'inKind' }] }] } },
        { name: 'cap', value: { '*': [{ ref: 'cost' }, { param: 'rate' }] } },
      ],
      [
        { id: 'a', label: { fr: 'A', en: 'A' }, when: { '<=': [{ field: 'requested' }, { ref: 'cap' }] } },
        { id: 'b', label: { fr: 'B', en: 'B' }, when: { '>=': [{ ref: 'cost' }, 1000] } },
      ],
    );
    const evaluator = compile(ruleSet, { operators: { counted } });
    const explanation = evaluator.evaluate(
      { total: 10000, inKind: 0, requested: 3500 },
      { asOf: '2023-01-01' },
    );
    expect(explanation.verdict).toBe('eligible');
    expect(calls).toBe(1);
    expect(explanation.criteria[0]!.observed).toEqual({ requested: 3500, total: 10000, inKind: 0 });
    expect(explanation.assumptions.map((assumption) => assumption.name)).toEqual(['rate']);
    const partial = evaluator.evaluate({ total: 10000 }, { asOf: '2023-01-01' });
    expect(partial.missing).toEqual(['requested', 'inKind']);
  });
  it('refuses cycles (with the chain and a JSON pointer) and unknown names', () => {
    const ruleSet = base(
      [
        { name: 'a', value: { '+': [{ ref: 'b' }, 1] } },
        { name: 'b', value: { '+': [{ ref: 'a' }, 1] } },
      ],
      [{ id: 'c', label: { fr: 'C', en: 'C' }, when: { '>=': [{ ref: 'a' }, 1] } }],
    );
    expect(() => compile(ruleSet)).toThrow(
      /definitions\[0\]\.value: definitions refer to each other in a cycle: a → b → a \(JSON pointer \/definitions\/0\/value\)/,
    );
    const self = base([{ name: 'a', value: { ref: 'a' } }], []);
    expect(() => compile(self)).toThrow(/cycle: a → a/);
    expect(() =>
      compile(base([], [{ id: 'c', label: { fr: 'C', en: 'C' }, when: { ref: 'nope' } }])),
    ).toThrow(/unknown definition "nope"/);
    expect(() =>
      parseRuleSet({
        ...base([], []),
        definitions: [
          { name: 'a', value: 1 },
          { name: 'a', value: 2 },
        ],
      }),
    ).toThrow(/duplicate definition "a"/);
  });
  it('an overlay replaces a definition by name', () => {
    const baseSet = base(
      [{ name: 'floor', value: 1000 }],
      [{ id: 'c', label: { fr: 'C', en: 'C' }, when: { '>=': [{ field: 'x' }, { ref: 'floor' }] } }],
    );
    const overlay = parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'overlay',
      version: '1',
      title: { fr: 'Surcouche', en: 'Overlay' },
      validFrom: '2020-01-01',
      extends: 'definitions@1',
      definitions: [{ name: 'floor', value: 2000 }],
    });
    const evaluator = compile(resolveRuleSet(overlay, [baseSet]));
    expect(evaluator.evaluate({ x: 1500 }, { asOf: '2023-01-01' }).verdict).toBe('ineligible');
    expect(compile(baseSet).evaluate({ x: 1500 }, { asOf: '2023-01-01' }).verdict).toBe('eligible');
  });
});
