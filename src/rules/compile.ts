import { FORBIDDEN_KEYS } from '../_shared/jsonSafety.js';
import { dateLike, dateOps, isIsoDate, ymd } from './_dates.js';
import { dependencyTree, dependsOn, isStatic } from './_dependsOn.js';
import {
  add,
  compare,
  decimalPlaces,
  divide,
  Exact,
  isNumeric,
  multiply,
  type Numeric,
  ROUNDING_MODES,
  type RoundingMode,
  roundTo,
  SCALED_LIMIT,
  scaledProduct,
  subtract,
  toNumber,
} from './_exact.js';
import { frozenCopy, type Part, registerPart, shareFrozen } from './_frozen.js';
import type { OperatorDefinition, OperatorValueType } from './defineOperator.js';
import {
  type AssumptionUsed,
  type CriterionExplanation,
  type CriterionStatus,
  EXPLANATION_FORMAT,
  type Explanation,
  type RuleWarning,
  type Verdict,
} from './Explanation.js';
import { RuleSetError, RuleSetNotInForceError } from './errors.js';
import { hashRuleSet } from './hashRuleSet.js';
import { signatureOf } from './operators/registry.js';
import type { ExpressionValue, Parameter, ParameterValue, RuleSet, RuleText } from './RuleSet.js';
import type { ResolvedTerritory, TerritoryProvider, TerritoryRef } from './TerritoryProvider.js';
import { declaredFieldTypes, type TypeEnvironment, typeOf } from './typeCheck.js';

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

/** "Cannot tell yet", with the fields whose answer would tell. */
class Unknown {
  /** Merges already made with this one (stable identities: cached messages, no garbage). */
  m: Map<Unknown, Unknown> | undefined;
  /** The fields, frozen and shared (explanations hand this very list out as `missing`). */
  readonly paths: readonly string[];
  constructor(paths: string[]) {
    this.paths = shareFrozen(paths);
  }
}
const NONE = new Unknown([]);
const isU = (v: unknown): v is Unknown => v instanceof Unknown;

function merge(a: Unknown | undefined, b: Unknown): Unknown {
  if (!a || a.paths.length === 0) return b;
  if (b.paths.length === 0 || a === b) return a;
  let r = a.m?.get(b);
  if (!r) {
    const out = [...a.paths];
    for (const p of b.paths) if (!out.includes(p)) out.push(p);
    r = new Unknown(out);
    if (!a.m || a.m.size > 64) a.m = new Map();
    a.m.set(b, r);
  }
  return r;
}

interface Ctx {
  asOf: string | null;
  warn: RuleWarning[] | null;
  tc: Map<unknown, ResolvedTerritory> | null;
  /** Values of the fields the rule set reads (index = field slot), `undefined` when absent. */
  v: unknown[];
}
type Fn = (c: Ctx) => unknown;

/** Options of {@link compile}. @category Evaluation */
export interface CompileOptions {
  /** Backs the territory predicates; required when the rule set uses one. */
  territory?: TerritoryProvider;
  /** Custom operators, by name (see `defineOperator`). They cannot shadow a built-in operator. */
  // biome-ignore lint/suspicious/noExplicitAny: operator definitions of any arity
  operators?: Record<string, OperatorDefinition<any, any>>;
}

/** Options of `Evaluator.evaluate`. @category Evaluation */
export interface EvaluateOptions {
  /** The evaluation date `YYYY-MM-DD`; defaults to the application's `asOfField` (its submission date). */
  asOf?: string | undefined;
}

/**
 * A compiled rule set: evaluates applications with closures built once.
 * @category Evaluation
 */
export interface Evaluator {
  readonly id: string;
  readonly version: string;
  /** `sha256-<hex>` of the canonical JSON of the rule set (examples and `$schema` excluded). */
  readonly hash: string;
  /** The (flat) rule set compiled. */
  readonly ruleSet: RuleSet;
  /**
   * Evaluates an application (any JSON value; never throws on data).
   * @param application - The application.
   * @param options - The evaluation date.
   * @returns The verdict and its explanation.
   */
  evaluate(application: unknown, options?: EvaluateOptions): Explanation;
}

interface St {
  slots: Map<string, number>;
  fields: string[];
  params: string[];
  nodes: { n: number };
  paramMap: Map<string, Parameter>;
  opts: CompileOptions;
  asOfField: string | undefined;
}

/**
 * A field path segment, property or operator name: ASCII letters, digits, `_` and `-`, and not a key
 * that reaches prototypes. A loop, not a regex: compiling a regex costs more than a cold start can spare.
 */
function segOk(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(((c | 32) >= 97 && (c | 32) <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return false;
  }
  return s !== '' && !FORBIDDEN_KEYS.has(s);
}

function slotOf(st: St, path: string): number {
  let i = st.slots.get(path);
  if (i === undefined) {
    i = st.slots.size;
    st.slots.set(path, i);
  }
  return i;
}

type Rec = Record<string, unknown>;
const own = Object.prototype.hasOwnProperty;

/** Splits a field path, rejecting malformed or prototype-reaching segments. */
function pathOf(path: string, at: string): string[] {
  const segs = path.split('.');
  for (const s of segs) if (!segOk(s)) throw new RuleSetError(at, `invalid field path "${path}"`);
  return segs;
}

const clean = (): boolean => {
  for (const _ in Object.prototype) return false;
  return true;
};

/**
 * Reads the top-level own properties `keys` of `o` (`undefined` when absent or `null`). An ordinary
 * object is read in one `for…in` pass when no enumerable property was added to `Object.prototype`
 * (then `for…in` yields exactly the own enumerable keys); any key not found that way (absent,
 * non-enumerable, or another kind of object) is checked with `hasOwnProperty`.
 */
function readTop(
  o: unknown,
  keys: readonly string[],
  index: ReadonlyMap<string, number>,
  seen: (string | number | undefined)[],
): unknown[] {
  const t: unknown[] = new Array(keys.length);
  if (o === null || typeof o !== 'object') return t;
  let n = 0;
  let j = 0;
  // `seen` caches, by position, the last key order met and its slots (`-1` for an unread key):
  // applications built alike enumerate their keys alike, so a position hit skips the map lookup.
  if (Object.getPrototypeOf(o) === Object.prototype && clean())
    for (const k in o) {
      let i = seen[j] === k ? (seen[j + 1] as number) : -2;
      if (i === -2) {
        i = index.get(k) ?? -1;
        if (j < 256) {
          seen[j] = k;
          seen[j + 1] = i;
        }
      }
      j += 2;
      if (i >= 0) {
        t[i] = (o as Rec)[k] ?? undefined;
        n++;
      }
    }
  if (n < keys.length)
    for (let i = 0; i < keys.length; i++)
      if (t[i] === undefined && own.call(o, keys[i]!)) t[i] = (o as Rec)[keys[i]!] ?? undefined;
  return t;
}

/** Reads a path of own properties (never the prototype); `undefined` when absent or `null`. */
function read(o: unknown, segs: readonly string[]): unknown {
  for (let j = 0; j < segs.length && o != null; j++)
    o = typeof o === 'object' && own.call(o, segs[j]!) ? (o as Rec)[segs[j]!] : undefined;
  return o ?? undefined;
}

function argList(arg: ExpressionValue, at: string, min: number, max = min): ExpressionValue[] {
  if (!Array.isArray(arg) || arg.length < min || arg.length > max) {
    const n =
      min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw new RuleSetError(at, `expects an array of ${n} argument(s)`);
  }
  return arg;
}

/** Closures known at compile time: constants (value) and field reads ([slot, unknown]). */
const CONST = new WeakMap<Fn, unknown>();
const FIELD = new WeakMap<Fn, readonly [number, Unknown]>();
function constant(k: unknown): Fn {
  if (isU(k)) return () => k;
  const fn: Fn = () => k;
  CONST.set(fn, k);
  return fn;
}

/** Evaluates all argument closures; returns `f(values…)` or the merged unknown. */
function strict(fns: Fn[], f: (...vals: unknown[]) => unknown): Fn {
  if (fns.length === 1) {
    const [a] = fns as [Fn];
    if (CONST.has(a)) return constant(f(CONST.get(a)));
    const fa = FIELD.get(a);
    if (fa) {
      const [i, u] = fa;
      return (c) => {
        const x = c.v[i];
        return x === undefined ? u : f(x);
      };
    }
    return (c) => {
      const x = a(c);
      return isU(x) ? x : f(x);
    };
  }
  if (fns.length === 2) {
    const [a, b] = fns as [Fn, Fn];
    // Fused closures for field ∘ field and constant ∘ constant (field ∘ constant: see fieldConst).
    const fa = FIELD.get(a);
    const fb = FIELD.get(b);
    if (CONST.has(a) && CONST.has(b)) return constant(f(CONST.get(a), CONST.get(b)));
    if (fa && fb) {
      const [i, ua] = fa;
      const [j, ub] = fb;
      const uab = merge(ua, ub);
      return (c) => {
        const x = c.v[i];
        const y = c.v[j];
        if (x === undefined) return y === undefined ? uab : ua;
        return y === undefined ? ub : f(x, y);
      };
    }
    return (c) => {
      const x = a(c);
      const y = b(c);
      if (isU(x)) return isU(y) ? merge(x, y) : x;
      if (isU(y)) return y;
      return f(x, y);
    };
  }
  return (c) => {
    let u: Unknown | undefined;
    const vals = fns.map((g) => {
      const v = g(c);
      if (isU(v)) u = merge(u, v);
      return v;
    });
    return u ?? f(...vals);
  };
}

/**
 * A list literal with at least one non-constant item: every item is evaluated, in order; an unknown item
 * makes the list unknown (with every item's missing fields). Each evaluation builds a new, frozen list.
 */
function listOf(items: Fn[]): Fn {
  return (context) => {
    let unknown: Unknown | undefined;
    const values = new Array<unknown>(items.length);
    for (let index = 0; index < items.length; index++) {
      const value = items[index]!(context);
      if (isU(value)) unknown = merge(unknown, value);
      values[index] = value;
    }
    return unknown ?? Object.freeze(values);
  };
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const arr = Array.isArray as (v: unknown) => v is readonly unknown[];
const eq = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (a instanceof Exact || b instanceof Exact) return isNumeric(a) && isNumeric(b) && compare(a, b) === 0;
  if (arr(a)) return arr(b) && a.length === b.length && a.every((x, i) => eq(x, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || arr(b)) return false;
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && eq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
};

/**
 * Orders two numbers (exactly, as decimals) or two strings: negative, zero or positive; `undefined`
 * for any other pair.
 */
const order = (a: unknown, b: unknown): number | undefined => {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return orderStrings(a, b);
  return isNumeric(a) && isNumeric(b) ? compare(a, b) : undefined;
};
/**
 * Two strings: as dates when either reads as a date (both must then be valid dates: `2023-02-30` is
 * not ordered), else in text order.
 */
const orderStrings = (a: string, b: string): number | undefined => {
  const p = ymd(a);
  const q = ymd(b);
  if (p >= 0 && q >= 0) return p - q;
  if (p >= 0 || q >= 0 || dateLike(a) || dateLike(b)) return undefined;
  return a < b ? -1 : a > b ? 1 : 0;
};
/** `a < b`, `a <= b`, `a > b` or `a >= b` (by `op`), exactly; `NONE` when the two are not ordered. */
function ordered(a: unknown, b: unknown, op: '<' | '<=' | '>' | '>='): boolean | Unknown {
  const result = order(a, b);
  if (result === undefined) return NONE;
  return op === '<' ? result < 0 : op === '<=' ? result <= 0 : op === '>' ? result > 0 : result >= 0;
}
function sets(op: (a: readonly unknown[], b: readonly unknown[]) => unknown) {
  return (a: unknown, b: unknown) => (arr(a) && arr(b) ? op(a, b) : NONE);
}
/** Folds exact arithmetic over numeric arguments (anything else, or a division by zero: unknown). */
function arith(op: (a: Numeric, b: Numeric) => Numeric | undefined) {
  return (...values: unknown[]) => {
    let result = values[0];
    if (!isNumeric(result)) return NONE;
    for (let index = 1; index < values.length; index++) {
      const value = values[index];
      if (!isNumeric(value)) return NONE;
      const next: Numeric | undefined = op(result as Numeric, value);
      if (next === undefined) return NONE;
      result = next;
    }
    return result;
  };
}
const smaller = (a: Numeric, b: Numeric) => (compare(b, a) < 0 ? b : a);
const larger = (a: Numeric, b: Numeric) => (compare(b, a) > 0 ? b : a);

/** `round`: `[x]`, `[x, places]` or `[x, places, mode]` (places an integer from -15 to 15). */
function rounding(value: unknown, places: unknown = 0, mode: unknown = 'half-up'): unknown {
  if (!isNumeric(value) || !Number.isInteger(places) || Math.abs(places as number) > 15) return NONE;
  if (!(ROUNDING_MODES as readonly unknown[]).includes(mode)) return NONE;
  return roundTo(value, places as number, mode as RoundingMode);
}
function date2(op: (a: number, b: number) => unknown) {
  return (a: unknown, b: unknown) => {
    const p = ymd(a);
    const q = ymd(b);
    return p < 0 || q < 0 ? NONE : op(p, q);
  };
}
function dateN(op: (a: number, n: number) => unknown) {
  return (a: unknown, n: unknown) => {
    const p = ymd(a);
    if (p < 0 || !isNumeric(n)) return NONE;
    return op(p, typeof n === 'number' ? Math.trunc(n) : toNumber(roundTo(n, 0, 'trunc'))) ?? NONE;
  };
}

function toRef(v: unknown): TerritoryRef | undefined {
  if (typeof v === 'string') return { communes: [v] };
  if (arr(v)) return v.every((x) => typeof x === 'string') ? { communes: v as string[] } : undefined;
  if (v === null || typeof v !== 'object') return undefined;
  const ref: Record<string, readonly string[]> = {};
  for (const k of ['communes', 'epcis', 'arrondissements', 'departements']) {
    if (!Object.hasOwn(v, k)) continue;
    const l = (v as Record<string, unknown>)[k];
    if (l == null) continue;
    if (!arr(l) || !l.every((x) => typeof x === 'string')) return undefined;
    ref[k] = l as string[];
  }
  return ref;
}

/**
 * `field <op> constant`, the commonest criterion shape, as one function literal per operator (each gets
 * its own type feedback, so the comparison is inlined); `undefined` for other operators or constants.
 */
function fieldConst(op: string, [i, u]: readonly [number, Unknown], k: unknown): Fn | undefined {
  const t = typeof k;
  // biome-ignore lint/suspicious/noExplicitAny: a number or a string, both ordered
  const n = k as any;
  // Numbers only: strings may be dates, ordered as dates (see orderStrings).
  if (t === 'number')
    switch (op) {
      case '<':
        return (c) => {
          const x: typeof n = c.v[i];
          return x === undefined ? u : typeof x === t ? x < n : NONE;
        };
      case '<=':
        return (c) => {
          const x: typeof n = c.v[i];
          return x === undefined ? u : typeof x === t ? x <= n : NONE;
        };
      case '>':
        return (c) => {
          const x: typeof n = c.v[i];
          return x === undefined ? u : typeof x === t ? x > n : NONE;
        };
      case '>=':
        return (c) => {
          const x: typeof n = c.v[i];
          return x === undefined ? u : typeof x === t ? x >= n : NONE;
        };
    }
  if (t !== 'object' && op === '==')
    return (c) => {
      const x = c.v[i];
      return x === undefined ? u : x === k;
    };
  if (op === 'in' && arr(k)) {
    const set = k.length > 8 ? new Set(k) : undefined;
    return (c) => {
      const x = c.v[i];
      return x === undefined ? u : set ? set.has(x) : k.includes(x);
    };
  }
  if (!num(k)) return;
  if (op === 'addMonths' || op === 'addDays') {
    const add = dateOps[op];
    const m = Math.trunc(k);
    return (c) => {
      const x = c.v[i];
      if (x === undefined) return u;
      const p = ymd(x);
      return p < 0 ? NONE : (add(p, m) ?? NONE);
    };
  }
  if (op === '*') {
    // The commonest arithmetic (`total × rate`): scaled integers in doubles, BigInt beyond.
    const places = decimalPlaces(k);
    const scaled = places > 0 ? Math.round(k * 10 ** places) : k;
    const divisor = 10 ** places;
    return (c) => {
      const x = c.v[i];
      if (x === undefined) return u;
      if (!num(x)) return NONE;
      if (places >= 0 && Number.isInteger(x)) {
        // An integer times a scaled constant: exact while under the bound (see _exact.ts).
        const product = x * scaled;
        if (places === 0 ? Number.isSafeInteger(product) : Math.abs(product) <= SCALED_LIMIT)
          return places ? product / divisor : product;
      }
      return scaledProduct(x, decimalPlaces(x), k, places) ?? multiply(x, k);
    };
  }
  if (op === '+' || op === '-' || op === '/') {
    const apply = op === '+' ? add : op === '-' ? subtract : divide;
    return (c) => {
      const x = c.v[i];
      return x === undefined ? u : num(x) ? (apply(x, k) ?? NONE) : NONE;
    };
  }
}

// biome-ignore lint/suspicious/noExplicitAny: each operator declares its own argument types
type Strict = [min: number, max: number, f: (...vals: any[]) => unknown];

const STRICT: Record<string, Strict> = {
  '==': [2, 2, (a, b) => a === b || eq(a, b)],
  '!=': [2, 2, (a, b) => !eq(a, b)],
  // Two numbers compare as doubles (exact, see _exact.ts) without a call; anything else via `order`.
  '<': [2, 2, (a, b) => (typeof a === 'number' && typeof b === 'number' ? a < b : ordered(a, b, '<'))],
  '<=': [2, 2, (a, b) => (typeof a === 'number' && typeof b === 'number' ? a <= b : ordered(a, b, '<='))],
  '>': [2, 2, (a, b) => (typeof a === 'number' && typeof b === 'number' ? a > b : ordered(a, b, '>'))],
  '>=': [2, 2, (a, b) => (typeof a === 'number' && typeof b === 'number' ? a >= b : ordered(a, b, '>='))],
  in: [2, 2, (x, l) => (arr(l) ? (x instanceof Exact ? l.some((y) => eq(x, y)) : l.includes(x)) : NONE)],
  subset: [2, 2, sets((a, b) => a.every((x) => b.includes(x)))],
  intersects: [2, 2, sets((a, b) => a.some((x) => b.includes(x)))],
  intersection: [2, 2, sets((a, b) => a.filter((x) => b.includes(x)))],
  '+': [2, Number.POSITIVE_INFINITY, arith(add)],
  '*': [2, Number.POSITIVE_INFINITY, arith(multiply)],
  '-': [2, 2, arith(subtract)],
  '/': [2, 2, arith(divide)],
  min: [1, Number.POSITIVE_INFINITY, arith(smaller)],
  max: [1, Number.POSITIVE_INFINITY, arith(larger)],
  round: [1, 3, rounding],
  days: [2, 2, date2(dateOps.days)],
  months: [2, 2, date2(dateOps.months)],
  addDays: [2, 2, dateN(dateOps.addDays)],
  addMonths: [2, 2, dateN(dateOps.addMonths)],
};
const UNARY: Record<string, (v: unknown) => unknown> = {
  count: (v) => (arr(v) ? v.length : NONE),
  floor: (v) => rounding(v, 0, 'floor'),
  ceil: (v) => rounding(v, 0, 'ceil'),
  percent: (v) => (isNumeric(v) ? divide(v, 100)! : NONE),
  distinct: (v) => (arr(v) ? [...new Set(v)] : NONE),
  isDate: (v) => isIsoDate(v),
};
const BOOLEAN_OPS = new Set([
  'all',
  'any',
  'not',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'subset',
  'intersects',
  'isDate',
  'inRegion',
  'withinOne',
]);

/** The names of the built-in operators `compile` knows (checked against the registry by a test). */
export const builtinOperatorNames = (): string[] => [
  ...Object.keys(SPECIAL),
  ...Object.keys(STRICT),
  ...Object.keys(UNARY),
];

function compileNode(node: ExpressionValue, st: St, depth: number, at: string): Fn {
  if (depth > MAX_EXPRESSION_DEPTH)
    throw new RuleSetError(at, `expression nested deeper than ${MAX_EXPRESSION_DEPTH}`);
  if (++st.nodes.n > MAX_EXPRESSION_NODES)
    throw new RuleSetError(at, `more than ${MAX_EXPRESSION_NODES} nodes`);
  if (node === null || typeof node !== 'object') return constant(node);
  if (Array.isArray(node)) {
    const fns = node.map((x, i) => compileNode(x, st, depth + 1, `${at}[${i}]`));
    if (fns.every((f) => CONST.has(f))) return constant(Object.freeze(fns.map((f) => CONST.get(f))));
    return listOf(fns);
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) throw new RuleSetError(at, 'an operator node has exactly one key');
  const op = keys[0]!;
  if (FORBIDDEN_KEYS.has(op) || !Object.hasOwn(node, op)) throw new RuleSetError(at, `forbidden key "${op}"`);
  const arg = node[op]!;
  const here = `${at}.${op}`;
  const sub = (x: ExpressionValue, i?: number) =>
    compileNode(x, st, depth + 1, i === undefined ? here : `${here}[${i}]`);
  const subs = (xs: ExpressionValue[]) => xs.map((x, i) => sub(x, i));

  const builtin = Object.hasOwn(SPECIAL, op) ? SPECIAL[op] : undefined;
  if (builtin) return builtin(arg, st, depth, here, sub, subs);
  if (Object.hasOwn(STRICT, op)) {
    const [min, max, f] = STRICT[op]!;
    const fns = subs(argList(arg, here, min, max));
    const fa = FIELD.get(fns[0]!);
    const fast = fa && fns.length === 2 && CONST.has(fns[1]!) && fieldConst(op, fa, CONST.get(fns[1]!));
    return fast || strict(fns, f);
  }
  if (Object.hasOwn(UNARY, op)) return strict([sub(arg)], UNARY[op]!);
  const custom =
    st.opts.operators && Object.hasOwn(st.opts.operators, op) ? st.opts.operators[op] : undefined;
  if (custom) return compileCustom(custom, subs(argList(arg, here, custom.args.length)));
  throw new RuleSetError(at, `unknown operator "${op}"`);
}

const TYPE_CHECK: Record<OperatorValueType, (v: unknown) => boolean> = {
  number: num,
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  date: isIsoDate,
  list: arr,
  any: () => true,
};

function compileCustom(def: OperatorDefinition, fns: Fn[]): Fn {
  const checks = def.args.map((t) => TYPE_CHECK[t]);
  const out = TYPE_CHECK[def.returns];
  return strict(fns, (...exact) => {
    // Custom operators take plain numbers: an exact rational is passed as its nearest double.
    const vals = exact.map((v) => (v instanceof Exact ? toNumber(v) : v));
    if (!vals.every((v, i) => checks[i]!(v))) return NONE;
    try {
      const r = (def.evaluate as (...a: unknown[]) => unknown)(...vals);
      return r === undefined || !out(r) ? NONE : r;
    } catch {
      return NONE;
    }
  });
}

type Special = (
  arg: ExpressionValue,
  st: St,
  depth: number,
  at: string,
  sub: (x: ExpressionValue, i?: number) => Fn,
  subs: (xs: ExpressionValue[]) => Fn[],
) => Fn;

function territoryOp(kind: 'inRegion' | 'outsideRegion' | 'communes' | 'units' | 'withinOne'): Special {
  return (arg, st, _d, at, sub, subs) => {
    const provider = st.opts.territory;
    if (!provider)
      throw new RuleSetError(at, `"${kind}" needs a territory provider (compile option "territory")`);
    const meshed = kind === 'units' || kind === 'withinOne';
    const fns = meshed ? subs(argList(arg, at, 2)) : [sub(arg)];
    return (c: Ctx) => {
      const vals = fns.map((f) => f(c));
      let u: Unknown | undefined;
      for (const v of vals) if (isU(v)) u = merge(u, v);
      if (u) return u;
      const [t, mesh] = vals;
      let r = c.tc?.get(t);
      if (!r) {
        const ref = toRef(t);
        if (!ref) return NONE;
        r = provider.resolve(ref);
        if (!c.tc) c.tc = new Map();
        c.tc.set(t, r);
        if (r.warnings.length) {
          if (!c.warn) c.warn = [];
          const w = c.warn;
          for (const x of r.warnings)
            if (!w.some((y) => y.message === x.message)) w.push(freeze({ code: x.code, message: x.message }));
        }
      }
      if (kind === 'outsideRegion') return r.outside;
      if (r.invalid.length > 0 || (r.communes.length === 0 && r.outside.length === 0)) return NONE;
      if (kind === 'inRegion') return r.outside.length === 0;
      if (kind === 'communes') return r.communes;
      if (typeof mesh !== 'string') return NONE;
      const units = r.units(mesh);
      if (!units) return NONE;
      return kind === 'units' ? units : r.outside.length === 0 && units.length === 1;
    };
  };
}

const SPECIAL: Record<string, Special> = {
  field: (arg, st, _d, at) => {
    if (typeof arg !== 'string') throw new RuleSetError(at, 'expects a field path string');
    pathOf(arg, at);
    if (!st.fields.includes(arg)) st.fields.push(arg);
    const i = slotOf(st, arg);
    const u = new Unknown([arg]);
    const fn: Fn = (c) => {
      const v = c.v[i];
      return v === undefined ? u : v;
    };
    FIELD.set(fn, [i, u]);
    return fn;
  },
  param: (arg, st, _d, at) => {
    if (typeof arg !== 'string' || !st.paramMap.has(arg)) {
      throw new RuleSetError(at, `unknown parameter ${JSON.stringify(arg)}`);
    }
    if (!st.params.includes(arg)) st.params.push(arg);
    const v = st.paramMap.get(arg)!.value;
    return constant(Array.isArray(v) ? Object.freeze([...v]) : v);
  },
  lit: (arg) => constant(structuredClone(arg)),
  /** A custom operator in its own namespace: `{"call": ["name", …arguments]}`. */
  call: (arg, st, _d, at, sub) => {
    const [name, ...args] = argList(arg, at, 1, Number.POSITIVE_INFINITY);
    const custom =
      typeof name === 'string' && st.opts.operators && Object.hasOwn(st.opts.operators, name)
        ? st.opts.operators[name]
        : undefined;
    if (!custom) throw new RuleSetError(`${at}[0]`, `unknown custom operator ${JSON.stringify(name)}`);
    if (args.length !== custom.args.length)
      throw new RuleSetError(at, `expects an array of ${custom.args.length + 1} argument(s)`);
    return compileCustom(
      custom,
      args.map((x, i) => sub(x, i + 1)),
    );
  },
  asOf: (_arg, st) => {
    const u = st.asOfField ? new Unknown([st.asOfField]) : NONE;
    return (c) => c.asOf ?? u;
  },
  all: (arg, _st, _d, at, _sub, subs) => kleene(subs(argList(arg, at, 1, Number.POSITIVE_INFINITY)), false),
  any: (arg, _st, _d, at, _sub, subs) => kleene(subs(argList(arg, at, 1, Number.POSITIVE_INFINITY)), true),
  not: (arg, _st, _d, _at, sub) => {
    const f = sub(arg);
    return (c) => {
      const v = f(c);
      return v === true ? false : v === false ? true : isU(v) ? v : NONE;
    };
  },
  if: (arg, _st, _d, at, _sub, subs) => {
    const [cond, yes, no] = subs(argList(arg, at, 3)) as [Fn, Fn, Fn];
    return (c) => {
      const v = cond(c);
      if (v === true) return yes(c);
      if (v === false) return no(c);
      if (!isU(v)) return NONE;
      // The condition is not known yet: the value is decided when both branches agree; otherwise
      // the fields of the condition and of each undecided branch could all decide it.
      const a = yes(c);
      const b = no(c);
      if (!isU(a) && !isU(b)) return eq(a, b) ? a : v;
      return merge(merge(v, isU(a) ? a : NONE), isU(b) ? b : NONE);
    };
  },
  pluck: (arg, _st, _d, at, sub) => {
    const [list, key] = argList(arg, at, 2);
    if (typeof key !== 'string' || !segOk(key)) {
      throw new RuleSetError(`${at}[1]`, 'expects a property name');
    }
    const f = sub(list!, 0);
    const base =
      list && typeof list === 'object' && !Array.isArray(list) && typeof list.field === 'string'
        ? list.field
        : '';
    return (c) => {
      const l = f(c);
      if (isU(l)) return l;
      if (!arr(l)) return NONE;
      let u: Unknown | undefined;
      const out = l.map((o, i) => {
        const v =
          o !== null && typeof o === 'object' && Object.hasOwn(o, key)
            ? (o as Record<string, unknown>)[key]
            : undefined;
        if (v == null) u = merge(u, base ? new Unknown([`${base}[${i}].${key}`]) : NONE);
        return v;
      });
      return u ?? out;
    };
  },
  inRegion: territoryOp('inRegion'),
  outsideRegion: territoryOp('outsideRegion'),
  communes: territoryOp('communes'),
  units: territoryOp('units'),
  withinOne: territoryOp('withinOne'),
};

/** Kleene conjunction (`stop` = false) or disjunction (`stop` = true). */
function kleene(fns: Fn[], stop: boolean): Fn {
  return (c) => {
    let u: Unknown | undefined;
    for (const f of fns) {
      const v = f(c);
      if (v === stop) return stop;
      if (v !== !stop) u = merge(u, isU(v) ? v : NONE);
    }
    return u ?? !stop;
  };
}

/** The message catalogue: a message per status, with `{label}` and `{missing}` placeholders. */
const CATALOGUE: Record<CriterionStatus, RuleText> = {
  pass: { fr: 'Critère rempli : {label}.', en: 'Criterion met: {label}.' },
  fail: { fr: 'Critère non rempli : {label}.', en: 'Criterion not met: {label}.' },
  unknown: {
    fr: 'Impossible de conclure : {label} — à renseigner : {missing}.',
    en: 'Cannot tell yet: {label} — please provide: {missing}.',
  },
};
const fill = (t: string, label: string, missing: string) =>
  t.replace('{label}', label.charAt(0).toLowerCase() + label.slice(1)).replace('{missing}', missing || '—');

const freeze = Object.freeze;
const EMPTY: readonly string[] = shareFrozen([]);

/**
 * Compiles a flat rule set (no `extends`; see `resolveRuleSet`) into an {@link Evaluator}: every
 * expression becomes a closure once; evaluation does no interpretation of rule text and never runs code
 * from it. Operators, arity, parameter references and field paths are checked here.
 *
 * Verdict semantics: a criterion is `pass`, `fail` or `unknown` (Kleene logic, unknown is never
 * coerced to false); the verdict is `ineligible` as soon as one criterion fails, `eligible` when all
 * pass, `undetermined` otherwise, with `missing` listing the fields whose answer could still change it.
 *
 * @param ruleSet - A validated, flat rule set (see `parseRuleSet`).
 * @param options - The territory provider and custom operators.
 * @returns The evaluator.
 * @throws {@link RuleSetError} for an unknown operator, a wrong arity, an unknown parameter, an unsafe
 * field path, an expression too deep or too large, or a rule set that still `extends` another.
 * @example
 * ```ts
 * import { compile, parseRuleSet } from 'cprdfop/rules';
 * const rs = parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'demo', version: '1', title: { fr: 'Démo', en: 'Demo' },
 *   validFrom: '2023-01-01',
 *   parameters: [{ name: 'min', value: 2, provenance: { mark: 'assumption', justification: 'demo' } }],
 *   criteria: [{ id: 'enough', label: { fr: 'Assez', en: 'Enough' },
 *     when: { '>=': [{ field: 'n' }, { param: 'min' }] } }],
 * });
 * const ev = compile(rs);
 * ev.evaluate({ n: 3 }, { asOf: '2023-05-01' }).verdict; // "eligible"
 * ev.evaluate({}, { asOf: '2023-05-01' }).missing; // ["n"]
 * ```
 * @category Evaluation
 */
export function compile(ruleSet: RuleSet, options: CompileOptions = {}): Evaluator {
  if (ruleSet.extends) {
    throw new RuleSetError('extends', `extends "${ruleSet.extends}": resolve it first with resolveRuleSet`);
  }
  for (const name of Object.keys(options.operators ?? {})) {
    if (!segOk(name) || name in SPECIAL || name in STRICT || name in UNARY || signatureOf(name)) {
      throw new RuleSetError('', `custom operator "${name}" is reserved or invalid`);
    }
  }
  const paramMap = new Map<string, Parameter>();
  ruleSet.parameters.forEach((p, i) => {
    if (paramMap.has(p.name)) throw new RuleSetError(`parameters[${i}]`, `duplicate parameter "${p.name}"`);
    paramMap.set(p.name, p);
  });
  // Static types first: wrong operand kinds, arity and unknown fields are errors before any closure.
  const types: TypeEnvironment = {
    parameters: paramMap,
    fields: declaredFieldTypes(ruleSet.fields),
    custom: new Map(
      Object.entries(options.operators ?? {}).map(([name, op]) => [
        name,
        { operands: op.args, result: op.returns },
      ]),
    ),
  };
  ruleSet.criteria.forEach((cr, i) => {
    typeOf(cr.when, types, `criteria[${i}].when`);
  });
  if (ruleSet.funding?.enabled) {
    const amount = typeOf(ruleSet.funding.amount, types, 'funding.amount');
    if (amount !== 'number' && amount !== 'any')
      throw new RuleSetError('funding.amount', `the amount must be a number, not a ${amount}`);
  }
  const nodes = { n: 0 };
  const slots = new Map<string, number>();
  const asOfField = ruleSet.asOfField;
  const asOfPath = asOfField ? pathOf(asOfField, 'asOfField') : undefined;
  // One frozen record per assumption, shared by every explanation that lists it.
  const assumptionUsed = new Map<string, AssumptionUsed>();
  const assumption = (names: readonly string[]): AssumptionUsed[] =>
    names.flatMap((n) => {
      const p = paramMap.get(n)!;
      if (p.provenance.mark !== 'assumption') return [];
      let used = assumptionUsed.get(n);
      if (!used) {
        used = shareFrozen({
          name: n,
          value: frozenCopy(p.value),
          justification: p.provenance.justification,
        });
        assumptionUsed.set(n, used);
      }
      return [used];
    });
  const isAssumption = (name: string) => paramMap.get(name)?.provenance.mark === 'assumption';
  const ids = new Set<string>();
  const crits = ruleSet.criteria.map((cr, i) => {
    if (ids.has(cr.id)) throw new RuleSetError(`criteria[${i}]`, `duplicate criterion "${cr.id}"`);
    ids.add(cr.id);
    const st: St = { slots, fields: [], params: [], nodes, paramMap, opts: options, asOfField };
    const at = `criteria[${i}].when`;
    const w = cr.when;
    const fn = compileNode(w, st, 0, at);
    if (w !== null && typeof w === 'object' && !Array.isArray(w)) {
      const op = Object.keys(w)[0];
      const custom =
        op && options.operators && Object.hasOwn(options.operators, op) ? options.operators[op] : undefined;
      if (
        op &&
        !BOOLEAN_OPS.has(op) &&
        op !== 'field' &&
        op !== 'param' &&
        op !== 'if' &&
        custom?.returns !== 'boolean'
      ) {
        throw new RuleSetError(at, `a criterion must be a boolean expression, not "${op}"`);
      }
    } else if (typeof w !== 'boolean') {
      throw new RuleSetError(at, 'a criterion must be a boolean expression');
    }
    const parameters: Record<string, ParameterValue> = {};
    for (const p of st.params) parameters[p] = frozenCopy(paramMap.get(p)!.value);
    shareFrozen(parameters);
    const label = frozenCopy(cr.label);
    const source = cr.source ? frozenCopy(cr.source) : null;
    const fieldSlots = st.fields.map((f) => slots.get(f)!);
    const msg = (s: CriterionStatus, missing = ''): RuleText => {
      const t = cr.messages?.[s] ?? CATALOGUE[s];
      return shareFrozen({ fr: fill(t.fr, cr.label.fr, missing), en: fill(t.en, cr.label.en, missing) });
    };
    // Everything static is computed once, frozen and shared by every explanation: one part per status
    // (per `missing` list for `unknown`), built on first use; each evaluation builds a plain criterion
    // object with its `observed` values around those parts.
    const part = (status: CriterionStatus, message: RuleText, missing = EMPTY): Part =>
      registerPart({
        id: cr.id,
        status,
        label,
        message,
        parameters,
        source,
        missing,
        keys: st.fields,
        slots: fieldSlots,
      });
    // Which assumptions a decision depended on: sub-expressions evaluated only for that (_dependsOn.ts).
    const tree = dependencyTree<Ctx>(
      w,
      (node) => compileNode(node, { ...st, fields: [], params: [], nodes: { n: 0 } }, 0, at),
      isAssumption,
    );
    return {
      fn,
      tree: isStatic(tree) ? undefined : tree,
      assumptions: assumption(st.params),
      pass: undefined as Part | undefined,
      fail: undefined as Part | undefined,
      unknown: new Map<readonly string[], Part>(),
      part,
      msg,
      own: cr.messages?.unknown ? msg('unknown') : undefined,
    };
  });
  let funding: { fn: Fn; unit: string; assumptions: AssumptionUsed[] } | undefined;
  if (ruleSet.funding?.enabled) {
    const st: St = { slots, fields: [], params: [], nodes, paramMap, opts: options, asOfField };
    funding = {
      fn: compileNode(ruleSet.funding.amount, st, 0, 'funding.amount'),
      unit: ruleSet.funding.unit,
      assumptions: assumption(st.params),
    };
  }
  const nC = crits.length;
  const allAssumptions = shareFrozen(dedupe(crits.flatMap((c) => c.assumptions)));
  /**
   * Assumptions of the failed criteria, by bit set of failed criteria (the first 30): a dense array up
   * to 12 criteria (an index, not a hash lookup), a sparse one beyond; at most 4,096 sets kept.
   */
  const failedAssumptions: (readonly AssumptionUsed[] | undefined)[] = new Array(nC > 12 ? 0 : 1 << nC);
  let failedSets = 0;
  /** Whether some criterion's assumptions depend on the evaluation (else they are static lists). */
  const dynamic = crits.some((k) => k.tree !== undefined);
  /**
   * The assumptions the verdict depended on: an ineligible verdict, those of one failed criterion with
   * the fewest; otherwise those of every criterion — each as its evaluation actually used them.
   */
  const assumptionsUsed = (
    c: Ctx,
    criteria: readonly CriterionExplanation[],
    ineligible: boolean,
  ): readonly AssumptionUsed[] => {
    const perCriterion = crits.map((k, i) =>
      k.tree && (!ineligible || criteria[i]!.status === 'fail')
        ? assumption(dependsOn(k.tree, c, statusValue(criteria[i]!.status)))
        : k.assumptions,
    );
    if (ineligible) return fewestOfFailed(perCriterion, criteria);
    return freeze(dedupe(perCriterion.flat()));
  };
  // The hash is computed on first use (cold start: compiling does not wait for SHA-256).
  let stamp: Explanation['ruleSet'] | undefined;
  const stampOf = (): Explanation['ruleSet'] =>
    (stamp ??= shareFrozen({ id: ruleSet.id, version: ruleSet.version, hash: hashRuleSet(ruleSet) }));
  const { validFrom, validTo } = ruleSet;

  // Slots read the application's top-level properties (`tops`), then the rest of their path.
  const tops = new Map<string, number>();
  const paths = [...slots.keys()].map((f) => {
    const [top, ...rest] = f.split('.') as [string, ...string[]];
    if (!tops.has(top)) tops.set(top, tops.size);
    return { top: tops.get(top)!, rest };
  });
  const topKeys = [...tops.keys()];
  /** The evaluation date's slot among the top-level values, when it is one (read once). */
  const asOfTop = asOfPath?.length === 1 ? tops.get(asOfPath[0]!) : undefined;
  const seen: (string | number | undefined)[] = [];
  const nSlots = paths.length;
  /** Every slot is a top-level property, in the same order: the top-level values are the slots. */
  const flat = paths.every((p, i) => p.top === i && !p.rest.length);
  /** The `unknown` part of a criterion, by `missing` list (merged unknowns have stable identities). */
  const unknownPart = (k: (typeof crits)[number], missing: readonly string[]): Part => {
    let m = k.unknown.get(missing);
    if (!m) {
      if (k.unknown.size > 256) k.unknown.clear();
      m = k.part('unknown', k.own ?? k.msg('unknown', missing.join(', ')), missing);
      k.unknown.set(missing, m);
    }
    return m;
  };
  /** The evaluation date is checked when it changes (applications often share it). */
  const NO_AS_OF: RuleWarning = shareFrozen({
    code: 'no-as-of',
    message: 'no evaluation date: neither given nor found in the application',
  });
  const notInForce = (d: string): RuleWarning =>
    shareFrozen({
      code: 'not-in-force',
      message: `rule set ${ruleSet.id}@${ruleSet.version} is not in force on ${d} (${validFrom} → ${validTo ?? '…'})`,
    });
  let lastGiven: unknown;
  let lastAsOf: string | null = null;
  let lastWarning: RuleWarning | undefined = NO_AS_OF;

  const evaluate = (application: unknown, opts?: EvaluateOptions): Explanation => {
    const t = readTop(application, topKeys, tops, seen);
    const given =
      opts?.asOf ?? (asOfTop === undefined ? asOfPath && read(application, asOfPath) : t[asOfTop]);
    if (given !== lastGiven) {
      lastGiven = given;
      const d = isIsoDate(given) ? given : null;
      lastAsOf = d;
      lastWarning =
        d === null ? NO_AS_OF : d < validFrom || (validTo && d > validTo) ? notInForce(d) : undefined;
    }
    const asOf = lastAsOf;
    const asOfWarning = lastWarning;
    if (asOf !== null && asOfWarning) throw new RuleSetNotInForceError(ruleSet, asOf);
    let v = t;
    if (!flat) {
      v = new Array(nSlots);
      for (let i = 0; i < nSlots; i++) v[i] = read(t[paths[i]!.top], paths[i]!.rest);
    }
    const c: Ctx = { asOf, warn: null, tc: null, v };
    let failed = 0;
    let unknown = false;
    const criteria: CriterionExplanation[] = new Array(nC);
    for (let i = 0; i < nC; i++) {
      const k = crits[i]!;
      const r = k.fn(c);
      let p: Part;
      if (r === true) p = k.pass ??= k.part('pass', k.msg('pass'));
      else if (r === false) {
        p = k.fail ??= k.part('fail', k.msg('fail'));
        failed |= i < 30 ? 1 << i : 1 << 30;
      } else {
        unknown = true;
        p = unknownPart(k, isU(r) ? r.paths : EMPTY);
      }
      // A fresh plain object per evaluation around the frozen shared parts (freezing it would cost
      // three times its building: what is fresh is the caller's, what is shared is frozen).
      const observed: Record<string, unknown> = {};
      const { keys, slots: fieldSlots } = p;
      for (let j = 0; j < keys.length; j++) observed[keys[j]!] = v[fieldSlots[j]!] ?? null;
      criteria[i] = {
        id: p.id,
        status: p.status,
        label: p.label,
        message: p.message,
        observed,
        parameters: p.parameters,
        source: p.source,
        missing: p.missing,
      };
    }
    let verdict: Verdict = failed ? 'ineligible' : unknown ? 'undetermined' : 'eligible';
    const missing: string[] = [];
    if (unknown && !failed)
      for (let i = 0; i < nC; i++) {
        const m = criteria[i]!.missing;
        for (let j = 0; j < m.length; j++) if (!missing.includes(m[j]!)) missing.push(m[j]!);
      }
    const warnings: RuleWarning[] = c.warn ?? [];
    if (asOfWarning) {
      warnings.push(asOfWarning);
      if (asOf === null && !failed && asOfField) {
        verdict = 'undetermined';
        if (!missing.includes(asOfField)) missing.push(asOfField);
      }
    }
    let assumptions: readonly AssumptionUsed[] = allAssumptions;
    if (dynamic) assumptions = assumptionsUsed(c, criteria, failed !== 0);
    else if (failed) {
      assumptions = failedAssumptions[failed]!;
      if (!assumptions) {
        assumptions = fewestOfFailed(
          crits.map((k) => k.assumptions),
          criteria,
        );
        if (!(failed & (1 << 30)) && failedSets++ < 4096) failedAssumptions[failed] = assumptions;
      }
    }
    let fundingOut: Explanation['funding'] = null;
    if (funding) {
      const v = failed ? null : funding.fn(c);
      fundingOut = {
        amount: isNumeric(v) ? toNumber(roundTo(v, 2, 'half-up')) : null,
        unit: funding.unit,
        missing: isU(v) ? v.paths : EMPTY,
      };
      if (!failed && funding.assumptions.length)
        assumptions = freeze(dedupe([...assumptions, ...funding.assumptions]));
    }
    return {
      format: EXPLANATION_FORMAT,
      verdict,
      ruleSet: stamp ?? stampOf(),
      asOf,
      criteria,
      missing,
      assumptions,
      warnings,
      funding: fundingOut,
    };
  };
  return {
    id: ruleSet.id,
    version: ruleSet.version,
    get hash() {
      return stampOf().hash;
    },
    ruleSet,
    evaluate,
  };
}

/** A criterion's status as the value of its expression. */
const statusValue = (status: CriterionStatus): boolean | undefined =>
  status === 'pass' ? true : status === 'fail' ? false : undefined;

/** The assumptions of one failed criterion with the fewest (none when one failed criterion uses none). */
function fewestOfFailed(
  perCriterion: readonly (readonly AssumptionUsed[])[],
  criteria: readonly CriterionExplanation[],
): readonly AssumptionUsed[] {
  let best: readonly AssumptionUsed[] | undefined;
  for (let i = 0; i < criteria.length; i++)
    if (criteria[i]!.status === 'fail' && (!best || perCriterion[i]!.length < best.length))
      best = perCriterion[i]!;
  return shareFrozen(dedupe(best ?? []));
}

function dedupe(list: readonly AssumptionUsed[]): AssumptionUsed[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    if (seen.has(a.name)) return false;
    seen.add(a.name);
    return true;
  });
}
