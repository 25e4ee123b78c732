/**
 * Exact decimal arithmetic of the engine (issue #12, "exact numbers").
 *
 * A number of an application or a rule set stands for the decimal it is written as: its shortest
 * round-trip decimal (`0.35` is 35/100, not the binary fraction nearest to it). Arithmetic is exact on
 * those decimals. A result is a plain `number` when that number's shortest decimal is exactly the
 * result (then ordinary comparisons of numbers are exact, see below); otherwise it is an
 * {@link Exact} rational (BigInt numerator and denominator), e.g. `1 / 3` or a product with more
 * significant digits than a double holds.
 *
 * Why comparing plain numbers is then exact: each stands for its shortest decimal, which rounds to
 * it; rounding is monotonic and the shortest decimal is a function of the number, so `x < y` exactly
 * when their decimals are in that order, and `x === y` exactly when they are equal.
 *
 * Fast path: a number with at most {@link MAX_PLACES} decimal places is `m·10^-k` with integer `m`;
 * while `|m| ≤ 2^49`, the double `m / 10^k` (one correctly rounded division) has exactly that decimal
 * as its shortest form (its rounding interval is narrower than `10^-k / 8`, so no other decimal of
 * `k` places rounds to it). Sums and products of such scaled integers stay in doubles as long as they
 * stay under that bound; everything else goes through BigInt.
 */

/** Decimal places handled by the scaled-integer fast path. */
const MAX_PLACES = 15;
/** Largest scaled integer whose `m / 10^k` double reads back as exactly `m·10^-k`. */
export const SCALED_LIMIT = 2 ** 49;
const LIMIT = SCALED_LIMIT;
const POW10: readonly number[] = Array.from({ length: 23 }, (_, index) => 10 ** index);

/** An exact rational `numerator / denominator` (denominator > 0, reduced). */
export class Exact {
  constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}
}

/** A number (standing for its shortest decimal) or an exact rational. */
export type Numeric = number | Exact;

/** Tells whether a value is a finite number or an exact rational. */
export const isNumeric = (value: unknown): value is Numeric =>
  (typeof value === 'number' && Number.isFinite(value)) || value instanceof Exact;

/**
 * The decimal places `k` of a finite number when it is `m·10^-k` with `|m| ≤ 2^49` (any safe integer
 * for `k = 0`), the smallest such `k`; `-1` otherwise.
 */
export function decimalPlaces(value: number): number {
  if (Number.isInteger(value)) return Math.abs(value) <= Number.MAX_SAFE_INTEGER ? 0 : -1;
  for (let places = 1; places <= MAX_PLACES; places++) {
    const scaled = Math.round(value * POW10[places]!);
    if (Math.abs(scaled) > LIMIT) return -1;
    if (scaled / POW10[places]! === value) return places;
  }
  return -1;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y) [x, y] = [y, x % y];
  return x;
};

/** A reduced rational, as a number when one stands exactly for it. */
export function rational(numerator: bigint, denominator: bigint): Numeric {
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const divisor = gcd(numerator, denominator);
  if (divisor > 1n) {
    numerator /= divisor;
    denominator /= divisor;
  }
  if (denominator === 1n)
    return numerator >= -9007199254740991n && numerator <= 9007199254740991n
      ? Number(numerator)
      : new Exact(numerator, 1n);
  // A terminating decimal (denominator 2^a·5^b) of few places fits a number.
  let rest = denominator;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  const places = Math.max(twos, fives);
  if (rest === 1n && places <= MAX_PLACES) {
    const scaled = (numerator * 10n ** BigInt(places)) / denominator;
    if (scaled >= -BigInt(LIMIT) && scaled <= BigInt(LIMIT)) return Number(scaled) / POW10[places]!;
  }
  return new Exact(numerator, denominator);
}

/** The exact rational a numeric value stands for (a number: its shortest decimal). */
export function toExact(value: Numeric): Exact {
  if (value instanceof Exact) return value;
  const places = decimalPlaces(value);
  if (places === 0) return new Exact(BigInt(value), 1n);
  if (places > 0) return reduce(BigInt(Math.round(value * POW10[places]!)), 10n ** BigInt(places));
  // The shortest decimal, from its text: digits and exponent.
  const text = String(value);
  const at = text.indexOf('e');
  const mantissa = at < 0 ? text : text.slice(0, at);
  let exponent = at < 0 ? 0 : Number(text.slice(at + 1));
  const point = mantissa.indexOf('.');
  let digits = mantissa;
  if (point >= 0) {
    digits = mantissa.slice(0, point) + mantissa.slice(point + 1);
    exponent -= mantissa.length - point - 1;
  }
  const integer = BigInt(digits);
  return exponent >= 0
    ? new Exact(integer * 10n ** BigInt(exponent), 1n)
    : reduce(integer, 10n ** BigInt(-exponent));
}

function reduce(numerator: bigint, denominator: bigint): Exact {
  const divisor = gcd(numerator, denominator);
  return divisor > 1n
    ? new Exact(numerator / divisor, denominator / divisor)
    : new Exact(numerator, denominator);
}

/** The nearest double of a numeric value (for custom operators, which take plain numbers). */
export const toNumber = (value: Numeric): number =>
  value instanceof Exact ? Number(value.numerator) / Number(value.denominator) : value;

const exactAdd = (a: Exact, b: Exact, sign: 1n | -1n): Numeric =>
  rational(a.numerator * b.denominator + sign * b.numerator * a.denominator, a.denominator * b.denominator);

/** `a + b`, exact. */
export function add(a: Numeric, b: Numeric): Numeric {
  if (typeof a === 'number' && typeof b === 'number') {
    const fast = scaledSum(a, b, 1);
    if (fast !== undefined) return fast;
  }
  return exactAdd(toExact(a), toExact(b), 1n);
}

/** `a - b`, exact. */
export function subtract(a: Numeric, b: Numeric): Numeric {
  if (typeof a === 'number' && typeof b === 'number') {
    const fast = scaledSum(a, b, -1);
    if (fast !== undefined) return fast;
  }
  return exactAdd(toExact(a), toExact(b), -1n);
}

function scaledSum(a: number, b: number, sign: 1 | -1): number | undefined {
  if (Number.isInteger(a) && Number.isInteger(b)) {
    const sum = a + sign * b;
    return Number.isSafeInteger(sum) && Number.isSafeInteger(a) && Number.isSafeInteger(b) ? sum : undefined;
  }
  const placesA = decimalPlaces(a);
  const placesB = decimalPlaces(b);
  if (placesA < 0 || placesB < 0) return;
  const places = Math.max(placesA, placesB);
  const scaledA = Math.round(a * POW10[placesA]!) * POW10[places - placesA]!;
  const scaledB = Math.round(b * POW10[placesB]!) * POW10[places - placesB]!;
  if (Math.abs(scaledA) > LIMIT || Math.abs(scaledB) > LIMIT) return;
  const sum = scaledA + sign * scaledB;
  return Math.abs(sum) <= LIMIT ? sum / POW10[places]! : undefined;
}

/** `a × b`, exact. */
export function multiply(a: Numeric, b: Numeric): Numeric {
  if (typeof a === 'number' && typeof b === 'number') {
    const fast = scaledProduct(a, decimalPlaces(a), b, decimalPlaces(b));
    if (fast !== undefined) return fast;
  }
  const x = toExact(a);
  const y = toExact(b);
  return rational(x.numerator * y.numerator, x.denominator * y.denominator);
}

/**
 * `a × b` in doubles when both are scaled integers (`placesA`, `placesB` from {@link decimalPlaces})
 * and the product stays under the bound; `undefined` otherwise.
 */
export function scaledProduct(a: number, placesA: number, b: number, placesB: number): number | undefined {
  if (placesA < 0 || placesB < 0) return;
  const scaledA = placesA ? Math.round(a * POW10[placesA]!) : a;
  const scaledB = placesB ? Math.round(b * POW10[placesB]!) : b;
  const product = scaledA * scaledB;
  const places = placesA + placesB;
  if (places === 0) return Number.isSafeInteger(product) ? product : undefined;
  return Math.abs(product) <= LIMIT ? product / POW10[places]! : undefined;
}

/** `a / b`, exact; `undefined` for a division by zero. */
export function divide(a: Numeric, b: Numeric): Numeric | undefined {
  if (b === 0) return;
  const x = toExact(a);
  const y = toExact(b);
  if (y.numerator === 0n) return;
  return rational(x.numerator * y.denominator, x.denominator * y.numerator);
}

/** Compares two numeric values exactly: negative, zero or positive. */
export function compare(a: Numeric, b: Numeric): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const x = toExact(a);
  const y = toExact(b);
  const left = x.numerator * y.denominator;
  const right = y.numerator * x.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The rounding modes of `round`. */
export const ROUNDING_MODES = ['half-up', 'half-even', 'half-down', 'floor', 'ceil', 'trunc'] as const;
/** A rounding mode: `half-up` rounds halves away from zero, `half-even` to the even neighbour. */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** `numerator / denominator` rounded to an integer with `mode` (denominator > 0). */
function roundQuotient(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  let quotient = numerator / denominator; // truncated toward zero
  const remainder = numerator - quotient * denominator;
  if (remainder === 0n) return quotient;
  const negative = numerator < 0n;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const away =
    mode === 'floor'
      ? negative
      : mode === 'ceil'
        ? !negative
        : mode === 'trunc'
          ? false
          : twice > denominator ||
            (twice === denominator &&
              (mode === 'half-up' || (mode === 'half-even' && (quotient & 1n) !== 0n)));
  if (away) quotient += negative ? -1n : 1n;
  return quotient;
}

/** `value` rounded to `places` decimal places (0 to 15; negative: tens, hundreds…) with `mode`, exact. */
export function roundTo(value: Numeric, places: number, mode: RoundingMode): Numeric {
  const x = toExact(value);
  const scale = 10n ** BigInt(Math.abs(places));
  if (places >= 0) return rational(roundQuotient(x.numerator * scale, x.denominator, mode), scale);
  return rational(roundQuotient(x.numerator, x.denominator * scale, mode) * scale, 1n);
}
