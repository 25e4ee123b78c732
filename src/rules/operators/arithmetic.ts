/** Arithmetic on exact decimals: `+ - * /`, `min`, `max`, `round`, `floor`, `ceil`, `percent`. */
import {
  add,
  compare,
  decimalPlaces,
  divide,
  isNumeric,
  multiply,
  type Numeric,
  ROUNDING_MODES,
  type RoundingMode,
  roundTo,
  SCALED_LIMIT,
  scaledProduct,
  subtract,
} from '../_exact.js';
import {
  type Compiled,
  type FieldRead,
  isFiniteNumber,
  MANY,
  NONE,
  type OperatorEntry,
  operator,
} from './_kernel.js';

/** Folds exact arithmetic over numeric operands (anything else, or a division by zero: unknown). */
function fold(step: (left: Numeric, right: Numeric) => Numeric | undefined) {
  return (...values: unknown[]) => {
    let result = values[0];
    if (!isNumeric(result)) return NONE;
    for (let index = 1; index < values.length; index++) {
      const value = values[index];
      if (!isNumeric(value)) return NONE;
      const next: Numeric | undefined = step(result as Numeric, value);
      if (next === undefined) return NONE;
      result = next;
    }
    return result;
  };
}
const smaller = (left: Numeric, right: Numeric) => (compare(right, left) < 0 ? right : left);
const larger = (left: Numeric, right: Numeric) => (compare(right, left) > 0 ? right : left);

/** `round`: `[x]`, `[x, places]` or `[x, places, mode]` (places an integer from -15 to 15). */
export function rounding(value: unknown, places: unknown = 0, mode: unknown = 'half-up'): unknown {
  if (!isNumeric(value) || !Number.isInteger(places) || Math.abs(places as number) > 15) return NONE;
  if (!(ROUNDING_MODES as readonly unknown[]).includes(mode)) return NONE;
  return roundTo(value, places as number, mode as RoundingMode);
}

/** `field × constant` (`total × rate`, the commonest arithmetic): scaled integers in doubles, BigInt beyond. */
function fieldTimes([slot, absent]: FieldRead, factor: unknown): Compiled | undefined {
  if (!isFiniteNumber(factor)) return;
  const places = decimalPlaces(factor);
  const scaled = places > 0 ? Math.round(factor * 10 ** places) : factor;
  const divisor = 10 ** places;
  return (context) => {
    const value = context.values[slot];
    if (value === undefined) return absent;
    if (!isFiniteNumber(value)) return NONE;
    if (places >= 0 && Number.isInteger(value)) {
      // An integer times a scaled constant: exact while under the bound (see _exact.ts).
      const product = value * scaled;
      if (places === 0 ? Number.isSafeInteger(product) : Math.abs(product) <= SCALED_LIMIT)
        return places ? product / divisor : product;
    }
    return scaledProduct(value, decimalPlaces(value), factor, places) ?? multiply(value, factor);
  };
}
/** `field + constant`, `field - constant`, `field / constant`. */
function fieldWith(step: (left: Numeric, right: Numeric) => Numeric | undefined) {
  return ([slot, absent]: FieldRead, operand: unknown): Compiled | undefined => {
    if (!isFiniteNumber(operand)) return;
    return (context) => {
      const value = context.values[slot];
      return value === undefined ? absent : isFiniteNumber(value) ? (step(value, operand) ?? NONE) : NONE;
    };
  };
}

const binary = (
  name: string,
  arity: readonly [number, number],
  step: (left: Numeric, right: Numeric) => Numeric | undefined,
  fieldConstant?: OperatorEntry['fieldConstant'],
): OperatorEntry =>
  operator({
    name,
    family: 'arithmetic',
    arity,
    operands: ['number'],
    result: 'number',
    missing: 'strict',
    evaluate: fold(step),
    ...(fieldConstant ? { fieldConstant } : {}),
  });

const toInteger = (name: 'floor' | 'ceil'): OperatorEntry =>
  operator({
    name,
    family: 'arithmetic',
    unary: true,
    operands: ['number'],
    result: 'number',
    missing: 'strict',
    evaluate: (value: unknown) => rounding(value, 0, name),
  });

/** The operators of the `arithmetic` family. */
export const arithmeticOperators = () => [
  binary('+', [2, MANY], add, fieldWith(add)),
  binary('*', [2, MANY], multiply, fieldTimes),
  binary('-', [2, 2], subtract, fieldWith(subtract)),
  binary('/', [2, 2], divide, fieldWith(divide)),
  binary('min', [1, MANY], smaller),
  binary('max', [1, MANY], larger),
  operator({
    name: 'round',
    family: 'arithmetic',
    arity: [1, 3],
    operands: ['number', 'number', 'string'],
    result: 'number',
    missing: 'strict',
    evaluate: rounding,
  }),
  toInteger('floor'),
  toInteger('ceil'),
  operator({
    name: 'percent',
    family: 'arithmetic',
    unary: true,
    operands: ['number'],
    result: 'number',
    missing: 'strict',
    evaluate: (value: unknown) => (isNumeric(value) ? divide(value, 100)! : NONE),
  }),
];
