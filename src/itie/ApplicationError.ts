import { renderBoth } from '../_shared/messages.js';
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
  /** What is wrong, in English. */
  message: string;
  /**
   * The same in French and in English (French typography applied), when the package made the issue:
   * print `messages[lang]`. Absent on an issue built by hand; `en` is `message`.
   */
  messages?: { readonly fr: string; readonly en: string } | undefined;
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
    const more = issues.length - 1;
    super(
      'E_INVALID_APPLICATION',
      renderBoth(
        {
          fr: 'candidature invalide : {where}{message}{more}',
          en: 'invalid application: {where}{message}{more}',
        },
        {
          where: first?.path ? { fr: `${first.path}\u00a0: `, en: `${first.path}: ` } : '',
          message: first
            ? { fr: first.messages?.fr ?? first.message, en: first.message }
            : { fr: 'problème inconnu', en: 'unknown problem' },
          more: more > 0 ? { fr: ` (et ${more} de plus)`, en: ` (and ${more} more)` } : '',
        },
      ),
    );
    this.name = 'ApplicationError';
    this.issues = issues;
  }
}
