/**
 * Exact `missing` under quantifiers and `default`/`isDefined` (issue #12, item 5), brute force: random
 * boolean expressions over two fields (`f0`, `f1`), a list of two items with a boolean property
 * (`items[0].b`, `items[1].b`, read with `some`/`every` and `item`) and an optional field `f2` read only
 * through `default` and `isDefined` (absence is its answer), checked against every completion of the
 * absent fields other than `f2`. Sound: a decided criterion is what every completion gives. Complete:
 * every absent field whose answer can change the value is in `missing`; `f2` and present fields never are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type ExpressionValue, parseRuleSet } from '../../src/rules/index.js';

interface Input {
  f0?: boolean;
  f1?: boolean;
  f2?: boolean;
  items: [{ b?: boolean }, { b?: boolean }];
}
const REQUIRED = ['f0', 'f1', 'items[0].b', 'items[1].b'] as const;
type Required = (typeof REQUIRED)[number];

const expression = (inItem: boolean): fc.Arbitrary<ExpressionValue> =>
  fc.letrec<{ node: ExpressionValue; item: ExpressionValue }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('f0', 'f1').map((field) => ({ field })),
      fc.boolean(),
      fc.boolean().map((fallback) => ({ default: [{ field: 'f2' }, fallback] })),
      fc.constant({ isDefined: { field: 'f2' } }),
      tie('node').map((operand) => ({ not: operand })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((operands) => ({ all: operands })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((operands) => ({ any: operands })),
      fc.tuple(tie('node'), tie('node'), tie('node')).map((operands) => ({ if: operands })),
      ...(inItem ? [] : [tie('item').map((each) => ({ some: [{ field: 'items' }, each] }))]),
      ...(inItem ? [] : [tie('item').map((each) => ({ every: [{ field: 'items' }, each] }))]),
    ),
    item: fc.oneof(
      { depthSize: 'small' },
      fc.constant({ item: 'b' }),
      fc.constantFrom('f0', 'f1').map((field) => ({ field })),
      fc.boolean(),
      tie('item').map((operand) => ({ not: operand })),
      fc.array(tie('item'), { minLength: 1, maxLength: 2 }).map((operands) => ({ all: operands })),
      fc.array(tie('item'), { minLength: 1, maxLength: 2 }).map((operands) => ({ any: operands })),
    ),
  })).node;

const maybe = fc.option(fc.boolean(), { nil: undefined });
const inputArb: fc.Arbitrary<Input> = fc
  .tuple(maybe, maybe, maybe, maybe, maybe)
  .map(([f0, f1, f2, b0, b1]) => {
    const input: Input = { items: [{}, {}] };
    if (f0 !== undefined) input.f0 = f0;
    if (f1 !== undefined) input.f1 = f1;
    if (f2 !== undefined) input.f2 = f2;
    if (b0 !== undefined) input.items[0].b = b0;
    if (b1 !== undefined) input.items[1].b = b1;
    return input;
  });

/** Two-valued reference on a complete input (`f2` may stay absent: that is its answer). */
function reference(node: ExpressionValue, input: Input, item?: { b?: boolean }): boolean {
  if (typeof node === 'boolean') return node;
  const operator = node as Record<string, ExpressionValue>;
  if ('field' in operator) return input[operator.field as 'f0' | 'f1']!;
  if ('item' in operator) return item!.b!;
  if ('default' in operator) {
    const [, fallback] = operator.default as [ExpressionValue, boolean];
    return input.f2 ?? fallback;
  }
  if ('isDefined' in operator) return input.f2 !== undefined;
  if ('not' in operator) return !reference(operator.not!, input, item);
  if ('if' in operator) {
    const [condition, yes, no] = operator.if as ExpressionValue[];
    return reference(condition!, input, item) ? reference(yes!, input, item) : reference(no!, input, item);
  }
  if ('some' in operator || 'every' in operator) {
    const each = ((operator.some ?? operator.every) as ExpressionValue[])[1]!;
    const values = input.items.map((entry) => reference(each, input, entry));
    return 'some' in operator ? values.some(Boolean) : values.every(Boolean);
  }
  const values = ((operator.all ?? operator.any) as ExpressionValue[]).map((operand) =>
    reference(operand, input, item),
  );
  return 'all' in operator ? values.every(Boolean) : values.some(Boolean);
}

const read = (input: Input, path: Required): boolean | undefined =>
  path === 'f0' ? input.f0 : path === 'f1' ? input.f1 : input.items[path === 'items[0].b' ? 0 : 1].b;
const write = (input: Input, path: Required, value: boolean): Input => {
  const copy: Input = { ...input, items: [{ ...input.items[0] }, { ...input.items[1] }] };
  if (path === 'f0') copy.f0 = value;
  else if (path === 'f1') copy.f1 = value;
  else copy.items[path === 'items[0].b' ? 0 : 1].b = value;
  return copy;
};
function completions(input: Input): Input[] {
  let all: Input[] = [input];
  for (const path of REQUIRED)
    if (read(input, path) === undefined)
      all = all.flatMap((partial) => [write(partial, path, true), write(partial, path, false)]);
  return all;
}

const evaluate = (when: ExpressionValue, input: Input) =>
  compile(
    parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'm',
      version: '1',
      title: { fr: 'M', en: 'M' },
      validFrom: '2000-01-01',
      criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when: { all: [when] } }],
    }),
  ).evaluate(input, { asOf: '2020-01-01' }).criteria[0]!;

describe('missing is sound and complete under some, every, default and isDefined (brute force)', () => {
  it('holds on random expressions and partial inputs', () => {
    fc.assert(
      fc.property(expression(false), inputArb, (when, input) => {
        const criterion = evaluate(when, input);
        const all = completions(input);
        const values = new Set(all.map((complete) => reference(when, complete)));
        expect(criterion.missing).not.toContain('f2');
        if (criterion.status !== 'unknown') {
          expect([...values]).toEqual([criterion.status === 'pass']);
          expect(criterion.missing).toEqual([]);
          return;
        }
        for (const path of REQUIRED) {
          if (read(input, path) !== undefined) {
            expect(criterion.missing).not.toContain(path);
            continue;
          }
          const relevant = all.some(
            (complete) =>
              reference(when, write(complete, path, true)) !== reference(when, write(complete, path, false)),
          );
          if (relevant) expect(criterion.missing, `${path} decides ${JSON.stringify(when)}`).toContain(path);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
