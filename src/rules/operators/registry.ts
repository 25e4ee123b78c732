/**
 * The one list of built-in operators, gathered from one file per family. Each entry carries its
 * signature (the compile-time type checker reads it), its evaluation and fast paths (the compiler reads
 * them) and its `missing` behaviour; its docs example is in `_examples.ts` (docs-only, kept out of the
 * evaluator's bundle). Tests check that every entry is documented, with an example, in docs/rules.md,
 * that it has an example in `_examples.ts` and that it passes, and that its fast paths agree with its
 * generic evaluation on random inputs.
 */
import type { OperatorEntry, OperatorSignature } from './_kernel.js';
import { arithmeticOperators } from './arithmetic.js';
import { comparisonOperators } from './comparison.js';
import { dateOperators } from './dates.js';
import { listOperators } from './lists.js';
import { logicOperators } from './logic.js';
import { stringOperators } from './strings.js';
import { tableOperators } from './tables.js';
import { territoryOperators } from './territory.js';
import { valueOperators } from './values.js';

export type {
  MissingBehaviour,
  OperandRule,
  OperatorEntry,
  OperatorSignature,
  ValueType,
} from './_kernel.js';

/** Every built-in operator. Built on first use (nothing runs at import time). */
export const operators = (): readonly OperatorEntry[] => (list ??= build());
let list: readonly OperatorEntry[] | undefined;
let byName: ReadonlyMap<string, OperatorEntry> | undefined;

/** The entry of a built-in operator, `undefined` for another name (never a prototype key). */
export function operatorEntry(name: string): OperatorEntry | undefined {
  if (!byName) {
    const entries = new Map<string, OperatorEntry>();
    for (const entry of operators()) {
      if (entries.has(entry.name)) throw new Error(`operator "${entry.name}" is declared twice`);
      if (!entry.evaluate === !entry.compile)
        throw new Error(`operator "${entry.name}" needs exactly one of evaluate and compile`);
      entries.set(entry.name, entry);
    }
    byName = entries;
  }
  return byName.get(name);
}

/** The signature of a built-in operator, `undefined` for another name. */
export const signatureOf = (name: string): OperatorSignature | undefined => operatorEntry(name);

const build = (): readonly OperatorEntry[] =>
  Object.freeze([
    ...valueOperators(),
    ...logicOperators(),
    ...comparisonOperators(),
    ...listOperators(),
    ...stringOperators(),
    ...tableOperators(),
    ...arithmeticOperators(),
    ...dateOperators(),
    ...territoryOperators(),
  ]);
