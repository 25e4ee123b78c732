import { type ContiguityCheck, checkApplication, itieRuleSets } from 'cprdfop/itie';
import { type Lang, t } from './i18n.js';

/** One criterion line of the verdict panel. */
export interface CriterionLine {
  id: string;
  label: string;
  status: 'pass' | 'fail' | 'unknown';
  message: string;
}

/** What the verdict panel shows: an explanation, or why the input is invalid. */
export type Outcome =
  | {
      kind: 'explanation';
      verdict: 'eligible' | 'ineligible' | 'undetermined';
      ruleSet: string;
      asOf: string | null;
      criteria: CriterionLine[];
      missing: string[];
      assumptions: string[];
    }
  | { kind: 'invalid'; issues: string[] };

/** The application as the form builds it (the ITIE application JSON). */
export type ApplicationInput = Record<string, unknown>;

/** Form labels of the fields the explanation may report as missing. */
const FIELD_LABEL: Record<string, string> = {
  title: 'f-title',
  territory: 'territory',
  partners: 'partners',
  publics: 'publics',
  themes: 'themes',
  'carrier.name': 'name',
  'carrier.legalForm': 'legalForm',
  'carrier.commune': 'carrierCommune',
  'budget.total': 'total',
  'budget.requested': 'requested',
  'schedule.start': 'start',
  'schedule.end': 'end',
  submittedOn: 'submittedOn',
};

const formatValue = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));

/**
 * Evaluates the application with `checkApplication` of `cprdfop/itie` and words it in `lang`. With
 * `contiguity` (from the contours, once they are loaded) the territory must be in one piece.
 */
export function evaluateApplication(
  application: ApplicationInput,
  lang: Lang,
  contiguity?: ContiguityCheck,
): Outcome {
  const result = checkApplication(application, contiguity ? { contiguity } : {});
  if (!result.ok) {
    return {
      kind: 'invalid',
      issues: result.issues.map((i) => (i.path ? `${i.path} : ${i.message}` : i.message)),
    };
  }
  const e = result.explanation;
  const ruleSet = itieRuleSets().find((r) => r.id === e.ruleSet.id && r.version === e.ruleSet.version);
  const parameterLabel = (name: string): string =>
    ruleSet?.parameters.find((p) => p.name === name)?.label?.[lang] ?? name;
  return {
    kind: 'explanation',
    verdict: e.verdict,
    ruleSet: `${e.ruleSet.id}@${e.ruleSet.version}`,
    asOf: e.asOf,
    criteria: e.criteria.map((c) => ({
      id: c.id,
      label: c.label[lang],
      status: c.status,
      message: c.message[lang],
    })),
    missing: e.missing.map((path) => (FIELD_LABEL[path] ? `${t(lang, FIELD_LABEL[path])} (${path})` : path)),
    assumptions: e.assumptions.map(
      (a) => `${parameterLabel(a.name)} = ${formatValue(a.value)}. ${a.justification}`,
    ),
  };
}
