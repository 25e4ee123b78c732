/**
 * What every operator family shares: the three-valued `Unknown`, the evaluation context, compiled
 * closures (`Compiled`), the constant and field-read markers the fast paths look for, the generic
 * strict application and the operator entry type (`OperatorEntry`) that each family file fills in.
 */

import { FORBIDDEN_KEYS } from '../../_shared/jsonSafety.js';
import { type Message, renderBoth } from '../../_shared/messages.js';
import { compare, Exact, isNumeric } from '../_exact.js';
import { shareFrozen } from '../_frozen.js';
import type { OperatorDefinition } from '../defineOperator.js';
import type { RuleWarning } from '../Explanation.js';
import { RuleSetError } from '../errors.js';
import type { ExpressionValue, Parameter } from '../RuleSet.js';
import type { ResolvedTerritory, TerritoryProvider } from '../TerritoryProvider.js';

/** "Cannot tell yet", with the fields whose answer would tell. */
export class Unknown {
  /** Merges already made with this one (stable identities: cached messages, no garbage). */
  merges: Map<Unknown, Unknown> | undefined;
  /** The fields, frozen and shared (explanations hand this very list out as `missing`). */
  readonly paths: readonly string[];
  constructor(paths: string[]) {
    this.paths = shareFrozen(paths);
  }
}
/** Unknown without a field that would tell (a value of the wrong type, a division by zero…). */
export const NONE = new Unknown([]);
export const isUnknown = (value: unknown): value is Unknown => value instanceof Unknown;

/** The union of two unknowns' fields, in order (cached: the same pair gives the same object). */
export function merge(first: Unknown | undefined, second: Unknown): Unknown {
  if (!first || first.paths.length === 0) return second;
  if (second.paths.length === 0 || first === second) return first;
  let merged = first.merges?.get(second);
  if (!merged) {
    const paths = [...first.paths];
    for (const path of second.paths) if (!paths.includes(path)) paths.push(path);
    merged = new Unknown(paths);
    if (!first.merges || first.merges.size > 64) first.merges = new Map();
    first.merges.set(second, merged);
  }
  return merged;
}
/** `value` when it is an unknown, else `NONE` (to merge an operand's missing fields). */
export const unknownOf = (value: unknown): Unknown => (isUnknown(value) ? value : NONE);

/** What an evaluation carries. */
export interface EvaluationContext {
  asOf: string | null;
  warnings: RuleWarning[] | null;
  /** Territory resolutions made in this evaluation, by the value resolved. */
  territoryCache: Map<unknown, ResolvedTerritory> | null;
  /** Values of the fields the rule set reads (index = field slot), `undefined` when absent. */
  values: unknown[];
  /** The current item of the innermost per-item expression (`some`, `every`, `filter`, `sum`). */
  item?: ItemScope | undefined;
  /** Values of the definitions computed in this evaluation (by definition index). */
  definitionValues: unknown[] | null;
}
/** The item a per-item expression is evaluated on, and where it sits (for `missing`). */
export interface ItemScope {
  readonly value: unknown;
  /** The list's path (`participants`), `''` when the list is not read from the application. */
  readonly base: string;
  readonly index: number;
  readonly outer: ItemScope | undefined;
}
/** `participants[2]`, or `''` when the list is not read from the application. */
export const itemPath = (scope: ItemScope): string => (scope.base ? `${scope.base}[${scope.index}]` : '');
/** A compiled expression. */
export type Compiled = (context: EvaluationContext) => unknown;

/** What the compiler knows while compiling one criterion (or the funding amount). */
export interface CompileState {
  slots: Map<string, number>;
  /** Fields read by the criterion, in order. */
  fields: string[];
  /** Parameters read by the criterion, in order. */
  params: string[];
  nodes: { count: number };
  parameters: Map<string, Parameter>;
  territory: TerritoryProvider | undefined;
  // biome-ignore lint/suspicious/noExplicitAny: operator definitions of any arity
  custom: Record<string, OperatorDefinition<any, any>> | undefined;
  asOfField: string | undefined;
  /** Nesting of per-item expressions (0 outside any). */
  itemDepth: number;
  /** The definitions compiled so far (in dependency order), by name. */
  definitions: ReadonlyMap<string, CompiledDefinition>;
}

/** A compiled definition: its closure, its index in the per-evaluation cache, what it reads. */
export interface CompiledDefinition {
  readonly index: number;
  readonly compiled: Compiled;
  readonly fields: readonly string[];
  readonly params: readonly string[];
}

/** What a special operator's compiler receives. */
export interface OperatorCompileInput {
  readonly argument: ExpressionValue;
  readonly state: CompileState;
  /** `criteria[0].when.all`: where the operator is, for errors. */
  readonly at: string;
  /** Compiles one operand (its position names it in errors). */
  readonly operand: (node: ExpressionValue, position?: number) => Compiled;
  /** Compiles each operand of an array. */
  readonly operands: (nodes: ExpressionValue[]) => Compiled[];
}

/** The static type of an expression. `date` is a `YYYY-MM-DD` string; `any` is not known statically. */
export type ValueType = 'number' | 'string' | 'date' | 'boolean' | 'list' | 'null' | 'any';

/** How the operands are checked beyond their types. */
export type OperandRule =
  /** `==`, `!=`: both sides may be of any type but not of two different known kinds. */
  | 'comparable'
  /** `<`, `<=`, `>`, `>=`: two numbers or two strings (dates). */
  | 'ordered';

/**
 * How an operator's result is unknown, and which fields its `missing` lists:
 * - `strict`: unknown as soon as an operand is; `missing` is the union of the operands' (each one
 *   decides the result);
 * - `kleene`: decided by one decisive operand (`all`: a false one; `any`: a true one) whatever the
 *   others; else the union of the undecided operands';
 * - `branches`: `if` — decided when the condition is, or when both branches agree; else the condition's
 *   and each undecided branch's fields;
 * - `items`: quantifiers over the items of a list, Kleene over the items (see docs/rules.md);
 * - `answered`: absence is an answer (`isDefined`, `default`): the field read is never missing there;
 * - `reads`: a value read (`field`: the field itself) or a constant (never unknown).
 */
export type MissingBehaviour = 'strict' | 'kleene' | 'branches' | 'items' | 'answered' | 'reads';

/** The signature of one built-in operator (what the type checker reads). */
export interface OperatorSignature {
  readonly name: string;
  readonly family:
    | 'values'
    | 'logic'
    | 'comparison'
    | 'lists'
    | 'strings'
    | 'tables'
    | 'arithmetic'
    | 'dates'
    | 'territory';
  /** `true` when the argument is the operand itself (`{"not": a}`), not an array of operands. */
  readonly unary?: true;
  /** Fewest and most operands (array operators). */
  readonly arity?: readonly [min: number, max: number];
  /** Operand types by position; the last one repeats for variadic operators. */
  readonly operands: readonly ValueType[];
  readonly result: ValueType;
  readonly rule?: OperandRule;
}

/** A field read known at compile time: its slot and the unknown it gives when absent. */
export type FieldRead = readonly [slot: number, absent: Unknown];

/**
 * One built-in operator: its signature, its evaluation (generic, plus optional fast paths) and its
 * `missing` behaviour. Its docs example lives in `_examples.ts` (docs-only data, out of the bundle).
 */
export interface OperatorEntry extends OperatorSignature {
  readonly missing: MissingBehaviour;
  /**
   * Strict operators: the result from known operand values (an `Unknown` for "cannot tell"). The
   * driver evaluates the operands first (see {@link strict}).
   */
  // biome-ignore lint/suspicious/noExplicitAny: each operator declares its own argument types
  readonly evaluate?: (...values: any[]) => unknown;
  /**
   * Fast path for `field <op> constant` (strict binary operators): a closure equal to the generic one
   * on every input, or `undefined` when it does not apply to that constant. A property test checks
   * the two agree on random inputs.
   */
  readonly fieldConstant?: (read: FieldRead, constant: unknown) => Compiled | undefined;
  /**
   * Fast path for other operand shapes (two field reads, a date computed packed…): a closure equal to
   * `strict(operands, evaluate)` on every input, or `undefined` when none applies. Property-tested.
   */
  readonly fuse?: (operands: readonly Compiled[]) => Compiled | undefined;
  /** Special operators: compiles the node itself (lazy operands, reads, quantifiers…). */
  readonly compile?: (input: OperatorCompileInput) => Compiled;
}

export const MANY = Number.POSITIVE_INFINITY;
/** Declares an operator entry (typed identity). */
export const operator = (entry: OperatorEntry): OperatorEntry => entry;

/** Closures known at compile time: constants (their value) and field reads. */
export const CONSTANT = new WeakMap<Compiled, unknown>();
export const FIELD = new WeakMap<Compiled, FieldRead>();
/**
 * Closures whose value is a date, with their twin computing it packed (`packIsoDate`'s number) or the
 * same `Unknown`, without formatting it: a comparison of that date reads the twin.
 */
export const PACKED_DATE = new WeakMap<Compiled, (context: EvaluationContext) => number | Unknown>();
/** A closure returning `value` (marked constant unless it is an unknown). */
export function constant(value: unknown): Compiled {
  if (isUnknown(value)) return () => value;
  const compiled: Compiled = () => value;
  CONSTANT.set(compiled, value);
  return compiled;
}

/**
 * The generic strict application: evaluates every operand; returns `evaluate(values…)` or the merged
 * unknown. No fusion: the reference the fast paths are tested against.
 */
export function strictGeneric(operands: Compiled[], evaluate: (...values: unknown[]) => unknown): Compiled {
  return (context) => {
    let unknown: Unknown | undefined;
    const values = operands.map((operand) => {
      const value = operand(context);
      if (isUnknown(value)) unknown = merge(unknown, value);
      return value;
    });
    return unknown ?? evaluate(...values);
  };
}

/**
 * Strict application with fused closures for one or two operands (constant folding, field reads read
 * in place); same results as {@link strictGeneric}.
 */
export function strict(operands: Compiled[], evaluate: (...values: unknown[]) => unknown): Compiled {
  if (operands.length === 1) {
    const [only] = operands as [Compiled];
    if (CONSTANT.has(only)) return constant(evaluate(CONSTANT.get(only)));
    const read = FIELD.get(only);
    if (read) {
      const [slot, absent] = read;
      return (context) => {
        const value = context.values[slot];
        return value === undefined ? absent : evaluate(value);
      };
    }
    return (context) => {
      const value = only(context);
      return isUnknown(value) ? value : evaluate(value);
    };
  }
  if (operands.length === 2) {
    const [first, second] = operands as [Compiled, Compiled];
    if (CONSTANT.has(first) && CONSTANT.has(second))
      return constant(evaluate(CONSTANT.get(first), CONSTANT.get(second)));
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
        return right === undefined ? secondAbsent : evaluate(left, right);
      };
    }
    return (context) => {
      const left = first(context);
      const right = second(context);
      if (isUnknown(left)) return isUnknown(right) ? merge(left, right) : left;
      if (isUnknown(right)) return right;
      return evaluate(left, right);
    };
  }
  return strictGeneric(operands, evaluate);
}

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
export const isList = Array.isArray as (value: unknown) => value is readonly unknown[];

/** Deep equality of JSON values; numbers compare exactly (an exact rational equals its decimal). */
export const equal = (left: unknown, right: unknown): boolean => {
  if (left === right) return true;
  if (left instanceof Exact || right instanceof Exact)
    return isNumeric(left) && isNumeric(right) && compare(left, right) === 0;
  if (isList(left))
    return isList(right) && left.length === right.length && left.every((item, i) => equal(item, right[i]));
  if (!left || !right || typeof left !== 'object' || typeof right !== 'object' || isList(right)) return false;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every(
      (key) =>
        Object.hasOwn(right, key) &&
        equal((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
    )
  );
};

/** How many operands are expected: `2`, `at least 2`, `1 to 3` (digits kept as they are). */
export function argumentCount(min: number, max: number): Message {
  if (min === max) return { fr: `${min}`, en: `${min}` };
  if (max === Number.POSITIVE_INFINITY) return { fr: `au moins ${min}`, en: `at least ${min}` };
  return { fr: `${min} à ${max}`, en: `${min} to ${max}` };
}

/** The message of a wrong arity: `expects an array of 2 argument(s)`, in both languages. */
export function expectsArguments(min: number, max: number): Message {
  return renderBoth(
    { fr: 'attend un tableau de {count} argument(s)', en: 'expects an array of {count} argument(s)' },
    { count: argumentCount(min, max) },
  );
}

/** An `item` read outside a per-item expression. */
export function itemOutsideAList(): Message {
  return renderBoth({
    fr: 'un `item` ne se lit qu’à l’intérieur de `some`, `every`, `filter` ou `sum`',
    en: 'an item is read only inside some, every, filter or sum',
  });
}

/** An `item` whose argument is not a property path. */
export function expectsPropertyPath(): Message {
  return renderBoth({
    fr: 'attend un chemin de propriété (une chaîne)',
    en: 'expects a property path string',
  });
}

/** A field path operand that is not a string. */
export function expectsFieldPath(): Message {
  return renderBoth({ fr: 'attend un chemin de champ (une chaîne)', en: 'expects a field path string' });
}

/** `answered`/`default` given something else than a field or an item. */
export function expectsRead(): Message {
  return renderBoth(
    { fr: 'attend un champ ou un item : {example}', en: 'expects a field or an item: {example}' },
    { example: '{"field": "path"}' },
  );
}

/** The operands of an array operator, or a `RuleSetError` naming the arity expected. */
export function argumentList(
  argument: ExpressionValue,
  at: string,
  min: number,
  max = min,
): ExpressionValue[] {
  if (!Array.isArray(argument) || argument.length < min || argument.length > max) {
    throw new RuleSetError(at, expectsArguments(min, max));
  }
  return argument;
}

/**
 * A field path segment, property or operator name: ASCII letters, digits, `_` and `-`, and not a key
 * that reaches prototypes. A loop, not a regex: compiling a regex costs more than a cold start can spare.
 */
export function isSafeName(name: string): boolean {
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    const lower = code | 32;
    if (!((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45))
      return false;
  }
  return name !== '' && !FORBIDDEN_KEYS.has(name);
}

/** Splits a field path, rejecting malformed or prototype-reaching segments. */
export function pathSegments(path: string, at: string): string[] {
  const segments = path.split('.');
  for (const segment of segments)
    if (!isSafeName(segment))
      throw new RuleSetError(
        at,
        renderBoth(
          { fr: 'chemin de champ invalide « {path} »', en: 'invalid field path "{path}"' },
          { path },
        ),
      );
  return segments;
}

const own = Object.prototype.hasOwnProperty;
/** Reads a path of own properties (never the prototype); `undefined` when absent or `null`. */
export function readPath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (let index = 0; index < segments.length && current != null; index++)
    current =
      typeof current === 'object' && own.call(current, segments[index]!)
        ? (current as Record<string, unknown>)[segments[index]!]
        : undefined;
  return current ?? undefined;
}
