/**
 * Issue #3 — territory graph: load time and heap (fresh child process), commune() lookups/s and
 * searchCommunes() queries/s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { commune, communes, searchCommunes } from '../src/territory/index.js';
import { compare, fmt, type RunOptions, type Scenario, type ScenarioResult } from './_harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Load {
  loadMs: number;
  searchIndexMs: number;
  heapMB: number;
  processHeapMB: number;
}

/** Bundles `cprdfop/territory` and measures its first load in fresh `node --expose-gc` processes. */
async function measureLoad(runs: number): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'cprdfop-bench-territory-'));
  try {
    const bundle = join(dir, 'territory.mjs');
    await build({
      entryPoints: [join(root, 'src/territory/index.ts')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      outfile: bundle,
      logLevel: 'warning',
    });
    const probe = join(dir, 'probe.mjs');
    writeFileSync(
      probe,
      [
        `const t = await import(${JSON.stringify(bundle)});`,
        'globalThis.gc(); const h0 = process.memoryUsage().heapUsed;',
        'const t0 = performance.now(); t.region(); const t1 = performance.now();',
        "t.searchCommunes('lille'); const t2 = performance.now();",
        'globalThis.gc(); const h1 = process.memoryUsage().heapUsed;',
        'process.stdout.write(JSON.stringify({ loadMs: t1 - t0, searchIndexMs: t2 - t1, heapMB: (h1 - h0) / 1048576, processHeapMB: h1 / 1048576 }));',
      ].join('\n'),
    );
    const samples: Load[] = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['--expose-gc', probe], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`load probe failed: ${r.stderr}`);
      samples.push(JSON.parse(r.stdout));
    }
    const median = (k: keyof Load): number => {
      const v = samples.map((s) => s[k]).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)] as number;
    };
    return {
      loadMs: median('loadMs'),
      searchIndexMs: median('searchIndexMs'),
      heapMB: median('heapMB'),
      processHeapMB: median('processHeapMB'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Realistic queries: the first word(s) of commune names, lower-cased and without accents, some typed whole. */
function queries(): string[] {
  const all = communes();
  const out: string[] = [];
  for (let i = 0; i < all.length; i += 37) {
    const name = (all[i] as { name: string }).name;
    const plain = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    out.push(
      i % 2 === 0 ? plain.replace(/-/g, ' ') : plain.slice(0, Math.max(4, Math.ceil(plain.length / 2))),
    );
  }
  return out;
}

async function run(options: RunOptions): Promise<ScenarioResult> {
  const load = await measureLoad(options.smoke ? 1 : 7);
  const codes = communes().map((c) => c.code);
  for (const old of ['02394', '02301', '02026', '02285']) codes.push(old);
  const qs = queries();
  let sink = 0;
  const tasks = await compare(
    {
      [`commune(code) × ${codes.length}`]: () => {
        for (let i = 0; i < codes.length; i++) if (commune(codes[i] as string) !== undefined) sink++;
      },
      [`searchCommunes(query, { limit: 10 }) × ${qs.length}`]: () => {
        for (let i = 0; i < qs.length; i++) sink += searchCommunes(qs[i] as string, { limit: 10 }).length;
      },
    },
    options,
  );
  if (sink < 0) throw new Error('unreachable');
  const [lookups, search] = tasks as [(typeof tasks)[number], (typeof tasks)[number]];
  const lookupsPerSec = (lookups.opsPerSec ?? 0) * codes.length;
  const queriesPerSec = (search.opsPerSec ?? 0) * qs.length;
  lookups.note = `${fmt(lookupsPerSec)} lookups/s`;
  search.note = `${fmt(queriesPerSec)} queries/s`;
  return {
    tasks: [
      {
        name: 'graph first load (fresh process, median)',
        medianMs: load.loadMs / 1000,
        note: `${fmt(load.loadMs, 1)} ms`,
      },
      {
        name: 'search index build (first searchCommunes)',
        medianMs: load.searchIndexMs / 1000,
        note: `${fmt(load.searchIndexMs, 1)} ms`,
      },
      { name: 'heap used by the loaded graph + search index', note: `${fmt(load.heapMB, 1)} MB` },
      {
        name: 'whole process heap after load (incl. module code and data string)',
        note: `${fmt(load.processHeapMB, 1)} MB`,
      },
      lookups,
      search,
    ],
    ratios: [],
    goals: [
      { goal: 'graph load < 50 ms', measured: `${fmt(load.loadMs, 1)} ms`, met: load.loadMs < 50 },
      {
        goal: 'heap < 20 MB',
        measured: `${fmt(load.heapMB, 1)} MB for the graph (${fmt(load.processHeapMB, 1)} MB whole process)`,
        met: load.processHeapMB < 20,
      },
      {
        goal: 'commune(code) > 5 M lookups/s',
        measured: `${fmt(lookupsPerSec)} /s`,
        met: lookupsPerSec > 5e6,
      },
      {
        goal: 'searchCommunes > 50 k queries/s',
        measured: `${fmt(queriesPerSec)} /s`,
        met: queriesPerSec > 5e4,
      },
    ],
    notes: [
      'Load is measured in a fresh `node --expose-gc` process on an esbuild bundle of `cprdfop/territory`: the time of the first resolver call (JSON.parse of the embedded string + indexes), then the first search (builds the name index). Heap is the difference after GC, before the first call and after the first search.',
      `Queries: ${qs.length} real commune names, whole or half-typed, lower-case without accents.`,
    ],
  };
}

/** @see {@link run} */
export const scenario: Scenario = {
  name: 'Territory graph: load, heap, commune() lookups, searchCommunes()',
  issue: 3,
  run,
};
