import type { Lang } from './i18n.js';

/** One criterion line of the verdict panel. */
export interface CriterionLine {
  id: string;
  label: string;
  status: string;
  message: string;
}

/** What the verdict panel shows. */
export interface Outcome {
  verdict: 'eligible' | 'ineligible' | 'undetermined';
  criteria: CriterionLine[];
  missing: string[];
  assumptions: string[];
}

/** The application as the form builds it (ITIE application JSON). */
export type Application = Record<string, unknown>;

/** Evaluates the application with `cprdfop/itie` (pending: `null` until the module lands). */
export function evaluateApplication(_application: Application, _lang: Lang): Outcome | null {
  return null;
}
