/**
 * The issue states the rules-engine goals (1 M apps/s, 250 k apps/s, a 5 ms cold start) "on this kind of
 * machine", a machine where Publicodes does about 1.3 k apps/s and json-rules-engine about 28 k apps/s
 * on the 12-criteria workload. Those two anchors, measured in the same run, tell how fast the machine
 * running the benchmark is compared with that reference: `speed` = geometric mean of measured /
 * reference over the two anchors (1 = the reference machine, 0.3 = three times slower).
 *
 * The goals are judged on that basis (the repository's rule: performance is measured against the
 * anchors named in the issues, side by side in one run, as ratios): a throughput goal G apps/s means
 * ≥ G / 28,000 × json-rules-engine and ≥ G / 1,300 × Publicodes; a time goal T ms means ≤ T / speed ms
 * here. The raw numbers are always reported next to them.
 */
import { createJsonRulesEvaluator } from './json-rules-engine.js';
import { createPublicodesEvaluator, toPublicodesSituation } from './publicodes.js';
import { generateApplications } from './workload.js';

/** Reference rates given by the issue, apps/s. */
export const REFERENCE = { publicodes: 1300, jre: 28_000 } as const;

/** The anchors' rates measured now and the machine speed they imply. */
export interface AnchorSpeed {
  publicodes: number;
  jre: number;
  /** Geometric mean of measured / reference over both anchors. */
  speed: number;
}

/** Speed of this machine relative to the reference machine, from the two measured anchor rates. */
export function speedOf(rates: { publicodes: number; jre: number }): AnchorSpeed {
  return {
    ...rates,
    speed: Math.sqrt((rates.publicodes / REFERENCE.publicodes) * (rates.jre / REFERENCE.jre)),
  };
}

/**
 * Measures both anchors on the workload for about `ms` milliseconds each (after a warm-up of a third of that), in
 * the current process: json-rules-engine runs awaited one after the other, Publicodes on prepared
 * situations, exactly as in rules.bench.ts.
 */
export async function measureAnchors(ms: number): Promise<AnchorSpeed> {
  const apps = generateApplications(1000);
  const situations = apps.map(toPublicodesSituation);
  const jre = createJsonRulesEvaluator();
  const publicodes = createPublicodesEvaluator();
  let sink = 0;
  const rate = async (each: (i: number) => unknown): Promise<number> => {
    // Warm-up (JIT) for a third of the measuring time, then measure.
    for (let i = 0, w = performance.now(); performance.now() - w < ms / 3; i++) await each(i % 1000);
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms) {
      if (await each(n % 1000)) sink++;
      n++;
    }
    return n / ((performance.now() - t0) / 1000);
  };
  const jreRate = await rate(async (i) => (await jre.evaluate(apps[i]!)).eligible);
  const publicodesRate = await rate((i) => publicodes.evaluate(situations[i]!).eligible);
  if (sink < 0) throw new Error('unreachable');
  return speedOf({ publicodes: publicodesRate, jre: jreRate });
}
