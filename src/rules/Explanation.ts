import type { ParameterValue, RuleSource, RuleText } from './RuleSet.js';

/**
 * The identifier of the explanation JSON format. It changes only when the format changes incompatibly.
 * @example
 * ```ts
 * import { EXPLANATION_FORMAT } from 'cprdfop/rules';
 * EXPLANATION_FORMAT; // "cprdfop.explanation/1"
 * ```
 * @category Evaluation
 */
export const EXPLANATION_FORMAT = 'cprdfop.explanation/1';

/** The status of one criterion: decided (`pass`, `fail`) or not yet (`unknown`). @category Evaluation */
export type CriterionStatus = 'pass' | 'fail' | 'unknown';
/** The verdict: `ineligible` as soon as one criterion fails; `eligible` when all pass. @category Evaluation */
export type Verdict = 'eligible' | 'ineligible' | 'undetermined';

/** A warning attached to a verdict, e.g. an old commune code mapped to its current code. @category Evaluation */
export interface RuleWarning {
  /** A stable code such as `mapped-code`, `invalid-code`, `no-as-of`, `not-in-force`. */
  readonly code: string;
  /** A human-readable message, in English. */
  readonly message: string;
  /**
   * The same message in French and in English (`en` is `message`; French typography applied), when
   * the package made the warning: print `messages[lang]`. Absent on a warning of a provider that gives
   * none.
   */
  readonly messages?: RuleText | undefined;
}

/**
 * The explanation of one criterion: plain, frozen data (own enumerable properties in the
 * `cprdfop.explanation/1` key order; `structuredClone`, spreads, `postMessage` and deep equality see
 * every field). Its static parts (label, message, parameters, source, missing, assumptions) are deeply frozen and
 * shared by every explanation; `observed` holds the application's own values.
 * @category Evaluation
 */
export interface CriterionExplanation {
  readonly id: string;
  readonly status: CriterionStatus;
  readonly label: RuleText;
  /** A message in French and English from the message catalogue (or the criterion's own messages). */
  readonly message: RuleText;
  /** Every application field the criterion reads, with the value found (`null` when absent). */
  readonly observed: Readonly<Record<string, unknown>>;
  /** Every parameter (threshold, list…) the criterion uses, with its value (a frozen copy). */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** Where the criterion comes from (`null` for a consistency check that needs no source). */
  readonly source: RuleSource | null;
  /** When `unknown`: the fields whose answer would decide this criterion. */
  readonly missing: readonly string[];
  /**
   * The `assumption`-marked parameters this criterion's status depended on (those of the branches
   * that decided it): changing any other assumption's value never changes this status. Frozen, shared.
   */
  readonly assumptions: readonly AssumptionUsed[];
}

/** An `assumption`-marked parameter a verdict depended on. @category Evaluation */
export interface AssumptionUsed {
  readonly name: string;
  /** The value used: for a dated parameter, the one in force on the evaluation date (else its schedule). */
  readonly value: ParameterValue;
  /** For a dated parameter: the date from which the value used is in force. */
  readonly from?: string;
  /** Why the value was chosen, in English (a rule file's one-language justification as it is). */
  readonly justification: string;
  /**
   * The justification in French and in English (a rule file's one-language justification is the same
   * in both: it has no other version).
   */
  readonly justifications: RuleText;
}

/** The funding amount, when the rule set's funding formula is enabled. @category Evaluation */
export interface FundingExplanation {
  /** The amount, or `null` when ineligible or not computable yet. */
  readonly amount: number | null;
  readonly unit: string;
  /** Fields whose answer is needed to compute the amount. */
  readonly missing: readonly string[];
}

/**
 * A verdict with its explanation: stable, versioned JSON (`format: "cprdfop.explanation/1"`), as plain
 * frozen data: nothing in it can be changed, so nothing done to it changes a later verdict or the rule
 * set. Write it with `JSON.stringify` or, faster and byte for byte the same, `serializeExplanation`. Its
 * JSON Schema is `data/rules/explanation.schema.json`.
 * @category Evaluation
 */
export interface Explanation {
  readonly format: typeof EXPLANATION_FORMAT;
  readonly verdict: Verdict;
  readonly ruleSet: { readonly id: string; readonly version: string; readonly hash: string };
  /** The evaluation date (`YYYY-MM-DD`), or `null` when neither given nor found in the application. */
  readonly asOf: string | null;
  readonly criteria: readonly CriterionExplanation[];
  /** The fields whose answer could still change the verdict (empty when decided). */
  readonly missing: readonly string[];
  /** The `assumption`-marked parameters the verdict depended on. */
  readonly assumptions: readonly AssumptionUsed[];
  readonly warnings: readonly RuleWarning[];
  readonly funding: FundingExplanation | null;
}
