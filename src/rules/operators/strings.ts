/** Strings: prefix and suffix tests. */
import { NONE, type OperatorEntry, operator } from './_kernel.js';

const affix = (name: 'startsWith' | 'endsWith', example: OperatorEntry['example']): OperatorEntry =>
  operator({
    name,
    family: 'strings',
    arity: [2, 2],
    operands: ['string', 'string'],
    result: 'boolean',
    missing: 'strict',
    example,
    evaluate: (text: unknown, affixText: unknown) =>
      typeof text === 'string' && typeof affixText === 'string'
        ? name === 'startsWith'
          ? text.startsWith(affixText)
          : text.endsWith(affixText)
        : NONE,
  });

/** The operators of the `strings` family. */
export const stringOperators = () => [
  affix('startsWith', {
    when: { startsWith: [{ field: 'carrier.ape' }, '94'] },
    application: { carrier: { ape: '9499Z' } },
  }),
  affix('endsWith', {
    when: { endsWith: [{ field: 'carrier.ape' }, 'Z'] },
    application: { carrier: { ape: '9499Z' } },
  }),
];
