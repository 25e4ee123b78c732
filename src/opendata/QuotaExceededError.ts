import { isErrorOf } from '../_shared/errorGuard.js';
import { CprdfopError } from '../errors.js';

/**
 * An Opendatasoft quota 429 (`errorcode` 10002, or 10005 for anonymous calls). Quotas reset at a fixed
 * time (daily, midnight UTC), so the client never retries it: it reports `resetTime` instead.
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
  /** The Opendatasoft `errorcode` (10002 or 10005). */
  readonly errorcode: number;
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
    errorcode: number;
    resetTime?: string | undefined;
    limitTimeUnit?: string | undefined;
    callLimit?: number | undefined;
    message?: string | undefined;
  }) {
    const reset = init.resetTime ? new Date(init.resetTime) : undefined;
    const resetTime = reset && !Number.isNaN(reset.getTime()) ? reset : undefined;
    super(
      'E_QUOTA_EXCEEDED',
      `quota exceeded on ${init.url} (errorcode ${init.errorcode}${init.callLimit !== undefined ? `, ${init.callLimit} calls per ${init.limitTimeUnit ?? 'period'}` : ''}); ` +
        (resetTime ? `resets at ${resetTime.toISOString()}` : 'reset time unknown'),
    );
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
