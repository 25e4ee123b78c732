/**
 * Quotas: `X-RateLimit-*` and `Retry-After` are read, a header-only 429 is not retried blindly, the
 * per-host circuit breaker stops sending once the quota is gone, and the error says when to retry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, isQuotaExceededError, QuotaExceededError } from '../../src/opendata/index.js';
import { sendJson, startServer, type TestServer } from './_server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const fast = { retries: 4, minDelay: 1, maxDelay: 2 };

describe('quotas', () => {
  it('a header-only 429 with a far reset throws QuotaExceededError with the reset time, sent once', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    server = await startServer([
      (_req, res) => {
        res.writeHead(429, {
          'x-ratelimit-limit': '1000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        });
        res.end();
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, retry: fast, cache: false });
    const error = await client.json('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect((error as QuotaExceededError).resetTime?.getTime()).toBe(reset * 1000);
    expect((error as QuotaExceededError).callLimit).toBe(1000);
    expect((error as Error).message).toContain(new Date(reset * 1000).toISOString());
    expect(server.requests).toHaveLength(1);
  });

  it('a 429 with a long Retry-After only is a QuotaExceededError, not four retries', async () => {
    server = await startServer([
      (_req, res) => {
        res.writeHead(429, { 'retry-after': '7200', 'x-ratelimit-remaining': '0' });
        res.end();
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, retry: fast, cache: false });
    const error = await client.json('/x').catch((e: unknown) => e);
    expect(isQuotaExceededError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('100 parallel calls after the quota is gone send at most one wave (the concurrency), then none', async () => {
    const reset = new Date(Date.now() + 3_600_000).toUTCString();
    server = await startServer([
      (_req, res) => {
        sendJson(
          res,
          429,
          {
            errorcode: 10002,
            reset_time: new Date(Date.parse(reset)).toISOString(),
            error: 'Too many requests',
          },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        );
        return true;
      },
    ]);
    const client = createClient({
      baseUrl: server.url,
      retry: fast,
      cache: false,
      rateLimit: { concurrency: 4 },
    });
    const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => client.json(`/r${i}`)));
    expect(results.every((r) => r.status === 'rejected' && isQuotaExceededError(r.reason))).toBe(true);
    expect(server.requests.length).toBeLessThanOrEqual(4);
    const refused = results.filter(
      (r) => r.status === 'rejected' && (r.reason as QuotaExceededError).sent === false,
    );
    expect(refused.length).toBeGreaterThanOrEqual(96);
    const later = await client.json('/later').catch((e: unknown) => e);
    expect(later).toMatchObject({ sent: false });
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  it('a success with Remaining 0 and a far reset opens the breaker for that host only', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    server = await startServer([
      (_req, res) => {
        sendJson(
          res,
          200,
          { ok: true },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        );
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, retry: fast, cache: false });
    expect(await client.json('/a')).toEqual({ ok: true });
    await expect(client.json('/b')).rejects.toMatchObject({ name: 'QuotaExceededError', sent: false });
    expect(server.requests).toEqual(['/a']);
  });

  it('a near reset (within maxRetryAfter) is waited for, then the request goes through', async () => {
    let calls = 0;
    server = await startServer([
      (_req, res) => {
        calls++;
        if (calls === 1) {
          res.writeHead(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0' });
          res.end();
        } else sendJson(res, 200, { ok: calls });
        return true;
      },
    ]);
    const client = createClient({ baseUrl: server.url, retry: fast, cache: false });
    expect(await client.json('/x')).toEqual({ ok: 2 });
  });
});
