import { checkJsonSafety, formatPath, parseJsonWithLimits } from '../_shared/jsonSafety.js';
import { RuleSetError } from './errors.js';
import { RuleSet } from './RuleSet.js';

/**
 * Maximum nesting of a rule set document (expressions included).
 * @example
 * ```ts
 * import { MAX_RULESET_DEPTH } from 'cprdfop/rules';
 * MAX_RULESET_DEPTH; // 64
 * ```
 * @category Rule sets
 */
export const MAX_RULESET_DEPTH = 64;
/**
 * Maximum number of JSON nodes in a rule set document.
 * @example
 * ```ts
 * import { MAX_RULESET_NODES } from 'cprdfop/rules';
 * MAX_RULESET_NODES; // 200000
 * ```
 * @category Rule sets
 */
export const MAX_RULESET_NODES = 200_000;
/**
 * Maximum size of a rule file's JSON text, in UTF-8 bytes (16 MiB), checked by
 * {@link safeParseRuleSetJson} before the text is parsed.
 * @example
 * ```ts
 * import { MAX_RULESET_BYTES } from 'cprdfop/rules';
 * MAX_RULESET_BYTES; // 16777216
 * ```
 * @category Rule sets
 */
export const MAX_RULESET_BYTES = 16 * 1024 * 1024;

/**
 * One problem found in an untrusted document.
 * @category Rule sets
 */
export interface RuleIssue {
  /** Where, e.g. `criteria[2].when`. */
  path: string;
  /** What is wrong. */
  message: string;
}

/**
 * Validates an untrusted rule set document without throwing: safety limits (forbidden keys, depth,
 * size) first, then the zod schema.
 *
 * @param input - Any JSON value (e.g. `JSON.parse` of a rule file).
 * @returns `{ success: true, data }` or `{ success: false, issues }` with the path of each problem.
 * @example
 * ```ts
 * import { safeParseRuleSet } from 'cprdfop/rules';
 * safeParseRuleSet({ id: 1 }).success; // false
 * ```
 * @category Rule sets
 */
export function safeParseRuleSet(
  input: unknown,
): { success: true; data: RuleSet } | { success: false; issues: RuleIssue[] } {
  const unsafe = checkJsonSafety(input, { maxDepth: MAX_RULESET_DEPTH, maxNodes: MAX_RULESET_NODES });
  if (unsafe) return { success: false, issues: [unsafe] };
  const r = RuleSet.safeParse(input);
  if (r.success) return { success: true, data: r.data };
  return {
    success: false,
    issues: r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  };
}

/**
 * Validates an untrusted rule file given as JSON text, without throwing. The limits are enforced while
 * reading, before anything is built in memory: size ({@link MAX_RULESET_BYTES}), nesting
 * ({@link MAX_RULESET_DEPTH}) and node count ({@link MAX_RULESET_NODES}) are checked by a single scan of
 * the text, then the text is parsed and validated like {@link safeParseRuleSet}. A 32 MB hostile file is
 * refused in milliseconds, in constant memory.
 *
 * @param text - The JSON text of a rule file.
 * @returns `{ success: true, data }` or `{ success: false, issues }` (invalid JSON is one issue at `""`).
 * @example
 * ```ts
 * import { safeParseRuleSetJson } from 'cprdfop/rules';
 * const r = safeParseRuleSetJson('['.repeat(100));
 * r.success ? '' : r.issues[0]!.message; // "nested deeper than 64 levels"
 * ```
 * @category Rule sets
 */
export function safeParseRuleSetJson(
  text: string,
): { success: true; data: RuleSet } | { success: false; issues: RuleIssue[] } {
  const parsed = parseJsonWithLimits(text, {
    maxBytes: MAX_RULESET_BYTES,
    maxDepth: MAX_RULESET_DEPTH,
    maxNodes: MAX_RULESET_NODES,
  });
  if (!parsed.ok) return { success: false, issues: [parsed.issue] };
  return safeParseRuleSet(parsed.value);
}

/**
 * Validates an untrusted rule set document (safety limits, then the zod schema).
 *
 * @param input - Any JSON value.
 * @returns The typed rule set.
 * @throws {@link RuleSetError} naming the path of the first problem.
 * @example
 * ```ts
 * import { parseRuleSet } from 'cprdfop/rules';
 * parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'demo', version: '1', title: { fr: 'Démo', en: 'Demo' },
 *   validFrom: '2023-01-01', criteria: [],
 * }).parameters; // []
 * ```
 * @category Rule sets
 */
export function parseRuleSet(input: unknown): RuleSet {
  const r = safeParseRuleSet(input);
  if (r.success) return r.data;
  const first = r.issues[0]!;
  throw new RuleSetError(first.path, first.message);
}
