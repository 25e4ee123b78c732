import { checkJsonSafety, formatPath } from '../_shared/jsonSafety.js';
import { classifyCommuneCode } from '../territory/classifyCommuneCode.js';
import { resolveTerritory } from '../territory/resolveTerritory.js';
import { Application } from './Application.js';
import type { ApplicationIssue } from './ApplicationError.js';

/**
 * Validates an untrusted application without throwing: safety limits (forbidden keys, depth 32,
 * 100,000 nodes), the zod schema, then the territory codes against the territory graph (an unknown code
 * of a Hauts-de-France département or a malformed code is invalid; codes of other départements and old
 * codes are accepted — the rules fail or map them).
 *
 * @param input - Any JSON value.
 * @returns `{ success: true, data }` or `{ success: false, issues }` (paths like `territory.communes[2]`).
 * @example
 * ```ts
 * import { safeParseApplication } from 'cprdfop/itie';
 * const r = safeParseApplication({ territory: { communes: ['59350', '59999'] } });
 * r.success ? [] : r.issues.map((i) => i.path); // ["territory.communes[1]"]
 * ```
 * @category Application
 */
export function safeParseApplication(
  input: unknown,
): { success: true; data: Application } | { success: false; issues: ApplicationIssue[] } {
  const unsafe = checkJsonSafety(input, { maxDepth: 32, maxNodes: 100_000 });
  if (unsafe) return { success: false, issues: [{ ...unsafe, code: 'unsafe' }] };
  const r = Application.safeParse(input);
  if (!r.success) {
    return {
      success: false,
      issues: r.error.issues
        .slice(0, 20)
        .map((i) => ({ path: formatPath(i.path), code: 'invalid' as const, message: i.message })),
    };
  }
  const issues: ApplicationIssue[] = [];
  const t = r.data.territory;
  if (t) {
    for (const d of resolveTerritory(t).diagnostics) {
      if (d.kind === 'unknown' || d.kind === 'invalid') {
        issues.push({ path: `territory.${d.path}`, code: 'unknown-code', message: d.message });
      }
    }
  }
  const carrierCommune = r.data.carrier?.commune;
  if (carrierCommune) {
    const c = classifyCommuneCode(carrierCommune);
    if (c.kind === 'unknown')
      issues.push({ path: 'carrier.commune', code: 'unknown-code', message: c.message });
  }
  return issues.length ? { success: false, issues } : { success: true, data: r.data };
}
