/**
 * `cprdfop` — typed models of the CPRDFOP Hauts-de-France 2022-2028: the plan, its four ambitions,
 * partner categories, governance bodies and related schemes, each record with its provenance.
 *
 * @packageDocumentation
 */
export { CprdfopError, isCprdfopError } from './errors.js';
export { Ambition, AmbitionAlias } from './model/ambition.js';
export { GovernanceBody, GovernanceFact } from './model/governanceBody.js';
export { PartnerCategory } from './model/partnerCategory.js';
export { PeriodAlias, Plan } from './model/plan.js';
export { DatedFact, LocalizedText, Mark, PartialDate, Provenance, Source } from './model/provenance.js';
export { Scheme, SchemeAmbitionLink } from './model/scheme.js';
