/**
 * The `assumption`-marked parameters an explanation lists: one frozen record per assumption (its value
 * in force on the evaluation date for a dated parameter), frozen lists shared by every explanation that
 * lists the same ones, and the verdict's list from its criteria's. Internal to `cprdfop/rules`.
 */
import { entryInForce } from './_datedParameters.js';
import { frozenCopy, shareFrozen } from './_frozen.js';
import { assumptionTexts } from './_warnings.js';
import type { AssumptionUsed, CriterionExplanation } from './Explanation.js';
import { isDatedValue, type Parameter } from './RuleSet.js';

export const EMPTY_ASSUMPTIONS: readonly AssumptionUsed[] = shareFrozen([]);

/** Unions of two frozen assumption lists, cached by identity (the same pair gives the same list). */
const MERGES = new WeakMap<
  readonly AssumptionUsed[],
  Map<readonly AssumptionUsed[], readonly AssumptionUsed[]>
>();
export function merged(
  first: readonly AssumptionUsed[],
  second: readonly AssumptionUsed[],
): readonly AssumptionUsed[] {
  if (second.length === 0 || first === second) return first;
  if (first.length === 0) return second;
  let bySecond = MERGES.get(first);
  if (!bySecond) {
    bySecond = new Map();
    MERGES.set(first, bySecond);
  }
  let union = bySecond.get(second);
  if (!union) {
    union = shareFrozen(dedupe([...first, ...second]));
    if (bySecond.size > 256) bySecond.clear();
    bySecond.set(second, union);
  }
  return union;
}

/** The list without repeated names (first occurrence kept). */
export function dedupe(list: readonly AssumptionUsed[]): AssumptionUsed[] {
  const seen = new Set<string>();
  return list.filter((assumption) => {
    if (seen.has(assumption.name)) return false;
    seen.add(assumption.name);
    return true;
  });
}

/** The assumptions of one failed criterion with the fewest (none when one failed criterion uses none). */
export function fewestOfFailed(
  perCriterion: readonly (readonly AssumptionUsed[])[],
  criteria: readonly CriterionExplanation[],
): readonly AssumptionUsed[] {
  let best: readonly AssumptionUsed[] | undefined;
  for (let index = 0; index < criteria.length; index++)
    if (criteria[index]!.status === 'fail' && (!best || perCriterion[index]!.length < best.length))
      best = perCriterion[index]!;
  return shareFrozen(dedupe(best ?? []));
}

/**
 * The assumptions the verdict depended on: an ineligible verdict, those of one failed criterion with
 * the fewest; otherwise those of every criterion — each as its evaluation actually used them.
 */
export function assumptionsUsed(
  criteria: readonly CriterionExplanation[],
  ineligible: boolean,
): readonly AssumptionUsed[] {
  if (ineligible) {
    // The criteria's lists are frozen, shared and without repeats: one of them is the answer.
    let best: readonly AssumptionUsed[] | undefined;
    for (let index = 0; index < criteria.length; index++) {
      const criterion = criteria[index]!;
      if (criterion.status === 'fail' && (!best || criterion.assumptions.length < best.length))
        best = criterion.assumptions;
    }
    return best ?? EMPTY_ASSUMPTIONS;
  }
  let union: readonly AssumptionUsed[] = EMPTY_ASSUMPTIONS;
  for (let index = 0; index < criteria.length; index++) union = merged(union, criteria[index]!.assumptions);
  return union;
}

/** The assumption records of one rule set (see {@link assumptionRecords}). */
export interface AssumptionRecords {
  /** The names of the dated parameters (empty when none). */
  readonly datedNames: ReadonlySet<string>;
  /** The records of the assumption-marked parameters among `names`, in order. */
  assumption(names: readonly string[]): AssumptionUsed[];
  /** Whether the parameter `name` is marked `assumption`. */
  isAssumption(name: string): boolean;
  /** A frozen list with the dated parameters' values in force on `asOf` (the list itself without a date). */
  assumptionsAt(list: readonly AssumptionUsed[], asOf: string | null): readonly AssumptionUsed[];
}

/** The assumption records of a rule set's parameters, built on first use and shared. */
export function assumptionRecords(
  parameters: ReadonlyMap<string, Parameter>,
  list: readonly Parameter[],
): AssumptionRecords {
  // One frozen record per assumption, shared by every explanation that lists it.
  const assumptionUsed = new Map<string, AssumptionUsed>();
  const assumption = (names: readonly string[]): AssumptionUsed[] =>
    names.flatMap((name) => {
      const parameter = parameters.get(name)!;
      if (parameter.provenance.mark !== 'assumption') return [];
      let used = assumptionUsed.get(name);
      if (!used) {
        used = shareFrozen({
          name,
          value: frozenCopy(parameter.value),
          ...assumptionTexts(parameter.provenance.justification),
        });
        assumptionUsed.set(name, used);
      }
      return [used];
    });
  /**
   * Dated parameters: explanations show the value in force on the evaluation date, with `from` in
   * the assumptions (frozen, cached per date); without a date, the schedule itself.
   */
  const datedNames = new Set(
    list.filter((parameter) => isDatedValue(parameter.value)).map((parameter) => parameter.name),
  );
  const datedAssumption = new Map<string, Map<string, AssumptionUsed>>();
  const assumptionAt = (used: AssumptionUsed, asOf: string): AssumptionUsed => {
    if (!datedNames.has(used.name) || !isDatedValue(used.value)) return used;
    let byDate = datedAssumption.get(used.name);
    if (!byDate) {
      byDate = new Map();
      datedAssumption.set(used.name, byDate);
    }
    let found = byDate.get(asOf);
    if (!found) {
      const entry = entryInForce(used.value, asOf);
      found = entry
        ? shareFrozen({
            name: used.name,
            value: frozenCopy(entry.value),
            from: entry.from,
            justification: used.justification,
            justifications: used.justifications,
          })
        : used;
      if (byDate.size > 64) byDate.clear();
      byDate.set(asOf, found);
    }
    return found;
  };
  const listsAt = new WeakMap<readonly AssumptionUsed[], Map<string, readonly AssumptionUsed[]>>();
  const assumptionsAt = (
    assumptions: readonly AssumptionUsed[],
    asOf: string | null,
  ): readonly AssumptionUsed[] => {
    if (asOf === null || !datedNames.size || !assumptions.some((used) => datedNames.has(used.name)))
      return assumptions;
    let byDate = listsAt.get(assumptions);
    if (!byDate) {
      byDate = new Map();
      listsAt.set(assumptions, byDate);
    }
    let found = byDate.get(asOf);
    if (!found) {
      found = shareFrozen(assumptions.map((used) => assumptionAt(used, asOf)));
      if (byDate.size > 64) byDate.clear();
      byDate.set(asOf, found);
    }
    return found;
  };
  const isAssumption = (name: string) => parameters.get(name)?.provenance.mark === 'assumption';
  return { datedNames, assumption, isAssumption, assumptionsAt };
}
