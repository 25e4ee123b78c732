import CachePolicy from 'http-cache-semantics';
import { sha256Hex } from '../_shared/sha256.js';
import { invalidJson, issueOf } from './_internal/issue.js';
import { Limiter } from './_internal/limiter.js';
import { buildUrl, env, hasScheme, hostOf, normaliseUrl, type QueryValue, sleep } from './_internal/util.js';
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
  /**
   * Freshness in ms of cached responses that carry no freshness information of their own (no
   * `Cache-Control` nor `Expires`; default 5 minutes). Responses that do are cached by HTTP caching
   * semantics (`http-cache-semantics`, as a private cache): `no-store` is never stored, `max-age=0` /
   * `no-cache` are revalidated every time, `Vary` is matched. Stale entries are revalidated with
   * ETag/Last-Modified.
   */
  cacheTtl?: number;
  /**
   * Serve a stale cached copy when the server fails (network error, timeout, 5xx) after the retries,
   * with a warning: `true` at any age, a number = at most that many ms past freshness, `false`
   * (default) only as the response's own `stale-if-error` directive allows (RFC 5861).
   */
  staleIfError?: boolean | number;
  /** Serve only from the cache and never open a connection (default: `CPRDFOP_OFFLINE=1`). */
  offline?: boolean;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** `User-Agent` header (ignored by browsers). */
  userAgent?: string;
  /** Receives retry and cache messages. */
  logger?: Logger;
  /**
   * Largest accepted buffered response body in bytes (default 64 MiB), counted after decoding
   * (`Content-Encoding: gzip`, `deflate`, `br`), so a small compressed body cannot expand past it.
   */
  maxResponseBytes?: number;
  /**
   * Longest wait for the next chunk of a streamed body, in ms (default: `timeout`). A stalled body
   * throws {@link TimeoutError} instead of hanging. (Buffered bodies are covered by `timeout`, which
   * spans the whole attempt, headers and body.)
   */
  idleTimeout?: number;
  /** Largest streamed body in bytes, counted after decoding (default unlimited). */
  maxStreamBytes?: number;
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
  /**
   * GET with retries until the headers arrive; the body is streamed and not cached. Reading the body
   * throws {@link TimeoutError} after `idleTimeout` ms without data, {@link ResponseTooLargeError}
   * past `maxBytes` decoded bytes, and {@link NetworkError} when the connection breaks.
   */
  stream(
    path: string,
    options?: Omit<RequestOptions, 'cache' | 'cacheTtl'> & { idleTimeout?: number; maxBytes?: number },
  ): Promise<StreamResponse>;
}

const DEFAULT_PER_HOST: Record<string, number> = { 'geo.api.gouv.fr': 10 };
/** Response headers a cache entry keeps: what HTTP caching semantics need, and the content type. */
const KEPT_HEADERS = [
  'content-type',
  'etag',
  'last-modified',
  'cache-control',
  'expires',
  'date',
  'age',
  'vary',
  'pragma',
];

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
  const staleIfError = options.staleIfError ?? false;
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
  const baseUrl = options.baseUrl;
  /** Per-host circuit breaker: host → when its exhausted quota resets (ms since epoch). */
  const exhausted = new Map<string, number>();
  // Every relative path resolves to the base URL's host: parse it once, not per request.
  const baseHost = baseUrl === undefined ? '' : hostOf(baseUrl);
  const baseHeaders: Record<string, string> = { ...options.headers };
  if (options.userAgent) baseHeaders['user-agent'] = options.userAgent;
  // Shared by the requests that add no header of their own (frozen; `undefined` when empty, so the
  // built-in `fetch` has no header record to convert).
  const sharedHeaders: Record<string, string> | undefined =
    Object.keys(baseHeaders).length === 0 ? undefined : Object.freeze({ ...baseHeaders });

  /**
   * Node's built-in `fetch` (undici) gets no abort signal in the common case: passing one costs every
   * request a linked controller, a listener, a `WeakRef` and a `FinalizationRegistry` entry, most of the
   * client's overhead over a bare `fetch`. The attempt's own timer rejects it on time instead
   * ({@link Attempt.guard}), and a dispatcher that forwards to undici's global one (so a proxy or mock
   * agent set with `setGlobalDispatcher` still applies) with `headersTimeout`/`bodyTimeout` equal to
   * the attempt's timeout makes undici itself close a stalled socket. Browsers, a caller's `fetch` and
   * the first request of a process (before undici is loaded) keep the abort-signal path.
   */
  const builtinFetch = options.fetch === undefined && typeof nodeProcess()?.versions?.undici === 'string';
  const dispatchers = new Map<string, TimeoutDispatcher>();
  /**
   * The dispatcher of an attempt (`headersMs`: its timeout; `bodyMs`: the longest wait for body data),
   * or `undefined` off Node's built-in `fetch` or for a timeout undici cannot carry (the abort-signal
   * path). A few are kept per client.
   */
  let defaultDispatcher: TimeoutDispatcher | undefined;
  function dispatcherFor(headersMs: number, bodyMs: number): TimeoutDispatcher | undefined {
    if (!builtinFetch) return undefined;
    // undici reads 0 as "no timeout": such attempts (and those past a timer's range) keep the signal.
    if (!(headersMs > 0 && bodyMs > 0 && headersMs <= MAX_TIMER_MS && bodyMs <= MAX_TIMER_MS))
      return undefined;
    if (defaultDispatcher !== undefined && headersMs === timeout && bodyMs === timeout)
      return defaultDispatcher;
    if (globalDispatcher() === undefined) return undefined;
    if (headersMs === timeout && bodyMs === timeout) {
      defaultDispatcher = new TimeoutDispatcher(timeout, timeout, sharedHeaders);
      return defaultDispatcher;
    }
    const key = headersMs === bodyMs ? String(headersMs) : `${headersMs}/${bodyMs}`;
    let dispatcher = dispatchers.get(key);
    if (dispatcher === undefined) {
      dispatcher = new TimeoutDispatcher(headersMs, bodyMs, sharedHeaders);
      if (dispatchers.size < 16) dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }

  /**
   * Calls `fetch`. The built-in one gets the least to convert (GET and `redirect: 'follow'` are its
   * defaults; headers only when there are some; on Node, no signal unless the caller gave one). A
   * caller's `fetch` gets the same full init as ever, with a fresh header record it may modify.
   */
  const doFetch = (url: string, headers: Record<string, string> | undefined, a: Attempt) => {
    const custom = options.fetch;
    const dispatcher = a.dispatcher;
    if (dispatcher === undefined) {
      // The abort-signal path: the attempt's controller is always there.
      const signal = a.fetchSignal ?? null;
      if (custom !== undefined)
        return custom(url, { method: 'GET', headers: { ...headers }, signal, redirect: 'follow' });
      return globalThis.fetch(url, headers === undefined ? { signal } : { headers, signal });
    }
    const signal = a.fetchSignal;
    if (signal === undefined && headers === sharedHeaders)
      return globalThis.fetch(url, dispatcher.sharedInit);
    const init: { headers?: Record<string, string>; signal?: AbortSignal; dispatcher: TimeoutDispatcher } = {
      dispatcher,
    };
    if (headers !== undefined) init.headers = headers;
    if (signal !== undefined) init.signal = signal;
    return globalThis.fetch(url, init as RequestInit);
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

  /** Waits before retry `n + 1` of a failed attempt, or rethrows when the error is final. */
  async function beforeRetry(url: string, signal: AbortSignal | undefined, n: number, error: unknown) {
    if (signal?.aborted || n >= retries || !isRetryable(error)) throw error;
    const delay = backoff(n, error instanceof HttpError ? error.retryAfterMs : undefined);
    logger?.warn?.(
      `retrying GET ${url} in ${Math.round(delay)} ms (${n + 1}/${retries}): ${(error as Error).message}`,
    );
    await sleep(delay, signal);
  }

  /**
   * Starts one attempt: takes a limiter slot (synchronously, without a promise, when one is free and
   * the host has no rate limit), arms the per-attempt timeout and links the caller's signal.
   * {@link Attempt.end} undoes it.
   */
  function begin(
    host: string,
    signal: AbortSignal | undefined,
    ms: number,
    bodyMs = ms,
  ): Attempt | Promise<Attempt> {
    if (limiter.tryTake(host)) return new Attempt(limiter, signal, ms, dispatcherFor(ms, bodyMs));
    return limiter.take(host, signal).then(() => new Attempt(limiter, signal, ms, dispatcherFor(ms, bodyMs)));
  }

  /** Turns what `fetch` or the body read threw into the error of this attempt. */
  function attemptError(a: Attempt, url: string, error: unknown): unknown {
    if (a.signal?.aborted) return a.signal.reason;
    if (a.timedOut) return new TimeoutError('GET', url, a.ms);
    if (error instanceof ResponseTooLargeError || error instanceof ResponseValidationError) return error;
    return new NetworkError('GET', url, error);
  }

  /**
   * The host's circuit breaker: an exhausted quota refuses without sending (a reset further than the
   * client would wait) or waits for a near reset; `undefined` (nothing to wait for) in the common case.
   */
  function breaker(a: Attempt, url: string, host: string): Promise<void> | undefined {
    if (exhausted.size === 0) return undefined;
    const resetAt = exhausted.get(host);
    if (resetAt === undefined) return undefined;
    const wait = resetAt - Date.now();
    if (wait > maxRetryAfter)
      return Promise.reject(
        new QuotaExceededError({ url, resetTime: new Date(resetAt).toISOString(), sent: false }),
      );
    if (wait <= 0) {
      exhausted.delete(host);
      return undefined;
    }
    // The breaker stays open while waiting, so that concurrent requests to the host wait too.
    return sleep(wait, a.signal).then(() => {
      exhausted.delete(host);
    });
  }

  /**
   * Reads a response's quota headers (`X-RateLimit-Remaining` 0 with a reset opens the host's circuit
   * breaker until the reset); a non-2xx, non-304 status gives the promise of its typed error, else
   * `undefined`.
   */
  function checkResponse(url: string, host: string, response: Response): Promise<never> | undefined {
    const quotaReset = quotaResetOf(response.headers);
    if (quotaReset !== undefined) {
      exhausted.set(host, quotaReset);
      logger?.warn?.(`quota of ${host} exhausted until ${new Date(quotaReset).toISOString()}`);
    }
    if (response.ok || response.status === 304) return undefined;
    return readText(response, url, 64 * 1024, true)
      .catch(() => '')
      .then((body) => {
        const error = statusError(url, response, body, quotaReset, maxRetryAfter);
        if (error instanceof QuotaExceededError && error.resetTime)
          exhausted.set(host, error.resetTime.getTime());
        throw error;
      });
  }

  /**
   * Sends the request of an attempt (the circuit breaker first); a non-2xx, non-304 status throws its
   * typed error.
   */
  async function send(
    a: Attempt,
    url: string,
    host: string,
    headers: Record<string, string> | undefined,
  ): Promise<Response> {
    const waiting = breaker(a, url, host);
    if (waiting) await waiting;
    let response: Response;
    try {
      response = await a.guard(doFetch(url, headers, a));
    } catch (error) {
      throw attemptError(a, url, error);
    }
    const failed = checkResponse(url, host, response);
    if (failed) await a.guard(failed);
    return response;
  }

  /**
   * One buffered attempt. `mode`: `TEXT` (every header, final URL), `JSON` (the parsed body only) or
   * `JSON | KEEP` (the parsed body and the headers a cache entry keeps).
   */
  async function fetchBuffered(
    url: string,
    host: string,
    headers: Record<string, string> | undefined,
    signal: AbortSignal | undefined,
    ms: number,
    mode: number,
  ): Promise<Fetched> {
    const started = begin(host, signal, ms);
    const a = started instanceof Attempt ? started : await started;
    try {
      // `send`, inlined: one async frame less on every request.
      const waiting = breaker(a, url, host);
      if (waiting) await waiting;
      let response: Response;
      try {
        response = await a.guard(doFetch(url, headers, a));
      } catch (error) {
        throw attemptError(a, url, error);
      }
      const failed = checkResponse(url, host, response);
      if (failed) await a.guard(failed);
      try {
        if (response.status === 304) {
          await response.body?.cancel();
          return new Fetched(304, response.url || url, pickHeaders(response.headers), '', undefined);
        }
        const body = await a.guard(readText(response, url, maxBytes, false));
        const value = mode & JSON_BODY ? parseJson(body, url) : undefined;
        return new Fetched(
          response.status,
          mode === TEXT ? response.url || url : url,
          mode === TEXT
            ? pickHeaders(response.headers)
            : mode & KEEP
              ? keptHeaders(response.headers)
              : NO_HEADERS,
          body,
          value,
        );
      } catch (error) {
        throw attemptError(a, url, error);
      }
    } finally {
      a.end();
    }
  }

  async function get(path: string, req: RequestOptions, mode: number): Promise<ClientResponse | unknown> {
    const url = buildUrl(baseUrl, path, req.query);
    const host = hasScheme(path) ? hostOf(url) : baseHost;
    const signal = mergeSignals(options.signal, req.signal);
    const ms = req.timeout ?? timeout;
    const useCache = store !== undefined && req.cache !== false;
    let headers = req.headers ? { ...baseHeaders, ...req.headers } : sharedHeaders;
    if (!useCache && !offline) {
      // No cache to read or fill: retries around one buffered attempt, nothing else.
      for (let n = 0; ; n++) {
        try {
          const fetched = await fetchBuffered(url, host, headers, signal, ms, mode);
          return mode === TEXT ? fetched.response() : fetched.value;
        } catch (error) {
          await beforeRetry(url, signal, n, error);
        }
      }
    }
    // The key names the credentials' identity (a hash, never the secret) so that a response fetched
    // with one API key is never served to a request with another, or with none.
    const requestHeaders = lowerCase(headers);
    const identity = await identityOf(requestHeaders, url);
    const key = useCache ? (identity ? `${normaliseUrl(url)}\n${identity}` : normaliseUrl(url)) : '';
    const policyRequest: CachePolicy.Request = { url, method: 'GET', headers: requestHeaders };
    let cached = useCache ? await storeGet(key) : undefined;
    if (cached && !varyMatches(cached, requestHeaders)) cached = undefined;
    if (offline) {
      if (cached) return fromCache(url, cached, mode);
      throw new OfflineError(
        url,
        store ? undefined : { fr: 'aucun cache configuré', en: 'no cache configured' },
      );
    }
    const ttl = req.cacheTtl ?? cacheTtl;
    if (cached && req.cache !== 'reload' && isFresh(cached, policyRequest, ttl)) {
      logger?.debug?.(`cache hit ${url}`);
      return fromCache(url, cached, mode);
    }
    if (cached) {
      const conditional = cached.policy
        ? restorePolicy(cached.policy).revalidationHeaders(policyRequest)
        : undefined;
      const etag = cached.headers.etag;
      const lastModified = cached.headers['last-modified'];
      if (etag || lastModified) {
        headers = { ...headers };
        const ifNoneMatch = conditional?.['if-none-match'] ?? etag;
        const ifModifiedSince = conditional?.['if-modified-since'] ?? lastModified;
        if (typeof ifNoneMatch === 'string') headers['if-none-match'] = ifNoneMatch;
        if (typeof ifModifiedSince === 'string') headers['if-modified-since'] = ifModifiedSince;
      }
    }
    let fetched: Fetched;
    for (let n = 0; ; n++) {
      try {
        fetched = await fetchBuffered(url, host, headers, signal, ms, mode === TEXT ? TEXT : mode | KEEP);
        break;
      } catch (error) {
        try {
          await beforeRetry(url, signal, n, error);
        } catch (final) {
          // stale-if-error (RFC 5861): a stale copy rather than nothing, when allowed, with a warning.
          if (cached && !signal?.aborted && isServerFailure(final) && staleAllowed(cached, staleIfError)) {
            logger?.warn?.(
              `serving a stale cached copy of ${url} (stored ${new Date(cached.storedAt).toISOString()}): ${(final as Error).message}`,
            );
            return fromCache(url, cached, mode);
          }
          throw final;
        }
      }
    }
    if (fetched.status === 304 && cached) {
      let policy = cached.policy;
      if (policy) {
        const revalidated = restorePolicy(policy).revalidatedPolicy(policyRequest, {
          status: 304,
          headers: fetched.headers,
        });
        policy = revalidated.policy.toObject();
      }
      await storeSet(key, { ...cached, storedAt: Date.now(), ...(policy ? { policy } : {}) });
      return fromCache(url, cached, mode);
    }
    if (useCache && fetched.status >= 200 && fetched.status < 300) {
      const kept: Record<string, string> = {};
      for (const h of KEPT_HEADERS) if (fetched.headers[h]) kept[h] = fetched.headers[h];
      const policy = new CachePolicy(
        policyRequest,
        { status: fetched.status, headers: kept },
        { shared: false, cacheHeuristic: 0, immutableMinTimeToLive: 0 },
      );
      // `no-store` (and `Vary: *`) responses are never stored.
      if (policy.storable() && kept.vary?.trim() !== '*') {
        const vary: Record<string, string> = {};
        for (const name of (kept.vary ?? '').split(',')) {
          const lower = name.trim().toLowerCase();
          if (lower) vary[lower] = requestHeaders[lower] ?? '';
        }
        await storeSet(key, {
          url: key,
          status: fetched.status,
          headers: kept,
          body: fetched.body,
          storedAt: Date.now(),
          policy: policy.toObject(),
          ...(kept.vary ? { vary } : {}),
        });
      } else if (cached) await storeDelete(key);
    }
    return mode === TEXT ? fetched.response() : fetched.value;
  }

  /** Reads the store; a failing store is a miss with a warning, never the request's failure. */
  async function storeGet(key: string): Promise<CacheEntry | undefined> {
    try {
      return await store?.get(key);
    } catch (error) {
      logger?.warn?.(`cache read failed, continuing without it: ${(error as Error).message}`);
      return undefined;
    }
  }
  /** Writes the store; an unwritable cache (EACCES, EROFS, ENOSPC…) is a warning, not an error. */
  async function storeSet(key: string, entry: CacheEntry): Promise<void> {
    try {
      await store?.set(key, entry);
    } catch (error) {
      logger?.warn?.(`cache write failed, response not cached: ${(error as Error).message}`);
    }
  }
  async function storeDelete(key: string): Promise<void> {
    try {
      await store?.delete(key);
    } catch (error) {
      logger?.warn?.(`cache delete failed: ${(error as Error).message}`);
    }
  }

  return {
    baseUrl,
    offline,
    url: (path, query) => buildUrl(baseUrl, path, query),
    text: (path, req) => get(path, req ?? NO_OPTIONS, TEXT) as Promise<ClientResponse>,
    json: <T>(path: string, req?: RequestOptions) => get(path, req ?? NO_OPTIONS, JSON_BODY) as Promise<T>,
    async stream(path, req = {}) {
      const url = buildUrl(baseUrl, path, req.query);
      if (offline)
        throw new OfflineError(url, {
          fr: 'un flux n’est jamais servi par le cache HTTP',
          en: 'streams are never served from the HTTP cache',
        });
      const host = hasScheme(path) ? hostOf(url) : baseHost;
      const signal = mergeSignals(options.signal, req.signal);
      const headers = req.headers ? { ...baseHeaders, ...req.headers } : sharedHeaders;
      const ms = req.timeout ?? timeout;
      const idleMs = req.idleTimeout ?? options.idleTimeout ?? ms;
      for (let n = 0; ; n++) {
        try {
          const a = await begin(host, signal, ms, idleMs);
          let linked = false;
          try {
            const response = await send(a, url, host, headers);
            if (!response.body) throw attemptError(a, url, new Error('empty body'));
            const len = response.headers.get('content-length');
            const out: StreamResponse = {
              url: response.url || url,
              status: response.status,
              headers: pickHeaders(response.headers),
              contentLength: len ? Number(len) : undefined,
              body: guardBody(
                response.body,
                url,
                idleMs,
                req.maxBytes ?? options.maxStreamBytes ?? Number.POSITIVE_INFINITY,
                signal,
              ),
            };
            // The streamed body stays linked to the caller's signal: aborting it cancels the download.
            linked = true;
            return out;
          } finally {
            a.end(linked);
          }
        } catch (error) {
          await beforeRetry(url, signal, n, error);
        }
      }
    },
  };
}

/** `mode` bits of a buffered request. */
const TEXT = 0;
const JSON_BODY = 1;
const KEEP = 2;
const NO_OPTIONS: RequestOptions = Object.freeze({});
const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** What one buffered attempt got. */
class Fetched {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly headers: Record<string, string>,
    readonly body: string,
    readonly value: unknown,
  ) {}

  response(): ClientResponse {
    return { url: this.url, status: this.status, headers: this.headers, text: this.body, fromCache: false };
  }
}

/** The largest delay `setTimeout` honours (a larger one, or Infinity, fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A marker reason: the attempt's own timer aborted it. */
class AttemptTimeout extends Error {}

function onTimeout(attempt: Attempt): void {
  attempt.expire();
}

/** Cancels the body of a response that arrived after its attempt timed out (releases the socket). */
function discard(value: unknown): void {
  if (value instanceof Response) value.body?.cancel().catch(() => undefined);
}

/**
 * The interop symbols under which undici (Node's `fetch`, and the `undici` package) keeps its global
 * dispatcher: `.2` for the newer handler API, `.1` before it.
 */
const GLOBAL_DISPATCHER_2 = Symbol.for('undici.globalDispatcher.2');
const GLOBAL_DISPATCHER_1 = Symbol.for('undici.globalDispatcher.1');

/** The minimal shape of an undici dispatcher. */
interface UndiciDispatcher {
  dispatch(options: Record<string, unknown>, handler: unknown): boolean;
}

/** undici's global dispatcher, once Node's `fetch` has loaded it; `undefined` elsewhere. */
function globalDispatcher(): UndiciDispatcher | undefined {
  const holder = globalThis as unknown as Record<symbol, UndiciDispatcher | undefined>;
  const dispatcher = holder[GLOBAL_DISPATCHER_2] ?? holder[GLOBAL_DISPATCHER_1];
  return typeof dispatcher?.dispatch === 'function' ? dispatcher : undefined;
}

/** `process` where there is one (Node), without naming a Node global in browser-capable code. */
function nodeProcess(): { versions?: Record<string, string | undefined> } | undefined {
  return (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process;
}

/**
 * An undici dispatcher that forwards every request to the global dispatcher (the caller's proxy or
 * mock agent included) with its own `headersTimeout` and `bodyTimeout`: undici closes the socket of a
 * server that stalls, with no abort signal on the request.
 */
class TimeoutDispatcher implements UndiciDispatcher {
  /** The `fetch` init of the client's requests that add no header and have no signal, built once. */
  readonly sharedInit: RequestInit;

  constructor(
    private readonly headersTimeout: number,
    private readonly bodyTimeout: number,
    sharedHeaders: Record<string, string> | undefined,
  ) {
    this.sharedInit = (sharedHeaders === undefined
      ? { dispatcher: this }
      : { headers: sharedHeaders, dispatcher: this }) as unknown as RequestInit;
  }

  dispatch(options: Record<string, unknown>, handler: unknown): boolean {
    // `fetch` builds a fresh options object for every dispatch: setting the timeouts on it is safe.
    options.headersTimeout = this.headersTimeout;
    options.bodyTimeout = this.bodyTimeout;
    const target = globalDispatcher();
    if (target === undefined) throw new Error('undici global dispatcher not found');
    return target.dispatch(options, handler);
  }
}

/**
 * One attempt's limiter slot, timeout timer and, on the abort-signal path, link to the caller's signal.
 * With a dispatcher (Node's `fetch`), no controller is created: the signal handed to `fetch` is the
 * caller's own (or none), and the timer rejects the pending step through {@link Attempt.guard}.
 */
class Attempt {
  /** The controller of the abort-signal path (browsers, a caller's `fetch`); `undefined` with a dispatcher. */
  private readonly controller: AbortController | undefined;
  /** The signal handed to `fetch`. */
  readonly fetchSignal: AbortSignal | undefined;
  private readonly timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onAbort: (() => void) | undefined;
  private rejectStep: ((reason: unknown) => void) | undefined;
  private expired = false;

  constructor(
    private readonly limiter: Limiter,
    readonly signal: AbortSignal | undefined,
    readonly ms: number,
    readonly dispatcher: TimeoutDispatcher | undefined,
  ) {
    // Past the largest timer delay (Infinity included), Node would fire at once: no timer at all.
    this.timer = ms <= MAX_TIMER_MS ? setTimeout(onTimeout, ms, this) : undefined;
    if (dispatcher !== undefined) {
      this.fetchSignal = signal;
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.fetchSignal = controller.signal;
    if (signal?.aborted) controller.abort(signal.reason);
    else if (signal) {
      this.onAbort = () => controller.abort(signal.reason);
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  /** Whether the timeout (not the caller) ended the attempt. */
  get timedOut(): boolean {
    return this.expired;
  }

  /** The timer's end: aborts the controller, or rejects the pending step. */
  expire(): void {
    this.expired = true;
    this.controller?.abort(new AttemptTimeout('timeout'));
    this.rejectStep?.(new AttemptTimeout('timeout'));
  }

  /**
   * `step`, or on the dispatcher path a promise that rejects when the timer fires first (a response
   * that arrives later has its body cancelled). On the abort-signal path `step` itself: the abort
   * rejects it.
   */
  guard<T>(step: Promise<T>): Promise<T> {
    if (this.controller !== undefined) return step;
    if (this.expired) {
      step.then(discard, () => undefined);
      return Promise.reject(new AttemptTimeout('timeout'));
    }
    return new Promise<T>((resolve, reject) => {
      this.rejectStep = reject;
      step.then((value) => {
        if (this.expired) discard(value);
        resolve(value);
      }, reject);
    });
  }

  /** Clears the timer, gives the limiter slot back and, unless `linked`, unlinks the caller's signal. */
  end(linked = false): void {
    clearTimeout(this.timer);
    this.rejectStep = undefined;
    if (this.onAbort && !linked) this.signal?.removeEventListener('abort', this.onAbort);
    this.limiter.give();
  }
}

/** A cached entry as the result of `text` or `json`. */
function fromCache(url: string, cached: CacheEntry, mode: number): ClientResponse | unknown {
  if (mode === TEXT)
    return { url, status: cached.status, headers: cached.headers, text: cached.body, fromCache: true };
  return parseJson(cached.body, url);
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

function parseJson(body: string, url: string): unknown {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new ResponseValidationError(url, [
      issueOf(
        [],
        invalidJson({ fr: 'le corps n’est pas du JSON valide', en: 'body is not valid JSON' }, error),
      ),
    ]);
  }
}

/** The headers a cache entry keeps (three look-ups instead of iterating every header). */
function keptHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
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

/**
 * When a response says its quota is exhausted: `X-RateLimit-Remaining: 0` with `X-RateLimit-Reset`
 * (epoch seconds, epoch ms, seconds from now, or an HTTP/ISO date), as ms since epoch; else `undefined`.
 */
function quotaResetOf(headers: Headers): number | undefined {
  const remaining = headers.get('x-ratelimit-remaining');
  if (remaining === null || Number(remaining.trim()) !== 0) return undefined;
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null) {
    const value = reset.trim();
    const number = Number(value);
    if (value !== '' && Number.isFinite(number)) {
      if (number >= 1e12) return number;
      if (number >= 1e9) return number * 1000;
      return Date.now() + number * 1000;
    }
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return date;
  }
  const after = parseRetryAfter(headers.get('retry-after'));
  return after === undefined ? undefined : Date.now() + after;
}

function statusError(
  url: string,
  response: Response,
  body: string,
  quotaReset: number | undefined,
  maxRetryAfter: number,
): Error {
  if (response.status === 429) {
    try {
      const json = JSON.parse(body) as Record<string, unknown>;
      if (json.errorcode === 10002 || json.errorcode === 10005) {
        return new QuotaExceededError({
          url,
          errorcode: json.errorcode,
          resetTime:
            typeof json.reset_time === 'string'
              ? json.reset_time
              : quotaReset !== undefined
                ? new Date(quotaReset).toISOString()
                : undefined,
          limitTimeUnit: typeof json.limit_time_unit === 'string' ? json.limit_time_unit : undefined,
          callLimit: typeof json.call_limit === 'number' ? json.call_limit : undefined,
        });
      }
    } catch {
      // not a quota body
    }
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  // A header-only 429 (or 503) whose quota resets later than the client would wait: not retried.
  if (quotaReset !== undefined) {
    const wait = quotaReset - Date.now();
    if (wait > maxRetryAfter) {
      const limit = Number(response.headers.get('x-ratelimit-limit') ?? Number.NaN);
      return new QuotaExceededError({
        url,
        resetTime: new Date(quotaReset).toISOString(),
        callLimit: Number.isFinite(limit) ? limit : undefined,
      });
    }
  }
  return new HttpError({
    method: 'GET',
    url,
    status: response.status,
    body,
    ...parseErrorBody(body),
    retryAfterMs:
      retryAfterMs ?? (quotaReset !== undefined ? Math.max(0, quotaReset - Date.now()) : undefined),
  });
}

/**
 * Reads a buffered body within `limit` decoded bytes (`truncate`: stop there instead of throwing). Not
 * `async`: the common case returns `response.text()` itself, with no extra promise around it.
 */
function readText(response: Response, url: string, limit: number, truncate: boolean): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!truncate && declared > limit) {
    return Promise.resolve(response.body?.cancel()).then(() => {
      throw new ResponseTooLargeError(url, limit);
    });
  }
  if (!response.body) return Promise.resolve('');
  // Fast path: a declared length within the limit and no content coding (undici enforces the length;
  // a short body rejects). A coded body's Content-Length is its compressed size: it is read and counted
  // after decoding below, so a gzip bomb stops at the limit instead of expanding in memory.
  const coding = response.headers.get('content-encoding');
  if (!truncate && declared <= limit && (coding === null || coding === 'identity')) return response.text();
  return readChunks(response.body, url, limit, truncate);
}

async function readChunks(
  body: ReadableStream<Uint8Array>,
  url: string,
  limit: number,
  truncate: boolean,
): Promise<string> {
  const reader = body.getReader();
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

/**
 * Wraps a streamed body: every read waits at most `idleMs` for data (then {@link TimeoutError} and the
 * download is cancelled), decoded bytes are counted against `maxBytes` ({@link ResponseTooLargeError}),
 * and a broken connection (`TypeError: terminated`, resets) becomes a {@link NetworkError}.
 */
function guardBody(
  body: ReadableStream<Uint8Array>,
  url: string,
  idleMs: number,
  maxBytes: number,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const read = reader.read();
        // Past the largest timer delay (Infinity included) there is no idle limit.
        const idle =
          idleMs <= MAX_TIMER_MS
            ? new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(new TimeoutError('GET', url, idleMs)), idleMs);
              })
            : undefined;
        try {
          const { done, value } = await (idle === undefined ? read : Promise.race([read, idle]));
          if (done) {
            controller.close();
            return;
          }
          size += value.byteLength;
          if (size > maxBytes) throw new ResponseTooLargeError(url, maxBytes);
          controller.enqueue(value);
        } catch (error) {
          const typed =
            signal?.aborted === true
              ? signal.reason
              : error instanceof TimeoutError || error instanceof ResponseTooLargeError
                ? error
                : new NetworkError('GET', url, error);
          reader.cancel(typed).catch(() => undefined);
          controller.error(typed);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Request headers with lower-case names (for caching semantics and `Vary`). */
function lowerCase(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const name in headers) out[name.toLowerCase()] = headers[name] as string;
  return out;
}

const identities = new Map<string, string>();
/**
 * A hash of the request's credentials (`Authorization`, `apikey` query parameter), or `''` without
 * any: part of the cache key, so responses are private to the credentials that fetched them.
 */
async function identityOf(headers: Record<string, string>, url: string): Promise<string> {
  const authorization = headers.authorization ?? '';
  const query = url.indexOf('?');
  const apikey =
    query === -1 || !/[?&]apikey=/i.test(url) ? '' : (new URL(url).searchParams.get('apikey') ?? '');
  if (!authorization && !apikey) return '';
  const secret = `${authorization}\n${apikey}`;
  let hash = identities.get(secret);
  if (hash === undefined) {
    hash = `id:${sha256Hex(secret).slice(0, 32)}`;
    if (identities.size > 1000) identities.clear();
    identities.set(secret, hash);
  }
  return hash;
}

/** Whether a stored entry was fetched with the same values of the headers its response varies on. */
function varyMatches(entry: CacheEntry, headers: Record<string, string>): boolean {
  if (!entry.vary) return true;
  for (const name in entry.vary) if ((headers[name] ?? '') !== entry.vary[name]) return false;
  return true;
}

/** Fresh by the response's own caching headers when it has some, else by the client's `cacheTtl`. */
function isFresh(entry: CacheEntry, request: CachePolicy.Request, ttl: number): boolean {
  const explicit = entry.headers['cache-control'] !== undefined || entry.headers.expires !== undefined;
  if (entry.policy && explicit) return restorePolicy(entry.policy).satisfiesWithoutRevalidation(request);
  return Date.now() - entry.storedAt < ttl;
}

function isServerFailure(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    error instanceof TimeoutError ||
    (error instanceof HttpError && error.status >= 500)
  );
}

/** Whether stale-if-error allows serving this entry now. */
function staleAllowed(entry: CacheEntry, option: boolean | number): boolean {
  if (option === true) return true;
  const directive = /(?:^|,)\s*stale-if-error=(\d+)/i.exec(entry.headers['cache-control'] ?? '');
  const allowed = Math.max(
    typeof option === 'number' ? option : 0,
    directive ? Number(directive[1]) * 1000 : 0,
  );
  if (allowed <= 0) return false;
  const ttl = entry.policy ? restorePolicy(entry.policy).timeToLive() : 0;
  return Date.now() - entry.storedAt <= Math.max(0, ttl) + allowed;
}

function restorePolicy(policy: object): CachePolicy {
  return CachePolicy.fromObject(policy as CachePolicy.CachePolicyObject);
}
