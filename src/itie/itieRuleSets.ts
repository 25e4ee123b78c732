import itieHdf2023 from '../../data/rules/itie-hdf-2023.json';
import { parseRuleSet, type RuleSet } from '../rules/index.js';

let cache: readonly RuleSet[] | undefined;

/**
 * The ITIE rule sets shipped with the package (`data/rules/itie-*.json`), parsed once on first call.
 * Today: `itie-hdf@2023.1`, in force from 2023-01-01 (adoption of the framework in January 2023).
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
