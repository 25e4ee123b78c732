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
 * A criterion without assumptions, or whose assumptions all sit in one leaf, needs no evaluation at
 * all (`dependsOn` returns the static list). Internal to `cprdfop/rules`.
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
      readonly assumptions: readonly string[];
    };

const BRANCHING = new Set(['all', 'any', 'if', 'not']);

/** The `{ param }` names of `assumption`-marked parameters an expression mentions, in order, once each. */
function mentioned(node: ExpressionValue, isAssumption: (name: string) => boolean, into: string[]): string[] {
  if (node === null || typeof node !== 'object') return into;
  if (Array.isArray(node)) {
    for (const item of node) mentioned(item, isAssumption, into);
    return into;
  }
  for (const [operator, argument] of Object.entries(node)) {
    if (operator === 'param' && typeof argument === 'string') {
      if (isAssumption(argument) && !into.includes(argument)) into.push(argument);
    } else if (operator !== 'lit') mentioned(argument, isAssumption, into);
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
 * @returns The tree; its `assumptions` are every assumption the expression mentions.
 */
export function dependencyTree<Context>(
  expression: ExpressionValue,
  compileLeaf: (node: ExpressionValue) => (context: Context) => unknown,
  isAssumption: (name: string) => boolean,
): DependencyNode<Context> {
  const assumptions = mentioned(expression, isAssumption, []);
  if (expression !== null && typeof expression === 'object' && !Array.isArray(expression)) {
    const operator = Object.keys(expression)[0];
    const argument = operator === undefined ? undefined : expression[operator];
    if (operator && BRANCHING.has(operator) && assumptions.length > 0 && argument !== undefined) {
      const operands = operator === 'not' ? [argument] : Array.isArray(argument) ? argument : [argument];
      const children = operands.map((operand) => dependencyTree(operand, compileLeaf, isAssumption));
      return { kind: operator as 'all' | 'any' | 'if' | 'not', children, assumptions };
    }
  }
  return { kind: 'leaf', evaluate: compileLeaf(expression), assumptions };
}

/** Whether the tree's answer is always its static list (no branching over assumptions). */
export function isStatic<Context>(tree: DependencyNode<Context>): boolean {
  return tree.kind === 'leaf' || tree.assumptions.length === 0;
}

interface Outcome {
  /** `true`, `false`, or anything else (undecided). */
  readonly value: unknown;
  readonly assumptions: readonly string[];
}

/** Among the outcomes whose value is `wanted`, the one with the fewest assumptions. */
function fewest(outcomes: readonly Outcome[], wanted: boolean): Outcome | undefined {
  let best: Outcome | undefined;
  for (const outcome of outcomes)
    if (outcome.value === wanted && (!best || outcome.assumptions.length < best.assumptions.length))
      best = outcome;
  return best;
}

function evaluateTree<Context>(node: DependencyNode<Context>, context: Context): Outcome {
  if (node.kind === 'leaf') return { value: node.evaluate(context), assumptions: node.assumptions };
  if (node.assumptions.length === 0) {
    // Unreachable by construction (such a node is a leaf), kept total.
    return { value: undefined, assumptions: [] };
  }
  const outcomes = node.children.map((child) => evaluateTree(child, context));
  const every = () => union(outcomes.map((outcome) => outcome.assumptions));
  switch (node.kind) {
    case 'not': {
      const [operand] = outcomes as [Outcome];
      const value = operand.value === true ? false : operand.value === false ? true : operand.value;
      return { value, assumptions: operand.assumptions };
    }
    case 'all':
    case 'any': {
      const stop = node.kind === 'any';
      const decisive = fewest(outcomes, stop);
      if (decisive) return { value: stop, assumptions: decisive.assumptions };
      const settled = outcomes.every((outcome) => outcome.value === !stop);
      return { value: settled ? !stop : undefined, assumptions: every() };
    }
    case 'if': {
      const [condition, yes, no] = outcomes as [Outcome, Outcome, Outcome];
      if (condition.value === true)
        return { value: yes.value, assumptions: union([condition.assumptions, yes.assumptions]) };
      if (condition.value === false)
        return { value: no.value, assumptions: union([condition.assumptions, no.assumptions]) };
      const agreed =
        (yes.value === true || yes.value === false) && yes.value === no.value ? yes.value : undefined;
      return { value: agreed, assumptions: every() };
    }
  }
}

/**
 * The assumptions one evaluation of a criterion depended on (see the module comment).
 *
 * @param tree - The criterion's dependency tree.
 * @param context - The evaluation context the leaves read.
 * @returns Assumption names, in the order the expression mentions them.
 */
export function dependsOn<Context>(tree: DependencyNode<Context>, context: Context): readonly string[] {
  if (isStatic(tree)) return tree.assumptions;
  const used = evaluateTree(tree, context).assumptions;
  return tree.assumptions.filter((name) => used.includes(name));
}
