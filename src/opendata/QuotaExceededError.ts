import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/**
 * An exhausted quota: an Opendatasoft quota 429 (`errorcode` 10002, or 10005 for anonymous calls), or
 * any response whose `X-RateLimit-Remaining` is 0 with an `X-RateLimit-Reset` (or a `Retry-After`)
 * further away than the client's `maxRetryAfter`. Quotas reset at a fixed time (daily, midnight UTC
 * on Opendatasoft), so the client does not retry: it reports `resetTime`, and its per-host circuit
 * breaker refuses further requests to that host until then without sending them (`sent: false`).
 *
 * @example
 * ```ts
 * import { QuotaExceededError } from 'cprdfop/opendata';
 * const error = new QuotaExceededError({ url: 'https://x.test/', errorcode: 10002, resetTime: '2021-01-26T00:00:00Z' });
 * error.resetTime?.toISOString(); // "2021-01-26T00:00:00.000Z"
 * ```
 * @category Errors
 */
export class QuotaExceededError extends CprdfopError {
  override readonly name = 'QuotaExceededError' as const;
  /** URL of the refused request. */
  readonly url: string;
  /** The Opendatasoft `errorcode` (10002 or 10005), when the body had one. */
  readonly errorcode: number | undefined;
  /** `false` when the circuit breaker refused the request without sending it. */
  readonly sent: boolean;
  /** When the quota resets (`reset_time`), if the server said. */
  readonly resetTime: Date | undefined;
  /** The quota period (`limit_time_unit`, e.g. `day`). */
  readonly limitTimeUnit: string | undefined;
  /** The number of calls allowed per period (`call_limit`). */
  readonly callLimit: number | undefined;

  /**
   * @param init - The quota body fields.
   */
  constructor(init: {
    url: string;
    errorcode?: number | undefined;
    sent?: boolean | undefined;
    resetTime?: string | undefined;
    limitTimeUnit?: string | undefined;
    callLimit?: number | undefined;
    message?: string | undefined;
  }) {
    const reset = init.resetTime ? new Date(init.resetTime) : undefined;
    const resetTime = reset && !Number.isNaN(reset.getTime()) ? reset : undefined;
    const details = (lang: 'fr' | 'en') =>
      [
        init.errorcode !== undefined ? `errorcode ${init.errorcode}` : undefined,
        init.callLimit !== undefined
          ? lang === 'fr'
            ? `${init.callLimit} appels par ${init.limitTimeUnit ?? 'période'}`
            : `${init.callLimit} calls per ${init.limitTimeUnit ?? 'period'}`
          : undefined,
        init.sent === false
          ? lang === 'fr'
            ? 'non envoyée\u00a0: le quota est déjà épuisé'
            : 'not sent: the quota is known to be exhausted'
          : undefined,
      ].filter((d) => d !== undefined);
    const inParentheses = (lang: 'fr' | 'en') =>
      details(lang).length ? ` (${details(lang).join(', ')})` : '';
    const messages = renderBoth(
      resetTime
        ? {
            fr: 'quota épuisé sur {url}{details} ; réessayer après {reset}',
            en: 'quota exceeded on {url}{details}; retry after {reset}',
          }
        : {
            fr: 'quota épuisé sur {url}{details} ; heure de réinitialisation inconnue',
            en: 'quota exceeded on {url}{details}; reset time unknown',
          },
      {
        url: init.url,
        details: { fr: inParentheses('fr'), en: inParentheses('en') },
        reset: resetTime?.toISOString() ?? '',
      },
    );
    super('E_QUOTA_EXCEEDED', messages);
    // The message has always ended with a short French note: it stays the same.
    this.message =
      messages.en +
      (resetTime
        ? ` / quota épuisé : réessayer après ${resetTime.toISOString()}`
        : ' / quota épuisé, heure de réinitialisation inconnue');
    this.sent = init.sent ?? true;
    this.url = init.url;
    this.errorcode = init.errorcode;
    this.resetTime = resetTime;
    this.limitTimeUnit = init.limitTimeUnit;
    this.callLimit = init.callLimit;
  }
}

/**
 * Tells whether a value is a {@link QuotaExceededError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link QuotaExceededError}, from any copy of the package (see `isCprdfopError`).
 * @example
 * ```ts
 * import { QuotaExceededError, isQuotaExceededError } from 'cprdfop/opendata';
 * isQuotaExceededError(new QuotaExceededError({ url: 'https://x.test/', errorcode: 10005 })); // true
 * ```
 * @category Errors
 */
export function isQuotaExceededError(value: unknown): value is QuotaExceededError {
  return isErrorOf(value, QuotaExceededError, 'QuotaExceededError');
}
