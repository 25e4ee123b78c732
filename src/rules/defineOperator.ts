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

/**
 * Declares a typed custom operator to pass to `compile(ruleSet, { operators: { name: op } })`.
 * The types of `evaluate`'s parameters follow from `args`.
 *
 * @param definition - The argument types, the result type and the function.
 * @returns The same definition, typed.
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
  return definition;
}
