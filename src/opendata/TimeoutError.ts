import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/**
 * A request that exceeded the client's `timeout` (per attempt). Retried before being thrown.
 *
 * @example
 * ```ts
 * import { TimeoutError } from 'cprdfop/opendata';
 * new TimeoutError('GET', 'https://x.test/', 1000).timeoutMs; // 1000
 * ```
 * @category Errors
 */
export class TimeoutError extends CprdfopError {
  override readonly name = 'TimeoutError' as const;
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Absolute URL of the failed request. */
  readonly url: string;
  /** The timeout that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * @param method - HTTP method.
   * @param url - Absolute URL.
   * @param timeoutMs - The timeout exceeded.
   */
  constructor(method: string, url: string, timeoutMs: number) {
    super(
      'E_TIMEOUT',
      renderBoth(
        {
          fr: '{method} {url} : délai dépassé après {timeout} ms',
          en: '{method} {url} timed out after {timeout} ms',
        },
        { method, url, timeout: String(timeoutMs) },
      ),
    );
    this.method = method;
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Tells whether a value is a {@link TimeoutError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link TimeoutError}, from any copy of the package (see `isCprdfopError`).
 * @example
 * ```ts
 * import { TimeoutError, isTimeoutError } from 'cprdfop/opendata';
 * isTimeoutError(new TimeoutError('GET', 'https://x.test/', 5)); // true
 * ```
 * @category Errors
 */
export function isTimeoutError(value: unknown): value is TimeoutError {
  return isErrorOf(value, TimeoutError, 'TimeoutError');
}
