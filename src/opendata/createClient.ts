import { Limiter } from './_internal/limiter.js';
import { buildUrl, env, hostOf, normaliseUrl, type QueryValue, sleep } from './_internal/util.js';
import { createDiskCache } from './createDiskCache.js';
import { type CacheEntry, type CacheStore, createMemoryCache } from './createMemoryCache.js';
import { HttpError, parseErrorBody } from './HttpError.js';
import { NetworkError } from './NetworkError.js';
import { OfflineError } from './OfflineError.js';
import { QuotaExceededError } from './QuotaExceededError.js';
import { ResponseTooLargeError } from './ResponseTooLargeError.js';
import { ResponseValidationError } from './ResponseValidationError.js';
import { TimeoutError } from './TimeoutError.js';

export type { QueryValue } from './_internal/util.js';

/**
 * Retry policy: exponential backoff with full jitter on network errors, timeouts, 5xx, 408 and
 * short-lived 429 (honouring `Retry-After`). Other 4xx and quota 429s are never retried.
 * @category HTTP
 */
export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff delay in ms (default 300). */
  minDelay?: number;
  /** Largest backoff delay in ms (default 10,000). */
  maxDelay?: number;
  /** Backoff growth factor (default 2). */
  factor?: number;
  /** Randomise delays between 50 % and 100 % of the backoff (default true). */
  jitter?: boolean;
  /** A 429 whose `Retry-After` is longer than this (ms) is thrown instead of waited for (default 60,000). */
  maxRetryAfter?: number;
}

/**
 * Concurrency and per-host rate limits.
 * @category HTTP
 */
export interface RateLimitOptions {
  /** Requests in flight at once (default 6). */
  concurrency?: number;
  /** Requests per second by host name (default `{ "geo.api.gouv.fr": 10 }`, merged with yours). */
  perHost?: Record<string, number>;
  /** Requests per second for other hosts (default unlimited). */
  default?: number;
}

/**
 * A minimal logger (`console` fits).
 * @category HTTP
 */
export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}

/**
 * Options of {@link createClient}.
 * @category HTTP
 */
export interface ClientOptions {
  /** Base URL that relative paths are resolved against. */
  baseUrl?: string;
  /** The `fetch` implementation (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Timeout per attempt in ms (default 30,000); for streams it covers the response headers. */
  timeout?: number;
  /** Retry policy, or `false` for none. */
  retry?: RetryOptions | false;
  /** Concurrency and per-host rate limits. */
  rateLimit?: RateLimitOptions;
  /** Response cache: a store, `'memory'` (default), `'disk'` (Node: {@link createDiskCache} in the cache directory) or `false`. */
  cache?: CacheStore | 'memory' | 'disk' | false;
  /** Freshness of cached entries in ms (default 5 minutes); stale entries are revalidated with ETag/Last-Modified. */
  cacheTtl?: number;
  /** Serve only from the cache and never open a connection (default: `CPRDFOP_OFFLINE=1`). */
  offline?: boolean;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** `User-Agent` header (ignored by browsers). */
  userAgent?: string;
  /** Receives retry and cache messages. */
  logger?: Logger;
  /** Largest accepted buffered response body in bytes (default 64 MiB). */
  maxResponseBytes?: number;
}

/**
 * Options of one request.
 * @category HTTP
 */
export interface RequestOptions {
  /** Query parameters; arrays repeat the parameter, `undefined` skips it. */
  query?: Record<string, QueryValue>;
  /** Extra headers. */
  headers?: Record<string, string>;
  /** Aborts this request. */
  signal?: AbortSignal;
  /** `false` bypasses the cache; `'reload'` ignores freshness and revalidates. */
  cache?: boolean | 'reload';
  /** Overrides the client's `cacheTtl`. */
  cacheTtl?: number;
  /** Overrides the client's `timeout`. */
  timeout?: number;
}

/**
 * A buffered response.
 * @category HTTP
 */
export interface ClientResponse {
  /** Final URL. */
  url: string;
  /** HTTP status (2xx). */
  status: number;
  /** Response headers (lower-case names). */
  headers: Record<string, string>;
  /** Body as text. */
  text: string;
  /** Whether the body came from the cache (fresh, revalidated with 304, or offline). */
  fromCache: boolean;
}

/**
 * A streamed response.
 * @category HTTP
 */
export interface StreamResponse {
  /** Final URL. */
  url: string;
  /** HTTP status (2xx). */
  status: number;
  /** Response headers (lower-case names). */
  headers: Record<string, string>;
  /** `Content-Length` when the server sent it. */
  contentLength: number | undefined;
  /** The body. */
  body: ReadableStream<Uint8Array>;
}

/**
 * The resilient HTTP client returned by {@link createClient}.
 * @category HTTP
 */
export interface Client {
  /** The base URL, if any. */
  readonly baseUrl: string | undefined;
  /** Whether the client is in offline mode. */
  readonly offline: boolean;
  /** Resolves a path and query against the base URL. */
  url(path: string, query?: Record<string, QueryValue>): string;
  /** GET with retries and cache; resolves with the body as text. */
  text(path: string, options?: RequestOptions): Promise<ClientResponse>;
  /** GET with retries and cache; parses JSON (invalid JSON throws {@link ResponseValidationError} and is not cached). */
  json<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  /** GET with retries until the headers arrive; the body is streamed and not cached. */
  stream(path: string, options?: Omit<RequestOptions, 'cache' | 'cacheTtl'>): Promise<StreamResponse>;
}

const DEFAULT_PER_HOST: Record<string, number> = { 'geo.api.gouv.fr': 10 };
const KEPT_HEADERS = ['content-type', 'etag', 'last-modified'];

/**
 * Creates the HTTP client every open-data wrapper builds on: `fetch`-based (browsers and Node),
 * retries with backoff and jitter, Opendatasoft quota detection, timeouts and abort signals,
 * concurrency and per-host rate limits, a maximum response size, and a cache with conditional
 * requests and an offline mode.
 *
 * @param options - See {@link ClientOptions}.
 * @returns A {@link Client}.
 * @throws Nothing at creation; requests throw {@link HttpError}, {@link NetworkError},
 *   {@link TimeoutError}, {@link QuotaExceededError}, {@link ResponseValidationError},
 *   {@link ResponseTooLargeError} or {@link OfflineError}.
 * @example
 * ```ts noexec
 * import { createClient } from 'cprdfop/opendata';
 * const client = createClient({ baseUrl: 'https://geo.api.gouv.fr', retry: { retries: 5 } });
 * const lille = await client.json('/communes/59350', { query: { fields: 'nom,code' } });
 * ```
 * @category HTTP
 */
export function createClient(options: ClientOptions = {}): Client {
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  const retries = retry.retries ?? 3;
  const minDelay = retry.minDelay ?? 300;
  const maxDelay = retry.maxDelay ?? 10_000;
  const factor = retry.factor ?? 2;
  const jitter = retry.jitter ?? true;
  const maxRetryAfter = retry.maxRetryAfter ?? 60_000;
  const timeout = options.timeout ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? 64 * 1024 * 1024;
  const cacheTtl = options.cacheTtl ?? 5 * 60_000;
  const offline = options.offline ?? env('CPRDFOP_OFFLINE') === '1';
  const store: CacheStore | undefined =
    options.cache === false
      ? undefined
      : options.cache === 'disk'
        ? createDiskCache()
        : options.cache === undefined || options.cache === 'memory'
          ? createMemoryCache()
          : options.cache;
  const limiter = new Limiter(
    options.rateLimit?.concurrency ?? 6,
    { ...DEFAULT_PER_HOST, ...options.rateLimit?.perHost },
    options.rateLimit?.default,
  );
  const logger = options.logger;
  const baseHeaders: Record<string, string> = { ...options.headers };
  if (options.userAgent) baseHeaders['user-agent'] = options.userAgent;

  const doFetch = (input: string, init: RequestInit): Promise<Response> => {
    const f = options.fetch ?? globalThis.fetch;
    return f(input, init);
  };

  function backoff(attempt: number, retryAfterMs: number | undefined): number {
    if (retryAfterMs !== undefined) return retryAfterMs;
    const base = Math.min(maxDelay, minDelay * factor ** attempt);
    return jitter ? base / 2 + (Math.random() * base) / 2 : base;
  }

  function isRetryable(error: unknown): boolean {
    if (error instanceof NetworkError || error instanceof TimeoutError) return true;
    if (error instanceof HttpError) {
      if (error.status >= 500 || error.status === 408) return true;
      if (error.status === 429)
        return error.retryAfterMs === undefined || error.retryAfterMs <= maxRetryAfter;
    }
    return false;
  }

  /** One attempt: rate limit, fetch with timeout, status check. Resolves with the Response (2xx/304). */
  async function attempt(
    url: string,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    attemptTimeout: number,
    consume: (response: Response, attemptSignal: AbortSignal) => Promise<unknown>,
    streaming = false,
  ): Promise<unknown> {
    const host = hostOf(url);
    const release = limiter.tryAcquire(host) ?? (await limiter.acquire(host, signal));
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, attemptTimeout);
    const onAbort = (): void => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    let linked = false;
    try {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'GET',
          headers,
          signal: controller.signal,
          redirect: 'follow',
        });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (timedOut) throw new TimeoutError('GET', url, attemptTimeout);
        throw new NetworkError('GET', url, error);
      }
      if (!response.ok && response.status !== 304) {
        const body = await readText(response, url, 64 * 1024, true).catch(() => '');
        throw statusError(url, response, body);
      }
      try {
        const result = await consume(response, controller.signal);
        // A streamed body stays linked to the caller's signal: aborting it cancels the download.
        linked = streaming;
        return result;
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (timedOut) throw new TimeoutError('GET', url, attemptTimeout);
        if (error instanceof ResponseTooLargeError || error instanceof ResponseValidationError) throw error;
        throw new NetworkError('GET', url, error);
      }
    } finally {
      clearTimeout(timer);
      if (!linked) signal?.removeEventListener('abort', onAbort);
      release();
    }
  }

  async function withRetries<T>(
    url: string,
    signal: AbortSignal | undefined,
    run: () => Promise<T>,
  ): Promise<T> {
    for (let n = 0; ; n++) {
      try {
        return await run();
      } catch (error) {
        if (signal?.aborted || n >= retries || !isRetryable(error)) throw error;
        const delay = backoff(n, error instanceof HttpError ? error.retryAfterMs : undefined);
        logger?.warn?.(
          `retrying GET ${url} in ${Math.round(delay)} ms (${n + 1}/${retries}): ${(error as Error).message}`,
        );
        await sleep(delay, signal);
      }
    }
  }

  function mergeSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
    if (!a) return b;
    if (!b) return a;
    const c = new AbortController();
    const abort = (s: AbortSignal) => () => c.abort(s.reason);
    if (a.aborted) c.abort(a.reason);
    else if (b.aborted) c.abort(b.reason);
    else {
      a.addEventListener('abort', abort(a), { once: true });
      b.addEventListener('abort', abort(b), { once: true });
    }
    return c.signal;
  }

  async function text(
    path: string,
    req: RequestOptions = {},
    accept?: (body: string) => void,
  ): Promise<ClientResponse> {
    const url = buildUrl(options.baseUrl, path, req.query);
    const signal = mergeSignals(options.signal, req.signal);
    const useCache = store !== undefined && req.cache !== false;
    const key = useCache ? normaliseUrl(url) : '';
    const cached = useCache ? await store.get(key) : undefined;
    if (offline) {
      if (cached)
        return { url, status: cached.status, headers: cached.headers, text: cached.body, fromCache: true };
      throw new OfflineError(url, store ? undefined : 'no cache configured');
    }
    const ttl = req.cacheTtl ?? cacheTtl;
    if (cached && req.cache !== 'reload' && Date.now() - cached.storedAt < ttl) {
      logger?.debug?.(`cache hit ${url}`);
      return { url, status: cached.status, headers: cached.headers, text: cached.body, fromCache: true };
    }
    const headers = req.headers ? { ...baseHeaders, ...req.headers } : { ...baseHeaders };
    if (cached?.headers.etag) headers['if-none-match'] = cached.headers.etag;
    if (cached?.headers['last-modified']) headers['if-modified-since'] = cached.headers['last-modified'];
    const result = await withRetries(url, signal, async () => {
      return (await attempt(url, headers, signal, req.timeout ?? timeout, async (response) => {
        if (response.status === 304) {
          await response.body?.cancel();
          return { status: 304, url: response.url || url, headers: pickHeaders(response.headers), body: '' };
        }
        const body = await readText(response, url, maxBytes, false);
        accept?.(body);
        return {
          status: response.status,
          url: response.url || url,
          headers: pickHeaders(response.headers),
          body,
        };
      })) as { status: number; url: string; headers: Record<string, string>; body: string };
    });
    if (result.status === 304 && cached) {
      const refreshed: CacheEntry = { ...cached, storedAt: Date.now() };
      await store?.set(key, refreshed);
      return { url, status: cached.status, headers: cached.headers, text: cached.body, fromCache: true };
    }
    if (useCache && result.status >= 200 && result.status < 300) {
      const kept: Record<string, string> = {};
      for (const h of KEPT_HEADERS) if (result.headers[h]) kept[h] = result.headers[h];
      await store.set(key, {
        url: key,
        status: result.status,
        headers: kept,
        body: result.body,
        storedAt: Date.now(),
      });
    }
    return {
      url: result.url,
      status: result.status,
      headers: result.headers,
      text: result.body,
      fromCache: false,
    };
  }

  return {
    baseUrl: options.baseUrl,
    offline,
    url: (path, query) => buildUrl(options.baseUrl, path, query),
    text: (path, req) => text(path, req),
    async json<T>(path: string, req?: RequestOptions): Promise<T> {
      let parsed: unknown;
      let done = false;
      const response = await text(path, req, (body) => {
        parsed = parseJson(body, () => buildUrl(options.baseUrl, path, req?.query));
        done = true;
      });
      return (done ? parsed : parseJson(response.text, () => response.url)) as T;
    },
    async stream(path, req = {}) {
      const url = buildUrl(options.baseUrl, path, req.query);
      if (offline) throw new OfflineError(url, 'streams are never served from the HTTP cache');
      const signal = mergeSignals(options.signal, req.signal);
      const headers = { ...baseHeaders, ...req.headers };
      return withRetries(url, signal, async () => {
        return (await attempt(
          url,
          headers,
          signal,
          req.timeout ?? timeout,
          async (response) => {
            if (!response.body) throw new NetworkError('GET', url, new Error('empty body'));
            const len = response.headers.get('content-length');
            const out: StreamResponse = {
              url: response.url || url,
              status: response.status,
              headers: pickHeaders(response.headers),
              contentLength: len ? Number(len) : undefined,
              body: response.body,
            };
            return out;
          },
          true,
        )) as StreamResponse;
      });
    },
  };
}

function parseJson(body: string, url: () => string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new ResponseValidationError(url(), [
      { path: [], message: `body is not valid JSON (${(error as Error).message})` },
    ]);
  }
}

function pickHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function statusError(url: string, response: Response, body: string): Error {
  if (response.status === 429) {
    try {
      const json = JSON.parse(body) as Record<string, unknown>;
      if (json.errorcode === 10002 || json.errorcode === 10005) {
        return new QuotaExceededError({
          url,
          errorcode: json.errorcode,
          resetTime: typeof json.reset_time === 'string' ? json.reset_time : undefined,
          limitTimeUnit: typeof json.limit_time_unit === 'string' ? json.limit_time_unit : undefined,
          callLimit: typeof json.call_limit === 'number' ? json.call_limit : undefined,
        });
      }
    } catch {
      // not a quota body
    }
  }
  return new HttpError({
    method: 'GET',
    url,
    status: response.status,
    body,
    ...parseErrorBody(body),
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}

async function readText(response: Response, url: string, limit: number, truncate: boolean): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!truncate && declared > limit) {
    await response.body?.cancel();
    throw new ResponseTooLargeError(url, limit);
  }
  if (!response.body) return '';
  // Fast path: a declared length within the limit (undici enforces it; a short body rejects).
  if (!truncate && declared <= limit) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      await reader.cancel();
      if (truncate) break;
      throw new ResponseTooLargeError(url, limit);
    }
    chunks.push(value);
    size += value.byteLength;
  }
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}
