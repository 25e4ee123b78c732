import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/**
 * The cache folder cannot be written (`EACCES`, `EROFS`, `ENOSPC`, …). The HTTP cache only warns
 * and serves the response uncached; a contours pull, whose point is the file, throws it (CLI exit 73).
 *
 * @example
 * ```ts
 * import { CacheWriteError } from 'cprdfop/opendata';
 * const error = new CacheWriteError('/ro/cache/x.json', Object.assign(new Error('read-only'), { code: 'EROFS' }));
 * error.systemCode; // "EROFS"
 * ```
 * @category Errors
 */
export class CacheWriteError extends CprdfopError {
  override readonly name = 'CacheWriteError' as const;
  /** The path that could not be written. */
  readonly path: string;
  /** The system error code (`EACCES`, `EROFS`, `ENOSPC`…), when there is one. */
  readonly systemCode: string | undefined;

  /**
   * @param path - The path that could not be written.
   * @param cause - The file-system error.
   */
  constructor(path: string, cause: unknown) {
    const systemCode = (cause as { code?: unknown } | null)?.code;
    const code = typeof systemCode === 'string' ? systemCode : undefined;
    const messages = renderBoth(
      {
        fr: 'impossible d’écrire le cache à {path}{code} : {reason}',
        en: 'cannot write the cache at {path}{code}: {reason}',
      },
      { path, code: code ? ` (${code})` : '', reason: (cause as Error)?.message ?? String(cause) },
    );
    super('E_CACHE_WRITE', messages, { cause });
    // The message has always ended with a short French note: it stays the same.
    this.message = `${messages.en} / impossible d’écrire le cache`;
    this.path = path;
    this.systemCode = code;
  }
}

/**
 * Tells whether a value is a {@link CacheWriteError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link CacheWriteError}.
 * @example
 * ```ts
 * import { CacheWriteError, isCacheWriteError } from 'cprdfop/opendata';
 * isCacheWriteError(new CacheWriteError('/x', new Error('no'))); // true
 * ```
 * @category Errors
 */
export function isCacheWriteError(value: unknown): value is CacheWriteError {
  return isErrorOf(value, CacheWriteError, 'CacheWriteError');
}
