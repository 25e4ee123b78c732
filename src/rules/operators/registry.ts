/**
 * The one list of built-in operators: for each, its family, arity, operand and result types. The
 * compile-time type checker reads it; a test checks that it names exactly the operators `compile`
 * knows and that each is documented, with an example, in docs/rules.md.
 */

/** The static type of an expression. `date` is a `YYYY-MM-DD` string; `any` is not known statically. */
export type ValueType = 'number' | 'string' | 'date' | 'boolean' | 'list' | 'null' | 'any';

/** How the operands are checked beyond their types. */
export type OperandRule =
  /** `==`, `!=`: both sides may be of any type but not of two different known kinds. */
  | 'comparable'
  /** `<`, `<=`, `>`, `>=`: two numbers or two strings (dates). */
  | 'ordered';

/** The signature of one built-in operator. */
export interface OperatorSignature {
  readonly name: string;
  readonly family: 'values' | 'logic' | 'comparison' | 'lists' | 'arithmetic' | 'dates' | 'territory';
  /** `true` when the argument is the operand itself (`{"not": a}`), not an array of operands. */
  readonly unary?: true;
  /** Fewest and most operands (array operators). */
  readonly arity?: readonly [min: number, max: number];
  /** Operand types by position; the last one repeats for variadic operators. */
  readonly operands: readonly ValueType[];
  readonly result: ValueType;
  readonly rule?: OperandRule;
}

const MANY = Number.POSITIVE_INFINITY;
const entry = (signature: OperatorSignature): OperatorSignature => signature;

/**
 * Every built-in operator (`field`, `param`, `lit`, `if` and `call` are checked specially). Built on
 * first use (nothing runs at import time).
 */
export const operators = (): readonly OperatorSignature[] => (list ??= build());
let list: readonly OperatorSignature[] | undefined;
let byName: ReadonlyMap<string, OperatorSignature> | undefined;

/** The signature of a built-in operator, `undefined` for another name. */
export function signatureOf(name: string): OperatorSignature | undefined {
  byName ??= new Map(operators().map((o) => [o.name, o]));
  return byName.get(name);
}

const build = (): readonly OperatorSignature[] => [
  entry({ name: 'field', family: 'values', unary: true, operands: ['string'], result: 'any' }),
  entry({ name: 'param', family: 'values', unary: true, operands: ['string'], result: 'any' }),
  entry({ name: 'lit', family: 'values', unary: true, operands: ['any'], result: 'any' }),
  entry({ name: 'asOf', family: 'values', arity: [0, 0], operands: [], result: 'date' }),
  entry({ name: 'call', family: 'values', arity: [1, MANY], operands: ['string', 'any'], result: 'any' }),
  entry({ name: 'all', family: 'logic', arity: [1, MANY], operands: ['boolean'], result: 'boolean' }),
  entry({ name: 'any', family: 'logic', arity: [1, MANY], operands: ['boolean'], result: 'boolean' }),
  entry({ name: 'not', family: 'logic', unary: true, operands: ['boolean'], result: 'boolean' }),
  entry({ name: 'if', family: 'logic', arity: [3, 3], operands: ['boolean', 'any', 'any'], result: 'any' }),
  ...(['==', '!='] as const).map((name) =>
    entry({
      name,
      family: 'comparison',
      arity: [2, 2],
      operands: ['any'],
      result: 'boolean',
      rule: 'comparable',
    }),
  ),
  ...(['<', '<=', '>', '>='] as const).map((name) =>
    entry({
      name,
      family: 'comparison',
      arity: [2, 2],
      operands: ['any'],
      result: 'boolean',
      rule: 'ordered',
    }),
  ),
  entry({ name: 'in', family: 'lists', arity: [2, 2], operands: ['any', 'list'], result: 'boolean' }),
  entry({ name: 'subset', family: 'lists', arity: [2, 2], operands: ['list'], result: 'boolean' }),
  entry({ name: 'intersects', family: 'lists', arity: [2, 2], operands: ['list'], result: 'boolean' }),
  entry({ name: 'intersection', family: 'lists', arity: [2, 2], operands: ['list'], result: 'list' }),
  entry({ name: 'count', family: 'lists', unary: true, operands: ['list'], result: 'number' }),
  entry({ name: 'distinct', family: 'lists', unary: true, operands: ['list'], result: 'list' }),
  entry({ name: 'pluck', family: 'lists', arity: [2, 2], operands: ['list', 'string'], result: 'list' }),
  ...(['+', '*'] as const).map((name) =>
    entry({ name, family: 'arithmetic', arity: [2, MANY], operands: ['number'], result: 'number' }),
  ),
  ...(['-', '/'] as const).map((name) =>
    entry({ name, family: 'arithmetic', arity: [2, 2], operands: ['number'], result: 'number' }),
  ),
  ...(['min', 'max'] as const).map((name) =>
    entry({ name, family: 'arithmetic', arity: [1, MANY], operands: ['number'], result: 'number' }),
  ),
  entry({
    name: 'round',
    family: 'arithmetic',
    arity: [1, 3],
    operands: ['number', 'number', 'string'],
    result: 'number',
  }),
  ...(['floor', 'ceil', 'percent'] as const).map((name) =>
    entry({ name, family: 'arithmetic', unary: true, operands: ['number'], result: 'number' }),
  ),
  ...(['days', 'months'] as const).map((name) =>
    entry({ name, family: 'dates', arity: [2, 2], operands: ['date'], result: 'number' }),
  ),
  ...(['addDays', 'addMonths'] as const).map((name) =>
    entry({ name, family: 'dates', arity: [2, 2], operands: ['date', 'number'], result: 'date' }),
  ),
  entry({ name: 'isDate', family: 'dates', unary: true, operands: ['any'], result: 'boolean' }),
  entry({ name: 'inRegion', family: 'territory', unary: true, operands: ['any'], result: 'boolean' }),
  entry({ name: 'outsideRegion', family: 'territory', unary: true, operands: ['any'], result: 'list' }),
  entry({ name: 'communes', family: 'territory', unary: true, operands: ['any'], result: 'list' }),
  entry({ name: 'units', family: 'territory', arity: [2, 2], operands: ['any', 'string'], result: 'list' }),
  entry({
    name: 'withinOne',
    family: 'territory',
    arity: [2, 2],
    operands: ['any', 'string'],
    result: 'boolean',
  }),
];
