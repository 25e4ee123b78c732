import { isErrorOf } from '../_shared/errorGuard.js';
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
    const details = [
      init.errorcode !== undefined ? `errorcode ${init.errorcode}` : undefined,
      init.callLimit !== undefined
        ? `${init.callLimit} calls per ${init.limitTimeUnit ?? 'period'}`
        : undefined,
      init.sent === false ? 'not sent: the quota is known to be exhausted' : undefined,
    ].filter((d) => d !== undefined);
    super(
      'E_QUOTA_EXCEEDED',
      `quota exceeded on ${init.url}${details.length ? ` (${details.join(', ')})` : ''}; ` +
        (resetTime
          ? `retry after ${resetTime.toISOString()} / quota épuisé : réessayer après ${resetTime.toISOString()}`
          : 'reset time unknown / quota épuisé, heure de réinitialisation inconnue'),
    );
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
