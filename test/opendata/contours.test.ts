import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeatureSplitter } from '../../src/opendata/_internal/featureSplitter.js';
import {
  contoursPath,
  findCachedContours,
  isOfflineError,
  listCache,
  pullContours,
  streamFeatures,
} from '../../src/opendata/index.js';
import { expectedRegionCount, writeNationalGz } from './_fixtures.js';
import { startServer, type TestServer } from './_server.js';

const COUNT = 3000;
let work: string;
let gz: Buffer;
let server: TestServer | undefined;
let cache: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cprdfop-contours-'));
  await writeNationalGz(join(work, 'communes-100m.geojson.gz'), COUNT, 8);
  gz = await readFile(join(work, 'communes-100m.geojson.gz'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Serves the file at /<prefix>/2026/geojson/communes-100m.geojson.gz; `cut` kills the body half-way. */
async function serve(prefix: string, mode: { cut?: boolean } = {}) {
  return startServer([
    (_req, res, url) => {
      if (url.pathname !== `/${prefix}/2026/geojson/communes-100m.geojson.gz`) return false;
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(gz.length) });
      if (mode.cut) {
        res.write(gz.subarray(0, gz.length >> 1));
        setTimeout(() => res.socket?.destroy(), 10);
      } else res.end(gz);
      return true;
    },
  ]);
}

async function freshCache(): Promise<string> {
  cache = await mkdtemp(join(work, 'cache-'));
  return cache;
}

const spec = { year: 2026, layer: 'communes', resolution: '100m', region: '32' } as const;

describe('contours downloader', () => {
  it('keeps one région while streaming, records SHA-256 in the manifest, then serves the cache', async () => {
    server = await serve('a');
    const cacheDir = await freshCache();
    const progress: number[] = [];
    const result = await pullContours({
      ...spec,
      cacheDir,
      urls: [`${server.url}/a`],
      onProgress: (p) => progress.push(p.receivedBytes),
    });
    expect(result.path).toBe(contoursPath({ ...spec, cacheDir }));
    expect(result.path).toBe(join(cacheDir, 'contours', '2026', 'communes-100m-r32.geojson'));
    expect(result.features).toBe(expectedRegionCount(COUNT));
    expect(result.fromCache).toBe(false);
    const text = await readFile(result.path);
    expect(createHash('sha256').update(text).digest('hex')).toBe(result.sha256);
    expect(text.length).toBe(result.bytes);
    const fc = JSON.parse(text.toString('utf8')) as {
      type: string;
      features: { properties: { region: string } }[];
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.every((f) => f.properties.region === '32')).toBe(true);
    expect(progress.at(-1)).toBe(gz.length);
    const manifest = JSON.parse(await readFile(join(cacheDir, 'contours', '2026', 'manifest.json'), 'utf8'));
    expect(manifest.files['communes-100m-r32.geojson']).toMatchObject({
      sha256: result.sha256,
      bytes: result.bytes,
      features: result.features,
      sourceUrl: `${server.url}/a/2026/geojson/communes-100m.geojson.gz`,
      sourceSha256: createHash('sha256').update(gz).digest('hex'),
    });
    const requests = server.requests.length;
    const again = await pullContours({ ...spec, cacheDir, urls: [`${server.url}/a`] });
    expect(again.fromCache).toBe(true);
    expect(server.requests.length).toBe(requests);
    expect(await findCachedContours({ ...spec, cacheDir })).toMatchObject({
      path: result.path,
      sha256: result.sha256,
    });
    const listing = await listCache({ cacheDir });
    expect(listing.contours).toMatchObject([
      { year: '2026', layer: 'communes', region: '32', present: true },
    ]);
  });

  it('a download killed half-way leaves no cache entry, and the mirror is used', async () => {
    const broken = await serve('broken', { cut: true });
    const cacheDir = await freshCache();
    try {
      await expect(
        pullContours({ ...spec, cacheDir, urls: [`${broken.url}/broken`], retry: { retries: 0 } }),
      ).rejects.toThrow();
      expect(await findCachedContours({ ...spec, cacheDir })).toBeNull();
      const files = await readdir(join(cacheDir, 'contours', '2026')).catch(() => []);
      expect(files).toEqual([]);
      server = await serve('mirror');
      const ok = await pullContours({
        ...spec,
        cacheDir,
        urls: [`${broken.url}/broken`, `${server.url}/mirror`],
        retry: { retries: 0 },
      });
      expect(ok.features).toBe(expectedRegionCount(COUNT));
      expect((await readdir(join(cacheDir, 'contours', '2026'))).sort()).toEqual([
        'communes-100m-r32.geojson',
        'manifest.json',
      ]);
    } finally {
      await broken.close();
    }
  });

  it('detects a corrupted cached file and downloads it again', async () => {
    server = await serve('a');
    const cacheDir = await freshCache();
    const first = await pullContours({ ...spec, cacheDir, urls: [`${server.url}/a`] });
    const text = await readFile(first.path);
    text[100] = text[100] === 0x31 ? 0x32 : 0x31;
    await writeFile(first.path, text);
    expect((await stat(first.path)).size).toBe(first.bytes);
    expect(await findCachedContours({ ...spec, cacheDir })).toBeNull();
    const again = await pullContours({ ...spec, cacheDir, urls: [`${server.url}/a`] });
    expect(again.fromCache).toBe(false);
    expect(again.sha256).toBe(first.sha256);
  });

  it('refuses to cache an empty selection and supports a custom filter', async () => {
    server = await serve('a');
    const cacheDir = await freshCache();
    await expect(
      pullContours({ ...spec, region: '99', cacheDir, urls: [`${server.url}/a`] }),
    ).rejects.toMatchObject({
      code: 'E_CONTOURS_NO_MATCH',
    });
    expect(await findCachedContours({ ...spec, region: '99', cacheDir })).toBeNull();
    const nord = await pullContours({
      ...spec,
      region: '59',
      cacheDir,
      urls: [`${server.url}/a`],
      filter: (f) => f.properties?.departement === '59',
    });
    expect(nord.features).toBeGreaterThan(0);
    expect(nord.path.endsWith('communes-100m-r59.geojson')).toBe(true);
  });

  it('aborts a download with the caller signal and leaves nothing behind', async () => {
    server = await startServer([
      (_req, res) => {
        res.writeHead(200, { 'content-length': String(gz.length) });
        res.write(gz.subarray(0, 1000));
        return true;
      },
    ]);
    const cacheDir = await freshCache();
    const controller = new AbortController();
    const pending = pullContours({
      ...spec,
      cacheDir,
      urls: [server.url],
      signal: controller.signal,
      onProgress: () => undefined,
    });
    setTimeout(() => controller.abort(new Error('user stop')), 100);
    await expect(pending).rejects.toThrow('user stop');
    expect(await readdir(join(cacheDir, 'contours', '2026')).catch(() => [])).toEqual([]);
  });

  it('offline mode never opens a connection and fails clearly when not cached', async () => {
    server = await serve('a');
    const cacheDir = await freshCache();
    const error = await pullContours({ ...spec, cacheDir, urls: [`${server.url}/a`], offline: true }).catch(
      (e: unknown) => e,
    );
    expect(isOfflineError(error)).toBe(true);
    expect((error as Error).message).toContain('communes-100m-r32.geojson');
    expect(server.connections).toBe(0);
  });
});

describe('streaming feature splitter', () => {
  it('splits features across arbitrary chunk boundaries, with strings full of braces and escapes', async () => {
    const features = [
      { type: 'Feature', properties: { nom: 'a } ] { [ " \\ "', region: '32' }, geometry: null },
      {
        type: 'Feature',
        properties: { nom: 'b', region: '11' },
        geometry: { type: 'Point', coordinates: [1, 2] },
      },
      { type: 'Feature', properties: { nom: 'c\u00e9\u2028', region: '32' }, geometry: null },
    ];
    const text = JSON.stringify({ type: 'FeatureCollection', name: 'x', features, bbox: [0, 0, 1, 1] });
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      const splitter = new FeatureSplitter();
      const out: string[] = [];
      for (let i = 0; i < text.length; i += size) out.push(...splitter.push(text.slice(i, i + size)));
      expect(out.map((s) => JSON.parse(s))).toEqual(features);
      expect(splitter.complete).toBe(true);
    }
    const kept = [];
    for await (const f of streamFeatures([text.slice(0, 50), text.slice(50)], {
      filter: (f) => f.properties?.region === '32',
    }))
      kept.push(f);
    expect(kept).toHaveLength(2);
    await expect(async () => {
      for await (const _ of streamFeatures([text.slice(0, text.length - 30)])) void _;
    }).rejects.toThrow(/truncated/);
  });
});
