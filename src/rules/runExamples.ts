import type { Explanation } from './Explanation.js';
import type { RuleExample } from './RuleSet.js';

/**
 * The outcome of one embedded example.
 * @category Rule sets
 */
export interface ExampleResult {
  name: string;
  ok: boolean;
  /** What differed from the expectation (empty when `ok`). */
  failures: string[];
  /** The explanation produced, or `undefined` when the evaluation reported invalid input. */
  explanation: Explanation | undefined;
}

/**
 * Runs a rule set's embedded examples: evaluates each application and compares the verdict, each
 * expected criterion status, `missing` (as a set) and the funding amount when given.
 *
 * @param examples - The examples (`ruleSet.examples`).
 * @param evaluate - Evaluates one application as of a date; may return a list of issue strings for
 * invalid input (which fails the example).
 * @returns One result per example.
 * @example
 * ```ts
 * import { compile, parseRuleSet, runExamples } from 'cprdfop/rules';
 * const rs = parseRuleSet({ format: 'cprdfop.ruleset/1', id: 'x', version: '1',
 *   title: { fr: 'X', en: 'X' }, validFrom: '2023-01-01',
 *   criteria: [{ id: 'a', label: { fr: 'A', en: 'A' }, when: { field: 'a' } }],
 *   examples: [{ name: 'yes', asOf: '2023-02-01', application: { a: true }, verdict: 'eligible' }] });
 * const ev = compile(rs);
 * runExamples(rs.examples ?? [], (app, asOf) => ev.evaluate(app, { asOf }))[0]?.ok; // true
 * ```
 * @category Rule sets
 */
export function runExamples(
  examples: readonly RuleExample[],
  evaluate: (application: unknown, asOf: string | undefined) => Explanation | string[],
): ExampleResult[] {
  return examples.map((ex) => {
    const r = evaluate(ex.application, ex.asOf);
    if (Array.isArray(r)) {
      return {
        name: ex.name,
        ok: false,
        failures: [`invalid application: ${r.join('; ')}`],
        explanation: undefined,
      };
    }
    const failures: string[] = [];
    if (r.verdict !== ex.verdict) failures.push(`verdict: expected ${ex.verdict}, got ${r.verdict}`);
    for (const [id, status] of Object.entries(ex.criteria ?? {})) {
      const got = r.criteria.find((c) => c.id === id)?.status ?? 'absent';
      if (got !== status) failures.push(`${id}: expected ${status}, got ${got}`);
    }
    if (ex.missing) {
      const a = [...ex.missing].sort().join(', ');
      const b = [...r.missing].sort().join(', ');
      if (a !== b) failures.push(`missing: expected [${a}], got [${b}]`);
    }
    if (ex.funding !== undefined && (r.funding?.amount ?? null) !== ex.funding) {
      failures.push(`funding: expected ${ex.funding}, got ${r.funding?.amount ?? null}`);
    }
    return { name: ex.name, ok: failures.length === 0, failures, explanation: r };
  });
}
