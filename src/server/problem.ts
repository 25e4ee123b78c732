/** Problem details (RFC 9457) in French and English. */
import type { Context } from 'hono';

/** A language of the answers. */
export type Lang = 'fr' | 'en';

/** One bad field of a request: where it is and what is wrong. */
export interface FieldError {
  /** The field: a query parameter (`ruleset`), a path in the body (`budget.total`), or `body`. */
  field: string;
  message: string;
  code?: string | undefined;
}

/** The kinds of problem the server answers, with their status and titles. */
export const PROBLEMS = {
  'invalid-json': { status: 400, fr: 'JSON invalide', en: 'Invalid JSON' },
  'invalid-parameter': { status: 400, fr: 'Paramètre invalide', en: 'Invalid parameter' },
  'unsupported-media-type': {
    status: 415,
    fr: 'Type de contenu non pris en charge',
    en: 'Unsupported media type',
  },
  'payload-too-large': { status: 413, fr: 'Corps de requête trop grand', en: 'Payload too large' },
  'too-deep': { status: 400, fr: 'JSON trop imbriqué', en: 'JSON nested too deeply' },
  'batch-too-long': { status: 413, fr: 'Lot trop long', en: 'Batch too long' },
  'invalid-application': { status: 422, fr: 'Candidature invalide', en: 'Invalid application' },
  'not-in-force': { status: 422, fr: 'Aucun jeu de règles en vigueur', en: 'No rule set in force' },
  'unknown-rule-set': { status: 404, fr: 'Jeu de règles inconnu', en: 'Unknown rule set' },
  'not-found': { status: 404, fr: 'Introuvable', en: 'Not found' },
  'method-not-allowed': { status: 405, fr: 'Méthode non autorisée', en: 'Method not allowed' },
  timeout: { status: 503, fr: 'Délai de traitement dépassé', en: 'Request timed out' },
  internal: { status: 500, fr: 'Erreur interne', en: 'Internal error' },
} as const;

/** A problem kind. */
export type ProblemKind = keyof typeof PROBLEMS;

/** The JSON body of a problem. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[] | undefined;
}

/** An error a handler throws to answer with a problem. */
export class ProblemError extends Error {
  readonly kind: ProblemKind;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  /**
   * @param kind - The problem kind.
   * @param detail - One sentence naming the bad value and where it is.
   * @param errors - The bad fields.
   */
  constructor(kind: ProblemKind, detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = 'ProblemError';
    this.kind = kind;
    this.detail = detail;
    this.errors = errors;
  }
}

/**
 * The body of a problem.
 *
 * @param kind - The kind.
 * @param lang - The language of the title.
 * @param detail - The detail.
 * @param errors - The bad fields.
 * @returns The RFC 9457 body (`type` is a `urn:cprdfop:problem:` URN).
 */
export function problemBody(
  kind: ProblemKind,
  lang: Lang,
  detail: string,
  errors?: FieldError[],
): ProblemBody {
  const spec = PROBLEMS[kind];
  return {
    type: `urn:cprdfop:problem:${kind}`,
    title: spec[lang],
    status: spec.status,
    detail,
    ...(errors?.length ? { errors } : {}),
  };
}

/**
 * Answers with a problem (`application/problem+json`).
 *
 * @param context - The Hono context.
 * @param lang - The language.
 * @param error - The problem.
 * @returns The response.
 */
export function problemResponse(context: Context, lang: Lang, error: ProblemError): Response {
  const body = problemBody(error.kind, lang, error.detail, error.errors);
  return context.body(JSON.stringify(body), body.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': lang,
  });
}
