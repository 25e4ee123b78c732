/** Lists and sets: membership, inclusion, intersection, length, distinct items, one property of each. */
import { Exact } from '../_exact.js';
import { RuleSetError } from '../errors.js';
import {
  argumentList,
  equal,
  isList,
  isSafeName,
  isUnknown,
  merge,
  NONE,
  operator,
  Unknown,
} from './_kernel.js';

/** A binary operator on two lists (anything else: unknown). */
function onLists(evaluate: (left: readonly unknown[], right: readonly unknown[]) => unknown) {
  return (left: unknown, right: unknown) => (isList(left) && isList(right) ? evaluate(left, right) : NONE);
}

/** The operators of the `lists` family. */
export const listOperators = () => [
  operator({
    name: 'in',
    family: 'lists',
    arity: [2, 2],
    operands: ['any', 'list'],
    result: 'boolean',
    missing: 'strict',
    example: {
      when: { in: [{ field: 'status' }, ['association', 'epci']] },
      application: { status: 'epci' },
    },
    evaluate: (value: unknown, list: unknown) =>
      isList(list)
        ? value instanceof Exact
          ? list.some((item) => equal(value, item))
          : list.includes(value)
        : NONE,
    fieldConstant: ([slot, absent], list) => {
      if (!isList(list)) return;
      const set = list.length > 8 ? new Set(list) : undefined;
      return (context) => {
        const value = context.values[slot];
        return value === undefined ? absent : set ? set.has(value) : list.includes(value);
      };
    },
  }),
  operator({
    name: 'subset',
    family: 'lists',
    arity: [2, 2],
    operands: ['list'],
    result: 'boolean',
    missing: 'strict',
    example: {
      when: { subset: [{ field: 'themes' }, ['mobility', 'housing', 'training']] },
      application: { themes: ['housing'] },
    },
    evaluate: onLists((left, right) => left.every((item) => right.includes(item))),
  }),
  operator({
    name: 'intersects',
    family: 'lists',
    arity: [2, 2],
    operands: ['list'],
    result: 'boolean',
    missing: 'strict',
    example: {
      when: { intersects: [{ field: 'themes' }, ['mobility', 'training']] },
      application: { themes: ['housing', 'training'] },
    },
    evaluate: onLists((left, right) => left.some((item) => right.includes(item))),
  }),
  operator({
    name: 'intersection',
    family: 'lists',
    arity: [2, 2],
    operands: ['list'],
    result: 'list',
    missing: 'strict',
    example: {
      when: { '==': [{ intersection: [{ field: 'themes' }, ['mobility', 'training']] }, ['training']] },
      application: { themes: ['housing', 'training'] },
    },
    evaluate: onLists((left, right) => left.filter((item) => right.includes(item))),
  }),
  operator({
    name: 'count',
    family: 'lists',
    unary: true,
    operands: ['list'],
    result: 'number',
    missing: 'strict',
    example: { when: { '>=': [{ count: { field: 'partners' } }, 2] }, application: { partners: ['a', 'b'] } },
    evaluate: (list: unknown) => (isList(list) ? list.length : NONE),
  }),
  operator({
    name: 'distinct',
    family: 'lists',
    unary: true,
    operands: ['list'],
    result: 'list',
    missing: 'strict',
    example: {
      when: { '==': [{ count: { distinct: { field: 'types' } } }, 2] },
      application: { types: ['a', 'b', 'a'] },
    },
    evaluate: (list: unknown) => (isList(list) ? [...new Set(list)] : NONE),
  }),
  operator({
    name: 'pluck',
    family: 'lists',
    arity: [2, 2],
    operands: ['list', 'string'],
    result: 'list',
    missing: 'strict',
    example: {
      when: { '==': [{ pluck: [{ field: 'partners' }, 'type'] }, ['epci', 'association']] },
      application: { partners: [{ type: 'epci' }, { type: 'association' }] },
    },
    compile: ({ argument, at, operand }) => {
      const [listNode, key] = argumentList(argument, at, 2);
      if (typeof key !== 'string' || !isSafeName(key))
        throw new RuleSetError(`${at}[1]`, 'expects a property name');
      const list = operand(listNode!, 0);
      const base =
        listNode &&
        typeof listNode === 'object' &&
        !Array.isArray(listNode) &&
        typeof listNode.field === 'string'
          ? listNode.field
          : '';
      return (context) => {
        const items = list(context);
        if (isUnknown(items)) return items;
        if (!isList(items)) return NONE;
        let unknown: Unknown | undefined;
        const values = items.map((item, index) => {
          const value =
            item !== null && typeof item === 'object' && Object.hasOwn(item, key)
              ? (item as Record<string, unknown>)[key]
              : undefined;
          if (value == null)
            unknown = merge(unknown, base ? new Unknown([`${base}[${index}].${key}`]) : NONE);
          return value;
        });
        return unknown ?? values;
      };
    },
  }),
];
