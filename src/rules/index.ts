/**
 * `cprdfop/rules` — a small, region-agnostic rules engine: JSON rule sets validated by a schema, a
 * documented expression language, three-valued verdicts with `missing` fields, explanations in French
 * and English, effective dates, overlays with diffs, compiled to closures.
 *
 * The schema (zod) lives in `RuleSet`/`parseRuleSet`; `compile` and the evaluator do not import it.
 *
 * @packageDocumentation
 */

export {
  APPLICATION_SCHEMA_KEYWORDS,
  type ApplicationJsonSchemaOptions,
  applicationJsonSchema,
  type JsonSchema,
} from './applicationJsonSchema.js';
export {
  type CompileOptions,
  compile,
  type EvaluateOptions,
  type Evaluator,
  MAX_EXPRESSION_DEPTH,
} from './compile.js';
export {
  defineOperator,
  type OperatorDefinition,
  type OperatorValue,
  type OperatorValueType,
} from './defineOperator.js';
export { diffRuleSets, formatRuleSetDiff, type RuleSetChange } from './diffRuleSets.js';
export {
  type AssumptionUsed,
  type CriterionExplanation,
  type CriterionStatus,
  EXPLANATION_FORMAT,
  type Explanation,
  type FundingExplanation,
  type RuleWarning,
  type Verdict,
} from './Explanation.js';
export { InvalidDateError, NoRuleSetInForceError, RuleSetError, RuleSetNotInForceError } from './errors.js';
export {
  FieldDeclaration,
  FieldType,
  FieldValue,
  ValuesProvenance,
} from './FieldDeclaration.js';
export { type FieldIndex, fieldIndex } from './fieldIndex.js';
export { type FieldEntry, fieldsOf } from './fieldsOf.js';
export { hashRuleSet } from './hashRuleSet.js';
export {
  criterionFailureRates,
  type NextQuestion,
  type NextQuestionsOptions,
  nextQuestions,
  type QuestionChoice,
} from './nextQuestions.js';
export {
  MAX_RULESET_BYTES,
  MAX_RULESET_DEPTH,
  MAX_RULESET_NODES,
  parseRuleSet,
  type RuleIssue,
  safeParseRuleSet,
  safeParseRuleSetJson,
} from './parseRuleSet.js';
export {
  Criterion,
  DatedParameterValue,
  Definition,
  Expression,
  type ExpressionValue,
  Funding,
  isDatedValue,
  isRuleFileReference,
  Parameter,
  ParameterMark,
  ParameterMarkInput,
  ParameterValue,
  RuleExample,
  RuleProvenance,
  RuleSet,
  type RuleSetInput,
  RuleSource,
  RuleText,
  ScalarParameterValue,
} from './RuleSet.js';
export { resolveRuleSet } from './resolveRuleSet.js';
export { type ExampleResult, runExamples } from './runExamples.js';
export { isInForce, selectRuleSet } from './selectRuleSet.js';
export { serializeExplanation } from './serializeExplanation.js';
export type { ResolvedTerritory, TerritoryProvider, TerritoryRef } from './TerritoryProvider.js';
export {
  type ApplicationValidation,
  type FieldIssue,
  validateApplication,
} from './validateApplication.js';
