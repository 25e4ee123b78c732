import { z } from 'zod';
import { isoDateMessages } from '../_shared/isoDate.js';
import { checkJsonSafety, formatPath, parseJsonWithLimits, type SafetyIssue } from '../_shared/jsonSafety.js';
import { frenchTypography } from '../_shared/typography.js';
import { RuleSetError } from './errors.js';
import { HTTP_URL, RuleSet } from './RuleSet.js';

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
  /** What is wrong, in English. */
  message: string;
  /**
   * What is wrong, in French and in English (French typography set): the schema's own checks are told
   * by zod's French locale, the package's checks by its own texts.
   */
  messages: { fr: string; en: string };
}

let frenchErrors: ReturnType<typeof z.locales.fr>['localeError'] | undefined;

/** The issues of a failed parse, each told in both languages. */
function bilingualIssues(input: unknown, issues: readonly z.core.$ZodIssue[]): RuleIssue[] {
  // Parsed again, on failure only, with zod's French messages: same schema, same input, same issues.
  frenchErrors ??= z.locales.fr().localeError;
  const french = RuleSet.safeParse(input, { error: frenchErrors });
  const frenchIssues = french.success ? [] : french.error.issues;
  return issues.map((issue, index) => {
    const path = formatPath(issue.path);
    const own = (issue as { params?: { messages?: { fr: string; en: string } } }).params?.messages;
    const twin = frenchIssues[index];
    const fr =
      own?.fr ??
      (issue.message === HTTP_URL.en ? HTTP_URL.fr : undefined) ??
      isoDateFrench(input, issue) ??
      (twin && twin.code === issue.code && formatPath(twin.path) === path
        ? frenchTypography(twin.message)
        : issue.message);
    return { path, message: issue.message, messages: { fr, en: issue.message } };
  });
}

/** The French of an invalid ISO date's message (the shared schema's message is English then French). */
function isoDateFrench(input: unknown, issue: z.core.$ZodIssue): string | undefined {
  let value: unknown = input;
  for (const key of issue.path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  const messages = isoDateMessages(value);
  return issue.message === messages.en ? messages.fr : undefined;
}

/** A safety issue (its messages, or its English message in both languages). */
function safetyIssue(issue: SafetyIssue): RuleIssue {
  return {
    path: issue.path,
    message: issue.message,
    messages: issue.messages ?? { fr: issue.message, en: issue.message },
  };
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
  if (unsafe) return { success: false, issues: [safetyIssue(unsafe)] };
  const r = RuleSet.safeParse(input);
  if (r.success) return { success: true, data: r.data };
  return {
    success: false,
    issues: bilingualIssues(input, r.error.issues),
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
  if (!parsed.ok) return { success: false, issues: [safetyIssue(parsed.issue)] };
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
  throw new RuleSetError(first.path, first.messages);
}
