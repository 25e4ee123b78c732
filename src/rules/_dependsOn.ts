/**
 * Which `assumption`-marked parameters a criterion's decision actually depended on (issue 13 item 5).
 *
 * A criterion's expression is split along its boolean structure (`all`, `any`, `if`, `not`) wherever
 * a branch mentions an assumption; every other sub-expression is a leaf, compiled once by the caller,
 * whose assumptions are the ones it mentions. When an explanation is built, the tree is evaluated and
 * only the branches that decided the value count:
 *
 * - `any` true: one true branch (the one with the fewest assumptions); `all` false: one false branch
 *   (likewise); `any` false and `all` true: every branch;
 * - `if`: the condition's and the taken branch's (both branches when the condition is not known);
 * - `not`: its operand's; a leaf: every assumption it mentions; an undecided value: every branch's.
 *
 * The criterion's value is known when the explanation is built, so only what decides which branch
 * counted is evaluated: the condition of an `if`, and the branches of an `any` that passed (an `all`
 * that failed) until one with that value is found, fewest assumptions first. A criterion without
 * assumptions, or whose assumptions all sit in one leaf, needs no evaluation at all (the static list).
 * Internal to `cprdfop/rules`.
 */
import type { ExpressionValue } from './RuleSet.js';

/** A node of the dependency tree of one criterion. */
export type DependencyNode<Context> =
  | {
      readonly kind: 'leaf';
      readonly evaluate: (context: Context) => unknown;
      readonly assumptions: readonly string[];
    }
  | {
      readonly kind: 'all' | 'any' | 'if' | 'not';
      readonly children: readonly DependencyNode<Context>[];
      /** The children, those with the fewest assumptions first (stable). */
      readonly byFewest: readonly DependencyNode<Context>[];
      readonly assumptions: readonly string[];
    };

const BRANCHING = new Set(['all', 'any', 'if', 'not']);

/** The `{ param }` names of `assumption`-marked parameters an expression mentions, in order, once each. */
function mentioned(
  node: ExpressionValue,
  isAssumption: (name: string) => boolean,
  referenced: (name: string) => readonly string[],
  into: string[],
): string[] {
  if (node === null || typeof node !== 'object') return into;
  if (Array.isArray(node)) {
    for (const item of node) mentioned(item, isAssumption, referenced, into);
    return into;
  }
  for (const [operator, argument] of Object.entries(node)) {
    if (operator === 'param' && typeof argument === 'string') {
      if (isAssumption(argument) && !into.includes(argument)) into.push(argument);
    } else if (operator === 'ref' && typeof argument === 'string') {
      // A named value (`definitions`): the parameters its own expression reads.
      for (const name of referenced(argument))
        if (isAssumption(name) && !into.includes(name)) into.push(name);
    } else if (operator !== 'lit') mentioned(argument, isAssumption, referenced, into);
  }
  return into;
}

const union = (lists: readonly (readonly string[])[]): string[] => {
  const out: string[] = [];
  for (const list of lists) for (const name of list) if (!out.includes(name)) out.push(name);
  return out;
};

/**
 * Builds the dependency tree of a (compiled, hence valid) criterion expression.
 *
 * @param expression - The criterion's `when`.
 * @param compileLeaf - Compiles a sub-expression into an evaluator over the caller's context.
 * @param isAssumption - Whether a parameter is marked `assumption`.
 * @param referenced - The parameters a named value (`{"ref": name}`) reads; none by default.
 * @returns The tree; its `assumptions` are every assumption the expression mentions.
 */
export function dependencyTree<Context>(
  expression: ExpressionValue,
  compileLeaf: (node: ExpressionValue) => (context: Context) => unknown,
  isAssumption: (name: string) => boolean,
  referenced: (name: string) => readonly string[] = () => [],
): DependencyNode<Context> {
  const assumptions = mentioned(expression, isAssumption, referenced, []);
  if (expression !== null && typeof expression === 'object' && !Array.isArray(expression)) {
    const operator = Object.keys(expression)[0];
    const argument = operator === undefined ? undefined : expression[operator];
    if (operator && BRANCHING.has(operator) && assumptions.length > 0 && argument !== undefined) {
      const operands = operator === 'not' ? [argument] : Array.isArray(argument) ? argument : [argument];
      const children = operands.map((operand) =>
        dependencyTree(operand, compileLeaf, isAssumption, referenced),
      );
      const byFewest = [...children].sort(
        (first, second) => first.assumptions.length - second.assumptions.length,
      );
      return { kind: operator as 'all' | 'any' | 'if' | 'not', children, byFewest, assumptions };
    }
  }
  return { kind: 'leaf', evaluate: compileLeaf(expression), assumptions };
}

/** Whether the tree's answer is always its static list (no branching over assumptions). */
export function isStatic<Context>(tree: DependencyNode<Context>): boolean {
  // A `not` depends on what its operand depends on: static when its operand is.
  return (
    tree.kind === 'leaf' ||
    tree.assumptions.length === 0 ||
    (tree.kind === 'not' && isStatic(tree.children[0]!))
  );
}

const flip = (value: unknown): unknown => (value === true ? false : value === false ? true : value);

/** The value of a node, as `compile` computes it (Kleene logic), evaluating what it must. */
function nodeValue<Context>(node: DependencyNode<Context>, context: Context): unknown {
  switch (node.kind) {
    case 'leaf':
      return node.evaluate(context);
    case 'not':
      return flip(nodeValue(node.children[0]!, context));
    case 'all':
    case 'any': {
      const stop = node.kind === 'any';
      let settled = true;
      for (const child of node.children) {
        const value = nodeValue(child, context);
        if (value === stop) return stop;
        if (value !== !stop) settled = false;
      }
      return settled ? !stop : undefined;
    }
    case 'if': {
      const [condition, yes, no] = node.children as [
        DependencyNode<Context>,
        DependencyNode<Context>,
        DependencyNode<Context>,
      ];
      const decided = nodeValue(condition, context);
      if (decided === true) return nodeValue(yes, context);
      if (decided === false) return nodeValue(no, context);
      const first = nodeValue(yes, context);
      return (first === true || first === false) && first === nodeValue(no, context) ? first : undefined;
    }
  }
}

/**
 * The assumptions a node's value depended on, its value being known (`value`): only what decides
 * which branch counted is evaluated — nothing at all when every branch counts.
 */
function depsOf<Context>(node: DependencyNode<Context>, context: Context, value: unknown): readonly string[] {
  if (node.kind === 'leaf' || node.assumptions.length === 0) return node.assumptions;
  if (value !== true && value !== false) return node.assumptions;
  switch (node.kind) {
    case 'not':
      return depsOf(node.children[0]!, context, flip(value));
    case 'all':
    case 'any': {
      const stop = node.kind === 'any';
      if (value === stop) {
        // One branch decided: the first one found, trying those with the fewest assumptions first.
        for (const child of node.byFewest) {
          if (child.assumptions.length === 0) {
            if (nodeValue(child, context) === stop) return child.assumptions;
            continue;
          }
          if (nodeValue(child, context) === stop) return depsOf(child, context, stop);
        }
        return node.assumptions;
      }
      return union(node.children.map((child) => depsOf(child, context, value)));
    }
    case 'if': {
      const [condition, yes, no] = node.children as [
        DependencyNode<Context>,
        DependencyNode<Context>,
        DependencyNode<Context>,
      ];
      const decided = nodeValue(condition, context);
      if (decided !== true && decided !== false) return node.assumptions;
      return union([depsOf(condition, context, decided), depsOf(decided ? yes : no, context, value)]);
    }
  }
}

/**
 * The assumptions one evaluation of a criterion depended on (see the module comment).
 *
 * @param tree - The criterion's dependency tree.
 * @param context - The evaluation context the leaves read.
 * @param value - The criterion's value in that evaluation (`true`, `false`, or undecided).
 * @returns Assumption names, in the order the expression mentions them.
 */
export function dependsOn<Context>(
  tree: DependencyNode<Context>,
  context: Context,
  value: unknown,
): readonly string[] {
  if (isStatic(tree)) return tree.assumptions;
  const used = depsOf(tree, context, value);
  return used.length === tree.assumptions.length
    ? tree.assumptions
    : tree.assumptions.filter((name) => used.includes(name));
}
