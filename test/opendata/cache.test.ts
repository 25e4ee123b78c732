/**
 * The cache is private (keyed by the credentials' hash) and standard (http-cache-semantics: no-store,
 * max-age, Vary), bounded in bytes, serves stale copies only when allowed, and degrades to a warning
 * when it cannot write.
 */
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  createDiskCache,
  createMemoryCache,
  createOdsClient,
  isHttpError,
} from '../../src/opendata/index.js';
import { sendJson, startServer, type TestServer } from './_server.js';

let work: string;
let server: TestServer | undefined;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cprdfop-cache-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const fast = { retries: 1, minDelay: 1, maxDelay: 2 };

describe('a private cache', () => {
  it('a client without the API key never gets what a keyed client cached', async () => {
    server = await startServer([
      (req, res) => {
        const auth = req.headers.authorization;
        sendJson(res, 200, { secret: auth === 'Apikey k1' ? 'for k1' : auth ? 'other key' : 'public' });
        return true;
      },
    ]);
    const cache = createMemoryCache();
    const base = { baseUrl: `${server.url}/api/explore/v2.1`, cache, retry: fast };
    const keyed = createOdsClient({ ...base, apiKey: 'k1' });
    const anonymous = createOdsClient(base);
    const other = createOdsClient({ ...base, apiKey: 'k2' });
    expect(await keyed.http.json('/catalog/datasets/x')).toEqual({ secret: 'for k1' });
    expect(await anonymous.http.json('/catalog/datasets/x')).toEqual({ secret: 'public' });
    expect(await other.http.json('/catalog/datasets/x')).toEqual({ secret: 'other key' });
    expect(await keyed.http.json('/catalog/datasets/x')).toEqual({ secret: 'for k1' });
    expect(server.requests).toHaveLength(3);
  });

  it('offline: a keyed entry is served only to the same key, and no socket is opened', async () => {
    server = await startServer([
      (_req, res) => {
        sendJson(res, 200, { v: 'keyed' });
        return true;
      },
    ]);
    const cache = createMemoryCache();
    const online = createOdsClient({
      baseUrl: `${server.url}/api/explore/v2.1`,
      cache,
      apiKey: 'k1',
      retry: fast,
    });
    await online.http.json('/catalog/datasets/x');
    const before = server.connections;
    const base = { baseUrl: `${server.url}/api/explore/v2.1`, cache, offline: true, retry: fast };
    expect(await createOdsClient({ ...base, apiKey: 'k1' }).http.json('/catalog/datasets/x')).toEqual({
      v: 'keyed',
    });
    await expect(createOdsClient(base).http.json('/catalog/datasets/x')).rejects.toMatchObject({
      name: 'OfflineError',
    });
    expect(server.connections).toBe(before);
  });

  it('an apikey query parameter is part of the identity too', async () => {
    server = await startServer([
      (_req, res, url) => {
        sendJson(res, 200, { key: url.searchParams.get('apikey') });
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, retry: fast });
    expect(await client.json('/d', { query: { apikey: 'a' } })).toEqual({ key: 'a' });
    expect(await client.json('/d', { query: { apikey: 'b' } })).toEqual({ key: 'b' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('HTTP caching semantics', () => {
  it('Cache-Control: no-store is never stored', async () => {
    server = await startServer([
      (_req, res) => {
        sendJson(res, 200, { n: server!.requests.length }, { 'cache-control': 'no-store' });
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, retry: fast });
    expect(await client.json('/x')).toEqual({ n: 1 });
    expect(await client.json('/x')).toEqual({ n: 2 });
  });

  it('max-age=0 is revalidated every time; max-age=600 is fresh even with cacheTtl 0', async () => {
    server = await startServer([
      (req, res, url) => {
        if (url.pathname === '/zero') {
          if (req.headers['if-none-match'] === '"z"') {
            res.writeHead(304, { etag: '"z"', 'cache-control': 'max-age=0' });
            res.end();
          } else sendJson(res, 200, { zero: true }, { etag: '"z"', 'cache-control': 'max-age=0' });
        } else sendJson(res, 200, { long: true }, { 'cache-control': 'max-age=600' });
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, retry: fast, cacheTtl: 0 });
    for (let i = 0; i < 3; i++) expect(await client.json('/zero')).toEqual({ zero: true });
    expect(server.requests.filter((r) => r === '/zero')).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(await client.json('/long')).toEqual({ long: true });
    expect(server.requests.filter((r) => r === '/long')).toHaveLength(1);
  });

  it('Vary: a different Accept-Language is a miss', async () => {
    server = await startServer([
      (req, res) => {
        sendJson(
          res,
          200,
          { lang: req.headers['accept-language'] },
          { vary: 'Accept-Language', 'cache-control': 'max-age=600' },
        );
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, retry: fast });
    expect(await client.json('/v', { headers: { 'accept-language': 'fr' } })).toEqual({ lang: 'fr' });
    expect(await client.json('/v', { headers: { 'accept-language': 'en' } })).toEqual({ lang: 'en' });
    expect(await client.json('/v', { headers: { 'accept-language': 'en' } })).toEqual({ lang: 'en' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('bounded and degrading', () => {
  it('the memory cache stays under maxBytes (LRU), whatever is put in', async () => {
    const cache = createMemoryCache({ maxBytes: 1024 * 1024 });
    const body = 'x'.repeat(100 * 1024);
    for (let i = 0; i < 100; i++)
      await cache.set(`k${i}`, { url: `k${i}`, status: 200, headers: {}, body, storedAt: 0 });
    let kept = 0;
    for (let i = 0; i < 100; i++) if (await cache.get(`k${i}`)) kept++;
    expect(kept * body.length * 2).toBeLessThanOrEqual(1024 * 1024);
    expect(kept).toBeGreaterThan(0);
    expect(await cache.get('k99')).toBeDefined();
    expect(await cache.get('k0')).toBeUndefined();
    await cache.set('huge', {
      url: 'huge',
      status: 200,
      headers: {},
      body: 'y'.repeat(600 * 1024),
      storedAt: 0,
    });
    expect(await cache.get('huge')).toBeUndefined();
  });

  it('stale-if-error: a stale copy with a warning only when allowed', async () => {
    let up = true;
    server = await startServer([
      (_req, res) => {
        if (up) sendJson(res, 200, { v: 1 }, { 'cache-control': 'max-age=0' });
        else sendJson(res, 503, { down: true });
        return true;
      },
    ]);
    const warnings: string[] = [];
    const cache = createMemoryCache();
    const strict = createClient({ baseUrl: server.url, retry: fast, cache });
    const lenient = createClient({
      baseUrl: server.url,
      retry: fast,
      cache,
      staleIfError: true,
      logger: { warn: (m) => warnings.push(m) },
    });
    expect(await strict.json('/s')).toEqual({ v: 1 });
    up = false;
    expect(isHttpError(await strict.json('/s').catch((e: unknown) => e))).toBe(true);
    expect(await lenient.json('/s')).toEqual({ v: 1 });
    expect(warnings.some((w) => w.includes('stale'))).toBe(true);
  });

  it('an unwritable disk cache degrades to a warning and still answers', async () => {
    server = await startServer([
      (_req, res) => {
        sendJson(res, 200, { ok: true });
        return true;
      },
    ]);
    const file = join(work, 'a-file');
    await writeFile(file, 'x');
    const warnings: string[] = [];
    const client = createClient({
      baseUrl: server.url,
      retry: fast,
      cache: createDiskCache({ dir: join(file, 'http') }),
      logger: { warn: (m) => warnings.push(m) },
    });
    expect(await client.json('/ok')).toEqual({ ok: true });
    expect(warnings.some((w) => w.includes('cache write failed'))).toBe(true);
  });

  it('the disk cache removes .tmp files left by a killed process, not recent ones', async () => {
    const dir = await mkdtemp(join(work, 'disk-'));
    await writeFile(join(dir, 'old.json.abc.tmp'), 'partial');
    await writeFile(join(dir, 'new.json.def.tmp'), 'in progress');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(join(dir, 'old.json.abc.tmp'), hourAgo, hourAgo);
    const cache = createDiskCache({ dir });
    await cache.set('k', { url: 'k', status: 200, headers: {}, body: '{}', storedAt: 0 });
    const names = await readdir(dir);
    expect(names).not.toContain('old.json.abc.tmp');
    expect(names).toContain('new.json.def.tmp');
  });
});
