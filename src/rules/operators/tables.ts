/** Tables: `lookup` (a value by key) and `bracket` (a barème: the value of the bracket a number falls in). */
import { type Message, renderBoth } from '../../_shared/messages.js';
import { compare, isNumeric } from '../_exact.js';
import { RuleSetError } from '../errors.js';
import {
  argumentList,
  CONSTANT,
  type Compiled,
  equal,
  isList,
  NONE,
  type OperatorCompileInput,
  operator,
  strict,
} from './_kernel.js';

/** How a number on a threshold is placed: in the bracket that starts there, or the one that ends there. */
const BOUNDS = ['lower-inclusive', 'upper-inclusive'] as const;

/** Why a table is not a list of `[key, value]` pairs (with ascending numeric keys for a bracket), or `undefined`. */
function tableProblem(table: unknown, ascending: boolean): Message | undefined {
  if (!isList(table) || table.length === 0)
    return renderBoth({
      fr: 'attend une liste non vide de paires [clé, valeur]',
      en: 'expects a non-empty list of [key, value] pairs',
    });
  for (let index = 0; index < table.length; index++) {
    const row = table[index];
    if (!isList(row) || row.length !== 2)
      return renderBoth(
        {
          fr: 'la ligne {row} n’est pas une paire [clé, valeur]',
          en: 'row {row} is not a [key, value] pair',
        },
        { row: String(index) },
      );
    if (ascending) {
      if (!isNumeric(row[0]))
        return renderBoth(
          {
            fr: 'ligne {row} : le seuil doit être un nombre',
            en: 'row {row}: the threshold must be a number',
          },
          { row: String(index) },
        );
      if (index > 0 && compare((table[index - 1] as unknown[])[0] as number, row[0]) >= 0)
        return renderBoth(
          {
            fr: 'ligne {row} : les seuils doivent être strictement croissants',
            en: 'row {row}: thresholds must be strictly ascending',
          },
          { row: String(index) },
        );
    }
  }
  return undefined;
}

function lookupValue(key: unknown, table: unknown): unknown {
  if (tableProblem(table, false)) return NONE;
  for (const row of table as unknown[][]) if (equal(row[0], key)) return row[1];
  return NONE;
}

function bracketValue(amount: unknown, table: unknown, bounds: unknown = 'lower-inclusive'): unknown {
  if (!isNumeric(amount) || tableProblem(table, true) || !(BOUNDS as readonly unknown[]).includes(bounds))
    return NONE;
  const rows = table as [number, unknown][];
  // The first bracket always includes its lower bound; below it, no bracket applies.
  if (compare(amount, rows[0]![0]) < 0) return NONE;
  let found = rows[0]![1];
  for (let index = 1; index < rows.length; index++) {
    const sign = compare(amount, rows[index]![0]);
    if (sign > 0 || (sign === 0 && bounds === 'lower-inclusive')) found = rows[index]![1];
    else break;
  }
  return found;
}

/** A table given as a constant is checked when compiling (a `RuleSetError` naming the row). */
function checked(ascending: boolean, evaluate: (...values: unknown[]) => unknown, min: number, max: number) {
  return ({ argument, at, operands }: OperatorCompileInput): Compiled => {
    const compiled = operands(argumentList(argument, at, min, max));
    const table = compiled[1]!;
    if (CONSTANT.has(table)) {
      const problem = tableProblem(CONSTANT.get(table), ascending);
      if (problem) throw new RuleSetError(`${at}[1]`, problem);
    }
    const bounds = compiled[2];
    if (bounds && CONSTANT.has(bounds) && !(BOUNDS as readonly unknown[]).includes(CONSTANT.get(bounds)))
      throw new RuleSetError(
        `${at}[2]`,
        renderBoth(
          { fr: 'attend {bounds}', en: 'expects {bounds}' },
          {
            bounds: {
              fr: BOUNDS.map((name) => `«\u202f${name}\u202f»`).join(' ou '),
              en: BOUNDS.map((name) => `"${name}"`).join(' or '),
            },
          },
        ),
      );
    return strict(compiled, evaluate);
  };
}
const compileTable = checked(false, lookupValue, 2, 2);

/** The operators of the `tables` family. */
export const tableOperators = () => [
  operator({
    name: 'lookup',
    family: 'tables',
    arity: [2, 2],
    operands: ['any', 'list'],
    result: 'any',
    missing: 'strict',
    compile: compileTable,
  }),
  operator({
    name: 'bracket',
    family: 'tables',
    arity: [2, 3],
    operands: ['number', 'list', 'string'],
    result: 'any',
    missing: 'strict',
    compile: checked(true, bracketValue, 2, 3),
  }),
];
