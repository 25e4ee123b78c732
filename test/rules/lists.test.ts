/** List literals: every item counts (regression: a list holding a field evaluated to its first item). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type ExpressionValue, parseRuleSet } from '../../src/rules/index.js';

const ruleSetOf = (when: ExpressionValue) =>
  parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 'lists',
    version: '1',
    title: { fr: 'Listes', en: 'Lists' },
    validFrom: '2000-01-01',
    criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when }],
  });
const evaluate = (when: ExpressionValue, application: unknown) =>
  compile(ruleSetOf(when)).evaluate(application, { asOf: '2020-01-01' }).criteria[0]!;

describe('list literals', () => {
  it('keep every item (issue #12: [a, b] == [1, 2] for a = 1, b = 2)', () => {
    const when = {
      '==': [
        [{ field: 'a' }, { field: 'b' }],
        [1, 2],
      ],
    };
    expect(evaluate(when, { a: 1, b: 2 }).status).toBe('pass');
    expect(evaluate(when, { a: 1, b: 3 }).status).toBe('fail');
  });
  it('keep constants and fields in order ([1, 2, x])', () => {
    const when = { '==': [[1, 2, { field: 'x' }], { lit: [1, 2, 3] }] };
    expect(evaluate(when, { x: 3 }).status).toBe('pass');
    expect(evaluate(when, { x: 1 }).status).toBe('fail');
    expect(evaluate({ '==': [[{ field: 'x' }], { lit: [3] }] }, { x: 3 }).status).toBe('pass');
    expect(evaluate({ in: [2, [{ field: 'x' }, { field: 'y' }]] }, { x: 1, y: 2 }).status).toBe('pass');
  });
  it('are unknown with every absent item', () => {
    const c = evaluate(
      {
        '==': [
          [{ field: 'a' }, 1, { field: 'b' }],
          [1, 1, 1],
        ],
      },
      {},
    );
    expect(c.status).toBe('unknown');
    expect([...c.missing]).toEqual(['a', 'b']);
  });

  it('evaluate to the list of their items’ values (property, any length and mix)', () => {
    const item = fc.oneof(
      fc.integer({ min: -5, max: 5 }).map((n) => ({ constant: n }) as const),
      fc.constantFrom('f0', 'f1', 'f2', 'f3').map((f) => ({ field: f }) as const),
    );
    const env = fc.record({
      f0: fc.integer({ min: -5, max: 5 }),
      f1: fc.integer({ min: -5, max: 5 }),
      f2: fc.integer({ min: -5, max: 5 }),
      f3: fc.integer({ min: -5, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), env, (items, values) => {
        const list = items.map((x) => ('field' in x ? { field: x.field } : x.constant));
        const expected = items.map((x) =>
          'field' in x ? values[x.field as keyof typeof values] : x.constant,
        );
        expect(evaluate({ '==': [list, { lit: expected }] }, values).status).toBe('pass');
        // One item off: not equal.
        const other = [...expected];
        other[other.length - 1] = (other[other.length - 1] as number) + 100;
        expect(evaluate({ '==': [list, { lit: other }] }, values).status).toBe('fail');
        expect(evaluate({ '==': [{ count: list }, expected.length] }, values).status).toBe('pass');
      }),
      { numRuns: 300 },
    );
  });
});
