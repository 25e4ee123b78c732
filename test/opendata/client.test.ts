import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createDiskCache,
  createMemoryCache,
  HttpError,
  isNetworkError,
  isOfflineError,
  isResponseTooLargeError,
  isResponseValidationError,
  isTimeoutError,
} from '../../src/opendata/index.js';
import { hangingFetch } from '../_helpers/hangingFetch.js';
import { httpRoutes, sendJson, startServer, type TestServer } from './_server.js';

const fast = { retries: 3, minDelay: 1, maxDelay: 5 };
let server: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'cprdfop-od-'));
  dirs.push(d);
  return d;
}

const hello = async () => startServer([httpRoutes]);

describe('HTTP client', () => {
  it('retries 5xx, resets and truncated bodies, then succeeds', async () => {
    server = await hello();
    const faults = [{ kind: 'status', status: 500 }, { kind: 'reset' }, { kind: 'truncate' }] as const;
    server.fault = (n) => faults[n];
    const client = createClient({ baseUrl: server.url, retry: fast, cache: false });
    expect(await client.json('/hello', { query: { q: 'a' } })).toEqual({ hello: 'world', q: 'a' });
    expect(server.requests).toHaveLength(4);
  });

  it('gives up after the retries with a typed error', async () => {
    server = await hello();
    server.fault = () => ({ kind: 'reset' });
    const client = createClient({ baseUrl: server.url, retry: { ...fast, retries: 2 }, cache: false });
    const error = await client.json('/hello').catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect(server.requests).toHaveLength(3);
    server.fault = () => ({ kind: 'status', status: 502, body: 'Bad gateway' });
    const e2 = await client.json('/hello').catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(HttpError);
    expect((e2 as HttpError).status).toBe(502);
    expect((e2 as HttpError).method).toBe('GET');
    expect((e2 as HttpError).url).toBe(`${server.url}/hello`);
    expect((e2 as HttpError).bodyExcerpt).toBe('Bad gateway');
  });

  it('honours Retry-After on a short-lived 429 and does not retry other 4xx', async () => {
    server = await hello();
    server.fault = (n) =>
      n === 0 ? { kind: 'status', status: 429, headers: { 'retry-after': '0' } } : undefined;
    const client = createClient({ baseUrl: server.url, retry: fast, cache: false });
    expect(await client.json('/hello')).toMatchObject({ hello: 'world' });
    expect(server.requests).toHaveLength(2);
    server.fault = () => ({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const long = await client.json('/hello').catch((e: unknown) => e);
    expect((long as HttpError).status).toBe(429);
    expect((long as HttpError).retryAfterMs).toBe(3_600_000);
    expect(server.requests).toHaveLength(3);
    server.fault = undefined;
    const missing = await client.json('/nope').catch((e: unknown) => e);
    expect((missing as HttpError).status).toBe(404);
    expect((missing as HttpError).apiMessage).toBe('Not Found');
    expect(server.requests).toHaveLength(4);
  });

  it('times out slow responses and honours caller abort signals', async () => {
    server = await hello();
    // Attempts counted on a fetch that never answers (exact under any load), then over real HTTP.
    const hanging = hangingFetch();
    const counted = createClient({
      baseUrl: server.url,
      fetch: hanging.fetch,
      retry: { ...fast, retries: 1 },
      cache: false,
      timeout: 100,
    });
    expect(isTimeoutError(await counted.json('/slow').catch((e: unknown) => e))).toBe(true);
    expect(hanging.calls).toHaveLength(2);
    const client = createClient({ baseUrl: server.url, retry: false, cache: false, timeout: 100 });
    const error = await client.json('/slow').catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    const controller = new AbortController();
    const pending = createClient({ baseUrl: server.url, cache: false }).json('/slow', {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pending).rejects.toThrow('stop');
  });

  it('rejects invalid JSON without caching it, follows redirects, enforces the size limit', async () => {
    server = await hello();
    server.fault = (n) => (n === 0 ? { kind: 'invalid' } : undefined);
    const client = createClient({ baseUrl: server.url, retry: fast });
    const error = await client.json('/hello').catch((e: unknown) => e);
    expect(isResponseValidationError(error)).toBe(true);
    expect(await client.json('/hello')).toMatchObject({ hello: 'world' });
    expect(await client.json('/moved')).toEqual({ hello: 'world', q: 'moved' });
    const small = createClient({ baseUrl: server.url, maxResponseBytes: 1000, cache: false });
    expect(isResponseTooLargeError(await small.json('/big').catch((e: unknown) => e))).toBe(true);
  });

  it('caches by normalised URL and revalidates with ETag', async () => {
    server = await hello();
    const client = createClient({ baseUrl: server.url, cache: createMemoryCache(), cacheTtl: 0 });
    const first = await client.text('/etag');
    expect(first.fromCache).toBe(false);
    const second = await client.text('/etag');
    expect(second.fromCache).toBe(true);
    expect(second.text).toBe('{"v":1}');
    expect(server.requests).toHaveLength(2);
    const fresh = createClient({ baseUrl: server.url, cacheTtl: 60_000 });
    await fresh.json('/hello', { query: { q: '1', a: 'b' } });
    await fresh.json(`${server.url}/hello?a=b&q=1#frag`);
    expect(server.requests).toHaveLength(3);
  });

  it('offline mode serves the disk cache and never opens a connection', async () => {
    server = await hello();
    const dir = await tempDir();
    const online = createClient({ baseUrl: server.url, cache: createDiskCache({ dir }) });
    await online.json('/hello', { query: { q: 'x' } });
    const before = server.connections;
    const offline = createClient({ baseUrl: server.url, cache: createDiskCache({ dir }), offline: true });
    expect(await offline.json('/hello', { query: { q: 'x' } })).toEqual({ hello: 'world', q: 'x' });
    const missing = await offline.json('/hello', { query: { q: 'y' } }).catch((e: unknown) => e);
    expect(isOfflineError(missing)).toBe(true);
    expect((missing as Error).message).toContain('q=y');
    await expect(offline.stream('/hello')).rejects.toThrow(/offline/);
    expect(server.connections).toBe(before);
  });

  it('offline mode also follows CPRDFOP_OFFLINE=1', async () => {
    server = await hello();
    process.env.CPRDFOP_OFFLINE = '1';
    try {
      const client = createClient({ baseUrl: server.url });
      expect(client.offline).toBe(true);
      await expect(client.json('/hello')).rejects.toThrow(/offline mode/);
    } finally {
      delete process.env.CPRDFOP_OFFLINE;
    }
    expect(server.connections).toBe(0);
  });

  it('detects a corrupted disk entry and fetches it again', async () => {
    server = await hello();
    const dir = await tempDir();
    const client = createClient({ baseUrl: server.url, cache: createDiskCache({ dir }), cacheTtl: 60_000 });
    await client.json('/hello');
    const [file] = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    await writeFile(join(dir, file!), '{"sha256":"0","entry":"{\\"url\\":'); // interrupted write
    expect(await client.json('/hello')).toMatchObject({ hello: 'world' });
    expect(server.requests).toHaveLength(2);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('limits concurrency', async () => {
    let active = 0;
    let peak = 0;
    server = await startServer([
      (_req, res) => {
        active++;
        peak = Math.max(peak, active);
        setTimeout(() => {
          active--;
          sendJson(res, 200, {});
        }, 20);
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, cache: false, rateLimit: { concurrency: 2 } });
    await Promise.all(Array.from({ length: 8 }, (_, i) => client.json(`/x${i}`)));
    expect(peak).toBeLessThanOrEqual(2);
  });
});
