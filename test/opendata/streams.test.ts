/**
 * Bounded streams: idle timeouts on every body read, decoded-size limits (gzip counted after decoding),
 * a bound on one contours feature, typed errors with the documented CLI exit codes, and validated
 * contours specs. These are bounded checks (sizes, error types, files left), never timings.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import {
  CacheWriteError,
  createClient,
  createOdsClient,
  isNetworkError,
  isTimeoutError,
  pullContours,
  ResponseTooLargeError,
  ResponseValidationError,
} from '../../src/opendata/index.js';
import { epcis } from '../../src/territory/index.js';
import { communeFeature, pullCommunesArgv } from './_fixtures.js';
import { bytesRoute, startServer, type TestServer } from './_server.js';

let work: string;
let server: TestServer | undefined;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cprdfop-streams-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const noRetry = { retries: 0 } as const;
const collection = (features: unknown[]) =>
  `{"type":"FeatureCollection","features":[${features.map((f) => JSON.stringify(f)).join(',\n')}]}`;

describe('idle timeouts on body reads', () => {
  it('an export stalled after 1,930 records throws TimeoutError instead of hanging', async () => {
    server = await startServer([
      (_req, res, url) => {
        if (!url.pathname.endsWith('/exports/jsonl')) return false;
        res.writeHead(200, { 'content-type': 'application/jsonl' });
        const lines = Array.from({ length: 1930 }, (_, i) => JSON.stringify({ id: i }));
        res.write(`${lines.join('\n')}\n`);
        return true; // never ends
      },
    ]);
    const ods = createOdsClient({
      baseUrl: `${server.url}/api/explore/v2.1`,
      retry: noRetry,
      cache: false,
      idleTimeout: 150,
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const r of ods.iterateRecords('ds', { strategy: 'export' })) seen.push(r);
    })().catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(seen).toHaveLength(1930);
  });

  it('a stalled contours download throws TimeoutError and leaves no .tmp', async () => {
    server = await startServer([
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/gzip' });
        res.write(gzipSync(Buffer.from('{"type":"FeatureCollection","features":[')).subarray(0, 20));
        return true;
      },
    ]);
    const cacheDir = await mkdtemp(join(work, 'stall-'));
    const error = await pullContours({
      year: 2026,
      layer: 'communes',
      resolution: '100m',
      region: '32',
      cacheDir,
      urls: [server.url],
      attempts: 1,
      retry: noRetry,
      idleTimeout: 150,
    }).catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    const left = await readdir(join(cacheDir, 'contours', '2026'));
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('decoded-size limits', () => {
  const bomb = gzipSync(Buffer.from(`{"data":"${'0'.repeat(50 * 1024 * 1024)}"}`));

  it('a 50 MiB gzip body under 100 KB on the wire stops at a 1 MiB limit (counted after decoding)', async () => {
    expect(bomb.length).toBeLessThan(100 * 1024);
    server = await startServer([
      (_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': String(bomb.length),
        });
        res.end(bomb);
        return true;
      },
    ]);
    const client = createClient({
      baseUrl: server.url,
      retry: noRetry,
      cache: false,
      maxResponseBytes: 1024 * 1024,
    });
    const error = await client.json('/bomb').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    const streamed = await client.stream('/bomb', { maxBytes: 1024 * 1024 });
    let received = 0;
    const streamError = await (async () => {
      for await (const chunk of streamed.body as unknown as AsyncIterable<Uint8Array>)
        received += chunk.byteLength;
    })().catch((e: unknown) => e);
    expect(streamError).toBeInstanceOf(ResponseTooLargeError);
    expect(received).toBeLessThanOrEqual(1024 * 1024);
  });

  it('a contours file decompressing past maxDecodedBytes throws ResponseTooLargeError', async () => {
    const features = Array.from({ length: 400 }, (_, i) => communeFeature(i, 40));
    const gz = gzipSync(Buffer.from(collection(features)));
    server = await startServer([bytesRoute(gz)]);
    const base = {
      year: 2026,
      layer: 'communes',
      resolution: '100m',
      region: '32',
      urls: [server.url],
      attempts: 1,
      retry: noRetry,
    } as const;
    const error = await pullContours({
      ...base,
      cacheDir: await mkdtemp(join(work, 'dec-')),
      maxDecodedBytes: 64 * 1024,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    const huge = await pullContours({
      ...base,
      cacheDir: await mkdtemp(join(work, 'feat-')),
      maxFeatureBytes: 500,
    }).catch((e: unknown) => e);
    expect(huge).toBeInstanceOf(ResponseTooLargeError);
    expect((huge as ResponseTooLargeError).what).toBe('one feature');
  });
});

describe('contours failures are typed, with the documented CLI exit codes', () => {
  async function run(argv: string[], cacheDir: string) {
    let stderr = '';
    const ctx = {
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      stdin: new PassThrough(),
      env: { CPRDFOP_CACHE_DIR: cacheDir },
      cwd: work,
      exitCode: 0,
    };
    const code = await runCli(argv, ctx);
    return { code, stderr };
  }
  const pull = (url: string) => pullCommunesArgv('--base-url', url);

  it('an HTML page served with 200 is invalid data (ResponseValidationError, exit 65), not a zlib error', async () => {
    server = await startServer([
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><html><body>Maintenance</body></html>');
        return true;
      },
    ]);
    const error = await pullContours({
      year: 2026,
      layer: 'communes',
      resolution: '100m',
      region: '32',
      cacheDir: await mkdtemp(join(work, 'html-')),
      urls: [server.url],
      attempts: 1,
      retry: noRetry,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain('<!DOCTYPE html>');
    const r = await run(pull(server.url), await mkdtemp(join(work, 'html-cli-')));
    expect(r.code).toBe(65);
    expect(r.stderr).not.toContain('zlib');
  });

  it('a truncated download is a NetworkError (exit 69), not "TypeError: terminated" (70)', async () => {
    const gz = gzipSync(
      Buffer.from(collection(Array.from({ length: 300 }, (_, i) => communeFeature(i, 30)))),
    );
    server = await startServer([
      (_req, res) => {
        res.writeHead(200, { 'content-length': String(gz.length) });
        res.write(gz.subarray(0, gz.length >> 1));
        setTimeout(() => res.socket?.destroy(), 5);
        return true;
      },
    ]);
    const error = await pullContours({
      year: 2026,
      layer: 'communes',
      resolution: '100m',
      region: '32',
      cacheDir: await mkdtemp(join(work, 'cut-')),
      urls: [server.url],
      attempts: 1,
      retry: noRetry,
    }).catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    const r = await run(pull(server.url), await mkdtemp(join(work, 'cut-cli-')));
    expect(r.code).toBe(69);
    expect(r.stderr).not.toContain('TypeError');
  });

  it('an unwritable cache is CacheWriteError (exit 73), not a raw ENOTDIR', async () => {
    const gz = gzipSync(Buffer.from(collection([communeFeature(2, 5)])));
    server = await startServer([bytesRoute(gz)]);
    const file = join(work, 'not-a-dir');
    await writeFile(file, 'x');
    const error = await pullContours({
      year: 2026,
      layer: 'communes',
      resolution: '100m',
      region: '32',
      cacheDir: file,
      urls: [server.url],
      attempts: 1,
      retry: noRetry,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CacheWriteError);
    const r = await run(pull(server.url), file);
    expect(r.code).toBe(73);
  });

  it('year, region and layer are validated before any path or request is built', async () => {
    server = await startServer([]);
    const cacheDir = await mkdtemp(join(work, 'spec-'));
    for (const bad of [
      { year: '../../etc', layer: 'communes', resolution: '100m' },
      { year: 2026, layer: 'communes', resolution: '100m', region: '../../x' },
      { year: 2026, layer: '../communes', resolution: '100m' },
      { year: 2026, layer: 'communes', resolution: '100m/../../' },
    ]) {
      const error = await pullContours({ ...(bad as object), cacheDir, urls: [server.url] } as never).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'E_CONTOURS_SPEC' });
    }
    expect(server.requests).toEqual([]);
  });
});

describe('contours wire formats', () => {
  it('mairies: one file without resolution suffix, kept by the "commune" property', async () => {
    const features = [
      {
        type: 'Feature',
        properties: { commune: '59350', nom: 'Lille', type: 'mairie' },
        geometry: { type: 'Point', coordinates: [3.06, 50.63] },
      },
      {
        type: 'Feature',
        properties: { commune: '75056', nom: 'Paris', type: 'mairie' },
        geometry: { type: 'Point', coordinates: [2.35, 48.86] },
      },
    ];
    const gz = gzipSync(Buffer.from(collection(features)));
    server = await startServer([bytesRoute(gz, '/2026/geojson/mairies.geojson.gz')]);
    const result = await pullContours({
      year: 2026,
      layer: 'mairies',
      resolution: '100m',
      region: '32',
      cacheDir: await mkdtemp(join(work, 'mairies-')),
      urls: [server.url],
      retry: noRetry,
    });
    expect(result.features).toBe(1);
    expect(result.path.endsWith('mairies-r32.geojson')).toBe(true);
  });

  it('EPCI (only code and nom upstream): kept by membership in the territory graph', async () => {
    const member = epcis()[0]!.siren;
    const features = [
      { type: 'Feature', properties: { code: member, nom: 'Membre' }, geometry: null },
      { type: 'Feature', properties: { code: '200054781', nom: 'Métropole du Grand Paris' }, geometry: null },
    ];
    const gz = gzipSync(Buffer.from(collection(features)));
    server = await startServer([bytesRoute(gz, '/2026/geojson/epci-100m.geojson.gz')]);
    const result = await pullContours({
      year: 2026,
      layer: 'epci',
      resolution: '100m',
      region: '32',
      cacheDir: await mkdtemp(join(work, 'epci-')),
      urls: [server.url],
      retry: noRetry,
    });
    expect(result.features).toBe(1);
    // Île-de-France: the Métropole du Grand Paris is kept, the Hauts-de-France member is not.
    const paris = await pullContours({
      year: 2026,
      layer: 'epci',
      resolution: '100m',
      region: '11',
      cacheDir: await mkdtemp(join(work, 'epci11-')),
      urls: [server.url],
      retry: noRetry,
    });
    expect(paris.features).toBe(1);
    expect(epcis('11').some((e) => e.siren === '200054781')).toBe(true);
    expect(epcis('11').some((e) => e.siren === member)).toBe(false);
  });
});
