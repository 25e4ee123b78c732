import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth, textIn } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/**
 * Offline mode (`CPRDFOP_OFFLINE=1` or the `offline` option) and the requested resource is not in the
 * cache. No connection was opened.
 *
 * @example
 * ```ts
 * import { OfflineError } from 'cprdfop/opendata';
 * new OfflineError('https://x.test/a').code; // "E_OFFLINE"
 * ```
 * @category Errors
 */
export class OfflineError extends CprdfopError {
  override readonly name = 'OfflineError' as const;
  /** The resource that was needed. */
  readonly url: string;

  /**
   * @param url - The resource that is missing from the cache.
   * @param detail - Optional extra explanation: `{ fr, en }`, or one English string.
   */
  constructor(url: string, detail?: string | { fr: string; en: string }) {
    super(
      'E_OFFLINE',
      renderBoth(
        {
          fr: 'mode hors ligne : {url} n’est pas dans le cache{detail} ; désactivez CPRDFOP_OFFLINE ou récupérez-le une fois en ligne',
          en: 'offline mode: {url} is not in the cache{detail}; unset CPRDFOP_OFFLINE or fetch it once online',
        },
        { url, detail: detail ? { fr: ` (${textIn(detail, 'fr')})`, en: ` (${textIn(detail, 'en')})` } : '' },
      ),
    );
    this.url = url;
  }
}

/**
 * Tells whether a value is an {@link OfflineError}.
 *
 * @param value - Anything caught.
 * @returns `true` for an {@link OfflineError}, from any copy of the package (see `isCprdfopError`).
 * @example
 * ```ts
 * import { OfflineError, isOfflineError } from 'cprdfop/opendata';
 * isOfflineError(new OfflineError('https://x.test/')); // true
 * ```
 * @category Errors
 */
export function isOfflineError(value: unknown): value is OfflineError {
  return isErrorOf(value, OfflineError, 'OfflineError');
}
