import { isIsoDate } from '../_shared/isoDate.js';
import { renderBoth } from '../_shared/messages.js';
import {
  type CriterionExplanation,
  compile,
  defineOperator,
  type Evaluator,
  type Explanation,
  InvalidDateError,
  isInForce,
  NoRuleSetInForceError,
  type RuleSet,
  RuleSetNotInForceError,
  type ResolvedTerritory as RulesTerritory,
  type RuleText,
  type RuleWarning,
  resolveRuleSet,
  selectRuleSet,
  type TerritoryProvider,
  type TerritoryRef,
} from '../rules/index.js';
import type { ResolvedTerritory } from '../territory/schemas/TerritoryRef.js';
import { providedTerritory, territoryProvider } from '../territory/territoryProvider.js';
import { countedPartners } from './_structures.js';
import type { Application } from './Application.js';
import type { ApplicationIssue } from './ApplicationError.js';
import { hautsDeFranceTerritory } from './hautsDeFranceTerritory.js';
import { itieRuleSets } from './itieRuleSets.js';
import { safeParseResolved } from './safeParseApplication.js';

/** Options of {@link checkApplication}. @category Rules */
export interface CheckOptions {
  /** Evaluation date `YYYY-MM-DD`; defaults to the application's `submittedOn` (never the wall clock). */
  asOf?: string | undefined;
  /** Another rule set (e.g. an overlay extending `itie-hdf@2023.1`); default: the ITIE version in force. */
  ruleSet?: RuleSet | undefined;
  /**
   * Another territory provider; default: {@link hautsDeFranceTerritory}, or `territoryProvider(region)`
   * when `ruleSet` (or its base) names another `region`.
   */
  territory?: TerritoryProvider | undefined;
  /**
   * Decides whether the territory's communes are contiguous (e.g. `createContiguityProvider(topology)`
   * from `cprdfop/geo`, built from commune contours). Supplying it turns on the rule set's
   * `requireContiguity` parameter; without it the parameter keeps its value (off in `itie-hdf@2023.1`),
   * and a rule set that requires contiguity gets `unknown` for that criterion — never a silent pass.
   */
  contiguity?: ContiguityCheck | undefined;
}

/**
 * Decides whether a set of current commune codes forms one contiguous territory; `'unknown'` when it
 * cannot tell (a commune without contour, no contours at all).
 * @category Rules
 */
export type ContiguityCheck = (communeCodes: readonly string[]) => boolean | 'unknown';

/** The result of {@link checkApplication}: an explanation, or the issues of an invalid input. @category Rules */
export type CheckResult = { ok: true; explanation: Explanation } | { ok: false; issues: ApplicationIssue[] };

const ID = 'itie-hdf';

/** The fail message of `deployed-in-region` when none of the territory is in the region. */
const ALL_OUTSIDE: RuleText = Object.freeze({
  fr: 'Critère non rempli : tout le territoire du projet est hors des Hauts-de-France.',
  en: 'Criterion not met: all of the project territory is outside Hauts-de-France.',
});

/** The application's territory as a `TerritoryRef` (absent lists left out). */
function territoryRef(territory: NonNullable<Application['territory']>): TerritoryRef {
  const ref: { -readonly [K in keyof TerritoryRef]: TerritoryRef[K] } = {};
  if (territory.communes) ref.communes = territory.communes;
  if (territory.epcis) ref.epcis = territory.epcis;
  if (territory.arrondissements) ref.arrondissements = territory.arrondissements;
  if (territory.departements) ref.departements = territory.departements;
  return ref;
}

/**
 * The in-region criterion names what is outside: *all of* the territory (no commune in the region) or
 * *part of* it (the rule set's own fail message).
 */
function outsideMessage(criterion: CriterionExplanation, allOutside: boolean): CriterionExplanation {
  return allOutside ? { ...criterion, message: ALL_OUTSIDE } : criterion;
}
let defaultProvider: TerritoryProvider | undefined;

/**
 * The territory of the application being checked, as its validation resolved it, handed to the
 * evaluation (so it is resolved once): `provided` is what `provider.resolve` answers for the lists of
 * `territory` — `provider` being a region's own `territoryProvider(region)`, validated in that region.
 */
interface Handoff {
  readonly provider: TerritoryProvider;
  readonly territory: NonNullable<Application['territory']>;
  readonly provided: RulesTerritory;
}
/** The hand-off of the check under way (checks are synchronous; a nested one saves and restores it). */
let handoff: Handoff | undefined;
const handingOver = new WeakMap<TerritoryProvider, TerritoryProvider>();

/**
 * The provider an ITIE evaluator is compiled with: `provider` itself, except that the territory a check
 * has just validated (the very same code lists) gets the answer already made from its validation.
 */
function handedOver(provider: TerritoryProvider): TerritoryProvider {
  let wrapper = handingOver.get(provider);
  if (!wrapper) {
    wrapper = {
      resolve: (ref) => {
        const given = handoff;
        return given !== undefined &&
          given.provider === provider &&
          ref.communes === given.territory.communes &&
          ref.epcis === given.territory.epcis &&
          ref.arrondissements === given.territory.arrondissements &&
          ref.departements === given.territory.departements
          ? given.provided
          : provider.resolve(ref);
      },
    };
    handingOver.set(provider, wrapper);
  }
  return wrapper;
}

const NO_CONTIGUITY: ContiguityCheck = () => 'unknown';
const compiled = new WeakMap<RuleSet, WeakMap<TerritoryProvider, WeakMap<ContiguityCheck, Evaluator>>>();
const withContiguity = new WeakMap<RuleSet, RuleSet>();
const regionOf = new WeakMap<RuleSet, string>();
const regionProviders = new Map<string, TerritoryProvider>();

/** The region of a rule set, its base's for an overlay that names none (default `"32"`), cached. */
function ruleSetRegion(ruleSet: RuleSet): string {
  let region = regionOf.get(ruleSet);
  if (region === undefined) {
    region = resolveRuleSet(ruleSet, itieRuleSets()).region ?? '32';
    regionOf.set(ruleSet, region);
  }
  return region;
}

/** The `contiguous` operator of the ITIE rule sets: a list of commune codes → boolean, or unknown. */
export function contiguousOperator(check: ContiguityCheck) {
  return defineOperator({
    args: ['list'],
    returns: 'boolean',
    evaluate: (codes) => {
      const answer = check(codes.filter((c): c is string => typeof c === 'string'));
      return answer === 'unknown' ? undefined : answer;
    },
  });
}

/**
 * The `undecided` operator of the ITIE rule sets: always unknown (no field to ask). Used where an
 * unlisted value of an open list (a theme, a public) is for an instructor to judge.
 */
export const UNDECIDED = defineOperator({ args: [], returns: 'boolean', evaluate: () => undefined });

/** The `autre` (other) values of the open lists (`publics`, `themes`): for an instructor to judge. */
function unlistedValues(app: Application): RuleWarning[] {
  const warnings: RuleWarning[] = [];
  for (const [path, described] of [
    ['publics', app.publicsOther],
    ['themes', app.themesOther],
  ] as const) {
    const index = app[path]?.indexOf('autre') ?? -1;
    if (index >= 0) {
      const messages = renderBoth(
        {
          fr: '{path}[{index}] « autre »{described} : hors de la liste connue (la liste est ouverte), à apprécier par un instructeur',
          en: '{path}[{index}] "autre"{described}: not in the known list (the list is open), for an instructor to judge',
        },
        { path, index: String(index), described: described ? ` (${JSON.stringify(described)})` : '' },
      );
      warnings.push({ code: 'unlisted-value', message: messages.en, messages });
    }
  }
  return warnings;
}

/** The rule set with `requireContiguity` turned on (cached), because the caller supplied contours. */
export function requiringContiguity(rs: RuleSet): RuleSet {
  let out = withContiguity.get(rs);
  if (!out) {
    out = {
      ...rs,
      parameters: rs.parameters.map((p) =>
        p.name === 'requireContiguity'
          ? {
              ...p,
              value: true,
              provenance: {
                ...p.provenance,
                justification:
                  typeof p.provenance.justification === 'string'
                    ? `${p.provenance.justification} Turned on: the caller supplied commune contours.`
                    : {
                        fr: `${p.provenance.justification.fr} Activé : l’appelant a fourni les contours des communes.`,
                        en: `${p.provenance.justification.en} Turned on: the caller supplied commune contours.`,
                      },
              },
            }
          : p,
      ),
    };
    withContiguity.set(rs, out);
  }
  return out;
}

/**
 * The compiled evaluator of an ITIE rule set (overlays resolved against the shipped rule sets), cached.
 *
 * @param ruleSet - A rule set (default: the latest shipped version).
 * @param territory - A territory provider (default: Hauts-de-France).
 * @param contiguity - Decides contiguity from contours; when given, `requireContiguity` is turned on.
 * @returns The evaluator.
 * @throws `RuleSetError` when the rule set cannot be resolved or compiled.
 * @example
 * ```ts
 * import { itieEvaluator } from 'cprdfop/itie';
 * itieEvaluator().version; // "2023.1"
 * ```
 * @category Rules
 */
export function itieEvaluator(
  ruleSet?: RuleSet,
  territory?: TerritoryProvider,
  contiguity?: ContiguityCheck,
): Evaluator {
  const base = ruleSet ?? itieRuleSets()[itieRuleSets().length - 1]!;
  const rs = contiguity ? requiringContiguity(base) : base;
  defaultProvider ??= hautsDeFranceTerritory();
  const provider = territory ?? defaultProvider;
  const check = contiguity ?? NO_CONTIGUITY;
  let byProvider = compiled.get(rs);
  if (!byProvider) {
    byProvider = new WeakMap();
    compiled.set(rs, byProvider);
  }
  let byCheck = byProvider.get(provider);
  if (!byCheck) {
    byCheck = new WeakMap();
    byProvider.set(provider, byCheck);
  }
  let ev = byCheck.get(check);
  if (!ev) {
    ev = compile(resolveRuleSet(rs, itieRuleSets()), {
      territory: handedOver(provider),
      operators: { contiguous: contiguousOperator(check), undecided: UNDECIDED },
    });
    byCheck.set(check, ev);
  }
  return ev;
}

/**
 * Checks an ITIE application: validates it (shape, then territory codes), picks the rule set in force
 * on the evaluation date (`options.asOf`, else `submittedOn`) and evaluates it. Total: never throws on
 * any JSON input — invalid input gives `{ ok: false, issues }`, and so does a date on which no rule set
 * is in force (code `not-in-force`: never a verdict outside the validity window) or an `options.asOf`
 * that is not a real calendar date (code `invalid`, path `""`). A structure counts once (by SIRET when
 * both give one, else by normalised name): a partner that is the carrier or repeats another partner is
 * not counted, with a `duplicate-structure` warning. When the territory is outside the region, the
 * message says whether all of it or only part of it is. Without any date the latest version is used and the verdict is at best `undetermined`
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
  // The codes are checked in the rule set's region (an overlay for Normandie says "region": "28").
  const region = options.ruleSet ? ruleSetRegion(options.ruleSet) : '32';
  let territory = options.territory;
  if (!territory && region !== '32') {
    territory = regionProviders.get(region) ?? territoryProvider(region);
    regionProviders.set(region, territory);
  }
  const parsed = safeParseResolved(input, { region });
  if (!parsed.success) return { ok: false, issues: parsed.issues };
  const app = parsed.data;
  const resolved: ResolvedTerritory | undefined = options.territory ? undefined : parsed.territory;
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    const { message, messages } = new InvalidDateError(options.asOf, 'asOf');
    return { ok: false, issues: [{ path: '', code: 'invalid', message, messages }] };
  }
  const asOf = options.asOf ?? app.submittedOn;
  let rs = options.ruleSet;
  if (asOf) {
    try {
      if (!rs) rs = selectRuleSet(itieRuleSets(), ID, asOf);
      else if (!isInForce(rs, asOf)) {
        throw new NoRuleSetInForceError(rs.id, asOf, [
          `${rs.version} (${rs.validFrom} → ${rs.validTo ?? '…'})`,
        ]);
      }
    } catch (error) {
      if (!(error instanceof NoRuleSetInForceError)) throw error;
      return {
        ok: false,
        issues: [
          {
            path: options.asOf ? '' : 'submittedOn',
            code: 'not-in-force',
            message: error.message,
            messages: error.messages,
          },
        ],
      };
    }
  }
  const evaluator = itieEvaluator(rs, territory, options.contiguity);
  // A structure counts once: the rules count the partners that are neither the carrier nor a repeat.
  const counted = app.partners ? countedPartners(app.carrier, app.partners) : undefined;
  const evaluated: Application =
    counted && counted.warnings.length > 0 ? { ...app, partners: [...counted.partners] } : app;
  const resolver = territory ?? defaultProvider;
  // Without a provider of the caller's, the evaluation's is the region's own: its answer for the
  // territory is made from the validation's resolution (the same region, the same codes).
  const previous = handoff;
  handoff =
    resolved && app.territory && resolver
      ? { provider: resolver, territory: app.territory, provided: providedTerritory(resolved, []) }
      : undefined;
  try {
    const explanation = evaluator.evaluate(evaluated, { asOf });
    const criteria = explanation.criteria.map((criterion) =>
      criterion.id === 'deployed-in-region' &&
      criterion.status === 'fail' &&
      region === '32' &&
      app.territory &&
      resolver
        ? outsideMessage(
            criterion,
            (resolved ?? resolver.resolve(territoryRef(app.territory))).communes.length === 0,
          )
        : criterion,
    );
    const warnings: RuleWarning[] = [
      ...explanation.warnings,
      ...(counted?.warnings ?? []),
      ...unlistedValues(app),
    ];
    return { ok: true, explanation: { ...explanation, criteria, warnings } };
  } catch (error) {
    // A rule set whose `asOfField` is not `submittedOn` may find a date outside its window itself.
    if (!(error instanceof RuleSetNotInForceError)) throw error;
    return {
      ok: false,
      issues: [{ path: '', code: 'not-in-force', message: error.message, messages: error.messages }],
    };
  } finally {
    handoff = previous;
  }
}
