import { sha256Hex } from '../_shared/sha256.js';
import { canonicalJson } from './_hash.js';
import type { RuleSet } from './RuleSet.js';

/**
 * The content hash of a rule set: `sha256-` + the SHA-256 of its canonical JSON (keys sorted), with
 * `$schema` and `examples` left out. Pure (no `node:crypto`): works in browsers. Every verdict is
 * stamped with it.
 *
 * @param ruleSet - A rule set (flat or not).
 * @returns The hash, e.g. `sha256-3a7b…`.
 * @example
 * ```ts
 * import { hashRuleSet, parseRuleSet } from 'cprdfop/rules';
 * const rs = parseRuleSet({ format: 'cprdfop.ruleset/1', id: 'x', version: '1',
 *   title: { fr: 'X', en: 'X' }, validFrom: '2023-01-01' });
 * hashRuleSet(rs) === hashRuleSet({ ...rs, examples: [] }); // true
 * ```
 * @category Rule sets
 */
export function hashRuleSet(ruleSet: RuleSet): string {
  const { $schema: _s, examples: _e, ...content } = ruleSet;
  return `sha256-${sha256Hex(canonicalJson(content))}`;
}
