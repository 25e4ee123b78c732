import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/**
 * An HTTP response with an error status (4xx/5xx other than an Opendatasoft quota).
 *
 * Carries the method, the URL, the status, an excerpt of the body and, when the body is a known API
 * error envelope (Opendatasoft `error_code`/`message`, CKAN `{success:false,error}`, plain text), the
 * parsed API code and message.
 *
 * @example
 * ```ts
 * import { HttpError } from 'cprdfop/opendata';
 * const error = new HttpError({ method: 'GET', url: 'https://x.test/a', status: 404, body: 'Not Found' });
 * error.status; // 404
 * error.apiMessage; // "Not Found"
 * ```
 * @category Errors
 */
export class HttpError extends CprdfopError {
  override readonly name = 'HttpError' as const;
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Absolute URL of the failed request. */
  readonly url: string;
  /** HTTP status code. */
  readonly status: number;
  /** The first 500 characters of the response body. */
  readonly bodyExcerpt: string;
  /** API error code when the body is a known error envelope (`error_code`, `errorcode`, CKAN `__type`). */
  readonly apiCode: string | number | undefined;
  /** API error message when the body is a known error envelope or plain text. */
  readonly apiMessage: string | undefined;
  /** Delay asked by a `Retry-After` header, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  /**
   * @param init - The request and response details.
   */
  constructor(init: {
    method: string;
    url: string;
    status: number;
    body?: string;
    apiCode?: string | number | undefined;
    apiMessage?: string | undefined;
    retryAfterMs?: number | undefined;
  }) {
    const body = init.body ?? '';
    const parsed = init.apiCode !== undefined || init.apiMessage !== undefined ? init : parseErrorBody(body);
    const detail = parsed.apiMessage
      ? `${parsed.apiCode !== undefined ? `${parsed.apiCode} ` : ''}${parsed.apiMessage}`
      : '';
    super(
      'E_HTTP',
      renderBoth(
        detail
          ? {
              fr: '{method} {url} : échec avec le statut HTTP {status} : {detail}',
              en: '{method} {url} failed with HTTP {status}: {detail}',
            }
          : {
              fr: '{method} {url} : échec avec le statut HTTP {status}',
              en: '{method} {url} failed with HTTP {status}',
            },
        { method: init.method, url: init.url, status: String(init.status), detail },
      ),
    );
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
    this.bodyExcerpt = body.slice(0, 500);
    this.apiCode = parsed.apiCode;
    this.apiMessage = parsed.apiMessage;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * Tells whether a value is an {@link HttpError}.
 *
 * @param value - Anything caught.
 * @returns `true` for an {@link HttpError}, from any copy of the package (see `isCprdfopError`).
 * @example
 * ```ts
 * import { HttpError, isHttpError } from 'cprdfop/opendata';
 * isHttpError(new HttpError({ method: 'GET', url: 'https://x.test/', status: 500 })); // true
 * isHttpError(new Error('x')); // false
 * ```
 * @category Errors
 */
export function isHttpError(value: unknown): value is HttpError {
  return isErrorOf(value, HttpError, 'HttpError');
}

/** Parses the known error envelopes: Opendatasoft (both shapes), CKAN, plain text. @internal */
export function parseErrorBody(body: string): { apiCode?: string | number; apiMessage?: string } {
  const trimmed = body.trim();
  if (!trimmed) return {};
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof json.error_code === 'string' || typeof json.message === 'string') {
        return {
          ...(typeof json.error_code === 'string' ? { apiCode: json.error_code } : {}),
          ...(typeof json.message === 'string' ? { apiMessage: json.message } : {}),
        };
      }
      if (typeof json.errorcode === 'number') {
        return {
          apiCode: json.errorcode,
          ...(typeof json.error === 'string' ? { apiMessage: json.error } : {}),
        };
      }
      if (json.success === false && json.error && typeof json.error === 'object') {
        const e = json.error as Record<string, unknown>;
        const message =
          typeof e.message === 'string'
            ? e.message
            : Object.entries(e)
                .filter(([k]) => k !== '__type')
                .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
                .join('; ');
        return {
          ...(typeof e.__type === 'string' ? { apiCode: e.__type } : {}),
          ...(message ? { apiMessage: message } : {}),
        };
      }
      if (typeof json.error === 'string') return { apiMessage: json.error };
      return {};
    } catch {
      // not JSON: fall through to plain text
    }
  }
  if (trimmed.startsWith('<')) return {};
  return { apiMessage: trimmed.split('\n')[0]!.slice(0, 200) };
}
