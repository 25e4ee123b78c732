import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/** One problem found in a response: where (`path`, e.g. `["results", 3, "code"]`) and what. */
export interface ValidationIssue {
  /** Path of the bad value: record index then field path, or the JSON path in the envelope. */
  readonly path: readonly (string | number)[];
  /** What is wrong (English; an issue from the caller's schema: that schema's text). */
  readonly message: string;
  /** What is wrong in French and English, when the package found the issue itself. */
  readonly messages?: { readonly fr: string; readonly en: string } | undefined;
}

/**
 * A response that is not what was expected: invalid JSON, an envelope that drifted from the documented
 * shape, or records rejected by the caller's schema. Lists every issue with its path.
 *
 * @example
 * ```ts
 * import { ResponseValidationError } from 'cprdfop/opendata';
 * const error = new ResponseValidationError('https://x.test/r', [{ path: [3, 'code'], message: 'expected string' }]);
 * error.issues.length; // 1
 * error.message.includes('3.code: expected string'); // true
 * ```
 * @category Errors
 */
export class ResponseValidationError extends CprdfopError {
  override readonly name = 'ResponseValidationError' as const;
  /** URL of the response. */
  readonly url: string;
  /** Every issue found. */
  readonly issues: readonly ValidationIssue[];

  /**
   * @param url - URL of the response.
   * @param issues - The issues found (at least one).
   */
  constructor(url: string, issues: readonly ValidationIssue[]) {
    const shown = (lang: 'fr' | 'en') =>
      issues
        .slice(0, 5)
        .map((issue) => {
          const where = issue.path.length ? issue.path.join('.') : lang === 'fr' ? '(racine)' : '(root)';
          const text = issue.messages?.[lang] ?? issue.message;
          return lang === 'fr' ? `${where}\u00a0: ${text}` : `${where}: ${text}`;
        })
        .join(lang === 'fr' ? '\u202f; ' : '; ');
    const more =
      issues.length > 5
        ? { fr: ` (et ${issues.length - 5} de plus)`, en: ` (and ${issues.length - 5} more)` }
        : '';
    super(
      'E_RESPONSE_VALIDATION',
      renderBoth(
        { fr: 'réponse invalide de {url} : {shown}{more}', en: 'invalid response from {url}: {shown}{more}' },
        { url, shown: { fr: shown('fr'), en: shown('en') }, more },
      ),
    );
    this.url = url;
    this.issues = issues;
  }
}

/**
 * Tells whether a value is a {@link ResponseValidationError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link ResponseValidationError}, from any copy of the package (see `isCprdfopError`).
 * @example
 * ```ts
 * import { ResponseValidationError, isResponseValidationError } from 'cprdfop/opendata';
 * isResponseValidationError(new ResponseValidationError('https://x.test/', [])); // true
 * ```
 * @category Errors
 */
export function isResponseValidationError(value: unknown): value is ResponseValidationError {
  return isErrorOf(value, ResponseValidationError, 'ResponseValidationError');
}
