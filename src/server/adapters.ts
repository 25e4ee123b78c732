/**
 * The one place where the server and the screening command meet the rest of the library. Each adapter
 * is a thin call into today's public API (`cprdfop/itie`, `cprdfop/rules`, `cprdfop/territory`, the
 * plan); when the engine's declared `fields` replace the ITIE zod schema (`applicationJsonSchema`,
 * `validateApplication` of `cprdfop/rules`), only this file changes.
 */
import { z } from 'zod';
import { isIsoDate } from '../_shared/isoDate.js';
import { renderMessage } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';
import { plan } from '../index.js';
import {
  Application,
  type CheckResult,
  checkApplication,
  itieEvaluator,
  itieRuleSets,
} from '../itie/index.js';
import {
  type Explanation,
  hashRuleSet,
  type NextQuestion,
  NoRuleSetInForceError,
  nextQuestions,
  type RuleSet,
  selectRuleSet,
  serializeExplanation,
} from '../rules/index.js';
import {
  type Commune,
  type CommuneMatch,
  classifyCommuneCode,
  commune,
  communes,
  type Epci,
  epci,
  InvalidCodeError,
  regions,
  searchCommunes,
} from '../territory/index.js';
import { SERVER } from './_messages.js';

/** A rule set the server or the screening command can evaluate, with its reference `id@version`. */
export interface LoadedRuleSet {
  /** `id@version`. */
  ref: string;
  ruleSet: RuleSet;
  /** `sha256-…` of the canonical document. */
  hash: string;
  /** Where it comes from: `shipped` or the file it was read from. */
  origin: string;
}

/**
 * The shipped ITIE rule sets followed by the extra ones (already parsed and resolved), each compiled
 * once so that an uncompilable rule set fails at start-up, not on the first request.
 *
 * @param extra - Rule sets given with `--rules`, with the file each came from.
 * @returns Every rule set, shipped first.
 * @throws `RuleSetError` when an extra rule set cannot be compiled.
 */
export function loadRuleSets(extra: readonly { ruleSet: RuleSet; origin: string }[] = []): LoadedRuleSet[] {
  const all = [...itieRuleSets().map((ruleSet) => ({ ruleSet, origin: 'shipped' })), ...extra].map(
    ({ ruleSet, origin }) => {
      itieEvaluator(ruleSet);
      return { ref: `${ruleSet.id}@${ruleSet.version}`, ruleSet, hash: hashRuleSet(ruleSet), origin };
    },
  );
  return all;
}

/**
 * Finds a rule set by `id@version`, or by `id` alone (then the latest version, by `validFrom`).
 *
 * @param ruleSets - The loaded rule sets.
 * @param ref - `id@version` or `id`.
 * @returns The rule set, or `undefined`.
 */
export function findRuleSet(ruleSets: readonly LoadedRuleSet[], ref: string): LoadedRuleSet | undefined {
  if (ref.includes('@')) return ruleSets.find((loaded) => loaded.ref === ref);
  const versions = ruleSets.filter((loaded) => loaded.ruleSet.id === ref);
  return versions.sort((a, b) => a.ruleSet.validFrom.localeCompare(b.ruleSet.validFrom)).at(-1);
}

/** The id of the rule set checked when a request names none: the shipped ITIE rule set's. */
export function defaultRuleSetId(): string {
  return (itieRuleSets()[0] as RuleSet).id;
}

/**
 * Checks one application (any JSON value). Today `checkApplication` of `cprdfop/itie`.
 *
 * @param input - The application.
 * @param options - The rule set, or `versions` of one rule set among which the one in force on the
 * evaluation date (`asOf`, else the application's `submittedOn`) is chosen; neither: the shipped ITIE
 * version in force. With no date at all, the latest version (the verdict is then at best
 * `undetermined`).
 * @returns The explanation or the issues (`not-in-force` listing every version when none is in force).
 */
export function check(
  input: unknown,
  options: {
    ruleSet?: RuleSet | undefined;
    versions?: readonly RuleSet[] | undefined;
    asOf?: string | undefined;
  },
): CheckResult {
  let ruleSet = options.ruleSet;
  const versions = options.versions;
  if (ruleSet === undefined && versions !== undefined && versions.length > 0) {
    const submitted =
      input !== null && typeof input === 'object' && !Array.isArray(input)
        ? (input as { submittedOn?: unknown }).submittedOn
        : undefined;
    const day =
      options.asOf ?? (typeof submitted === 'string' && isIsoDate(submitted) ? submitted : undefined);
    if (day === undefined || (options.asOf !== undefined && !isIsoDate(options.asOf))) {
      // no date (or a bad asOf, reported by checkApplication): the latest version, as checkApplication
      ruleSet = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).at(-1);
    } else {
      try {
        ruleSet = selectRuleSet(versions, (versions[0] as RuleSet).id, day);
      } catch (error) {
        if (!(error instanceof CprdfopError)) throw error;
        // no version in force that day (every loaded version is listed), or no single one
        return {
          ok: false,
          issues: [
            {
              path: options.asOf !== undefined ? '' : 'submittedOn',
              code: error instanceof NoRuleSetInForceError ? 'not-in-force' : 'invalid',
              message: error.message,
              messages: error.messages,
            },
          ],
        };
      }
    }
  }
  return checkApplication(input, { ruleSet, asOf: options.asOf });
}

/**
 * Answers `nextQuestions` tries for an ITIE territory, which the rules alone cannot enumerate: a commune
 * of Hauts-de-France (Laon) and one outside it (Paris). They only serve to prove that the territory
 * question matters; they are never suggested as answers.
 */
const TERRITORY_SAMPLES = { territory: [{ communes: ['02408'] }, { communes: ['75056'] }] } as const;

/**
 * The next questions for an application already checked (its explanation names the rule set used).
 *
 * @param input - The application.
 * @param explanation - Its explanation (from {@link check}).
 * @param ruleSets - The rule sets served (to find the one the explanation names).
 * @param options - The evaluation date, language, limit and grouping.
 * @returns The questions, best first.
 */
export function nextQuestionsFor(
  input: unknown,
  explanation: Explanation,
  ruleSets: readonly LoadedRuleSet[],
  options: {
    asOf?: string | undefined;
    lang: 'fr' | 'en';
    limit?: number | undefined;
    group?: 'object' | 'none' | undefined;
  },
): NextQuestion[] {
  const ref = `${explanation.ruleSet.id}@${explanation.ruleSet.version}`;
  const loaded =
    ruleSets.find((candidate) => candidate.ref === ref) ??
    itieRuleSets()
      .filter((ruleSet) => `${ruleSet.id}@${ruleSet.version}` === ref)
      .map((ruleSet) => ({ ruleSet }))[0];
  if (!loaded) throw new Error(`rule set ${ref} of the explanation is not loaded`);
  return nextQuestions(itieEvaluator(loaded.ruleSet), input, {
    asOf: options.asOf,
    lang: options.lang,
    limit: options.limit,
    group: options.group,
    samples: TERRITORY_SAMPLES,
  });
}

/**
 * The explanation as JSON text: `serializeExplanation` of the engine, the same text as
 * `JSON.stringify(explanation)` written about twice as fast (the static parts of an explanation are
 * written once and reused).
 *
 * @param explanation - An explanation.
 * @returns Its JSON text.
 */
export function explanationText(explanation: Explanation): string {
  return serializeExplanation(explanation);
}

let applicationSchemaCache: Record<string, unknown> | undefined;

/**
 * The JSON Schema (2020-12) of an application for a rule set. Today every rule set evaluates the ITIE
 * application, so the schema is derived from the zod schema `Application` with `z.toJSONSchema`; later
 * from the rule set's declared fields.
 *
 * @param _ruleSet - The rule set (unused until rule sets declare their fields).
 * @returns The JSON Schema.
 */
export function applicationJsonSchema(_ruleSet: RuleSet): Record<string, unknown> {
  applicationSchemaCache ??= z.toJSONSchema(Application, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return applicationSchemaCache;
}

/** The zod schema of an application (for the OpenAPI document). */
export const applicationZodSchema = Application;

/** The INSEE codes of the regions the territory graph covers (all 18 regions of the COG). */
export function availableRegions(): string[] {
  return regions().map((entry) => entry.code);
}

/** The region the commune endpoints use when the request names none: Hauts-de-France. */
export const DEFAULT_REGION = '32';

/**
 * Communes of the loaded territory: a search by name when `query` is given, else all of them.
 *
 * @param query - Free text, or `undefined` for every commune.
 * @param limit - Maximum number of results of a search.
 * @param regionCode - The region searched or listed (INSEE code), Hauts-de-France by default.
 * @returns The communes.
 */
export function findCommunes(
  query: string | undefined,
  limit: number,
  regionCode = DEFAULT_REGION,
): Commune[] {
  return query === undefined
    ? [...communes(regionCode)]
    : searchCommunes(query, { limit, region: regionCode });
}

/** Outcome of a code lookup: found, malformed, or unknown (with a reason). */
export type Lookup<T> =
  | { kind: 'found'; value: T }
  | { kind: 'malformed'; message: string; messages?: { fr: string; en: string } }
  | { kind: 'unknown'; message: string; messages?: { fr: string; en: string } };

/**
 * Looks up a commune by code (current, old, delegated).
 *
 * @param code - An INSEE code.
 * @returns The lookup outcome.
 */
export function lookupCommune(code: string): Lookup<CommuneMatch> {
  try {
    const match = commune(code);
    if (match) return { kind: 'found', value: match };
    const { message, messages } = classifyCommuneCode(code);
    return { kind: 'unknown', message, messages };
  } catch (error) {
    if (error instanceof InvalidCodeError)
      return { kind: 'malformed', message: error.message, messages: error.messages };
    throw error;
  }
}

/**
 * Looks up an EPCI by SIREN.
 *
 * @param siren - A 9-digit SIREN.
 * @param lang - The language of the message of an unknown EPCI (default English).
 * @returns The lookup outcome.
 */
export function lookupEpci(siren: string, lang: 'fr' | 'en' = 'en'): Lookup<Epci> {
  try {
    const found = epci(siren);
    return found
      ? { kind: 'found', value: found }
      : { kind: 'unknown', message: renderMessage(SERVER.unknownEpci, lang, { siren }) };
  } catch (error) {
    if (error instanceof InvalidCodeError)
      return { kind: 'malformed', message: error.message, messages: error.messages };
    throw error;
  }
}

/** The plan document. */
export function planDocument(): unknown {
  return plan();
}
