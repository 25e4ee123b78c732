/**
 * The client's per-request path: the no-cache fast path (no cache look-up, shared headers, limiter
 * slot taken without a promise) must keep every behaviour of the cached path, and the rate-limited
 * path must still give its slot back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildUrl, hasScheme, hostOf } from '../../src/opendata/_internal/util.js';
import {
  createClient,
  createMemoryCache,
  type HttpError,
  isNetworkError,
  isResponseTooLargeError,
  isResponseValidationError,
  isTimeoutError,
} from '../../src/opendata/index.js';
import { hangingFetch } from '../_helpers/hangingFetch.js';
import { httpRoutes, startServer, type TestServer } from './_server.js';

const fast = { retries: 3, minDelay: 1, maxDelay: 5 };
let server: TestServer | undefined;
const seen: Record<string, string | string[] | undefined>[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  seen.length = 0;
});

/** The shared routes, recording each request's headers first. */
const start = async () =>
  startServer([
    (req) => {
      seen.push({ ...req.headers });
      return false;
    },
    httpRoutes,
  ]);

describe('URL helpers', () => {
  it('recognises a scheme exactly like /^[a-z][a-z0-9+.-]*:/i', () => {
    const re = /^[a-z][a-z0-9+.-]*:/i;
    for (const s of [
      'http://x',
      'HTTPS://x',
      'a+b.c-d:rest',
      'data:,x',
      '/communes',
      'communes/59350',
      '1http://x',
      'a_b:c',
      'a b:c',
      ':x',
      '',
      'a',
      'z9:',
      'Z@:',
      '[a:',
      '{a:',
    ])
      expect(hasScheme(s), s).toBe(re.test(s));
  });

  it('joins base, path and query without a regex, stripping every leading slash and the fragment', () => {
    expect(buildUrl('https://h/api/', '///x/y', { a: 1, b: undefined, c: null, d: ['p q', true] })).toBe(
      'https://h/api/x/y?a=1&d=p%20q&d=true',
    );
    expect(buildUrl('https://h', 'x?k=1#frag', { z: 'é' })).toBe('https://h/x?k=1&z=%C3%A9');
    expect(buildUrl(undefined, 'https://other/p', { a: 'b' })).toBe('https://other/p?a=b');
    expect(() => buildUrl(undefined, '/relative')).toThrow(/needs a baseUrl/);
    expect(hostOf('https://user@Example.ORG:8443/p')).toBe('example.org');
  });
});

describe('request path without a cache', () => {
  it('text() returns the final URL after a redirect and every response header', async () => {
    server = await start();
    const client = createClient({ baseUrl: server.url, cache: false });
    const res = await client.text('/moved');
    expect(res.url).toBe(`${server.url}/hello?q=moved`);
    expect(res.status).toBe(200);
    expect(res.fromCache).toBe(false);
    expect(res.headers['x-extra']).toBe('yes');
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.text)).toEqual({ hello: 'world', q: 'moved' });
  });

  it('sends the client headers on every request and merges per-request headers without leaking them', async () => {
    server = await start();
    const client = createClient({
      baseUrl: server.url,
      cache: false,
      headers: { 'x-client': 'c' },
      userAgent: 'cprdfop-test',
    });
    await client.json('/hello', { headers: { 'x-request': 'r' } });
    await client.json('/hello');
    expect(seen[0]).toMatchObject({ 'x-client': 'c', 'x-request': 'r', 'user-agent': 'cprdfop-test' });
    expect(seen[1]).toMatchObject({ 'x-client': 'c', 'user-agent': 'cprdfop-test' });
    expect(seen[1]?.['x-request']).toBeUndefined();
  });

  it('times out and retries each attempt, for text() and json()', async () => {
    // Attempts are counted on a fetch that never answers: exact under any load.
    const hanging = hangingFetch();
    const client = createClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: hanging.fetch,
      cache: false,
      retry: { ...fast, retries: 1 },
      timeout: 50,
    });
    const timedOut = await client.text('/slow').catch((e: unknown) => e);
    expect(isTimeoutError(timedOut) && timedOut.timeoutMs).toBe(50);
    expect(hanging.calls).toEqual(['http://127.0.0.1:9/slow', 'http://127.0.0.1:9/slow']);
    const perRequest = createClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: hanging.fetch,
      cache: false,
      retry: false,
    });
    const once = await perRequest.json('/slow', { timeout: 50 }).catch((e: unknown) => e);
    expect(isTimeoutError(once) && once.timeoutMs).toBe(50);
    expect(hanging.calls).toHaveLength(3);
    // And over real HTTP: a response due after 2 s loses to a 50 ms timeout (no count asserted).
    server = await start();
    const real = createClient({ baseUrl: server.url, cache: false, retry: false, timeout: 50 });
    expect(isTimeoutError(await real.json('/slow').catch((e: unknown) => e))).toBe(true);
  });

  it('enforces the size cap on a body without Content-Length, and does not retry it', async () => {
    server = await start();
    const client = createClient({ baseUrl: server.url, cache: false, retry: fast, maxResponseBytes: 1000 });
    expect(isResponseTooLargeError(await client.json('/chunked').catch((e: unknown) => e))).toBe(true);
    expect(isResponseTooLargeError(await client.text('/chunked').catch((e: unknown) => e))).toBe(true);
    expect(server.requests).toHaveLength(2);
    const roomy = createClient({ baseUrl: server.url, cache: false, maxResponseBytes: 10_000 });
    expect(((await roomy.json('/chunked')) as { data: string }).data).toHaveLength(5_000);
  });

  it('retries 5xx and resets, reports invalid JSON with the request URL, keeps HttpError details', async () => {
    server = await start();
    const faults = [{ kind: 'status', status: 503 }, { kind: 'reset' }, { kind: 'invalid' }] as const;
    server.fault = (n) => faults[n];
    const client = createClient({ baseUrl: server.url, cache: false, retry: fast });
    const invalid = await client.json('/hello', { query: { q: 'z' } }).catch((e: unknown) => e);
    expect(isResponseValidationError(invalid)).toBe(true);
    expect((invalid as Error).message).toContain(`${server.url}/hello?q=z`);
    expect(server.requests).toHaveLength(3);
    server.fault = () => ({ kind: 'status', status: 404, body: 'gone' });
    const missing = await client.text('/hello').catch((e: unknown) => e);
    expect((missing as HttpError).status).toBe(404);
    expect((missing as HttpError).bodyExcerpt).toBe('gone');
    expect(server.requests).toHaveLength(4);
  });

  it('rejects at once, without a request, when the caller signal is already aborted', async () => {
    server = await start();
    const client = createClient({ baseUrl: server.url, cache: false, retry: fast });
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    await expect(client.json('/hello', { signal: controller.signal })).rejects.toThrow('too late');
    await expect(client.text('/hello', { signal: controller.signal })).rejects.toThrow('too late');
    expect(server.requests).toHaveLength(0);
    // The client-wide signal and a request signal are both honoured.
    const wide = new AbortController();
    const both = createClient({ baseUrl: server.url, cache: false, signal: wide.signal });
    const pending = both.json('/slow', { signal: new AbortController().signal });
    setTimeout(() => wide.abort(new Error('client stop')), 20);
    await expect(pending).rejects.toThrow('client stop');
  });

  it('gives every limiter slot back: errors, timeouts and aborts do not starve later requests', async () => {
    server = await start();
    const client = createClient({
      baseUrl: server.url,
      cache: false,
      retry: false,
      rateLimit: { concurrency: 1 },
    });
    server.fault = (n) => (n === 0 ? { kind: 'reset' } : undefined);
    expect(isNetworkError(await client.json('/hello').catch((e: unknown) => e))).toBe(true);
    // Only the request meant to time out has a short timeout: the others must not, under load.
    expect(isTimeoutError(await client.json('/slow', { timeout: 50 }).catch((e: unknown) => e))).toBe(true);
    const controller = new AbortController();
    const aborted = client.json('/slow', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 10);
    await expect(aborted).rejects.toThrow('stop');
    expect(await client.json('/hello', { query: { q: 'after' } })).toEqual({ hello: 'world', q: 'after' });
  });
  it('rejects a request aborted while it waits for a concurrency slot, without sending it', async () => {
    server = await start();
    const client = createClient({
      baseUrl: server.url,
      cache: false,
      retry: false,
      timeout: 5000,
      rateLimit: { concurrency: 1 },
    });
    const settled: string[] = [];
    const first = client.json('/slow').then((v) => {
      // holds the only slot for 2 s
      settled.push('first');
      return v;
    });
    const controller = new AbortController();
    const queued = client.json('/hello', { query: { q: 'queued' }, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('gave up while queued')), 20);
    await expect(queued).rejects.toThrow('gave up while queued');
    settled.push('queued');
    expect(await first).toEqual({ ok: true });
    // Rejected when aborted, not when the slot came free.
    expect(settled).toEqual(['queued', 'first']);
    expect(server.requests.some((r) => r.includes('q=queued'))).toBe(false);
    // The queue is intact: the next request gets the slot.
    expect(await client.json('/hello', { query: { q: 'next' } })).toEqual({ hello: 'world', q: 'next' });
  });
  it('gives a caller-supplied fetch the full init and a fresh header record it may modify', async () => {
    const inits: RequestInit[] = [];
    const custom = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      inits.push(init ?? {});
      (init?.headers as Record<string, string>).authorization = 'Bearer t'; // a wrapper adding auth
      return new Response('{"ok":true}', { status: 200 });
    }) as typeof fetch;
    const bare = createClient({ baseUrl: 'http://127.0.0.1:9', cache: false, fetch: custom });
    expect(await bare.json('/x')).toEqual({ ok: true });
    const withHeaders = createClient({
      baseUrl: 'http://127.0.0.1:9',
      cache: false,
      fetch: custom,
      headers: { 'x-client': 'c' },
    });
    await withHeaders.json('/x');
    await withHeaders.json('/x');
    expect(inits.map((i) => [i.method, i.redirect, i.signal instanceof AbortSignal])).toEqual([
      ['GET', 'follow', true],
      ['GET', 'follow', true],
      ['GET', 'follow', true],
    ]);
    expect(inits.map((i) => i.headers)).toEqual([
      { authorization: 'Bearer t' },
      { 'x-client': 'c', authorization: 'Bearer t' },
      { 'x-client': 'c', authorization: 'Bearer t' },
    ]);
    expect(inits[1]?.headers).not.toBe(inits[2]?.headers);
  });
});

describe('request path with a rate limit or a cache', () => {
  it('spaces requests to a rate-limited host and gives the slot back when a waiting request is aborted', async () => {
    server = await start();
    const client = createClient({
      baseUrl: server.url,
      cache: false,
      rateLimit: { concurrency: 1, perHost: { '127.0.0.1': 50 } },
    });
    expect(await client.json('/hello', { query: { q: '1' } })).toMatchObject({ q: '1' });
    const controller = new AbortController();
    controller.abort(new Error('never mind'));
    // Waits for the host's next start time, then sees the abort: the slot must be given back.
    await expect(client.json('/hello', { signal: controller.signal })).rejects.toThrow('never mind');
    const results = await Promise.all([1, 2, 3].map((i) => client.json('/hello', { query: { q: `${i}` } })));
    expect(results.map((r) => (r as { q: string }).q)).toEqual(['1', '2', '3']);
    // An absolute URL is limited by its own host, not the base URL's: were these two requests counted
    // against `localhost` (one start per 1,000 s), the second one would wait.
    const other = createClient({
      baseUrl: server.url.replace('127.0.0.1', 'localhost'),
      cache: false,
      rateLimit: { perHost: { localhost: 0.001 } },
    });
    expect(await other.json(`${server.url}/hello?q=abs1`)).toMatchObject({ q: 'abs1' });
    expect(await other.json(`${server.url}/hello?q=abs2`)).toMatchObject({ q: 'abs2' });
  });

  it('json() with a cache keeps ETag and Last-Modified, revalidates, and serves the cached body', async () => {
    server = await start();
    const client = createClient({ baseUrl: server.url, cache: createMemoryCache(), cacheTtl: 0 });
    expect(await client.json('/etag')).toEqual({ v: 1 });
    expect(await client.json('/etag')).toEqual({ v: 1 });
    expect(server.requests).toHaveLength(2);
    expect(seen[1]).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Wed, 01 Jan 2026 00:00:00 GMT',
    });
    // Conditional headers belong to that URL only.
    await client.json('/hello');
    expect(seen[2]?.['if-none-match']).toBeUndefined();
    const text = await client.text('/etag');
    expect(text).toMatchObject({ fromCache: true, text: '{"v":1}' });
    expect(text.headers.etag).toBe('"v1"');
  });
});
