import { valueAtPath } from '../_shared/dottedPath.js';
import { isIsoDate } from '../_shared/isoDate.js';
import { renderBoth } from '../_shared/messages.js';
import {
  compile,
  type Evaluator,
  type Explanation,
  InvalidDateError,
  isInForce,
  type RuleSet,
  RuleSetError,
  RuleSetNotInForceError,
  type RuleText,
  type RuleWarning,
  resolveRuleSet,
  type TerritoryProvider,
  validateApplication,
} from '../rules/index.js';
import { InvalidCodeError } from '../territory/InvalidCodeError.js';
import { resolveTerritory } from '../territory/resolveTerritory.js';
import type { Mesh } from '../territory/schemas/Mesh.js';
import { territoryProvider } from '../territory/territoryProvider.js';
import { countedPartners } from './_structures.js';
import type { Application } from './Application.js';
import type { ApplicationIssue } from './ApplicationError.js';
import {
  type ContiguityCheck,
  contiguousOperator,
  requiringContiguity,
  UNDECIDED,
} from './checkApplication.js';
import { itieRuleSets } from './itieRuleSets.js';

/** Options of {@link checkWithRules}. @category Rules */
export interface CheckWithRulesOptions {
  /** Evaluation date `YYYY-MM-DD`; default: the application's `asOfField` date (never the wall clock). */
  asOf?: string | undefined;
  /** The rule sets an overlay may extend by `id@version`; default: the shipped ITIE rule sets. */
  bases?: readonly RuleSet[] | undefined;
  /** Another territory provider; default: `territoryProvider(ruleSet.region)` from `cprdfop/territory`. */
  territory?: TerritoryProvider | undefined;
  /** Extra meshes (e.g. zones d'emploi from `loadMesh`) for the default provider. */
  meshes?: readonly Mesh[] | undefined;
  /** Decides contiguity from contours (see `checkApplication`); turns `requireContiguity` on when given. */
  contiguity?: ContiguityCheck | undefined;
}

/**
 * One problem of an application checked by {@link checkWithRules}: an {@link ApplicationIssue} (`path`
 * such as `budget.selfFinancing` or `partners[2].type`, `code`, English `message`) plus, for a declared
 * field, its JSON `pointer` and the `reason` in French and English.
 * @category Rules
 */
export interface RuleCheckIssue extends ApplicationIssue {
  /** JSON pointer (RFC 6901) into the application, when the issue is about one value. */
  pointer?: string | undefined;
  /** Why, in French and English. */
  reason?: RuleText | undefined;
}

/** The result of {@link checkWithRules}. @category Rules */
export type RuleCheckResult =
  | { ok: true; explanation: Explanation }
  | { ok: false; issues: RuleCheckIssue[] };

const NO_CONTIGUITY: ContiguityCheck = () => 'unknown';
const flattened = new WeakMap<RuleSet, WeakMap<readonly RuleSet[], RuleSet>>();
const evaluators = new WeakMap<RuleSet, WeakMap<TerritoryProvider, WeakMap<ContiguityCheck, Evaluator>>>();
const providers = new Map<string, TerritoryProvider>();

/** `/partners/2/type` → `partners[2].type`; `/budget/a~1b` → `budget.a/b`. */
function dottedPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, token) => (/^\d+$/.test(token) ? `${path}[${token}]` : path ? `${path}.${token}` : token),
      '',
    );
}

function flatten(ruleSet: RuleSet, bases: readonly RuleSet[]): RuleSet {
  let byBases = flattened.get(ruleSet);
  if (!byBases) {
    byBases = new WeakMap();
    flattened.set(ruleSet, byBases);
  }
  let flat = byBases.get(bases);
  if (!flat) {
    flat = resolveRuleSet(ruleSet, bases);
    byBases.set(bases, flat);
  }
  return flat;
}

function regionProvider(region: string, meshes: readonly Mesh[] | undefined): TerritoryProvider {
  try {
    if (meshes?.length) return territoryProvider(region, { meshes });
    let provider = providers.get(region);
    if (!provider) {
      provider = territoryProvider(region);
      providers.set(region, provider);
    }
    return provider;
  } catch (error) {
    if (error instanceof InvalidCodeError) {
      throw new RuleSetError(
        'region',
        renderBoth(
          {
            fr: '« {region} » n’est pas une région du COG 2026 ({reason})',
            en: '"{region}" is not a region of COG 2026 ({reason})',
          },
          { region, reason: { fr: error.messages.fr, en: error.message } },
        ),
      );
    }
    throw error;
  }
}

function evaluatorOf(
  flat: RuleSet,
  territory: TerritoryProvider | undefined,
  check: ContiguityCheck,
): Evaluator {
  const key = territory ?? NO_TERRITORY;
  let byProvider = evaluators.get(flat);
  if (!byProvider) {
    byProvider = new WeakMap();
    evaluators.set(flat, byProvider);
  }
  let byCheck = byProvider.get(key);
  if (!byCheck) {
    byCheck = new WeakMap();
    byProvider.set(key, byCheck);
  }
  let evaluator = byCheck.get(check);
  if (!evaluator) {
    evaluator = compile(flat, {
      ...(territory ? { territory } : {}),
      // The ITIE rule sets' own operators, so an overlay of them compiles here too.
      operators: { contiguous: contiguousOperator(check), undecided: UNDECIDED },
    });
    byCheck.set(check, evaluator);
  }
  return evaluator;
}
/** The cache key of "no territory provider" (a rule set without territory predicates needs none). */
const NO_TERRITORY: TerritoryProvider = {
  resolve: () => ({ communes: [], outside: [], invalid: [], warnings: [], units: () => undefined }),
};

/** Whether a rule set declares the ITIE structures: a `carrier.name` and a `partners` list. */
const countsStructures = (ruleSet: RuleSet): boolean =>
  (ruleSet.fields ?? []).some((field) => field.path === 'carrier.name') &&
  (ruleSet.fields ?? []).some((field) => field.path === 'partners' && field.type === 'list');

/** The application with each structure counted once, when some partner repeats one (else `undefined`). */
function partnersCountedOnce(
  application: unknown,
): { application: unknown; warnings: readonly RuleWarning[] } | undefined {
  const { carrier, partners } = application as Partial<Application>;
  if (!Array.isArray(partners)) return undefined;
  const counted = countedPartners(carrier, partners);
  if (counted.warnings.length === 0) return undefined;
  return {
    application: { ...(application as object), partners: [...counted.partners] },
    warnings: counted.warnings,
  };
}

/**
 * Checks an application against any rule set — another region's, an overlay read from a file, a call
 * that is not ITIE at all. Unlike {@link checkApplication} (the ITIE application schema, Hauts-de-France
 * by default), the application is validated against the fields the rule set declares
 * (`validateApplication`: an overlay that declares `budget.selfFinancing` may use it; an undeclared
 * property is invalid), the codes of its `territory` fields against the rule set's `region` (unless
 * `options.territory` is given: that provider then decides, an unknown code making a predicate
 * `unknown`), and the territory predicates use `territoryProvider(ruleSet.region)`. Overlays are resolved against
 * `options.bases` (default: the shipped ITIE rule sets). Total on the application: invalid input, a date
 * outside the rule set's validity window or an `options.asOf` that is not a real date give
 * `{ ok: false, issues }`; missing fields give a verdict (at best `undetermined`).
 *
 * @param ruleSet - A validated rule set (`parseRuleSet`), flat or an overlay.
 * @param application - The application (any JSON value).
 * @param options - Evaluation date, bases, territory provider or meshes, contiguity check.
 * @returns The explanation (`cprdfop.explanation/1`) or every issue of the application.
 * @throws `RuleSetError` (`cprdfop/rules`) when the rule set itself is unusable: its base is not found, it cannot be
 * compiled, its `region` is not a region of COG 2026, or it uses territory predicates with neither a
 * `region` nor `options.territory`.
 * @example
 * ```ts
 * import { checkWithRules } from 'cprdfop/itie';
 * import { parseRuleSet } from 'cprdfop/rules';
 * const rules = parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'normandie-demo', version: '1', region: '28',
 *   title: { fr: 'Démo Normandie', en: 'Normandie demo' }, validFrom: '2024-01-01',
 *   fields: [
 *     { path: 'territory', type: 'territory', label: { fr: 'Territoire', en: 'Territory' } },
 *     { path: 'budget.selfFinancing', type: 'percent', label: { fr: 'Autofinancement', en: 'Self-financing' } },
 *   ],
 *   criteria: [
 *     { id: 'in-region', label: { fr: 'En Normandie', en: 'In Normandie' }, when: { inRegion: { field: 'territory' } } },
 *     { id: 'self-financing', label: { fr: 'Autofinancement ≥ 30 %', en: 'Self-financing ≥ 30 %' },
 *       when: { '>=': [{ field: 'budget.selfFinancing' }, 30] } },
 *   ],
 * });
 * const caen = checkWithRules(rules, { territory: { communes: ['14118'] }, budget: { selfFinancing: 35 } }, { asOf: '2024-06-01' });
 * caen.ok && caen.explanation.verdict; // "eligible"
 * const lille = checkWithRules(rules, { territory: { communes: ['59350'] }, budget: { selfFinancing: 35 } }, { asOf: '2024-06-01' });
 * lille.ok && lille.explanation.verdict; // "ineligible"
 * const typo = checkWithRules(rules, { territory: { communes: ['76999'] } }, { asOf: '2024-06-01' });
 * typo.ok ? [] : typo.issues.map((issue) => [issue.path, issue.code]); // [["territory.communes[0]", "unknown-code"]]
 * ```
 * @category Rules
 */
export function checkWithRules(
  ruleSet: RuleSet,
  application: unknown,
  options: CheckWithRulesOptions = {},
): RuleCheckResult {
  const bases = options.bases ?? itieRuleSets();
  const resolved = flatten(ruleSet, bases);
  const flat = options.contiguity ? requiringContiguity(resolved) : resolved;
  const territory =
    options.territory ??
    (flat.region !== undefined ? regionProvider(flat.region, options.meshes) : undefined);
  const evaluator = evaluatorOf(flat, territory, options.contiguity ?? NO_CONTIGUITY);

  const validation = validateApplication(flat, application);
  const issues: RuleCheckIssue[] = validation.invalid.map((issue) => ({
    path: dottedPath(issue.pointer),
    code: issue.pointer === '' && issue.reason.en.startsWith('document refused') ? 'unsafe' : 'invalid',
    message: issue.reason.en,
    messages: issue.reason,
    pointer: issue.pointer,
    reason: issue.reason,
  }));
  if (flat.region !== undefined && options.territory === undefined) {
    for (const field of flat.fields ?? []) {
      if (field.type !== 'territory') continue;
      const fieldPointer = `/${field.path.split('.').join('/')}`;
      // A territory value that is itself invalid (not code lists) has its issue already.
      const covers = (pointer: string) =>
        pointer === '' ||
        fieldPointer === pointer ||
        fieldPointer.startsWith(`${pointer}/`) ||
        pointer.startsWith(`${fieldPointer}/`);
      if (validation.invalid.some((issue) => covers(issue.pointer))) continue;
      const value = valueAtPath(application, field.path);
      if (value === undefined) continue;
      for (const diagnostic of resolveTerritory(value as never, { region: flat.region }).diagnostics) {
        if (diagnostic.kind !== 'unknown' && diagnostic.kind !== 'invalid') continue;
        const path = `${field.path}.${diagnostic.path}`;
        issues.push({
          path,
          code: 'unknown-code',
          message: diagnostic.message,
          messages: diagnostic.messages,
          pointer: `/${path
            .replace(/\[(\d+)\]/g, '.$1')
            .split('.')
            .join('/')}`,
        });
      }
    }
  }
  if (issues.length) return { ok: false, issues };

  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    const { message, messages } = new InvalidDateError(options.asOf, 'asOf');
    return { ok: false, issues: [{ path: '', code: 'invalid', message, messages }] };
  }
  const asOf = options.asOf ?? (flat.asOfField ? valueAtPath(application, flat.asOfField) : undefined);
  if (typeof asOf === 'string' && isIsoDate(asOf) && !isInForce(flat, asOf)) {
    return {
      ok: false,
      issues: [
        {
          path: options.asOf !== undefined ? '' : (flat.asOfField ?? ''),
          code: 'not-in-force',
          ...notInForceTexts(flat, asOf),
        },
      ],
    };
  }
  // A rule set with the ITIE shape (a `carrier.name` and a `partners` list) counts a structure once,
  // as checkApplication does: a partner that is the carrier or a repeat is left out, with a warning.
  const counted = countsStructures(flat) ? partnersCountedOnce(application) : undefined;
  try {
    const explanation = evaluator.evaluate(
      counted ? counted.application : application,
      options.asOf !== undefined ? { asOf: options.asOf } : {},
    );
    return {
      ok: true,
      explanation: counted
        ? { ...explanation, warnings: [...explanation.warnings, ...counted.warnings] }
        : explanation,
    };
  } catch (error) {
    if (!(error instanceof RuleSetNotInForceError)) throw error;
    return {
      ok: false,
      issues: [{ path: '', code: 'not-in-force', message: error.message, messages: error.messages }],
    };
  }
}

/** `rule set … is not in force on …`, in English (`message`) and in both languages (`messages`). */
function notInForceTexts(
  ruleSet: { id: string; version: string; validFrom: string; validTo?: string | undefined },
  asOf: string,
): { message: string; messages: { fr: string; en: string } } {
  const messages = renderBoth(
    {
      fr: 'le jeu de règles {name} n’est pas en vigueur le {asOf} ({from} → {until})',
      en: 'rule set {name} is not in force on {asOf} ({from} → {until})',
    },
    {
      name: `${ruleSet.id}@${ruleSet.version}`,
      asOf,
      from: ruleSet.validFrom,
      until: ruleSet.validTo ?? '…',
    },
  );
  return { message: messages.en, messages };
}
