/**
 * `cprdfop/itie` — the ITIE call for projects of the Hauts-de-France Region (« Soutenir les initiatives
 * territoriales pour l'insertion et l'emploi »): the application type, its validation, the rule set
 * `itie-hdf@2023.1` (criteria quoted from the only public source, unknowns as visible assumptions) and
 * the Hauts-de-France territory provider of `cprdfop/rules`.
 *
 * @packageDocumentation
 */
export { Application, LegalForm, PartnerType, TargetPublic, Theme } from './Application.js';
export { ApplicationError, type ApplicationIssue } from './ApplicationError.js';
export {
  type CheckOptions,
  type CheckResult,
  type ContiguityCheck,
  checkApplication,
  itieEvaluator,
} from './checkApplication.js';
export {
  type CheckWithRulesOptions,
  checkWithRules,
  type RuleCheckIssue,
  type RuleCheckResult,
} from './checkWithRules.js';
export { type HautsDeFranceTerritoryOptions, hautsDeFranceTerritory } from './hautsDeFranceTerritory.js';
export { itieRuleSets } from './itieRuleSets.js';
export { parseApplication } from './parseApplication.js';
export {
  MAX_APPLICATION_BYTES,
  MAX_APPLICATION_DEPTH,
  MAX_APPLICATION_NODES,
  type SafeParseApplicationOptions,
  safeParseApplication,
  safeParseApplicationJson,
} from './safeParseApplication.js';
