/**
 * `pullMesh` and `cprdfop data pull mesh`: INSEE's « table d'appartenance géographique des communes »
 * fetched through the open-data client from a local 127.0.0.1 server (a hand-made fixture in INSEE's exact
 * layout: title lines above the header), cached with its SHA-256, then read back by `loadMesh`; faults of
 * the server and of the cache are typed errors and documented exit codes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCachedMesh,
  isOfflineError,
  isResponseTooLargeError,
  isResponseValidationError,
  pullMesh,
  readCachedMesh,
} from '../../src/opendata/index.js';
import { loadMesh } from '../../src/territory/index.js';
import { cli } from '../_helpers/cli.js';
import { startServer, type TestServer } from './_server.js';

const fixture = readFileSync(
  join(import.meta.dirname, '../territory/fixtures/table-appartenance-insee-layout.csv'),
);
/** The same table as INSEE's older CSV files: Windows-1252, no BOM. */
const latin1 = (() => {
  const text = fixture.toString('utf8').replace(/^\uFEFF/, '');
  return Buffer.from(text, 'latin1');
})();
/** A minimal workbook (a ZIP): enough for the format detection; loadMesh's XLSX reading is tested elsewhere. */
const workbook = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });

let server: TestServer;
let hits: Record<string, number>;
const roots: string[] = [];
const freshCache = () => {
  const root = mkdtempSync(join(tmpdir(), 'cprdfop-mesh-'));
  roots.push(root);
  return root;
};

beforeAll(async () => {
  hits = {};
  server = await startServer([
    (_request, response, url) => {
      hits[url.pathname] = (hits[url.pathname] ?? 0) + 1;
      const send = (status: number, type: string, body: Uint8Array | string) => {
        response.writeHead(status, {
          'content-type': type,
          'content-length': String(Buffer.byteLength(body)),
        });
        response.end(body);
        return true;
      };
      switch (url.pathname) {
        case '/table_appartenance_geo_communes.csv':
          return send(200, 'text/csv', fixture);
        case '/table-windows-1252.csv':
          return send(200, 'text/csv', latin1);
        case '/table.xlsx':
          return send(200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', workbook);
        case '/login.html':
          return send(200, 'text/html', '<!doctype html><html><body>Connexion</body></html>');
        case '/empty.csv':
          return send(200, 'text/csv', '');
        case '/no-codgeo.csv':
          return send(200, 'text/csv', 'commune;unit\n59350;a\n');
        case '/huge.csv':
          return send(200, 'text/csv', `CODGEO;ZE2020\n${'59350;3214\n'.repeat(2000)}`);
        default:
          return false;
      }
    },
  ]);
});
afterAll(async () => {
  await server.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const options = { retry: { retries: 0 }, timeout: 5_000 } as const;

describe('pullMesh', () => {
  it('downloads the table once, caches it with its checksum, and loadMesh reads it back', async () => {
    const cacheDir = freshCache();
    const url = `${server.url}/table_appartenance_geo_communes.csv`;
    const first = await pullMesh({ url, cacheDir, ...options });
    expect(first).toMatchObject({ format: 'csv', bytes: fixture.length, fromCache: false });
    expect(readFileSync(first.path).equals(fixture)).toBe(true);
    const second = await pullMesh({ url, cacheDir, ...options });
    expect(second).toMatchObject({ fromCache: true, sha256: first.sha256, path: first.path });
    expect(hits['/table_appartenance_geo_communes.csv']).toBe(1);
    const cached = await findCachedMesh(url, { cacheDir });
    const fromCache = loadMesh((await readCachedMesh(cached!)) as string, {
      unitColumn: 'ZE2020',
      id: 'ze2020',
    });
    const direct = loadMesh(fixture.toString('utf8'), { unitColumn: 'ZE2020', id: 'ze2020' });
    expect(fromCache.mesh).toEqual(direct.mesh);
    expect(fromCache.mesh.units.length).toBeGreaterThan(0);
  });

  it('offline: the cached copy without any request; no copy is OfflineError', async () => {
    const cacheDir = freshCache();
    const url = `${server.url}/table_appartenance_geo_communes.csv`;
    await expect(pullMesh({ url, cacheDir, offline: true, ...options })).rejects.toSatisfy(isOfflineError);
    await pullMesh({ url, cacheDir, ...options });
    const before = server.requests.length;
    expect((await pullMesh({ url, cacheDir, offline: true, ...options })).fromCache).toBe(true);
    expect(server.requests.length).toBe(before);
  });

  it('an altered cached copy is not used: found as missing, downloaded again', async () => {
    const cacheDir = freshCache();
    const url = `${server.url}/table_appartenance_geo_communes.csv`;
    const first = await pullMesh({ url, cacheDir, ...options });
    writeFileSync(first.path, 'CODGEO;ZE2020\n59350;9999\n');
    expect(await findCachedMesh(url, { cacheDir })).toBeNull();
    await expect(readCachedMesh(first)).rejects.toSatisfy(isResponseValidationError);
    const again = await pullMesh({ url, cacheDir, ...options });
    expect(again.fromCache).toBe(false);
    expect(readFileSync(again.path).equals(fixture)).toBe(true);
  });

  it('reads a Windows-1252 CSV as such (accents intact) and keeps an XLSX as bytes', async () => {
    const cacheDir = freshCache();
    const csv = await pullMesh({ url: `${server.url}/table-windows-1252.csv`, cacheDir, ...options });
    const text = (await readCachedMesh(csv)) as string;
    expect(text).toContain('Libellé géographique');
    const xlsx = await pullMesh({ url: `${server.url}/table.xlsx`, cacheDir, ...options });
    expect(xlsx.format).toBe('xlsx');
    expect(await readCachedMesh(xlsx)).toBeInstanceOf(Uint8Array);
  });

  it('refuses what is not a table, before caching it: HTML, empty, no CODGEO; a non-http URL', async () => {
    const cacheDir = freshCache();
    for (const path of ['/login.html', '/empty.csv', '/no-codgeo.csv']) {
      const url = `${server.url}${path}`;
      await expect(pullMesh({ url, cacheDir, ...options }), path).rejects.toSatisfy(
        isResponseValidationError,
      );
      expect(await findCachedMesh(url, { cacheDir })).toBeNull();
    }
    await expect(pullMesh({ url: 'file:///etc/passwd', cacheDir })).rejects.toSatisfy(
      isResponseValidationError,
    );
  });

  it('refuses a table larger than maxBytes, and a server error is the client’s typed error', async () => {
    const cacheDir = freshCache();
    await expect(
      pullMesh({ url: `${server.url}/huge.csv`, cacheDir, maxBytes: 1000, ...options }),
    ).rejects.toSatisfy(isResponseTooLargeError);
    await expect(pullMesh({ url: `${server.url}/missing.csv`, cacheDir, ...options })).rejects.toThrow(/404/);
  });
});

describe('cprdfop data pull mesh', () => {
  it('downloads, then says cached; offline without a copy is 69; a bad URL 64; an HTML page 65', async () => {
    const cacheDir = freshCache();
    const env = { CPRDFOP_CACHE_DIR: cacheDir, LC_ALL: 'en_US.UTF-8' };
    const url = `${server.url}/table_appartenance_geo_communes.csv`;
    const offline = await cli(['data', 'pull', 'mesh', url, '--offline'], { env });
    expect(offline.code).toBe(69);
    expect(offline.stderr).toContain('offline mode');
    const first = await cli(['data', 'pull', 'mesh', url], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^downloaded: .*meshes\/[0-9a-f]{16}\.csv\nCSV, \d+ bytes, sha256 [0-9a-f]{64}\n$/,
    );
    const second = await cli(['data', 'pull', 'mesh', url, '--offline'], { env });
    expect(second.stdout).toMatch(/^cached: /);
    expect((await cli(['data', 'pull', 'mesh', 'ftp://example.org/x.csv'], { env })).code).toBe(64);
    const html = await cli(['data', 'pull', 'mesh', `${server.url}/login.html`], { env });
    expect(html.code).toBe(65);
    expect(html.stderr).toContain('not a CSV or XLSX table');
  });
});
