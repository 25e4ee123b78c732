import { isIsoDate, packIsoDate } from '../_shared/isoDate.js';
import { InvalidDateError, NoRuleSetInForceError } from './errors.js';
import type { RuleSet } from './RuleSet.js';

/**
 * Tells whether a rule set is in force on a date: `validFrom ≤ asOf ≤ validTo` (inclusive; no `validTo`
 * means open-ended), comparing calendar dates.
 *
 * @param ruleSet - The rule set (only `validFrom` and `validTo` are read).
 * @param asOf - The evaluation date, `YYYY-MM-DD`.
 * @returns `true` when in force that day.
 * @throws {@link InvalidDateError} when `asOf` is not a real calendar date.
 * @example
 * ```ts
 * import { isInForce } from 'cprdfop/rules';
 * isInForce({ validFrom: '2023-01-01', validTo: '2023-12-31' }, '2023-12-31'); // true
 * isInForce({ validFrom: '2023-01-01' }, '2022-12-31'); // false
 * ```
 * @category Rule sets
 */
export function isInForce(
  ruleSet: Pick<RuleSet, 'validFrom'> & { validTo?: string | undefined },
  asOf: string,
): boolean {
  const day = packIsoDate(asOf);
  if (day < 0) throw new InvalidDateError(asOf, 'asOf');
  return (
    packIsoDate(ruleSet.validFrom) <= day &&
    (ruleSet.validTo === undefined || day <= packIsoDate(ruleSet.validTo))
  );
}

/**
 * Chooses the version of a rule set in force on a date: `validFrom ≤ asOf ≤ validTo` (inclusive;
 * no `validTo` means open-ended); when several are, the one with the latest `validFrom`.
 *
 * @param ruleSets - Candidate rule sets (any ids; only `id` is considered).
 * @param id - The rule set id.
 * @param asOf - The evaluation date, `YYYY-MM-DD` (never the wall clock).
 * @returns The rule set in force.
 * @throws {@link NoRuleSetInForceError} when no version is in force that day;
 * {@link InvalidDateError} when `asOf` is not a real calendar date (e.g. `2023-02-30`).
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
  if (!isIsoDate(asOf)) throw new InvalidDateError(asOf, 'asOf');
  let best: RuleSet | undefined;
  for (const candidate of ruleSets) {
    if (candidate.id !== id || !isInForce(candidate, asOf)) continue;
    if (!best || packIsoDate(candidate.validFrom) > packIsoDate(best.validFrom)) best = candidate;
  }
  if (best) return best;
  throw new NoRuleSetInForceError(
    id,
    asOf,
    ruleSets
      .filter((candidate) => candidate.id === id)
      .map((candidate) => `${candidate.version} (${candidate.validFrom} → ${candidate.validTo ?? '…'})`),
  );
}
