import { NoRuleSetInForceError } from './errors.js';
import type { RuleSet } from './RuleSet.js';

/**
 * Chooses the version of a rule set in force on a date: `validFrom ≤ asOf ≤ validTo` (inclusive;
 * no `validTo` means open-ended); when several are, the one with the latest `validFrom`.
 *
 * @param ruleSets - Candidate rule sets (any ids; only `id` is considered).
 * @param id - The rule set id.
 * @param asOf - The evaluation date, `YYYY-MM-DD` (never the wall clock).
 * @returns The rule set in force.
 * @throws {@link NoRuleSetInForceError} when no version is in force that day.
 * @example
 * ```ts
 * import { parseRuleSet, selectRuleSet } from 'cprdfop/rules';
 * const v1 = parseRuleSet({ format: 'cprdfop.ruleset/1', id: 'x', version: '1',
 *   title: { fr: 'X', en: 'X' }, validFrom: '2023-01-01', validTo: '2023-12-31' });
 * const v2 = parseRuleSet({ ...v1, version: '2', validFrom: '2024-01-01', validTo: undefined });
 * selectRuleSet([v1, v2], 'x', '2024-03-01').version; // "2"
 * ```
 * @category Rule sets
 */
export function selectRuleSet(ruleSets: readonly RuleSet[], id: string, asOf: string): RuleSet {
  let best: RuleSet | undefined;
  for (const r of ruleSets) {
    if (r.id !== id || r.validFrom > asOf || (r.validTo && r.validTo < asOf)) continue;
    if (!best || r.validFrom > best.validFrom) best = r;
  }
  if (best) return best;
  throw new NoRuleSetInForceError(
    id,
    asOf,
    ruleSets.filter((r) => r.id === id).map((r) => `${r.version} (${r.validFrom} → ${r.validTo ?? '…'})`),
  );
}
