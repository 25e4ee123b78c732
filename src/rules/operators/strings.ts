/** Strings: prefix and suffix tests. */
import { NONE, type OperatorEntry, operator } from './_kernel.js';

const affix = (name: 'startsWith' | 'endsWith'): OperatorEntry =>
  operator({
    name,
    family: 'strings',
    arity: [2, 2],
    operands: ['string', 'string'],
    result: 'boolean',
    missing: 'strict',
    evaluate: (text: unknown, affixText: unknown) =>
      typeof text === 'string' && typeof affixText === 'string'
        ? name === 'startsWith'
          ? text.startsWith(affixText)
          : text.endsWith(affixText)
        : NONE,
  });

/** The operators of the `strings` family. */
export const stringOperators = () => [affix('startsWith'), affix('endsWith')];
