/**
 * Compiles one expression node into a closure, from the operator registry: special operators compile
 * themselves; strict ones get their operands compiled first, then a fast path when one applies
 * (`field <op> constant`), else the generic strict application. Custom operators are reached with
 * `{"call": [name, …]}` (their own namespace) or, when no built-in has their name, directly.
 */

import { FORBIDDEN_KEYS } from '../_shared/jsonSafety.js';
import { formatNumber, renderBoth } from '../_shared/messages.js';
import { RuleSetError } from './errors.js';
import {
  argumentList,
  CONSTANT,
  type Compiled,
  type CompileState,
  constant,
  FIELD,
  isUnknown,
  merge,
  strict,
  type Unknown,
} from './operators/_kernel.js';
import { operatorEntry } from './operators/registry.js';
import { compileCustom } from './operators/values.js';
import type { ExpressionValue } from './RuleSet.js';

/**
 * Maximum nesting depth of one expression (deeper is a `RuleSetError`).
 * @example
 * ```ts
 * import { MAX_EXPRESSION_DEPTH } from 'cprdfop/rules';
 * MAX_EXPRESSION_DEPTH; // 64
 * ```
 * @category Evaluation
 */
export const MAX_EXPRESSION_DEPTH = 64;
/** Maximum number of expression nodes in one rule set. */
export const MAX_EXPRESSION_NODES = 50_000;

/**
 * A list literal with at least one non-constant item: every item is evaluated, in order; an unknown item
 * makes the list unknown (with every item's missing fields). Each evaluation builds a new, frozen list.
 */
function listOf(items: Compiled[]): Compiled {
  return (context) => {
    let unknown: Unknown | undefined;
    const values = new Array<unknown>(items.length);
    for (let index = 0; index < items.length; index++) {
      const value = items[index]!(context);
      if (isUnknown(value)) unknown = merge(unknown, value);
      values[index] = value;
    }
    return unknown ?? Object.freeze(values);
  };
}

/** Compiles an expression node at `at` (a path such as `criteria[0].when`). */
export function compileExpression(
  node: ExpressionValue,
  state: CompileState,
  depth: number,
  at: string,
): Compiled {
  if (depth > MAX_EXPRESSION_DEPTH)
    throw new RuleSetError(
      at,
      renderBoth(
        { fr: 'expression imbriquée sur plus de {max} niveaux', en: 'expression nested deeper than {max}' },
        { max: String(MAX_EXPRESSION_DEPTH) },
      ),
    );
  if (++state.nodes.count > MAX_EXPRESSION_NODES)
    throw new RuleSetError(
      at,
      renderBoth(
        { fr: 'plus de {max} nœuds', en: 'more than {max} nodes' },
        { max: { fr: formatNumber(MAX_EXPRESSION_NODES, 'fr'), en: String(MAX_EXPRESSION_NODES) } },
      ),
    );
  if (node === null || typeof node !== 'object') return constant(node);
  if (Array.isArray(node)) {
    const items = node.map((item, index) => compileExpression(item, state, depth + 1, `${at}[${index}]`));
    if (items.every((item) => CONSTANT.has(item)))
      return constant(Object.freeze(items.map((item) => CONSTANT.get(item))));
    return listOf(items);
  }
  const keys = Object.keys(node);
  if (keys.length !== 1)
    throw new RuleSetError(
      at,
      renderBoth({
        fr: 'un nœud d’opérateur a exactement une clé',
        en: 'an operator node has exactly one key',
      }),
    );
  const name = keys[0]!;
  if (FORBIDDEN_KEYS.has(name) || !Object.hasOwn(node, name))
    throw new RuleSetError(
      at,
      renderBoth({ fr: 'clé interdite « {name} »', en: 'forbidden key "{name}"' }, { name }),
    );
  const argument = node[name]!;
  const here = `${at}.${name}`;
  const operand = (child: ExpressionValue, position?: number) =>
    compileExpression(child, state, depth + 1, position === undefined ? here : `${here}[${position}]`);
  const operands = (children: ExpressionValue[]) =>
    children.map((child, position) => operand(child, position));

  const custom = state.custom && Object.hasOwn(state.custom, name) ? state.custom[name] : undefined;
  const entry = operatorEntry(name);
  if (entry && custom && name !== 'call')
    throw new RuleSetError(
      here,
      renderBoth(
        {
          fr: '« {name} » est à la fois un opérateur intégré et un opérateur personnalisé : écrire {call} pour le personnalisé',
          en: '"{name}" is both a built-in and a custom operator: write {call} for the custom one',
        },
        { name, call: `{"call": ["${name}", …]}` },
      ),
    );
  if (entry?.compile) return entry.compile({ argument, state, at: here, operand, operands });
  if (entry?.evaluate) {
    const compiled = entry.unary
      ? [operand(argument)]
      : operands(argumentList(argument, here, entry.arity![0], entry.arity![1]));
    const read = compiled.length === 2 ? FIELD.get(compiled[0]!) : undefined;
    const fast =
      read && CONSTANT.has(compiled[1]!) && entry.fieldConstant?.(read, CONSTANT.get(compiled[1]!));
    return fast || entry.fuse?.(compiled) || strict(compiled, entry.evaluate);
  }
  if (custom) return compileCustom(custom, operands(argumentList(argument, here, custom.args.length)));
  throw new RuleSetError(
    at,
    renderBoth({ fr: 'opérateur inconnu « {name} »', en: 'unknown operator "{name}"' }, { name }),
  );
}
