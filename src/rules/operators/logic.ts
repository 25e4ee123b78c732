/** Logic: Kleene `all`, `any`, `not` and the conditional `if`. */
import {
  argumentList,
  type Compiled,
  equal,
  isUnknown,
  MANY,
  merge,
  NONE,
  operator,
  type Unknown,
  unknownOf,
} from './_kernel.js';

/** Kleene conjunction (`decisive` = false) or disjunction (`decisive` = true). */
function kleene(operands: Compiled[], decisive: boolean): Compiled {
  return (context) => {
    let unknown: Unknown | undefined;
    for (const operand of operands) {
      const value = operand(context);
      if (value === decisive) return decisive;
      if (value !== !decisive) unknown = merge(unknown, unknownOf(value));
    }
    return unknown ?? !decisive;
  };
}

/** The operators of the `logic` family. */
export const logicOperators = () => [
  operator({
    name: 'all',
    family: 'logic',
    arity: [1, MANY],
    operands: ['boolean'],
    result: 'boolean',
    missing: 'kleene',
    compile: ({ argument, at, operands }) => kleene(operands(argumentList(argument, at, 1, MANY)), false),
  }),
  operator({
    name: 'any',
    family: 'logic',
    arity: [1, MANY],
    operands: ['boolean'],
    result: 'boolean',
    missing: 'kleene',
    compile: ({ argument, at, operands }) => kleene(operands(argumentList(argument, at, 1, MANY)), true),
  }),
  operator({
    name: 'not',
    family: 'logic',
    unary: true,
    operands: ['boolean'],
    result: 'boolean',
    missing: 'strict',
    compile: ({ argument, operand }) => {
      const negated = operand(argument);
      return (context) => {
        const value = negated(context);
        return value === true ? false : value === false ? true : isUnknown(value) ? value : NONE;
      };
    },
  }),
  operator({
    name: 'if',
    family: 'logic',
    arity: [3, 3],
    operands: ['boolean', 'any', 'any'],
    result: 'any',
    missing: 'branches',
    compile: ({ argument, at, operands }) => {
      const [condition, whenTrue, whenFalse] = operands(argumentList(argument, at, 3)) as [
        Compiled,
        Compiled,
        Compiled,
      ];
      return (context) => {
        const value = condition(context);
        if (value === true) return whenTrue(context);
        if (value === false) return whenFalse(context);
        if (!isUnknown(value)) return NONE;
        // The condition is not known yet: the value is decided when both branches agree; otherwise
        // the fields of the condition and of each undecided branch could all decide it.
        const yes = whenTrue(context);
        const no = whenFalse(context);
        if (!isUnknown(yes) && !isUnknown(no)) return equal(yes, no) ? yes : value;
        return merge(merge(value, unknownOf(yes)), unknownOf(no));
      };
    },
  }),
];
