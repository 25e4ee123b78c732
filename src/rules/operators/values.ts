/** Values: application fields, parameters, literals, the evaluation date and custom operators. */
import { renderBoth } from '../../_shared/messages.js';
import { quoteValue, showValue } from '../../_shared/showValue.js';
import { datedParameter } from '../_datedParameters.js';
import { isIsoDate } from '../_dates.js';
import { Exact, toNumber } from '../_exact.js';
import {
  type OperatorDefinition,
  type OperatorValueType,
  operatorDefinitionProblem,
} from '../defineOperator.js';
import { RuleSetError } from '../errors.js';
import { type ExpressionValue, isDatedValue } from '../RuleSet.js';
import {
  argumentList,
  type Compiled,
  constant,
  expectsArguments,
  expectsFieldPath,
  expectsPropertyPath,
  expectsRead,
  FIELD,
  isFiniteNumber,
  isList,
  isUnknown,
  itemOutsideAList,
  itemPath,
  MANY,
  NONE,
  operator,
  pathSegments,
  strict,
  Unknown,
} from './_kernel.js';

const VALUE_CHECKS: Record<OperatorValueType, (value: unknown) => boolean> = {
  number: isFiniteNumber,
  string: (value) => typeof value === 'string',
  boolean: (value) => typeof value === 'boolean',
  date: isIsoDate,
  list: isList,
  any: () => true,
};

/**
 * A custom operator applied to compiled operands: strict, operand and result types checked when
 * evaluated (a wrong type, `undefined` or a throw is unknown); exact rationals are passed as doubles.
 */
export function compileCustom(definition: OperatorDefinition, operands: Compiled[]): Compiled {
  // `compile` has refused a definition with an unknown type; own keys only all the same (`toString`
  // would find Object.prototype's).
  const checkOf = (type: OperatorValueType) => {
    if (!Object.hasOwn(VALUE_CHECKS, type))
      throw new RuleSetError('', operatorDefinitionProblem(definition) ?? showValue(type));
    return VALUE_CHECKS[type];
  };
  const checks = definition.args.map(checkOf);
  const resultCheck = checkOf(definition.returns);
  return strict(operands, (...exactValues) => {
    const values = exactValues.map((value) => (value instanceof Exact ? toNumber(value) : value));
    if (!values.every((value, index) => checks[index]!(value))) return NONE;
    try {
      const result = (definition.evaluate as (...values: unknown[]) => unknown)(...values);
      return result === undefined || !resultCheck(result) ? NONE : result;
    } catch {
      return NONE;
    }
  });
}

/** Whether a node reads a value (`{"field": …}` or `{"item": …}`): what `isDefined` and `default` take. */
const isRead = (node: ExpressionValue): boolean =>
  node !== null &&
  typeof node === 'object' &&
  !Array.isArray(node) &&
  Object.keys(node).length === 1 &&
  (typeof node.field === 'string' || typeof node.item === 'string');

/** The operators of the `values` family. */
export const valueOperators = () => [
  operator({
    name: 'field',
    family: 'values',
    unary: true,
    operands: ['string'],
    result: 'any',
    missing: 'reads',
    compile: ({ argument, state, at }) => {
      if (typeof argument !== 'string') throw new RuleSetError(at, expectsFieldPath());
      pathSegments(argument, at);
      if (!state.fields.includes(argument)) state.fields.push(argument);
      let slot = state.slots.get(argument);
      if (slot === undefined) {
        slot = state.slots.size;
        state.slots.set(argument, slot);
      }
      const absent = new Unknown([argument]);
      const index = slot;
      const read: Compiled = (context) => {
        const value = context.values[index];
        return value === undefined ? absent : value;
      };
      FIELD.set(read, [index, absent]);
      return read;
    },
  }),
  operator({
    name: 'param',
    family: 'values',
    unary: true,
    operands: ['string'],
    result: 'any',
    missing: 'reads',
    compile: ({ argument, state, at }) => {
      if (typeof argument !== 'string' || !state.parameters.has(argument))
        throw new RuleSetError(
          at,
          renderBoth(
            { fr: 'paramètre inconnu {name}', en: 'unknown parameter {name}' },
            { name: quoteValue(argument) },
          ),
        );
      if (!state.params.includes(argument)) state.params.push(argument);
      const value = state.parameters.get(argument)!.value;
      if (isDatedValue(value)) return datedParameter(argument, value, state.asOfField);
      return constant(Array.isArray(value) ? Object.freeze([...value]) : value);
    },
  }),
  operator({
    name: 'lit',
    family: 'values',
    unary: true,
    operands: ['any'],
    result: 'any',
    missing: 'reads',
    compile: ({ argument }) => constant(structuredClone(argument)),
  }),
  operator({
    name: 'asOf',
    family: 'values',
    arity: [0, 0],
    operands: [],
    result: 'date',
    missing: 'reads',
    compile: ({ state }) => {
      const absent = state.asOfField ? new Unknown([state.asOfField]) : NONE;
      return (context) => context.asOf ?? absent;
    },
  }),
  /** A custom operator in its own namespace: `{"call": ["name", …arguments]}`. */
  operator({
    name: 'call',
    family: 'values',
    arity: [1, MANY],
    operands: ['string', 'any'],
    result: 'any',
    missing: 'strict',
    compile: ({ argument, state, at, operand }) => {
      const [name, ...rest] = argumentList(argument, at, 1, MANY);
      const definition =
        typeof name === 'string' && state.custom && Object.hasOwn(state.custom, name)
          ? state.custom[name]
          : undefined;
      if (!definition)
        throw new RuleSetError(
          `${at}[0]`,
          renderBoth(
            { fr: 'opérateur personnalisé inconnu {name}', en: 'unknown custom operator {name}' },
            { name: quoteValue(name) },
          ),
        );
      if (rest.length !== definition.args.length)
        throw new RuleSetError(at, expectsArguments(definition.args.length + 1, definition.args.length + 1));
      return compileCustom(
        definition,
        rest.map((node, index) => operand(node, index + 1)),
      );
    },
  }),
  operator({
    name: 'item',
    family: 'values',
    unary: true,
    operands: ['string'],
    result: 'any',
    missing: 'reads',
    compile: ({ argument, state, at }) => {
      if (state.itemDepth === 0) throw new RuleSetError(at, itemOutsideAList());
      if (typeof argument !== 'string') throw new RuleSetError(at, expectsPropertyPath());
      const segments = argument === '.' ? [] : pathSegments(argument, at);
      return (context) => {
        const scope = context.item!;
        let value = scope.value;
        for (let index = 0; index < segments.length && value != null; index++)
          value =
            typeof value === 'object' && !isList(value) && Object.hasOwn(value, segments[index]!)
              ? (value as Record<string, unknown>)[segments[index]!]
              : undefined;
        if (value != null) return value;
        const path = itemPath(scope);
        return path ? new Unknown([segments.length ? `${path}.${argument}` : path]) : NONE;
      };
    },
  }),
  operator({
    name: 'isDefined',
    family: 'values',
    unary: true,
    operands: ['any'],
    result: 'boolean',
    missing: 'answered',
    compile: ({ argument, at, operand }) => {
      if (!isRead(argument)) throw new RuleSetError(at, expectsRead());
      const read = operand(argument);
      return (context) => !isUnknown(read(context));
    },
  }),
  operator({
    name: 'default',
    family: 'values',
    arity: [2, 2],
    operands: ['any', 'any'],
    result: 'any',
    missing: 'answered',
    compile: ({ argument, at, operands }) => {
      const [readNode] = argumentList(argument, at, 2);
      if (!isRead(readNode!)) throw new RuleSetError(`${at}[0]`, expectsRead());
      const [read, fallback] = operands(argument as ExpressionValue[]) as [Compiled, Compiled];
      return (context) => {
        const value = read(context);
        return isUnknown(value) ? fallback(context) : value;
      };
    },
  }),
  operator({
    name: 'ref',
    family: 'values',
    unary: true,
    operands: ['string'],
    result: 'any',
    missing: 'strict',
    compile: ({ argument, state, at }) => {
      const definition = typeof argument === 'string' ? state.definitions.get(argument) : undefined;
      if (!definition)
        throw new RuleSetError(
          at,
          renderBoth(
            { fr: 'définition inconnue {name}', en: 'unknown definition {name}' },
            { name: quoteValue(argument) },
          ),
        );
      for (const field of definition.fields) if (!state.fields.includes(field)) state.fields.push(field);
      for (const name of definition.params) if (!state.params.includes(name)) state.params.push(name);
      const { index, compiled } = definition;
      // Computed once per evaluation, whichever criterion asks first.
      return (context) => {
        if (context.definitionValues === null) context.definitionValues = [];
        const cache = context.definitionValues;
        let value = cache[index];
        if (value === undefined) {
          value = compiled(context);
          cache[index] = value;
        }
        return value;
      };
    },
  }),
];
