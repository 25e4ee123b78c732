/**
 * Compile-time type checking of expressions (issue #12): every node gets a static type from the
 * operator registry (`operators/registry.ts`), the rule set's parameters and, when the rule set
 * declares its `fields`, the declared field types. Wrong operand kinds, wrong arity and unknown fields
 * are `RuleSetError`s naming the node (path and JSON pointer). What cannot be known statically (an
 * undeclared field) is `any` and passes; evaluation still gives unknown on a wrong value.
 */
import { type Message, renderBoth } from '../_shared/messages.js';
import { quoteValue } from '../_shared/showValue.js';
import { isIsoDate } from './_dates.js';
import { RuleSetError } from './errors.js';
import type { FieldDeclaration, FieldType } from './FieldDeclaration.js';
import {
  argumentCount,
  expectsArguments,
  expectsFieldPath,
  expectsPropertyPath,
  itemOutsideAList,
} from './operators/_kernel.js';
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

function fail(at: string, message: Message): never {
  throw new RuleSetError(
    at,
    renderBoth(
      { fr: '{message} (pointeur JSON {pointer})', en: '{message} (JSON pointer {pointer})' },
      { message, pointer: jsonPointer(at) },
    ),
  );
}

const FRENCH_TYPES: Record<ValueType, string> = {
  number: 'un nombre',
  string: 'une chaîne',
  date: 'une date',
  boolean: 'un booléen',
  list: 'une liste',
  null: 'null',
  any: 'une valeur quelconque',
};

/**
 * A static type in a sentence: `a number` / « un nombre » (`withArticle`), or the bare type name in
 * English where the English message never had an article (`not boolean`).
 */
export function typeInWords(type: ValueType, withArticle = true): Message {
  return { fr: FRENCH_TYPES[type], en: withArticle ? `a ${type}` : type };
}

const unknownField = (path: string): Message =>
  renderBoth(
    {
      fr: 'champ inconnu « {path} » (absent des champs déclarés)',
      en: 'unknown field "{path}" (not in the declared fields)',
    },
    { path },
  );

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
        return rest.length === 1 ? 'any' : (item ?? fail(at, unknownField(path)));
      }
    }
  }
  return fail(at, unknownField(path));
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
      return typeof arg === 'string' ? fieldType(arg, env, here) : fail(here, expectsFieldPath());
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
        fail(
          `${here}[0]`,
          renderBoth(
            {
              fr: 'la condition doit être un booléen, pas {type}',
              en: 'the condition must be a boolean, not {type}',
            },
            { type: typeInWords(condition, false) },
          ),
        );
      const yes = typeOf(arg[1]!, env, `${here}[1]`);
      const no = typeOf(arg[2]!, env, `${here}[2]`);
      return yes === no ? yes : 'any';
    }
    case 'ref': {
      const type = typeof arg === 'string' ? env.definitions?.get(arg) : undefined;
      return (
        type ??
        fail(
          here,
          renderBoth(
            { fr: 'définition inconnue {name}', en: 'unknown definition {name}' },
            { name: quoteValue(arg) },
          ),
        )
      );
    }
    case 'item': {
      if (env.item === undefined) return fail(here, itemOutsideAList());
      if (typeof arg !== 'string') return fail(here, expectsPropertyPath());
      if (env.item === null || arg === '.') return 'any';
      const declared = env.fields?.get(`${env.item}${arg}`);
      return (
        declared ??
        fail(
          here,
          renderBoth(
            {
              fr: 'champ d’item inconnu « {name} » (absent des items déclarés de la liste)',
              en: 'unknown item field "{name}" (not in the declared items of the list)',
            },
            { name: arg },
          ),
        )
      );
    }
    case 'some':
    case 'every':
    case 'filter':
    case 'sum': {
      const min = op === 'sum' ? 1 : 2;
      if (!Array.isArray(arg) || arg.length < min || arg.length > 2)
        return fail(here, expectsArguments(min, 2));
      const list = typeOf(arg[0]!, env, `${here}[0]`);
      if (!accepts('list', list))
        fail(
          `${here}[0]`,
          renderBoth(
            { fr: 'attend une liste, pas {type}', en: 'expects a list, not {type}' },
            { type: typeInWords(list) },
          ),
        );
      if (arg.length === 2) {
        const each = typeOf(arg[1]!, { ...env, item: itemPrefix(arg[0]!, env) }, `${here}[1]`);
        const expected = op === 'sum' ? 'number' : 'boolean';
        if (!accepts(expected, each))
          fail(
            `${here}[1]`,
            renderBoth(
              {
                fr: 'attend {expected} pour chaque item, pas {type}',
                en: 'expects {expected} for each item, not {type}',
              },
              { expected: typeInWords(expected), type: typeInWords(each) },
            ),
          );
      }
      return op === 'filter' ? 'list' : op === 'sum' ? 'number' : 'boolean';
    }
    case 'default': {
      if (!Array.isArray(arg) || arg.length !== 2) return fail(here, expectsArguments(2, 2));
      const value = typeOf(arg[0]!, env, `${here}[0]`);
      const fallback = typeOf(arg[1]!, env, `${here}[1]`);
      if (value !== 'any' && fallback !== 'any' && fallback !== 'null' && kind(value) !== kind(fallback))
        fail(
          `${here}[1]`,
          renderBoth(
            {
              fr: 'la valeur par défaut est {fallback}, la valeur {value}',
              en: 'the default is {fallback}, the value {value}',
            },
            { fallback: typeInWords(fallback), value: typeInWords(value) },
          ),
        );
      return value === fallback ? value : value === 'any' ? fallback : value;
    }
    case 'call': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string')
        return fail(
          here,
          renderBoth(
            { fr: 'attend {shape}', en: 'expects {shape}' },
            { shape: { fr: '["nom de l’opérateur", …arguments]', en: '["operator name", …arguments]' } },
          ),
        );
      const custom = env.custom.get(arg[0]);
      if (!custom)
        return fail(
          `${here}[0]`,
          renderBoth(
            { fr: 'opérateur personnalisé inconnu « {name} »', en: 'unknown custom operator "{name}"' },
            { name: arg[0] },
          ),
        );
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
        renderBoth(
          {
            fr: 'compare {left} à {right} : toujours {result}',
            en: 'compares {left} with {right}: always {result}',
          },
          {
            left: typeInWords(left),
            right: typeInWords(right),
            result:
              op === '!='
                ? { fr: 'vrai', en: 'true' }
                : signature.rule === 'comparable'
                  ? { fr: 'faux', en: 'false' }
                  : { fr: 'inconnu', en: 'unknown' },
          },
        ),
      );
    if (signature.rule === 'ordered')
      for (const [index, type] of types.entries())
        if (type !== 'any' && type !== 'number' && type !== 'string' && type !== 'date')
          fail(
            `${here}[${index}]`,
            renderBoth(
              {
                fr: '« {op} » ordonne des nombres ou des chaînes, pas {type}',
                en: '"{op}" orders numbers or strings, not {type}',
              },
              { op, type: typeInWords(type) },
            ),
          );
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
    fail(
      at,
      renderBoth(
        {
          fr: 'attend un tableau de {count} argument(s), en a reçu {got}',
          en: 'expects an array of {count} argument(s), got {got}',
        },
        { count: argumentCount(min, max), got: String(args.length) },
      ),
    );
  }
  return args.map((arg, index) => {
    const where = offset < 0 ? at : `${at}[${index + offset}]`;
    const type = typeOf(arg, env, where);
    const expected = operands[Math.min(index, operands.length - 1)] ?? 'any';
    if (!accepts(expected, type))
      fail(
        where,
        renderBoth(
          { fr: 'attend {expected}, pas {type}', en: 'expects {expected}, not {type}' },
          { expected: typeInWords(expected), type: typeInWords(type) },
        ),
      );
    return type;
  });
}
