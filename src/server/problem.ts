/** Problem details (RFC 9457) in French and English. */
import type { Context } from 'hono';
import { renderMessage } from '../_shared/messages.js';
import { PROBLEM_TITLES } from './_messages.js';

/** A language of the answers. */
export type Lang = 'fr' | 'en';

/** One bad field of a request: where it is and what is wrong. */
export interface FieldError {
  /** The field: a query parameter (`ruleset`), a path in the body (`budget.total`), or `body`. */
  field: string;
  message: string;
  code?: string | undefined;
}

/** The kinds of problem the server answers, with their status and titles (from the catalogue). */
export const PROBLEMS = {
  'invalid-json': { status: 400, ...PROBLEM_TITLES['invalid-json'] },
  'invalid-parameter': { status: 400, ...PROBLEM_TITLES['invalid-parameter'] },
  'unsupported-media-type': { status: 415, ...PROBLEM_TITLES['unsupported-media-type'] },
  'payload-too-large': { status: 413, ...PROBLEM_TITLES['payload-too-large'] },
  'too-deep': { status: 400, ...PROBLEM_TITLES['too-deep'] },
  'batch-too-long': { status: 413, ...PROBLEM_TITLES['batch-too-long'] },
  'invalid-application': { status: 422, ...PROBLEM_TITLES['invalid-application'] },
  'not-in-force': { status: 422, ...PROBLEM_TITLES['not-in-force'] },
  'unknown-rule-set': { status: 404, ...PROBLEM_TITLES['unknown-rule-set'] },
  'not-found': { status: 404, ...PROBLEM_TITLES['not-found'] },
  'method-not-allowed': { status: 405, ...PROBLEM_TITLES['method-not-allowed'] },
  'bad-request': { status: 400, ...PROBLEM_TITLES['bad-request'] },
  'headers-too-large': { status: 431, ...PROBLEM_TITLES['headers-too-large'] },
  'request-timeout': { status: 408, ...PROBLEM_TITLES['request-timeout'] },
  timeout: { status: 503, ...PROBLEM_TITLES.timeout },
  internal: { status: 500, ...PROBLEM_TITLES.internal },
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
    title: renderMessage(spec, lang),
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
