import {
  compile,
  type Evaluator,
  type Explanation,
  NoRuleSetInForceError,
  type RuleSet,
  resolveRuleSet,
  selectRuleSet,
  type TerritoryProvider,
} from '../rules/index.js';
import type { ApplicationIssue } from './ApplicationError.js';
import { hautsDeFranceTerritory } from './hautsDeFranceTerritory.js';
import { itieRuleSets } from './itieRuleSets.js';
import { safeParseApplication } from './safeParseApplication.js';

/** Options of {@link checkApplication}. @category Rules */
export interface CheckOptions {
  /** Evaluation date `YYYY-MM-DD`; defaults to the application's `submittedOn` (never the wall clock). */
  asOf?: string | undefined;
  /** Another rule set (e.g. an overlay extending `itie-hdf@2023.1`); default: the ITIE version in force. */
  ruleSet?: RuleSet | undefined;
  /** Another territory provider; default: {@link hautsDeFranceTerritory}. */
  territory?: TerritoryProvider | undefined;
}

/** The result of {@link checkApplication}: an explanation, or the issues of an invalid input. @category Rules */
export type CheckResult = { ok: true; explanation: Explanation } | { ok: false; issues: ApplicationIssue[] };

const ID = 'itie-hdf';
let defaultProvider: TerritoryProvider | undefined;
const compiled = new WeakMap<RuleSet, WeakMap<TerritoryProvider, Evaluator>>();

/**
 * The compiled evaluator of an ITIE rule set (overlays resolved against the shipped rule sets), cached.
 *
 * @param ruleSet - A rule set (default: the latest shipped version).
 * @param territory - A territory provider (default: Hauts-de-France).
 * @returns The evaluator.
 * @throws `RuleSetError` when the rule set cannot be resolved or compiled.
 * @example
 * ```ts
 * import { itieEvaluator } from 'cprdfop/itie';
 * itieEvaluator().version; // "2023.1"
 * ```
 * @category Rules
 */
export function itieEvaluator(ruleSet?: RuleSet, territory?: TerritoryProvider): Evaluator {
  const rs = ruleSet ?? itieRuleSets()[itieRuleSets().length - 1]!;
  defaultProvider ??= hautsDeFranceTerritory();
  const provider = territory ?? defaultProvider;
  let byProvider = compiled.get(rs);
  if (!byProvider) {
    byProvider = new WeakMap();
    compiled.set(rs, byProvider);
  }
  let ev = byProvider.get(provider);
  if (!ev) {
    ev = compile(resolveRuleSet(rs, itieRuleSets()), { territory: provider });
    byProvider.set(provider, ev);
  }
  return ev;
}

/**
 * Checks an ITIE application: validates it (shape, then territory codes), picks the rule set in force
 * on the evaluation date (`options.asOf`, else `submittedOn`) and evaluates it. Total: never throws on
 * any JSON input — invalid input gives `{ ok: false, issues }`, and so does a date on which no rule set
 * is in force. Without any date the latest version is used and the verdict is at best `undetermined`
 * (`submittedOn` is then missing).
 *
 * @param input - The application (any JSON value).
 * @param options - Evaluation date, rule set, territory provider.
 * @returns The explanation (`cprdfop.explanation/1`) or the issues.
 * @throws `RuleSetError` only when `options.ruleSet` itself is invalid.
 * @example
 * ```ts
 * import { checkApplication } from 'cprdfop/itie';
 * const r = checkApplication({ themes: ['recrutement'], submittedOn: '2023-04-03' });
 * r.ok && r.explanation.verdict; // "undetermined"
 * r.ok && r.explanation.missing; // ["territory", "partners", "budget.requested", "budget.total", "schedule.start", "schedule.end"]
 * checkApplication({ themes: ['cuisine'] }).ok; // false
 * ```
 * @category Rules
 */
export function checkApplication(input: unknown, options: CheckOptions = {}): CheckResult {
  const parsed = safeParseApplication(input);
  if (!parsed.success) return { ok: false, issues: parsed.issues };
  const app = parsed.data;
  const asOf = options.asOf ?? app.submittedOn;
  let rs = options.ruleSet;
  if (asOf) {
    try {
      if (!rs) rs = selectRuleSet(itieRuleSets(), ID, asOf);
      else if (asOf < rs.validFrom || (rs.validTo && asOf > rs.validTo)) {
        throw new NoRuleSetInForceError(rs.id, asOf, [
          `${rs.version} (${rs.validFrom} → ${rs.validTo ?? '…'})`,
        ]);
      }
    } catch (error) {
      if (!(error instanceof NoRuleSetInForceError)) throw error;
      return {
        ok: false,
        issues: [{ path: options.asOf ? '' : 'submittedOn', code: 'not-in-force', message: error.message }],
      };
    }
  }
  return { ok: true, explanation: itieEvaluator(rs, options.territory).evaluate(app, { asOf }) };
}
