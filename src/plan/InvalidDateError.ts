import { renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { CprdfopError } from '../errors.js';

/**
 * Thrown when a date argument is neither a valid `Date` nor an ISO `YYYY-MM-DD` string.
 *
 * @example
 * ```ts
 * import { InvalidDateError } from 'cprdfop';
 * const error = new InvalidDateError('2023-13-45', 'planYear(date)');
 * error.code; // "E_INVALID_DATE"
 * error.message; // "invalid date \"2023-13-45\" for planYear(date): expected a valid Date or YYYY-MM-DD"
 * ```
 * @category Errors
 */
export class InvalidDateError extends CprdfopError {
  /** The value that was given. */
  readonly value: unknown;
  /**
   * @param value - The bad value.
   * @param where - Which argument or field it was.
   */
  constructor(value: unknown, where: string) {
    super(
      'E_INVALID_DATE',
      renderBoth(
        {
          fr: 'date « {raw} » invalide pour {where} : une Date valide ou AAAA-MM-JJ est attendue',
          en: 'invalid date {json} for {where}: expected a valid Date or YYYY-MM-DD',
        },
        {
          // never throws: a BigInt, a cycle or a hostile object is named as showValue names it
          json: typeof value === 'string' ? JSON.stringify(showValue(value)) : showValue(value),
          raw: showValue(value),
          where,
        },
      ),
    );
    this.name = 'InvalidDateError';
    this.value = value;
  }
}
