/**
 * `cprdfop` — typed models of the CPRDFOP Hauts-de-France 2022-2028: the plan, its four ambitions,
 * partner categories, governance bodies and related schemes, each record with its provenance.
 *
 * This entry loads no geometry, HTTP code or territory dataset; see the subpaths `cprdfop/territory`,
 * `cprdfop/rules`, `cprdfop/itie`, `cprdfop/geo` and `cprdfop/opendata`.
 *
 * @packageDocumentation
 */
export { CprdfopError, isCprdfopError } from './errors.js';
export { Ambition, AmbitionAlias } from './model/ambition.js';
export { GovernanceBody, GovernanceFact } from './model/governanceBody.js';
export { PartnerCategory } from './model/partnerCategory.js';
export { PeriodAlias, Plan } from './model/plan.js';
export {
  DatedFact,
  Justification,
  justificationText,
  LocalizedText,
  Mark,
  PartialDate,
  Provenance,
  Source,
} from './model/provenance.js';
export { Scheme, SchemeAmbitionLink } from './model/scheme.js';
export { ambition } from './plan/ambition.js';
export { ambitions } from './plan/ambitions.js';
export { governanceBodies } from './plan/governanceBodies.js';
export { InvalidDateError } from './plan/InvalidDateError.js';
export { isWithinPlanPeriod } from './plan/isWithinPlanPeriod.js';
export { type PartnerCategoriesOptions, partnerCategories } from './plan/partnerCategories.js';
export { plan } from './plan/plan.js';
export { type PlanPeriod, planPeriod } from './plan/planPeriod.js';
export { planYear } from './plan/planYear.js';
export { schemes } from './plan/schemes.js';
