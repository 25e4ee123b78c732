import { type Message, renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { RuleSetError } from './errors.js';

/**
 * The argument and result types a custom operator can declare.
 * `date` is a `YYYY-MM-DD` string; `list` an array; `any` any JSON value.
 * @category Custom operators
 */
export type OperatorValueType = 'number' | 'string' | 'boolean' | 'date' | 'list' | 'any';

/** The TypeScript type of an {@link OperatorValueType}. @category Custom operators */
export type OperatorValue<T extends OperatorValueType> = T extends 'number'
  ? number
  : T extends 'string' | 'date'
    ? string
    : T extends 'boolean'
      ? boolean
      : T extends 'list'
        ? readonly unknown[]
        : unknown;

/**
 * A typed custom operator. Arguments are evaluated first: an unknown argument makes the result unknown
 * (with the missing fields); an argument of the wrong type makes it unknown too. `evaluate` returns
 * `undefined` for "cannot tell".
 * @category Custom operators
 */
export interface OperatorDefinition<
  A extends readonly OperatorValueType[] = readonly OperatorValueType[],
  R extends OperatorValueType = OperatorValueType,
> {
  readonly args: A;
  readonly returns: R;
  readonly evaluate: (...args: { [K in keyof A]: OperatorValue<A[K]> }) => OperatorValue<R> | undefined;
}

/** The declarable types, in the order of {@link OperatorValueType} (a list, never an object's keys). */
const VALUE_TYPES: readonly string[] = ['number', 'string', 'boolean', 'date', 'list', 'any'];

/** Whether `type` is one of the {@link OperatorValueType}s (`toString` or `constructor` is not). @internal */
export const isOperatorValueType = (type: unknown): type is OperatorValueType =>
  typeof type === 'string' && VALUE_TYPES.includes(type);

const unknownType = (what: Message, type: unknown): Message =>
  renderBoth(
    {
      fr: 'type {what} inconnu « {type} » (types connus : {known})',
      en: 'unknown {what} type "{type}" (known types: {known})',
    },
    { what, type: showValue(type), known: VALUE_TYPES.join(', ') },
  );

/**
 * What is wrong with a custom operator's definition, in both languages, or `undefined` when nothing
 * is: `args` not a list, an argument or result type that is not an {@link OperatorValueType},
 * `evaluate` not a function. Never throws, whatever the value. @internal
 */
export function operatorDefinitionProblem(definition: unknown): Message | undefined {
  if (definition === null || typeof definition !== 'object')
    return renderBoth(
      {
        fr: 'une définition d’opérateur est un objet (args, returns, evaluate), pas {value}',
        en: 'an operator definition is an object (args, returns, evaluate), not {value}',
      },
      { value: showValue(definition) },
    );
  const { args, returns, evaluate } = definition as Partial<Record<keyof OperatorDefinition, unknown>>;
  if (!Array.isArray(args))
    return renderBoth(
      {
        fr: '« args » est la liste des types des arguments, pas {value}',
        en: '"args" is the list of the argument types, not {value}',
      },
      { value: showValue(args) },
    );
  const bad = args.findIndex((type) => !isOperatorValueType(type));
  if (bad >= 0) return unknownType({ fr: 'd’argument', en: 'argument' }, args[bad]);
  if (!isOperatorValueType(returns)) return unknownType({ fr: 'de résultat', en: 'result' }, returns);
  if (typeof evaluate !== 'function')
    return renderBoth(
      {
        fr: '« evaluate » doit être une fonction, pas {value}',
        en: '"evaluate" must be a function, not {value}',
      },
      { value: showValue(evaluate) },
    );
  return undefined;
}

/**
 * Declares a typed custom operator to pass to `compile(ruleSet, { operators: { name: op } })`.
 * The types of `evaluate`'s parameters follow from `args`.
 *
 * @param definition - The argument types, the result type and the function.
 * @returns The same definition, typed.
 * @throws {@link RuleSetError} when a type is not an {@link OperatorValueType} (naming it), `args` is
 * not a list or `evaluate` not a function (a definition from untyped code).
 * @example
 * ```ts
 * import { defineOperator } from 'cprdfop/rules';
 * const ratio = defineOperator({
 *   args: ['number', 'number'],
 *   returns: 'number',
 *   evaluate: (a, b) => (b === 0 ? undefined : a / b),
 * });
 * ratio.evaluate(1, 4); // 0.25
 * ```
 * @category Custom operators
 */
export function defineOperator<
  const A extends readonly OperatorValueType[],
  const R extends OperatorValueType,
>(definition: OperatorDefinition<A, R>): OperatorDefinition<A, R> {
  const problem = operatorDefinitionProblem(definition);
  if (problem) throw new RuleSetError('', problem);
  return definition;
}
