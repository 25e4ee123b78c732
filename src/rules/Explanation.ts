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
  code: string;
  /** A human-readable message. */
  message: string;
}

/**
 * The explanation of one criterion. The evaluator's criterion objects are class instances whose
 * properties are read-only getters of their prototype (their static parts are shared by every
 * evaluation): they have no own enumerable property, so `Object.keys`, a spread or `structuredClone`
 * see nothing and assigning a property throws. `JSON.stringify` (via `toJSON`) gives the
 * `cprdfop.explanation/1` object with every key in order; copy with `JSON.parse(JSON.stringify(c))`.
 * @category Evaluation
 */
export interface CriterionExplanation {
  id: string;
  status: CriterionStatus;
  label: RuleText;
  /** A message in French and English from the message catalogue (or the criterion's own messages). */
  message: RuleText;
  /**
   * Every application field the criterion reads, with the value found (`null` when absent). Built on
   * first read (a getter of the evaluator's criterion objects; `JSON.stringify` includes it, in this
   * key order): copy an explanation with JSON, not with a spread or `structuredClone`, which skip it.
   */
  observed: Record<string, unknown>;
  /** Every parameter (threshold, list…) the criterion uses, with its value. */
  parameters: Record<string, ParameterValue>;
  /** Where the criterion comes from (`null` for a consistency check that needs no source). */
  source: RuleSource | null;
  /** When `unknown`: the fields whose answer would decide this criterion. */
  missing: readonly string[];
}

/** An `assumption`-marked parameter a verdict depended on. @category Evaluation */
export interface AssumptionUsed {
  name: string;
  value: ParameterValue;
  justification: string;
}

/** The funding amount, when the rule set's funding formula is enabled. @category Evaluation */
export interface FundingExplanation {
  /** The amount, or `null` when ineligible or not computable yet. */
  amount: number | null;
  unit: string;
  /** Fields whose answer is needed to compute the amount. */
  missing: readonly string[];
}

/**
 * A verdict with its explanation: stable, versioned JSON (`format: "cprdfop.explanation/1"`).
 * @category Evaluation
 */
export interface Explanation {
  format: typeof EXPLANATION_FORMAT;
  verdict: Verdict;
  ruleSet: { id: string; version: string; hash: string };
  /** The evaluation date (`YYYY-MM-DD`), or `null` when neither given nor found in the application. */
  asOf: string | null;
  criteria: CriterionExplanation[];
  /** The fields whose answer could still change the verdict (empty when decided). */
  missing: string[];
  /** The `assumption`-marked parameters the verdict depended on. */
  assumptions: AssumptionUsed[];
  warnings: RuleWarning[];
  funding: FundingExplanation | null;
}
