/** Comparisons: deep equality and exact order (numbers as decimals, dates as dates). */
import { dateLike, ymd } from '../_dates.js';
import { compare, isNumeric } from '../_exact.js';
import {
  type Compiled,
  equal,
  FIELD,
  type FieldRead,
  isUnknown,
  merge,
  NONE,
  type OperatorEntry,
  operator,
  PACKED_DATE,
  type Unknown,
} from './_kernel.js';

/**
 * Two strings: as dates when either reads as a date (both must then be valid dates: `2023-02-30` is
 * not ordered), else in text order.
 */
const orderStrings = (left: string, right: string): number | undefined => {
  const leftDate = ymd(left);
  const rightDate = ymd(right);
  if (leftDate >= 0 && rightDate >= 0) return leftDate - rightDate;
  if (leftDate >= 0 || rightDate >= 0 || dateLike(left) || dateLike(right)) return undefined;
  return left < right ? -1 : left > right ? 1 : 0;
};
/**
 * Orders two numbers (exactly, as decimals) or two strings: negative, zero or positive; `undefined`
 * for any other pair.
 */
const order = (left: unknown, right: unknown): number | undefined => {
  if (typeof left === 'number' && typeof right === 'number') return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === 'string' && typeof right === 'string') return orderStrings(left, right);
  return isNumeric(left) && isNumeric(right) ? compare(left, right) : undefined;
};

type OrderName = '<' | '<=' | '>' | '>=';
const HOLDS: Record<OrderName, (sign: number) => boolean> = {
  '<': (sign) => sign < 0,
  '<=': (sign) => sign <= 0,
  '>': (sign) => sign > 0,
  '>=': (sign) => sign >= 0,
};

/**
 * `field <op> number`, the commonest criterion shape, as one function literal per operator (each gets
 * its own type feedback, so the comparison is inlined). Numbers only: strings may be dates.
 */
function fieldNumber(name: OrderName, [slot, absent]: FieldRead, bound: unknown): Compiled | undefined {
  if (typeof bound !== 'number') return;
  switch (name) {
    case '<':
      return (context) => {
        const value = context.values[slot];
        return value === undefined ? absent : typeof value === 'number' ? value < bound : NONE;
      };
    case '<=':
      return (context) => {
        const value = context.values[slot];
        return value === undefined ? absent : typeof value === 'number' ? value <= bound : NONE;
      };
    case '>':
      return (context) => {
        const value = context.values[slot];
        return value === undefined ? absent : typeof value === 'number' ? value > bound : NONE;
      };
    case '>=':
      return (context) => {
        const value = context.values[slot];
        return value === undefined ? absent : typeof value === 'number' ? value >= bound : NONE;
      };
  }
}

/**
 * The generic evaluation of each order operator, one function literal each: two numbers compare as
 * doubles (exact, see _exact.ts) without a call; anything else via `order`.
 */
const ORDER_EVALUATIONS: Record<OrderName, (left: unknown, right: unknown) => boolean | Unknown> = {
  '<': (left, right) =>
    typeof left === 'number' && typeof right === 'number' ? left < right : orderHolds(left, right, '<'),
  '<=': (left, right) =>
    typeof left === 'number' && typeof right === 'number' ? left <= right : orderHolds(left, right, '<='),
  '>': (left, right) =>
    typeof left === 'number' && typeof right === 'number' ? left > right : orderHolds(left, right, '>'),
  '>=': (left, right) =>
    typeof left === 'number' && typeof right === 'number' ? left >= right : orderHolds(left, right, '>='),
};
function orderHolds(left: unknown, right: unknown, name: OrderName): boolean | Unknown {
  const sign = order(left, right);
  return sign === undefined ? NONE : HOLDS[name](sign);
}

/**
 * Fused order comparisons (same results as `strict(operands, evaluate)`): two field reads, dates
 * compared packed without the generic dispatch; a date computed packed (`PACKED_DATE`, e.g.
 * `addMonths(field, n)`) against a field read, without formatting the computed date.
 */
function fuseOrder(name: OrderName) {
  const holds = HOLDS[name];
  const evaluate = ORDER_EVALUATIONS[name];
  return (operands: readonly Compiled[]): Compiled | undefined => {
    if (operands.length !== 2) return;
    const [first, second] = operands as [Compiled, Compiled];
    const firstRead = FIELD.get(first);
    const secondRead = FIELD.get(second);
    if (firstRead && secondRead) {
      const [firstSlot, firstAbsent] = firstRead;
      const [secondSlot, secondAbsent] = secondRead;
      const bothAbsent = merge(firstAbsent, secondAbsent);
      return (context) => {
        const left = context.values[firstSlot];
        const right = context.values[secondSlot];
        if (left === undefined) return right === undefined ? bothAbsent : firstAbsent;
        if (right === undefined) return secondAbsent;
        if (typeof left === 'string' && typeof right === 'string') {
          const leftDate = ymd(left);
          const rightDate = ymd(right);
          if (leftDate >= 0 && rightDate >= 0) return holds(leftDate - rightDate);
        }
        return evaluate(left, right);
      };
    }
    const firstPacked = PACKED_DATE.get(first);
    if (firstPacked && secondRead) {
      const [secondSlot, secondAbsent] = secondRead;
      return (context) => {
        const leftDate = firstPacked(context);
        const right = context.values[secondSlot];
        if (isUnknown(leftDate)) return right === undefined ? merge(leftDate, secondAbsent) : leftDate;
        if (right === undefined) return secondAbsent;
        // The computed date is valid: the comparison holds or not when the field is a date, else unknown.
        const rightDate = ymd(right);
        return rightDate < 0 ? NONE : holds(leftDate - rightDate);
      };
    }
    const secondPacked = PACKED_DATE.get(second);
    if (firstRead && secondPacked) {
      const [firstSlot, firstAbsent] = firstRead;
      return (context) => {
        const left = context.values[firstSlot];
        const rightDate = secondPacked(context);
        if (left === undefined) return isUnknown(rightDate) ? merge(firstAbsent, rightDate) : firstAbsent;
        if (isUnknown(rightDate)) return rightDate;
        const leftDate = ymd(left);
        return leftDate < 0 ? NONE : holds(leftDate - rightDate);
      };
    }
    return undefined;
  };
}

const ordered = (name: OrderName): OperatorEntry =>
  operator({
    name,
    family: 'comparison',
    arity: [2, 2],
    operands: ['any'],
    result: 'boolean',
    rule: 'ordered',
    missing: 'strict',
    evaluate: ORDER_EVALUATIONS[name],
    fieldConstant: (read, bound) => fieldNumber(name, read, bound),
    fuse: fuseOrder(name),
  });

/** The operators of the `comparison` family. */
export const comparisonOperators = () => [
  operator({
    name: '==',
    family: 'comparison',
    arity: [2, 2],
    operands: ['any'],
    result: 'boolean',
    rule: 'comparable',
    missing: 'strict',
    evaluate: (left: unknown, right: unknown) => left === right || equal(left, right),
    fieldConstant: ([slot, absent], expected) => {
      if (expected !== null && typeof expected === 'object') return;
      return (context) => {
        const value = context.values[slot];
        return value === undefined ? absent : value === expected;
      };
    },
  }),
  operator({
    name: '!=',
    family: 'comparison',
    arity: [2, 2],
    operands: ['any'],
    result: 'boolean',
    rule: 'comparable',
    missing: 'strict',
    evaluate: (left: unknown, right: unknown) => !equal(left, right),
  }),
  ordered('<'),
  ordered('<='),
  ordered('>'),
  ordered('>='),
];
