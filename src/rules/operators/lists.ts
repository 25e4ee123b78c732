/** Lists and sets: membership, inclusion, intersection, length, distinct items, one property of each. */
import { renderBoth } from '../../_shared/messages.js';
import { add, Exact, isNumeric, type Numeric } from '../_exact.js';
import { RuleSetError } from '../errors.js';
import type { ExpressionValue } from '../RuleSet.js';
import {
  argumentList,
  type Compiled,
  type CompileState,
  type EvaluationContext,
  equal,
  type ItemScope,
  isList,
  isSafeName,
  isUnknown,
  itemPath,
  merge,
  NONE,
  type OperatorCompileInput,
  operator,
  Unknown,
} from './_kernel.js';

/** A binary operator on two lists (anything else: unknown). */
function onLists(evaluate: (left: readonly unknown[], right: readonly unknown[]) => unknown) {
  return (left: unknown, right: unknown) => (isList(left) && isList(right) ? evaluate(left, right) : NONE);
}

type Quantifier = 'some' | 'every' | 'filter' | 'sum';

/**
 * The list's path for `missing` (`participants`, or `participants[0].children` for an item's list),
 * computed when needed; `''` when the list is not read from the application.
 */
function listBase(node: ExpressionValue): (context: EvaluationContext) => string {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    if (typeof node.field === 'string') {
      const path = node.field;
      return () => path;
    }
    if (typeof node.item === 'string' && node.item !== '.') {
      const key = node.item;
      return (context) => {
        const outer = context.item ? itemPath(context.item) : '';
        return outer ? `${outer}.${key}` : '';
      };
    }
  }
  return () => '';
}

/** Compiles the per-item expression of a quantifier (an item is readable inside it). */
function perItem(state: CompileState, compileOperand: () => Compiled): Compiled {
  state.itemDepth++;
  try {
    return compileOperand();
  } finally {
    state.itemDepth--;
  }
}

/**
 * A quantifier over the items of a list, Kleene over the items: `some` is true as soon as one item's
 * expression is true, false when all are false; `every` dually; `filter` keeps the items whose
 * expression is true (unknown when one is unknown); `sum` adds the items (or their expression), exactly.
 * An unknown item makes the result unknown with that item's missing fields (`participants[1].age`).
 */
function quantifier(kind: Quantifier) {
  return ({ argument, state, at, operand }: OperatorCompileInput): Compiled => {
    const nodes = argumentList(argument, at, kind === 'sum' ? 1 : 2, 2);
    const list = operand(nodes[0]!, 0);
    const base = listBase(nodes[0]!);
    const each = nodes.length === 2 ? perItem(state, () => operand(nodes[1]!, 1)) : undefined;
    return (context) => {
      const items = list(context);
      if (isUnknown(items)) return items;
      if (!isList(items)) return NONE;
      const outer = context.item;
      const listPath = base(context);
      let unknown: Unknown | undefined;
      const kept: unknown[] = [];
      let total: Numeric = 0;
      try {
        for (let index = 0; index < items.length; index++) {
          let value = items[index];
          if (each) {
            const scope: ItemScope = { value, base: listPath, index, outer };
            context.item = scope;
            value = each(context);
          } else if (value == null) value = listPath ? new Unknown([`${listPath}[${index}]`]) : NONE;
          if (isUnknown(value)) {
            unknown = merge(unknown, value);
            continue;
          }
          if (kind === 'sum') {
            if (!isNumeric(value)) return NONE;
            total = add(total, value);
          } else if (typeof value !== 'boolean') unknown = merge(unknown, NONE);
          else if (kind === 'some' && value) return true;
          else if (kind === 'every' && !value) return false;
          else if (kind === 'filter' && value) kept.push(items[index]);
        }
      } finally {
        context.item = outer;
      }
      if (unknown) return unknown;
      return kind === 'some'
        ? false
        : kind === 'every'
          ? true
          : kind === 'filter'
            ? Object.freeze(kept)
            : total;
    };
  };
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
    evaluate: onLists((left, right) => left.every((item) => right.includes(item))),
  }),
  operator({
    name: 'intersects',
    family: 'lists',
    arity: [2, 2],
    operands: ['list'],
    result: 'boolean',
    missing: 'strict',
    evaluate: onLists((left, right) => left.some((item) => right.includes(item))),
  }),
  operator({
    name: 'intersection',
    family: 'lists',
    arity: [2, 2],
    operands: ['list'],
    result: 'list',
    missing: 'strict',
    evaluate: onLists((left, right) => left.filter((item) => right.includes(item))),
  }),
  operator({
    name: 'count',
    family: 'lists',
    unary: true,
    operands: ['list'],
    result: 'number',
    missing: 'strict',
    evaluate: (list: unknown) => (isList(list) ? list.length : NONE),
  }),
  operator({
    name: 'distinct',
    family: 'lists',
    unary: true,
    operands: ['list'],
    result: 'list',
    missing: 'strict',
    evaluate: (list: unknown) => (isList(list) ? [...new Set(list)] : NONE),
  }),
  operator({
    name: 'pluck',
    family: 'lists',
    arity: [2, 2],
    operands: ['list', 'string'],
    result: 'list',
    missing: 'strict',
    compile: ({ argument, at, operand }) => {
      const [listNode, key] = argumentList(argument, at, 2);
      if (typeof key !== 'string' || !isSafeName(key))
        throw new RuleSetError(
          `${at}[1]`,
          renderBoth({ fr: 'attend un nom de propriété', en: 'expects a property name' }),
        );
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
  operator({
    name: 'some',
    family: 'lists',
    arity: [2, 2],
    operands: ['list', 'boolean'],
    result: 'boolean',
    missing: 'items',
    compile: quantifier('some'),
  }),
  operator({
    name: 'every',
    family: 'lists',
    arity: [2, 2],
    operands: ['list', 'boolean'],
    result: 'boolean',
    missing: 'items',
    compile: quantifier('every'),
  }),
  operator({
    name: 'filter',
    family: 'lists',
    arity: [2, 2],
    operands: ['list', 'boolean'],
    result: 'list',
    missing: 'items',
    compile: quantifier('filter'),
  }),
  operator({
    name: 'sum',
    family: 'lists',
    arity: [1, 2],
    operands: ['list', 'number'],
    result: 'number',
    missing: 'items',
    compile: quantifier('sum'),
  }),
];
