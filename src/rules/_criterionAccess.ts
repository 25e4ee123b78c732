/**
 * An internal hook of the compiled evaluator (not exported from `cprdfop/rules`): one criterion's status
 * on field values, without building an explanation. `nextQuestions` searches answers with it (tens of
 * criterion evaluations per question, where a whole `evaluate` builds twelve explanations).
 */

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
