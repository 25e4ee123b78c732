/**
 * Issue 5 — `cprdfop/opendata`: client overhead over raw fetch on loopback, records iterated per
 * second from a local server, and peak memory while filtering a synthetic national-size gzipped
 * contours file (generated into a temp dir, never committed).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, createOdsClient, pullContours } from '../src/opendata/index.js';
import { expectedRegionCount, writeNationalGz } from '../test/opendata/_fixtures.js';
import { odsRoutes, sendJson, startServer } from '../test/opendata/_server.js';
import { fmt, type Scenario } from './_harness.js';

export const scenario: Scenario = {
  name: 'Open data client: overhead, records/s, contours streaming memory',
  issue: 5,
  async run(options) {
    const payload = {
      total_count: 1,
      results: Array.from({ length: 20 }, (_, i) => ({ id: i, nom: `commune ${i}` })),
    };
    const records = options.smoke ? 5_000 : 50_000;
    const server = await startServer([
      (_req, res, url) => {
        if (url.pathname !== '/small') return false;
        sendJson(res, 200, payload);
        return true;
      },
      odsRoutes(records),
    ]);
    const work = await mkdtemp(join(tmpdir(), 'cprdfop-bench-od-'));
    try {
      // 1. Overhead over raw fetch (no cache: every call hits the server).
      const client = createClient({ baseUrl: server.url, cache: false });
      const url = `${server.url}/small?a=1`;
      // The machine may be shared: interleave blocks of sequential requests (raw, ours, raw, ours…) and
      // keep the median ratio, which resists load spikes better than two separate timing windows.
      const rounds = options.smoke ? 2 : 8;
      const block = options.smoke ? 100 : 1500;
      const rawFn = async () => (await fetch(url)).json();
      const oursFn = () => client.json('/small', { query: { a: 1 } });
      for (let i = 0; i < block; i++) {
        await rawFn();
        await oursFn();
      }
      const ratios: number[] = [];
      const cpuRatios: number[] = [];
      let rawMs = 0;
      let oursMs = 0;
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 ? [oursFn, rawFn] : [rawFn, oursFn];
        const times: number[] = [];
        const cpus: number[] = [];
        for (const fn of order) {
          const t = performance.now();
          const c = process.cpuUsage();
          for (let i = 0; i < block; i++) await fn();
          const used = process.cpuUsage(c);
          cpus.push((used.user + used.system) / 1000);
          times.push(performance.now() - t);
        }
        const [a, b] = r % 2 ? [times[1]!, times[0]!] : [times[0]!, times[1]!];
        const [ca, cb] = r % 2 ? [cpus[1]!, cpus[0]!] : [cpus[0]!, cpus[1]!];
        rawMs += a;
        oursMs += b;
        ratios.push(b / a);
        cpuRatios.push(cb / ca);
      }
      cpuRatios.sort((x, y) => x - y);
      const cpuOverhead =
        ((cpuRatios[(cpuRatios.length - 1) >> 1]! + cpuRatios[cpuRatios.length >> 1]!) / 2 - 1) * 100;
      ratios.sort((x, y) => x - y);
      const overhead = ((ratios[(ratios.length - 1) >> 1]! + ratios[ratios.length >> 1]!) / 2 - 1) * 100;
      const total = rounds * block;
      const raw = {
        name: 'raw fetch + JSON.parse',
        opsPerSec: (total / rawMs) * 1000,
        medianMs: rawMs / total,
        note: `${rounds} interleaved blocks of ${block}`,
      };
      const ours = {
        name: 'cprdfop client.json (no cache)',
        opsPerSec: (total / oursMs) * 1000,
        medianMs: oursMs / total,
        note: `wall-clock overhead per block (sorted): ${ratios.map((x) => `${fmt((x - 1) * 100, 1)} %`).join(', ')}; CPU: ${cpuRatios.map((x) => `${fmt((x - 1) * 100, 1)} %`).join(', ')}`,
      };

      // 1b. The client's own cost, isolated: the same calls against a stub `fetch` that answers at once
      // (no socket), minus the raw stub path. Its ratio to a raw loopback request is the overhead,
      // free of the loopback's ±20 % scheduling noise.
      const stubBody = '{"a":1,"b":[1,2,3]}';
      const stubFetch = (async () =>
        new Response(stubBody, {
          status: 200,
          headers: { 'content-type': 'application/json', 'content-length': String(stubBody.length) },
        })) as typeof fetch;
      const stubClient = createClient({ baseUrl: 'http://127.0.0.1:9', cache: false, fetch: stubFetch });
      const stubRounds = options.smoke ? 1 : 5;
      const stubN = options.smoke ? 500 : 20_000;
      const costs: number[] = [];
      for (let r = 0; r <= stubRounds; r++) {
        let t = performance.now();
        for (let i = 0; i < stubN; i++) await (await stubFetch(url)).json();
        const rawUs = ((performance.now() - t) / stubN) * 1000;
        t = performance.now();
        for (let i = 0; i < stubN; i++) await stubClient.json('/small', { query: { a: 1 } });
        const oursUs = ((performance.now() - t) / stubN) * 1000;
        if (r > 0) costs.push(oursUs - rawUs); // round 0 warms up
      }
      costs.sort((x, y) => x - y);
      const clientCostUs = costs[costs.length >> 1]!;
      const loopbackUs = (rawMs / total) * 1000;
      const isolatedOverhead = (clientCostUs / loopbackUs) * 100;

      // 2. Records iterated per second (keyset paging, 100 per page).
      const ods = createOdsClient({ baseUrl: `${server.url}/api/explore/v2.1`, cache: false });
      let t0 = performance.now();
      let n = 0;
      for await (const _ of ods.iterateRecords('big', { keyField: 'id' })) n++;
      const keysetRate = n / ((performance.now() - t0) / 1000);
      t0 = performance.now();
      let m = 0;
      for await (const _ of ods.iterateRecords('big', { strategy: 'export' })) m++;
      const exportRate = m / ((performance.now() - t0) / 1000);

      // 3. Peak memory while filtering a national-size gzipped contours file.
      const features = options.smoke ? 5_000 : 35_000;
      const vertices = options.smoke ? 20 : 100;
      const gzPath = join(work, 'communes-100m.geojson.gz');
      await writeNationalGz(gzPath, features, vertices);
      const gzBytes = (await stat(gzPath)).size;
      const { createReadStream } = await import('node:fs');
      const contoursServer = await startServer([
        (_req, res, u) => {
          if (!u.pathname.endsWith('/2026/geojson/communes-100m.geojson.gz')) return false;
          res.writeHead(200, { 'content-length': String(gzBytes) });
          createReadStream(gzPath).pipe(res);
          return true;
        },
      ]);
      // Live heap = heapUsed right after a full GC (young-generation garbage is not memory held).
      const v8 = await import('node:v8');
      const vm = await import('node:vm');
      v8.setFlagsFromString('--expose-gc');
      const gc = (globalThis as { gc?: () => void }).gc ?? (vm.runInNewContext('gc') as () => void);
      gc();
      const base = process.memoryUsage();
      let peakRss = base.rss;
      let peakHeap = base.heapUsed;
      let rawPeakHeap = base.heapUsed;
      const sampler = setInterval(() => {
        const u = process.memoryUsage();
        peakRss = Math.max(peakRss, u.rss);
        rawPeakHeap = Math.max(rawPeakHeap, u.heapUsed);
      }, 5);
      t0 = performance.now();
      const pulled = await pullContours({
        year: 2026,
        layer: 'communes',
        resolution: '100m',
        region: '32',
        cacheDir: join(work, 'cache'),
        urls: [`${contoursServer.url}/c`],
        onProgress: () => {
          gc();
          const u = process.memoryUsage();
          peakRss = Math.max(peakRss, u.rss);
          peakHeap = Math.max(peakHeap, u.heapUsed + u.external - base.external);
        },
      });
      const contoursMs = performance.now() - t0;
      clearInterval(sampler);
      await contoursServer.close();
      const heapDelta = peakHeap - base.heapUsed;
      const rawHeapDelta = rawPeakHeap - base.heapUsed;
      const rssDelta = peakRss - base.rss;
      const regional = pulled.bytes;
      const national = await estimateNational(features, vertices);
      const MB = 1024 * 1024;

      return {
        tasks: [
          raw,
          ours,
          { name: 'iterateRecords keyset (100/page)', opsPerSec: keysetRate, note: `${fmt(n)} records` },
          { name: 'iterateRecords export (jsonl)', opsPerSec: exportRate, note: `${fmt(m)} records` },
          {
            name: 'pullContours (national → région 32)',
            medianMs: contoursMs,
            note: `${fmt(features)} features, gz ${fmt(gzBytes / MB, 1)} MB, national ≈ ${fmt(national / MB, 1)} MB, regional ${fmt(regional / MB, 1)} MB (${pulled.features} features); peak live heap+external Δ ${fmt(heapDelta / MB, 1)} MB (with garbage ${fmt(rawHeapDelta / MB, 1)} MB), RSS Δ ${fmt(rssDelta / MB, 1)} MB`,
          },
        ],
        ratios: [
          `client overhead over raw fetch, wall clock (median of blocks) = ${fmt(overhead, 1)} %`,
          `client overhead over raw fetch, process CPU time (median of blocks) = ${fmt(cpuOverhead, 1)} %`,
          `client's own cost per request (stub fetch) = ${fmt(clientCostUs, 1)} µs = ${fmt(isolatedOverhead, 1)} % of a raw loopback request (mean ${fmt(loopbackUs, 0)} µs)`,
        ],
        goals: [
          {
            goal: 'client overhead over raw fetch on loopback ≤ 10 %',
            measured: `wall clock ${fmt(overhead, 1)} % (median of ${rounds} interleaved blocks; CPU ${fmt(cpuOverhead, 1)} %); the client's own cost in isolation: ${fmt(isolatedOverhead, 1)} %`,
            met: overhead <= 10,
          },
          {
            goal: 'records iterated ≥ 50 k/s',
            measured: `${fmt(keysetRate)} /s keyset, ${fmt(exportRate)} /s export`,
            met: Math.max(keysetRate, exportRate) >= 50_000,
          },
          {
            goal: 'peak memory while filtering < 2 × regional output',
            measured: `live heap Δ ${fmt(heapDelta / MB, 1)} MB, RSS Δ ${fmt(rssDelta / MB, 1)} MB vs 2 × ${fmt(regional / MB, 1)} MB`,
            met: heapDelta < 2 * regional,
          },
        ],
        notes: [
          `Regional features expected: ${expectedRegionCount(features)}. Live memory is sampled after a forced full GC at each progress callback (every 256 KiB received); RSS is sampled every 5 ms and includes the allocator's retained pages.`,
          'Keyset paging pays one HTTP round trip per 100 records (the API maximum); the jsonl export streams without paging.',
          "The overhead goal is judged on the median wall-clock ratio of interleaved blocks of loopback requests (raw fetch vs the client). On a shared 2-core machine that ratio swings by ±20 % from block to block, more than the 10 % being measured; the client's own cost measured in isolation (the same calls against a stub fetch that answers without a socket, minus the raw stub path, divided by the mean raw loopback request) is shown as a noise-free diagnostic.",
        ],
      };
    } finally {
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};

/** Uncompressed size of the synthetic national file (recomputed, cheap). */
async function estimateNational(features: number, vertices: number): Promise<number> {
  const { communeFeature } = await import('../test/opendata/_fixtures.js');
  let bytes = 0;
  for (let i = 0; i < features; i++) bytes += JSON.stringify(communeFeature(i, vertices)).length + 2;
  return bytes;
}
