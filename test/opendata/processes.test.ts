/**
 * Several real processes: concurrent manifest updates lose no entry; a pull killed with SIGKILL
 * leaves nothing that is served as a cached copy, and a rerun produces the complete file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from '../../src/opendata/_internal/manifest.js';
import { findCachedContours, pullContours } from '../../src/opendata/index.js';
import { communeFeature, expectedRegionCount } from './_fixtures.js';
import { startServer } from './_server.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cprdfop-procs-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const child = (script: string, args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '_child', script), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const exited = (proc: ChildProcess) =>
  new Promise<number | null>((resolve) => proc.on('exit', (code, signal) => resolve(signal ? -1 : code)));

describe('several processes', () => {
  it('6 processes × 5 concurrent manifest updates: all 30 entries are kept', async () => {
    const yearDir = await mkdtemp(join(work, 'manifest-'));
    const procs = Array.from({ length: 6 }, (_, p) => child('manifestWriter.ts', [yearDir, `p${p}`, '5']));
    const codes = await Promise.all(procs.map(exited));
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    const manifest = await readManifest(yearDir);
    expect(Object.keys(manifest.files)).toHaveLength(30);
    const left = await readdir(yearDir);
    expect(left.filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  }, 60_000);

  it('kill -9 during a pull: nothing corrupt is served, a rerun gives the complete file', async () => {
    const features = Array.from({ length: 3000 }, (_, i) => communeFeature(i, 30));
    const gz = gzipSync(
      Buffer.from(
        `{"type":"FeatureCollection","features":[${features.map((f) => JSON.stringify(f)).join(',\n')}]}`,
      ),
    );
    let stall = true;
    let halfSent: () => void = () => undefined;
    const half = new Promise<void>((resolve) => {
      halfSent = resolve;
    });
    const server = await startServer([
      (_req, res) => {
        res.writeHead(200, { 'content-length': String(gz.length) });
        if (stall) {
          res.write(gz.subarray(0, gz.length >> 1), () => halfSent());
          return true; // the rest never comes
        }
        res.end(gz);
        return true;
      },
    ]);
    try {
      const cacheDir = await mkdtemp(join(work, 'kill-'));
      const proc = child('pull.ts', [server.url, cacheDir]);
      await half;
      // Wait until the child has its temp file open (it is mid-download), then kill it.
      const yearDir = join(cacheDir, 'contours', '2026');
      for (let i = 0; i < 600; i++) {
        const names = await readdir(yearDir).catch(() => [] as string[]);
        if (names.some((f) => f.endsWith('.tmp'))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      proc.kill('SIGKILL');
      expect(await exited(proc)).toBe(-1);
      const spec = { year: 2026, layer: 'communes', resolution: '100m', region: '32', cacheDir } as const;
      expect(await findCachedContours(spec)).toBeNull();
      expect((await readdir(yearDir)).some((f) => f.endsWith('.tmp'))).toBe(true);
      stall = false;
      const result = await pullContours({ ...spec, urls: [server.url], retry: { retries: 0 } });
      expect(result.fromCache).toBe(false);
      expect(result.features).toBe(expectedRegionCount(3000));
      const parsed = JSON.parse(await readFile(result.path, 'utf8')) as { features: unknown[] };
      expect(parsed.features).toHaveLength(expectedRegionCount(3000));
      expect(await findCachedContours(spec)).toMatchObject({ sha256: result.sha256 });
    } finally {
      await server.close();
    }
  }, 60_000);
});
