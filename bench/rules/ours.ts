/**
 * Our engine (`cprdfop/rules`) on the 12-criteria grant workload: the rule set is
 * `grant-12.rules.json` (the rule language of docs/rules.md), compiled once with `compile`.
 *
 * The engine is loaded dynamically from `src/rules/index.ts` and typed structurally here, so the
 * benchmark and its test still run (reporting "not available") while the engine is being written.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CriterionId, FIELDS, type Field } from './workload.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The rule set file, in our rule language. */
export const RULESET_PATH = join(here, 'grant-12.rules.json');
/** The engine entry (source; the cold-start measure imports the built `dist/rules/index.js`). */
export const ENGINE_SOURCE = join(here, '..', '..', 'src', 'rules', 'index.ts');

/** The part of the engine's explanation the benchmark reads. */
export interface OurExplanation {
  verdict: 'eligible' | 'ineligible' | 'undetermined';
  criteria: { id: string; status: 'pass' | 'fail' | 'unknown'; missing: readonly string[] }[];
  missing: string[];
}

interface OurEvaluator {
  evaluate(application: unknown, options?: { asOf?: string }): OurExplanation;
}

interface OurModule {
  compile(ruleSet: unknown): OurEvaluator;
  parseRuleSet(input: unknown): unknown;
}

/** Same shape as the reference result (undefined = unknown). */
export interface OurResult {
  eligible: boolean | undefined;
  criteria: Record<CriterionId, boolean | undefined>;
  missing: Field[];
}

/** Maps an explanation onto the reference result shape (missing fields sorted in FIELDS order). */
export function toResult(e: OurExplanation): OurResult {
  const criteria = {} as Record<CriterionId, boolean | undefined>;
  for (const c of e.criteria)
    criteria[c.id as CriterionId] = c.status === 'unknown' ? undefined : c.status === 'pass';
  return {
    eligible: e.verdict === 'undetermined' ? undefined : e.verdict === 'eligible',
    criteria,
    missing: FIELDS.filter((f) => e.missing.includes(f)),
  };
}

/**
 * Loads and compiles our engine on the workload rule set.
 * @param entry - The engine entry (default: the sources; the float build for the exact-decimals cost).
 * @returns the evaluator, or `{ unavailable }` saying why it cannot run yet.
 */
export async function loadOurs(
  entry: string = ENGINE_SOURCE,
): Promise<{ evaluator: OurEvaluator } | { unavailable: string }> {
  let mod: Partial<OurModule>;
  try {
    mod = (await import(entry)) as Partial<OurModule>;
  } catch (error) {
    return { unavailable: `src/rules/index.ts does not load (${String(error)})` };
  }
  if (typeof mod.compile !== 'function' || typeof mod.parseRuleSet !== 'function') {
    return { unavailable: 'src/rules/index.ts does not export compile and parseRuleSet yet' };
  }
  const ruleSet = mod.parseRuleSet(JSON.parse(readFileSync(RULESET_PATH, 'utf8')));
  return { evaluator: mod.compile(ruleSet) };
}
