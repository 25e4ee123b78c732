import itieHdf2023 from '../../data/rules/itie-hdf-2023.json';
import { parseRuleSet, type RuleSet } from '../rules/index.js';

let cache: readonly RuleSet[] | undefined;

/**
 * The ITIE rule sets shipped with the package (`data/rules/itie-*.json`), parsed once on first call.
 * Today: `itie-hdf@2023.1`, in force from 2023-01-01 with no end date. Both are marked, justified
 * choices (`validityProvenance`, mark `inferred`): the seed says the Region adopted the framework « en
 * janvier » in an article of February 2023, so the year is inferred from context and the day is not
 * known; no source closes the call.
 *
 * @returns Every version, oldest first.
 * @example
 * ```ts
 * import { itieRuleSets } from 'cprdfop/itie';
 * itieRuleSets().map((r) => `${r.id}@${r.version}`); // ["itie-hdf@2023.1"]
 * ```
 * @category Rules
 */
export function itieRuleSets(): readonly RuleSet[] {
  cache ??= Object.freeze([parseRuleSet(itieHdf2023)]);
  return cache;
}
