/**
 * The benchmark harness: every `bench/*.bench.ts` file exports `scenario: Scenario`.
 * `npm run bench` runs them all and writes `bench/RESULTS.md`; `--smoke` runs each briefly (CI).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Bench } from 'tinybench';

export interface RunOptions {
  /** A short pass that only proves the scenario still runs (CI). */
  smoke: boolean;
}

/** One measured task (ours or an alternative). */
export interface TaskResult {
  name: string;
  /** Operations per second (for throughput tasks). */
  opsPerSec?: number;
  /** Median duration of one operation, in milliseconds. */
  medianMs?: number;
  /** Free-form measure (e.g. "heap 12.3 MB"). */
  note?: string;
}

/** A goal checked against a measured value. */
export interface GoalResult {
  goal: string;
  measured: string;
  met: boolean;
}

export interface ScenarioResult {
  tasks: TaskResult[];
  /** Ratios between our task and the alternatives, e.g. "cprdfop / json-rules-engine = 40×". */
  ratios: string[];
  goals: GoalResult[];
  notes?: string[];
}

export interface Scenario {
  /** Title, e.g. "Territory graph: load and lookups". */
  name: string;
  /** Issue number whose goals this scenario checks. */
  issue: number;
  run(options: RunOptions): Promise<ScenarioResult | { skipped: string }>;
}

/**
 * Runs functions side by side in one tinybench run and returns ops/s and median per task.
 * @param tasks - name → function (sync or async) running ONE operation.
 */
export async function compare(
  tasks: Record<string, () => unknown>,
  options: RunOptions & { time?: number },
): Promise<TaskResult[]> {
  const bench = new Bench({
    time: options.smoke ? 50 : (options.time ?? 1000),
    warmupTime: options.smoke ? 10 : 200,
    iterations: options.smoke ? 5 : 50,
  });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  return bench.tasks.map((t) => {
    const r = t.result as unknown as {
      throughput?: { mean?: number };
      latency?: { p50?: number };
      hz?: number;
      p50?: number;
    };
    const opsPerSec = r?.throughput?.mean ?? r?.hz ?? 0;
    const medianMs = r?.latency?.p50 ?? r?.p50 ?? 0;
    return { name: t.name, opsPerSec, medianMs };
  });
}

/** Formats a number with thin grouping, e.g. 1234567 → "1,234,567". */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

let fullGc: (() => void) | undefined;

/**
 * Forces a full GC: `globalThis.gc` under `--expose-gc`, otherwise V8's own, exposed once by setting
 * `--expose-gc` at run time and reading it from a fresh context (`npm run bench` runs tsx without the
 * flag; without a forced GC, a heap difference counted the previous scenario's garbage, and the geo
 * bench printed a negative heap).
 */
export function forceGc(): void {
  if (!fullGc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) fullGc = exposed;
    else {
      setFlagsFromString('--expose-gc');
      fullGc = runInNewContext('gc') as () => void;
    }
  }
  fullGc();
}

/** Heap used after a forced full GC, in MB. */
export function heapMB(): number {
  forceGc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
