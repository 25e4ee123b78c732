/**
 * Issues #3 and #14 — territory graph, all in one run:
 *
 * - Hauts-de-France: load time and heap of the first lookup (fresh `node --expose-gc` processes), today's
 *   build (the baseline: `src/` at BASELINE_COMMIT, extracted with `git archive` and bundled the same
 *   way) against this build; commune() lookups/s and searchCommunes() queries/s;
 * - France-wide: first lookup of a commune in a not-yet-loaded region (synchronous Node path, fresh
 *   process), `await loadRegion()` (dynamic import), heap with every region and the France-wide search
 *   index loaded, commune() on a mix of all regions, searchCommunes({ region: 'all' }).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { commune, communes, ready, regions, searchCommunes } from '../src/territory/index.js';
import { compare, fmt, type RunOptions, type Scenario, type ScenarioResult } from './_harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The last commit with the Hauts-de-France-only graph (the "today" of issue #14). */
const BASELINE_COMMIT = 'dec377c';

interface Load {
  importMs: number;
  loadMs: number;
  searchIndexMs: number;
  /** CPU time (user + system, all threads) of the first lookup and of the first search. */
  loadCpuMs: number;
  searchCpuMs: number;
  heapMB: number;
  processHeapMB: number;
}

/** Bundles `entry` (ESM, split chunks) into `outdir`, with `data/territory` reachable from it. */
async function bundle(entry: string, outdir: string): Promise<string> {
  await build({
    entryPoints: { territory: entry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    outdir,
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'warning',
  });
  return join(outdir, 'territory.js');
}

function probe(dir: string, name: string, lines: string[]): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

function runProbe<T>(file: string, runs: number): T[] {
  const samples: T[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--expose-gc', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`probe ${file} failed: ${r.stderr}`);
    samples.push(JSON.parse(r.stdout) as T);
  }
  return samples;
}

const median = (values: number[]): number => {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)] as number;
};

/** The Hauts-de-France probe, identical for the baseline and this build. */
const HDF_PROBE = (bundlePath: string): string[] => [
  'const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };',
  `const i0 = performance.now(); const t = await import(${JSON.stringify(bundlePath)}); const importMs = performance.now() - i0;`,
  'globalThis.gc(); const h0 = process.memoryUsage().heapUsed;',
  "const c0 = cpu(); const t0 = performance.now(); t.commune('59350'); const t1 = performance.now(); const c1 = cpu();",
  "t.searchCommunes('lille'); const t2 = performance.now(); const c2 = cpu();",
  'globalThis.gc(); const h1 = process.memoryUsage().heapUsed;',
  'process.stdout.write(JSON.stringify({ importMs, loadMs: t1 - t0, searchIndexMs: t2 - t1, loadCpuMs: c1 - c0, searchCpuMs: c2 - c1, heapMB: (h1 - h0) / 1048576, processHeapMB: h1 / 1048576 }));',
];

function medianLoad(samples: Load[]): Load {
  return {
    importMs: median(samples.map((s) => s.importMs)),
    loadCpuMs: median(samples.map((s) => s.loadCpuMs)),
    searchCpuMs: median(samples.map((s) => s.searchCpuMs)),
    loadMs: median(samples.map((s) => s.loadMs)),
    searchIndexMs: median(samples.map((s) => s.searchIndexMs)),
    heapMB: median(samples.map((s) => s.heapMB)),
    processHeapMB: median(samples.map((s) => s.processHeapMB)),
  };
}

interface FranceProbe {
  firstLookupMs: Record<string, number>;
  allHeapMB: number;
  asyncLoadMs: number;
}

async function measure(runs: number): Promise<{ baseline: Load; current: Load; france: FranceProbe[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'cprdfop-bench-territory-'));
  try {
    // Baseline: today's committed sources.
    const baseSrc = join(dir, 'baseline');
    mkdirSync(baseSrc);
    const tar = execFileSync('git', ['-C', root, 'archive', BASELINE_COMMIT, 'src'], { maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', baseSrc], { input: tar });
    const baseBundle = await bundle(join(baseSrc, 'src/territory/index.ts'), join(baseSrc, 'out'));
    // This build, with data/territory next to it (the layout of the published package).
    const cur = join(dir, 'current');
    mkdirSync(join(cur, 'data'), { recursive: true });
    symlinkSync(join(root, 'data/territory'), join(cur, 'data/territory'));
    const curBundle = await bundle(join(root, 'src/territory/index.ts'), join(cur, 'dist'));

    const baseProbe = probe(dir, 'hdf-baseline', HDF_PROBE(baseBundle));
    const curProbe = probe(dir, 'hdf-current', HDF_PROBE(curBundle));
    // Warm the file system cache for both bundles before measuring.
    runProbe<Load>(baseProbe, 1);
    runProbe<Load>(curProbe, 1);
    const baseSamples: Load[] = [];
    const curSamples: Load[] = [];
    // Interleaved, so both see the same machine load.
    for (let i = 0; i < runs; i++) {
      baseSamples.push(...runProbe<Load>(baseProbe, 1));
      curSamples.push(...runProbe<Load>(curProbe, 1));
    }

    const firstCodes = Object.fromEntries(
      regions()
        .filter((r) => r.code !== '32')
        .map((r) => [r.code, communes(r.code)[Math.floor(communes(r.code).length / 2)]?.code]),
    );
    firstCodes.COM = '98735';
    // One fresh process per region: Hauts-de-France loaded, then the first lookup in that region.
    const firstProbe = probe(dir, 'first', [
      `const t = await import(${JSON.stringify(curBundle)});`,
      "const code = process.argv[2]; t.commune('59350');",
      'const t0 = performance.now(); if (!t.commune(code)) throw new Error(code); const ms = performance.now() - t0;',
      'process.stdout.write(JSON.stringify({ ms }));',
    ]);
    const allProbe = probe(dir, 'all', [
      `const t = await import(${JSON.stringify(curBundle)});`,
      `for (const code of ${JSON.stringify(Object.values(firstCodes))}) t.commune(code);`,
      "t.commune('59350'); t.searchCommunes('lille', { region: 'all' });",
      'globalThis.gc(); process.stdout.write(JSON.stringify({ allHeapMB: process.memoryUsage().heapUsed / 1048576 }));',
    ]);
    const emptyProbe = probe(dir, 'empty', [
      `const t = await import(${JSON.stringify(curBundle)});`,
      'globalThis.gc(); process.stdout.write(JSON.stringify({ heapMB: process.memoryUsage().heapUsed / 1048576 }));',
    ]);
    const asyncProbe = probe(dir, 'async', [
      `const t = await import(${JSON.stringify(curBundle)});`,
      "t.commune('59350');",
      "const t0 = performance.now(); await t.loadRegion('28'); t.commune('14118'); const t1 = performance.now();",
      'process.stdout.write(JSON.stringify({ asyncLoadMs: t1 - t0 }));',
    ]);
    const france: FranceProbe[] = [];
    for (let i = 0; i < Math.max(1, Math.ceil(runs / 3)); i++) {
      const firstLookupMs: Record<string, number> = {};
      for (const [key, code] of Object.entries(firstCodes)) {
        const r = spawnSync(process.execPath, ['--expose-gc', firstProbe, code as string], {
          encoding: 'utf8',
        });
        if (r.status !== 0) throw new Error(`probe ${firstProbe} failed: ${r.stderr}`);
        firstLookupMs[key] = (JSON.parse(r.stdout) as { ms: number }).ms;
      }
      const f = runProbe<{ allHeapMB: number }>(allProbe, 1)[0];
      const e = runProbe<{ heapMB: number }>(emptyProbe, 1)[0];
      const a = runProbe<{ asyncLoadMs: number }>(asyncProbe, 1)[0];
      if (!f || !e || !a) throw new Error('probe gave no sample');
      france.push({ firstLookupMs, allHeapMB: f.allHeapMB - e.heapMB, asyncLoadMs: a.asyncLoadMs });
    }
    return { baseline: medianLoad(baseSamples), current: medianLoad(curSamples), france };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Realistic queries: the first word(s) of commune names, lower-cased and without accents, some typed whole. */
function queries(names: readonly { name: string }[], step: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i += step) {
    const name = (names[i] as { name: string }).name;
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
  const { baseline, current, france } = await measure(options.smoke ? 1 : 11);

  // In-process throughput.
  const hdfCodes = communes().map((c) => c.code);
  for (const old of ['02394', '02301', '02026', '02285']) hdfCodes.push(old);
  const hdfQueries = queries(communes(), 37);
  await ready();
  const allCommunes = regions().flatMap((r) => communes(r.code));
  const franceCodes: string[] = [];
  // A mix of all regions: every 4th commune of France, shuffled deterministically.
  for (let i = 0; i < allCommunes.length; i += 4) franceCodes.push((allCommunes[i] as { code: string }).code);
  for (let i = franceCodes.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [franceCodes[i], franceCodes[j]] = [franceCodes[j] as string, franceCodes[i] as string];
  }
  const franceQueries = queries(allCommunes, 331);
  searchCommunes('x', { region: 'all' });
  let sink = 0;
  const tasks = await compare(
    {
      [`HdF commune(code) × ${hdfCodes.length}`]: () => {
        for (let i = 0; i < hdfCodes.length; i++) if (commune(hdfCodes[i] as string) !== undefined) sink++;
      },
      [`HdF searchCommunes(query, { limit: 10 }) × ${hdfQueries.length}`]: () => {
        for (let i = 0; i < hdfQueries.length; i++)
          sink += searchCommunes(hdfQueries[i] as string, { limit: 10 }).length;
      },
      [`France commune(code) × ${franceCodes.length} (all regions mixed)`]: () => {
        for (let i = 0; i < franceCodes.length; i++)
          if (commune(franceCodes[i] as string) !== undefined) sink++;
      },
      [`France searchCommunes(query, { region: 'all', limit: 10 }) × ${franceQueries.length}`]: () => {
        for (let i = 0; i < franceQueries.length; i++)
          sink += searchCommunes(franceQueries[i] as string, { region: 'all', limit: 10 }).length;
      },
    },
    options,
  );
  if (sink < 0) throw new Error('unreachable');
  const [hdfLookups, hdfSearch, frLookups, frSearch] = tasks as [
    (typeof tasks)[number],
    (typeof tasks)[number],
    (typeof tasks)[number],
    (typeof tasks)[number],
  ];
  const perSec = (t: (typeof tasks)[number], n: number): number => (t.opsPerSec ?? 0) * n;
  const hdfLookupsPerSec = perSec(hdfLookups, hdfCodes.length);
  const hdfQueriesPerSec = perSec(hdfSearch, hdfQueries.length);
  const frLookupsPerSec = perSec(frLookups, franceCodes.length);
  const frQueriesPerSec = perSec(frSearch, franceQueries.length);
  hdfLookups.note = `${fmt(hdfLookupsPerSec)} lookups/s`;
  hdfSearch.note = `${fmt(hdfQueriesPerSec)} queries/s`;
  frLookups.note = `${fmt(frLookupsPerSec)} lookups/s`;
  frSearch.note = `${fmt(frQueriesPerSec)} queries/s`;

  const firsts = france.flatMap((f) => Object.values(f.firstLookupMs));
  const worstByRegion = Object.keys(france[0]?.firstLookupMs ?? {}).map((key) => ({
    key,
    ms: median(france.map((f) => f.firstLookupMs[key] as number)),
  }));
  const worst = worstByRegion.reduce((a, b) => (b.ms > a.ms ? b : a), { key: '', ms: 0 });
  const allHeap = median(france.map((f) => f.allHeapMB));
  const asyncLoad = median(france.map((f) => f.asyncLoadMs));
  const ratio = (a: number, b: number): string => `${fmt((a / b) * 100, 0)} %`;
  const within = (a: number, b: number): boolean => a <= b * 1.2;

  return {
    tasks: [
      {
        name: 'HdF first lookup, baseline build (fresh process, median)',
        note: `${fmt(baseline.loadMs, 1)} ms`,
      },
      { name: 'HdF first lookup, this build', note: `${fmt(current.loadMs, 1)} ms` },
      { name: 'HdF search index build, baseline', note: `${fmt(baseline.searchIndexMs, 1)} ms` },
      { name: 'HdF search index build, this build', note: `${fmt(current.searchIndexMs, 1)} ms` },
      { name: 'HdF heap of graph + search index, baseline', note: `${fmt(baseline.heapMB, 2)} MB` },
      { name: 'HdF heap of graph + search index, this build', note: `${fmt(current.heapMB, 2)} MB` },
      { name: 'HdF whole process heap, baseline', note: `${fmt(baseline.processHeapMB, 1)} MB` },
      { name: 'HdF whole process heap, this build', note: `${fmt(current.processHeapMB, 1)} MB` },
      {
        name: 'first commune() in a not-yet-loaded region (sync Node path), median over regions',
        note: `${fmt(median(firsts), 1)} ms (slowest region ${worst.key}: ${fmt(worst.ms, 1)} ms)`,
      },
      { name: "await loadRegion('28') + commune() (dynamic import)", note: `${fmt(asyncLoad, 1)} ms` },
      {
        name: 'heap of all regions + France-wide search index (over an empty process)',
        note: `${fmt(allHeap, 1)} MB`,
      },
      hdfLookups,
      hdfSearch,
      frLookups,
      frSearch,
    ],
    ratios: [
      `HdF import: this build / baseline = ${ratio(current.importMs, baseline.importMs)}`,
      `HdF first lookup: this build / baseline = ${ratio(current.loadMs, baseline.loadMs)} (CPU ${ratio(current.loadCpuMs, baseline.loadCpuMs)})`,
      `HdF search index build: this build / baseline = ${ratio(current.searchIndexMs, baseline.searchIndexMs)} (CPU ${ratio(current.searchCpuMs, baseline.searchCpuMs)})`,
      `HdF heap (graph + index): this build / baseline = ${ratio(current.heapMB, baseline.heapMB)}`,
      `HdF whole process heap: this build / baseline = ${ratio(current.processHeapMB, baseline.processHeapMB)}`,
    ],
    goals: [
      {
        goal: 'first lookup in a not-yet-loaded region < 30 ms (slowest region)',
        measured: `${fmt(worst.ms, 1)} ms (${worst.key})`,
        met: worst.ms < 30,
      },
      {
        goal: 'commune() ≥ 5 M lookups/s on a mix of all regions',
        measured: `${fmt(frLookupsPerSec)} /s`,
        met: frLookupsPerSec >= 5e6,
      },
      {
        goal: 'searchCommunes on all of France ≥ 50 k queries/s',
        measured: `${fmt(frQueriesPerSec)} /s`,
        met: frQueriesPerSec >= 5e4,
      },
      { goal: 'memory of all regions loaded < 60 MB', measured: `${fmt(allHeap, 1)} MB`, met: allHeap < 60 },
      {
        goal: 'HdF first lookup within 20 % of the baseline (wall)',
        measured: `${fmt(current.loadMs, 1)} ms vs ${fmt(baseline.loadMs, 1)} ms (CPU ${fmt(current.loadCpuMs, 1)} vs ${fmt(baseline.loadCpuMs, 1)} ms)`,
        met: within(current.loadMs, baseline.loadMs),
      },
      {
        goal: 'HdF first search (index build) within 20 % of the baseline (wall)',
        measured: `${fmt(current.searchIndexMs, 1)} ms vs ${fmt(baseline.searchIndexMs, 1)} ms (CPU ${fmt(current.searchCpuMs, 1)} vs ${fmt(baseline.searchCpuMs, 1)} ms)`,
        met: within(current.searchIndexMs, baseline.searchIndexMs),
      },
      {
        goal: 'HdF first lookup + first search within 20 % of the baseline (CPU of all threads)',
        measured: `${fmt(current.loadCpuMs + current.searchCpuMs, 1)} ms vs ${fmt(baseline.loadCpuMs + baseline.searchCpuMs, 1)} ms`,
        met: within(current.loadCpuMs + current.searchCpuMs, baseline.loadCpuMs + baseline.searchCpuMs),
      },
      {
        goal: 'HdF import within 20 % of the baseline (wall)',
        measured: `${fmt(current.importMs, 1)} ms vs ${fmt(baseline.importMs, 1)} ms`,
        met: within(current.importMs, baseline.importMs),
      },
      {
        goal: 'HdF heap within 20 % of the baseline',
        measured: `${fmt(current.heapMB, 2)} MB vs ${fmt(baseline.heapMB, 2)} MB (process ${fmt(current.processHeapMB, 1)} vs ${fmt(baseline.processHeapMB, 1)} MB)`,
        met: within(current.heapMB, baseline.heapMB) && within(current.processHeapMB, baseline.processHeapMB),
      },
      {
        goal: 'HdF commune(code) > 5 M lookups/s',
        measured: `${fmt(hdfLookupsPerSec)} /s`,
        met: hdfLookupsPerSec > 5e6,
      },
      {
        goal: 'HdF searchCommunes > 50 k queries/s',
        measured: `${fmt(hdfQueriesPerSec)} /s`,
        met: hdfQueriesPerSec > 5e4,
      },
    ],
    notes: [
      `Baseline: \`src/\` at ${BASELINE_COMMIT} (Hauts-de-France only), bundled with esbuild exactly like this build; both measured in fresh \`node --expose-gc\` processes, interleaved, medians. First lookup = \`commune('59350')\` (parses the Hauts-de-France chunk and builds its indexes); then the first search builds the name index; heap = difference after GC.`,
      'France-wide first lookups: for each other region, a fresh process that has loaded Hauts-de-France, then one `commune()` in that region (the sync Node path reads `data/territory/cog2026-<region>.json`, parses it and indexes its codes); median per region over runs, the slowest region reported.',
      `Queries: ${hdfQueries.length} (HdF) and ${franceQueries.length} (France) real commune names, whole or half-typed, lower-case without accents.`,
    ],
  };
}

/** @see {@link run} */
export const scenario: Scenario = {
  name: 'Territory graph, France-wide by region: load, heap, commune() lookups, searchCommunes()',
  issue: 14,
  run,
};
