import { CprdfopError } from '../errors.js';
import type { CodeKind } from './InvalidCodeError.js';

/**
 * Thrown by the strict lookups (e.g. {@link requireCommune}) when a well-formed code is not a current
 * code of the region: `reason` tells an unknown code from a code of another region.
 *
 * @example
 * ```ts
 * import { requireCommune, UnknownCodeError } from 'cprdfop/territory';
 * try {
 *   requireCommune('59999');
 * } catch (error) {
 *   if (error instanceof UnknownCodeError) console.log(error.message); // "unknown commune code 59999 (département 59 is in Hauts-de-France)"
 * }
 * ```
 * @category Errors
 */
export class UnknownCodeError extends CprdfopError {
  /** The code that was looked up. */
  readonly value: string;
  /** What kind of code it is. */
  readonly codeKind: CodeKind;
  /** `unknown`: no such code in a regional département; `outside-region`: a code of another region. */
  readonly reason: 'unknown' | 'outside-region';

  /**
   * @param value - The code looked up.
   * @param codeKind - What kind of code it is.
   * @param reason - Unknown, or outside the region.
   * @param message - The full message (naming the code and, when known, its département): `{ fr, en }`,
   *   or one English string.
   */
  constructor(
    value: string,
    codeKind: CodeKind,
    reason: 'unknown' | 'outside-region',
    message: string | { fr: string; en: string },
  ) {
    super(reason === 'unknown' ? 'E_UNKNOWN_CODE' : 'E_OUTSIDE_REGION', message);
    this.name = 'UnknownCodeError';
    this.value = value;
    this.codeKind = codeKind;
    this.reason = reason;
  }
}
