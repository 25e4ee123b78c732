import { CprdfopError } from '../errors.js';

/**
 * One problem of an application: where (`territory.communes[2]`), a stable code and a message.
 * @category Application
 */
export interface ApplicationIssue {
  path: string;
  /** `invalid` (shape or format), `unknown-code` (a code of a Hauts-de-France département that does not
   * exist), `unsafe` (forbidden key, too deep or too large), `not-in-force` (no rule set on that date). */
  code: 'invalid' | 'unknown-code' | 'unsafe' | 'not-in-force';
  message: string;
}

/**
 * An application is invalid; `issues` lists every problem with its path.
 *
 * @example
 * ```ts
 * import { ApplicationError } from 'cprdfop/itie';
 * const e = new ApplicationError([{ path: 'themes[0]', code: 'invalid', message: 'unknown theme' }]);
 * e.message; // "invalid application: themes[0]: unknown theme"
 * ```
 * @category Application
 */
export class ApplicationError extends CprdfopError {
  /** Every problem found. */
  readonly issues: readonly ApplicationIssue[];
  /** @param issues - The problems (at least one). */
  constructor(issues: readonly ApplicationIssue[]) {
    const first = issues[0];
    super(
      'E_INVALID_APPLICATION',
      `invalid application: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'unknown problem'}${
        issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
      }`,
    );
    this.name = 'ApplicationError';
    this.issues = issues;
  }
}
