/**
 * An internal hook of the compiled evaluator (not exported from `cprdfop/rules`): one criterion's status
 * on field values, without building an explanation. `nextQuestions` searches answers with it (tens of
 * criterion evaluations per question, where a whole `evaluate` builds twelve explanations).
 */

import { isIsoDate } from '../_shared/isoDate.js';
import { type CompiledCriterion, EMPTY } from './_criterion.js';
import { readTop } from './_readTop.js';
import { isUnknown, readPath } from './operators/_kernel.js';

/** What `compile` registers for each evaluator it builds. */
export interface CriterionAccess {
  /** The slot of every field path the rule set reads (the index into `read`'s array). */
  readonly slots: ReadonlyMap<string, number>;
  /** The slots each criterion reads (by criterion position), in the order of its `observed` keys. */
  readonly criterionSlots: readonly (readonly number[])[];
  /** The values of every slot in an application, as `evaluate` reads them (a fresh array). */
  read(application: unknown): unknown[];
  /**
   * The status of criterion `index` on slot values and an evaluation date: `true` pass, `false` fail,
   * `undefined` unknown. The evaluation date's validity is the caller's to check.
   */
  status(index: number, values: unknown[], asOf: string | null): boolean | undefined;
  /**
   * Like `status`, with an unknown's `missing` (the paths `evaluate` lists for the criterion): `true`
   * pass, `false` fail, else the missing paths.
   */
  result(index: number, values: unknown[], asOf: string | null): boolean | readonly string[];
  /**
   * The evaluation date `evaluate` would use for an application (`given`, else its `asOfField`), or
   * `null` when it is not a date; whether it is within the rule set's validity is the caller's to check.
   */
  dateOf(application: unknown, given: string | undefined): string | null;
}

const registry = new WeakMap<object, CriterionAccess>();

/** Registers the hook of an evaluator (called by `compile`). */
export function registerCriterionAccess(evaluator: object, access: CriterionAccess): void {
  registry.set(evaluator, access);
}

/** The hook of an evaluator built by `compile`, or `undefined` for any other evaluator. */
export function criterionAccess(evaluator: object): CriterionAccess | undefined {
  return registry.get(evaluator);
}

/** What `buildCriterionAccess` reads of a compiled rule set. */
export interface CriterionAccessInput {
  readonly crits: readonly CompiledCriterion[];
  readonly slots: ReadonlyMap<string, number>;
  readonly asOfPath: readonly string[] | undefined;
}

/**
 * The hook of a compiled rule set: field values read as `evaluate` reads them (top-level properties,
 * then the rest of each path), criteria evaluated one by one with a fresh context each.
 */
export function buildCriterionAccess({ crits, slots, asOfPath }: CriterionAccessInput): CriterionAccess {
  const tops = new Map<string, number>();
  const paths = [...slots.keys()].map((field) => {
    const [top, ...rest] = field.split('.') as [string, ...string[]];
    if (!tops.has(top)) tops.set(top, tops.size);
    return { top: tops.get(top)!, rest };
  });
  const topKeys = [...tops.keys()];
  const flat = paths.every((path, index) => path.top === index && !path.rest.length);
  const seen: (string | number | undefined)[] = [];
  const slotCount = paths.length;
  const run = (index: number, values: unknown[], asOf: string | null): unknown =>
    crits[index]!.fn({ asOf, warnings: null, territoryCache: null, values, definitionValues: null });
  let criterionSlots: (readonly number[])[] | undefined;
  return {
    slots,
    // The slots of each criterion's `observed`, from its `pass` part (made as `evaluate` makes it).
    get criterionSlots() {
      criterionSlots ??= crits.map((compiled) => {
        compiled.pass ??= compiled.part('pass', compiled.msg('pass'));
        return compiled.pass.slots;
      });
      return criterionSlots;
    },
    read: (application) => {
      const topValues = readTop(application, topKeys, tops, seen);
      if (flat) return topValues;
      const values = new Array(slotCount);
      for (let slot = 0; slot < slotCount; slot++)
        values[slot] = readPath(topValues[paths[slot]!.top], paths[slot]!.rest);
      return values;
    },
    status: (index, values, asOf) => {
      const result = run(index, values, asOf);
      return result === true ? true : result === false ? false : undefined;
    },
    result: (index, values, asOf) => {
      const result = run(index, values, asOf);
      return result === true || result === false ? result : isUnknown(result) ? result.paths : EMPTY;
    },
    dateOf: (application, given) => {
      const value = given ?? (asOfPath && readPath(application, asOfPath));
      return isIsoDate(value) ? value : null;
    },
  };
}
