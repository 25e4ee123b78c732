/**
 * The operator registry (issue #12, item 8): every entry's example passes; every fast path gives what
 * the generic evaluation gives on random inputs (field ∘ constant fast paths, and the fused one- and
 * two-operand closures of `strict`); entries declare a `missing` behaviour.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packIsoDate } from '../../src/_shared/isoDate.js';
import { compare, isNumeric } from '../../src/rules/_exact.js';
import { compile, parseRuleSet } from '../../src/rules/index.js';
import { OPERATOR_EXAMPLES } from '../../src/rules/operators/_examples.js';
import {
  type Compiled,
  constant,
  type EvaluationContext,
  equal,
  FIELD,
  isUnknown,
  PACKED_DATE,
  strict,
  strictGeneric,
  Unknown,
} from '../../src/rules/operators/_kernel.js';
import { operators } from '../../src/rules/operators/registry.js';
import { toyTerritory } from './_toy.js';

/** Same result: the same unknown fields, or equal values (numbers exactly, whatever their representation). */
function same(fast: unknown, generic: unknown): boolean {
  if (isUnknown(fast) || isUnknown(generic))
    return isUnknown(fast) && isUnknown(generic) && equal(fast.paths, generic.paths);
  if (isNumeric(fast) && isNumeric(generic)) return compare(fast, generic) === 0;
  return equal(fast, generic);
}

const decimal = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([mantissa, places]) => mantissa / 10 ** places);
const date = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(
    ([y, m, d]) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
const scalar = fc.oneof(
  decimal,
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.constantFrom(2 ** 53, -(2 ** 53), 1e21, 0.1, 0.35, 1.005, -0),
  date,
  fc.string({ maxLength: 4 }),
  fc.boolean(),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'b'), scalar) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const absent = [new Unknown(['x']), new Unknown(['y'])] as const;
/** A field read of slot `slot`, marked as such (as `field` compiles it). */
function fieldRead(slot: 0 | 1): Compiled {
  const read: Compiled = (context) => context.values[slot] ?? absent[slot];
  FIELD.set(read, [slot, absent[slot]]);
  return read;
}
const contextOf = (values: unknown[]): EvaluationContext => ({
  asOf: '2023-05-01',
  warnings: null,
  territoryCache: null,
  values,
  definitionValues: null,
});
const strictEntries = operators().filter((entry) => entry.evaluate);

describe('fast paths agree with the generic evaluation', () => {
  for (const entry of strictEntries.filter((candidate) => candidate.fieldConstant)) {
    it(`${entry.name}: field ∘ constant`, () => {
      fc.assert(
        fc.property(value, value, (fieldValue, bound) => {
          const fast = entry.fieldConstant!([0, absent[0]], bound);
          if (!fast) return;
          const generic = strictGeneric([fieldRead(0), constant(bound)], entry.evaluate!);
          const context = contextOf([fieldValue]);
          expect(
            same(fast(context), generic(context)),
            `${fc.stringify(fieldValue)} ${entry.name} ${fc.stringify(bound)}`,
          ).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }
  it('every strict operator: fused field and constant operands (strict) = strictGeneric', () => {
    const operand = fc.oneof(
      fc.constantFrom<'field0' | 'field1'>('field0', 'field1'),
      value.filter((candidate) => candidate !== undefined).map((constantValue) => ({ constantValue })),
    );
    for (const entry of strictEntries) {
      const count = entry.unary ? 1 : Math.max(entry.arity![0], Math.min(entry.arity![1], 2));
      fc.assert(
        fc.property(
          fc.array(operand, { minLength: count, maxLength: count }),
          value,
          value,
          (shape, first, second) => {
            const compiledOf = () =>
              shape.map((item) =>
                item === 'field0'
                  ? fieldRead(0)
                  : item === 'field1'
                    ? fieldRead(1)
                    : constant(item.constantValue),
              );
            const fused = strict(compiledOf(), entry.evaluate!);
            const generic = strictGeneric(compiledOf(), entry.evaluate!);
            const context = contextOf([first, second]);
            expect(same(fused(context), generic(context)), entry.name).toBe(true);
          },
        ),
        { numRuns: 150 },
      );
    }
  });
});

describe('fused fast paths (entry.fuse) agree with the generic evaluation', () => {
  const shiftEntries = operators().filter((entry) => entry.name === 'addMonths' || entry.name === 'addDays');
  const dateHeavy = fc.oneof({ weight: 3, arbitrary: date }, { weight: 1, arbitrary: value });
  const count = fc.oneof(fc.integer({ min: -30, max: 30 }), fc.constantFrom(-1e7, 1e7, 2.5, -0.5));
  /** `addMonths`/`addDays` of field `slot` by `amount` (its fast path registers the packed twin). */
  const shifted = (entryIndex: number, slot: 0 | 1, amount: number): Compiled =>
    shiftEntries[entryIndex]!.fieldConstant!([slot, absent[slot]], amount)!;
  it('the packed twin of a computed date is that date packed (or the same unknown)', () => {
    expect(shiftEntries).toHaveLength(2);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), dateHeavy, count, (entryIndex, fieldValue, amount) => {
        const compiled = shifted(entryIndex, 0, amount);
        const twin = PACKED_DATE.get(compiled)!;
        const context = contextOf([fieldValue]);
        const text = compiled(context);
        const packed = twin(context);
        if (isUnknown(text)) expect(packed).toBe(text);
        else expect(packed).toBe(packIsoDate(text));
      }),
      { numRuns: 1000 },
    );
  });
  for (const entry of strictEntries.filter((candidate) => candidate.fuse)) {
    it(`${entry.name}: fused = strictGeneric on field reads and computed dates`, () => {
      type Shape =
        | 'field0'
        | 'field1'
        | { shift: number; slot: 0 | 1; amount: number }
        | { constantValue: unknown };
      const operand: fc.Arbitrary<Shape> = fc.oneof(
        fc.constantFrom<Shape>('field0', 'field1'),
        fc.record({
          shift: fc.integer({ min: 0, max: 1 }),
          slot: fc.constantFrom<0 | 1>(0, 1),
          amount: count,
        }),
        date.map((constantValue) => ({ constantValue })),
      );
      let fused = 0;
      fc.assert(
        fc.property(operand, operand, dateHeavy, dateHeavy, (firstShape, secondShape, first, second) => {
          const compiledOf = () =>
            [firstShape, secondShape].map((item) =>
              item === 'field0'
                ? fieldRead(0)
                : item === 'field1'
                  ? fieldRead(1)
                  : 'shift' in item
                    ? shifted(item.shift, item.slot, item.amount)
                    : constant(item.constantValue),
            );
          const fast = entry.fuse!(compiledOf());
          if (!fast) return;
          fused++;
          const generic = strictGeneric(compiledOf(), entry.evaluate!);
          const context = contextOf([first, second]);
          expect(
            same(fast(context), generic(context)),
            `${fc.stringify([firstShape, secondShape, first, second])}`,
          ).toBe(true);
        }),
        { numRuns: 1500 },
      );
      expect(fused).toBeGreaterThan(100);
    });
  }
});

describe('every operator', () => {
  it('declares how its missing fields are computed', () => {
    const behaviours = new Set(['strict', 'kleene', 'branches', 'items', 'answered', 'reads']);
    for (const entry of operators()) expect(behaviours.has(entry.missing), entry.name).toBe(true);
  });
  it('has a docs example (operators/_examples.ts), and every example names an operator', () => {
    const names = operators().map((entry) => entry.name);
    expect(names.filter((name) => !Object.hasOwn(OPERATOR_EXAMPLES, name))).toEqual([]);
    expect(Object.keys(OPERATOR_EXAMPLES).filter((name) => !names.includes(name))).toEqual([]);
  });
  for (const entry of operators()) {
    it(`${entry.name}: its example passes`, () => {
      const example = OPERATOR_EXAMPLES[entry.name];
      expect(example, entry.name).toBeDefined();
      const ruleSet = parseRuleSet({
        format: 'cprdfop.ruleset/1',
        id: 'example',
        version: '1',
        title: { fr: 'Exemple', en: 'Example' },
        validFrom: '2020-01-01',
        asOfField: 'submittedOn',
        parameters: [
          { name: 'minPartners', value: 2, provenance: { mark: 'assumption', justification: 'example' } },
        ],
        definitions: [
          { name: 'eligibleCost', value: { '-': [{ field: 'budget.total' }, { field: 'budget.inKind' }] } },
        ],
        criteria: [{ id: 'example', label: { fr: 'Exemple', en: 'Example' }, when: example!.when }],
      });
      const explanation = compile(ruleSet, { territory: toyTerritory }).evaluate(example!.application, {
        asOf: '2023-05-01',
      });
      expect(explanation.criteria[0]!.status, JSON.stringify(example)).toBe('pass');
    });
  }
});
