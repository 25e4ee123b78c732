import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/**
 * A request that got no complete HTTP response: DNS failure, refused or reset connection, truncated body.
 * Retried with backoff by the client before being thrown.
 *
 * @example
 * ```ts
 * import { NetworkError } from 'cprdfop/opendata';
 * new NetworkError('GET', 'https://x.test/', new Error('ECONNRESET')).code; // "E_NETWORK"
 * ```
 * @category Errors
 */
export class NetworkError extends CprdfopError {
  override readonly name = 'NetworkError' as const;
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Absolute URL of the failed request. */
  readonly url: string;

  /**
   * @param method - HTTP method.
   * @param url - Absolute URL.
   * @param cause - The underlying error.
   */
  constructor(method: string, url: string, cause?: unknown) {
    const reason = describeCause(cause);
    super(
      'E_NETWORK',
      renderBoth(
        {
          fr: '{method} {url} : échec, erreur réseau{reason}',
          en: '{method} {url} failed: network error{reason}',
        },
        { method, url, reason: reason ? ` (${reason})` : '' },
      ),
      { cause },
    );
    this.method = method;
    this.url = url;
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return cause === undefined ? '' : String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  const innerText = inner instanceof Error ? ((inner as { code?: string }).code ?? inner.message) : '';
  return innerText ? `${cause.message}: ${innerText}` : cause.message;
}

/**
 * Tells whether a value is a {@link NetworkError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link NetworkError}, from any copy of the package (see `isCprdfopError`).
 * @example
 * ```ts
 * import { NetworkError, isNetworkError } from 'cprdfop/opendata';
 * isNetworkError(new NetworkError('GET', 'https://x.test/')); // true
 * ```
 * @category Errors
 */
export function isNetworkError(value: unknown): value is NetworkError {
  return isErrorOf(value, NetworkError, 'NetworkError');
}
