/**
 * Compile-time type checking of expressions (issue #12): every node gets a static type from the
 * operator registry (`operators/registry.ts`), the rule set's parameters and, when the rule set
 * declares its `fields`, the declared field types. Wrong operand kinds, wrong arity and unknown fields
 * are `RuleSetError`s naming the node (path and JSON pointer). What cannot be known statically (an
 * undeclared field) is `any` and passes; evaluation still gives unknown on a wrong value.
 */
import { isIsoDate } from './_dates.js';
import { RuleSetError } from './errors.js';
import type { FieldDeclaration, FieldType } from './FieldDeclaration.js';
import { signatureOf, type ValueType } from './operators/registry.js';
import { type ExpressionValue, isDatedValue, type Parameter } from './RuleSet.js';

/** What the checker knows about the rule set. */
export interface TypeEnvironment {
  parameters: ReadonlyMap<string, Parameter>;
  /** Declared field types by path (`undefined` when the rule set declares no fields). */
  fields: ReadonlyMap<string, ValueType> | undefined;
  /** Result types of custom operators by name, with their operand types. */
  custom: ReadonlyMap<string, { operands: readonly ValueType[]; result: ValueType }>;
  /**
   * Inside a per-item expression (`some`, `every`, `filter`, `sum`): the declared path prefix of the
   * list's items (`participants.*.`), `null` when the list's items are not declared.
   */
  item?: string | null;
  /** The static types of the definitions checked so far, by name. */
  definitions?: ReadonlyMap<string, ValueType>;
}

/** The declared item prefix of a list node (`participants.*.`), `null` when not declared. */
function itemPrefix(node: ExpressionValue, env: TypeEnvironment): string | null {
  if (!env.fields || node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  if (typeof node.field === 'string' && env.fields.get(node.field) === 'list') return `${node.field}.*.`;
  if (typeof node.item === 'string' && env.item && env.fields.get(`${env.item}${node.item}`) === 'list')
    return `${env.item}${node.item}.*.`;
  return null;
}

const FIELD_TYPES: Record<FieldType, ValueType> = {
  integer: 'number',
  decimal: 'number',
  money: 'number',
  percent: 'number',
  boolean: 'boolean',
  string: 'string',
  date: 'date',
  enum: 'string',
  set: 'list',
  list: 'list',
  territory: 'any',
};

/** Declared field types by path (list items as `list.item`). */
export function declaredFieldTypes(
  fields: readonly FieldDeclaration[] | undefined,
): Map<string, ValueType> | undefined {
  if (!fields) return;
  const types = new Map<string, ValueType>();
  const add = (declarations: readonly FieldDeclaration[], prefix: string) => {
    for (const field of declarations) {
      types.set(prefix + field.path, FIELD_TYPES[field.type]);
      if (field.items) add(field.items, `${prefix}${field.path}.*.`);
    }
  };
  add(fields, '');
  return types;
}

/** The type of a JSON value. */
function typeOfValue(value: unknown): ValueType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return isIsoDate(value) ? 'date' : 'string';
  return 'any';
}

/** Whether a value of type `actual` can be an operand of type `expected`. */
const accepts = (expected: ValueType, actual: ValueType): boolean =>
  expected === 'any' ||
  actual === 'any' ||
  expected === actual ||
  (expected === 'string' && actual === 'date');

/** The kind compared by `==` and ordered by `<`: dates and strings are one kind. */
const kind = (type: ValueType): ValueType => (type === 'date' ? 'string' : type);

/** `criteria[0].when.<=[1]` as a JSON pointer into the rule set: `/criteria/0/when/<=/1`. */
export function jsonPointer(path: string): string {
  const tokens: string[] = [];
  for (const part of path.matchAll(/\[(\d+)\]|\.?([^.[\]]+)/g)) tokens.push(part[1] ?? part[2]!);
  return `/${tokens.map((t) => t.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

function fail(at: string, message: string): never {
  throw new RuleSetError(at, `${message} (JSON pointer ${jsonPointer(at)})`);
}

/** The static type of a field path: declared, inside a declared list (`any`), or unknown (an error). */
function fieldType(path: string, env: TypeEnvironment, at: string): ValueType {
  if (!env.fields) return 'any';
  const declared = env.fields.get(path);
  if (declared) return declared;
  // `partners.0.type`: an item of a declared list.
  const segments = path.split('.');
  for (let end = segments.length - 1; end > 0; end--) {
    const head = segments.slice(0, end).join('.');
    if (env.fields.get(head) === 'list') {
      const rest = segments.slice(end);
      if (/^\d+$/.test(rest[0]!)) {
        const item = env.fields.get(`${head}.*.${rest.slice(1).join('.')}`);
        return rest.length === 1
          ? 'any'
          : (item ?? fail(at, `unknown field "${path}" (not in the declared fields)`));
      }
    }
  }
  return fail(at, `unknown field "${path}" (not in the declared fields)`);
}

/**
 * Checks an expression and returns its static type.
 * @throws {@link RuleSetError} for a wrong operand kind, a wrong arity or an unknown field.
 */
export function typeOf(node: ExpressionValue, env: TypeEnvironment, at: string): ValueType {
  if (node === null || typeof node !== 'object') return typeOfValue(node);
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) typeOf(node[index]!, env, `${at}[${index}]`);
    return 'list';
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) return 'any'; // compile reports it
  const op = keys[0]!;
  const arg = node[op]!;
  const here = `${at}.${op}`;
  switch (op) {
    case 'field':
      return typeof arg === 'string' ? fieldType(arg, env, here) : fail(here, 'expects a field path string');
    case 'param': {
      const parameter = typeof arg === 'string' ? env.parameters.get(arg) : undefined;
      if (!parameter) return 'any';
      // A dated parameter: every value has the same type (checked by the schema), the first's.
      return typeOfValue(isDatedValue(parameter.value) ? parameter.value.values[0]!.value : parameter.value);
    }
    case 'lit':
      return typeOfValue(arg);
    case 'if': {
      if (!Array.isArray(arg) || arg.length !== 3) return 'any';
      const condition = typeOf(arg[0]!, env, `${here}[0]`);
      if (!accepts('boolean', condition))
        fail(`${here}[0]`, `the condition must be a boolean, not ${condition}`);
      const yes = typeOf(arg[1]!, env, `${here}[1]`);
      const no = typeOf(arg[2]!, env, `${here}[2]`);
      return yes === no ? yes : 'any';
    }
    case 'ref': {
      const type = typeof arg === 'string' ? env.definitions?.get(arg) : undefined;
      return type ?? fail(here, `unknown definition ${JSON.stringify(arg)}`);
    }
    case 'item': {
      if (env.item === undefined) return fail(here, 'an item is read only inside some, every, filter or sum');
      if (typeof arg !== 'string') return fail(here, 'expects a property path string');
      if (env.item === null || arg === '.') return 'any';
      const declared = env.fields?.get(`${env.item}${arg}`);
      return declared ?? fail(here, `unknown item field "${arg}" (not in the declared items of the list)`);
    }
    case 'some':
    case 'every':
    case 'filter':
    case 'sum': {
      const min = op === 'sum' ? 1 : 2;
      if (!Array.isArray(arg) || arg.length < min || arg.length > 2)
        return fail(here, `expects an array of ${min === 2 ? '2' : '1 to 2'} argument(s)`);
      const list = typeOf(arg[0]!, env, `${here}[0]`);
      if (!accepts('list', list)) fail(`${here}[0]`, `expects a list, not a ${list}`);
      if (arg.length === 2) {
        const each = typeOf(arg[1]!, { ...env, item: itemPrefix(arg[0]!, env) }, `${here}[1]`);
        const expected = op === 'sum' ? 'number' : 'boolean';
        if (!accepts(expected, each))
          fail(`${here}[1]`, `expects a ${expected} for each item, not a ${each}`);
      }
      return op === 'filter' ? 'list' : op === 'sum' ? 'number' : 'boolean';
    }
    case 'default': {
      if (!Array.isArray(arg) || arg.length !== 2) return fail(here, 'expects an array of 2 argument(s)');
      const value = typeOf(arg[0]!, env, `${here}[0]`);
      const fallback = typeOf(arg[1]!, env, `${here}[1]`);
      if (value !== 'any' && fallback !== 'any' && fallback !== 'null' && kind(value) !== kind(fallback))
        fail(`${here}[1]`, `the default is a ${fallback}, the value a ${value}`);
      return value === fallback ? value : value === 'any' ? fallback : value;
    }
    case 'call': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string')
        return fail(here, 'expects ["operator name", …arguments]');
      const custom = env.custom.get(arg[0]);
      if (!custom) return fail(`${here}[0]`, `unknown custom operator "${arg[0]}"`);
      return checkOperands(
        arg.slice(1),
        custom.operands,
        [custom.operands.length, custom.operands.length],
        env,
        here,
        1,
        custom.result,
      );
    }
  }
  const signature = signatureOf(op);
  if (!signature) {
    const custom = env.custom.get(op);
    if (!custom || !Array.isArray(arg)) return 'any'; // compile reports unknown operators
    return checkOperands(
      arg,
      custom.operands,
      [custom.operands.length, custom.operands.length],
      env,
      here,
      0,
      custom.result,
    );
  }
  if (signature.unary)
    return checkOperands([arg], signature.operands, [1, 1], env, here, -1, signature.result);
  if (!Array.isArray(arg)) {
    if (op === 'asOf') return 'date';
    return 'any'; // compile reports the arity
  }
  const types = checkOperandTypes(arg, signature.operands, signature.arity ?? [0, 0], env, here, 0);
  if (signature.rule) {
    const [left, right] = types as [ValueType, ValueType];
    const known = left !== 'any' && right !== 'any' && left !== 'null' && right !== 'null';
    if (known && kind(left) !== kind(right))
      fail(
        here,
        `compares a ${left} with a ${right}: always ${op === '!=' ? 'true' : signature.rule === 'comparable' ? 'false' : 'unknown'}`,
      );
    if (signature.rule === 'ordered')
      for (const [index, type] of types.entries())
        if (type !== 'any' && type !== 'number' && type !== 'string' && type !== 'date')
          fail(`${here}[${index}]`, `"${op}" orders numbers or strings, not a ${type}`);
  }
  return signature.result;
}

function checkOperands(
  args: readonly ExpressionValue[],
  operands: readonly ValueType[],
  arity: readonly [number, number],
  env: TypeEnvironment,
  at: string,
  offset: number,
  result: ValueType,
): ValueType {
  checkOperandTypes(args, operands, arity, env, at, offset);
  return result;
}

function checkOperandTypes(
  args: readonly ExpressionValue[],
  operands: readonly ValueType[],
  [min, max]: readonly [number, number],
  env: TypeEnvironment,
  at: string,
  offset: number,
): ValueType[] {
  if (args.length < min || args.length > max) {
    const expected =
      min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    fail(at, `expects an array of ${expected} argument(s), got ${args.length}`);
  }
  return args.map((arg, index) => {
    const where = offset < 0 ? at : `${at}[${index + offset}]`;
    const type = typeOf(arg, env, where);
    const expected = operands[Math.min(index, operands.length - 1)] ?? 'any';
    if (!accepts(expected, type)) fail(where, `expects a ${expected}, not a ${type}`);
    return type;
  });
}
