/**
 * The ITIE rule set (`cprdfop/itie`) on seeded applications, for the explanation-serialising benchmark
 * of issue #12. Loaded dynamically from the sources and typed structurally, like ours.ts.
 */
import { join } from 'node:path';
import { generateItieApplications } from './itie-workload.js';
import { ENGINE_SOURCE, type OurExplanation } from './ours.js';

/** The ITIE evaluator, `serializeExplanation` and the applications. */
export interface ItieBench {
  evaluator: { evaluate(application: unknown): OurExplanation };
  serialize: (explanation: OurExplanation) => string;
  applications: Record<string, unknown>[];
  /** "eligible n, ineligible n, undetermined n". */
  verdicts: string;
  meanJsonBytes: number;
}

/** Loads `itieEvaluator()` and `serializeExplanation`; `{ unavailable }` saying why when it cannot. */
export async function loadItie(n: number): Promise<ItieBench | { unavailable: string }> {
  try {
    const itie = (await import(join(ENGINE_SOURCE, '..', '..', 'itie', 'index.ts'))) as {
      itieEvaluator?: () => ItieBench['evaluator'];
    };
    const rules = (await import(ENGINE_SOURCE)) as { serializeExplanation?: ItieBench['serialize'] };
    if (typeof itie.itieEvaluator !== 'function' || typeof rules.serializeExplanation !== 'function')
      return { unavailable: 'itieEvaluator or serializeExplanation is not exported' };
    const evaluator = itie.itieEvaluator();
    const applications = generateItieApplications(n);
    const counts: Record<string, number> = { eligible: 0, ineligible: 0, undetermined: 0 };
    let bytes = 0;
    for (const a of applications) {
      const e = evaluator.evaluate(a);
      counts[e.verdict]!++;
      bytes += JSON.stringify(e).length;
    }
    return {
      evaluator,
      serialize: rules.serializeExplanation,
      applications,
      verdicts: Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      meanJsonBytes: bytes / n,
    };
  } catch (error) {
    return { unavailable: String(error) };
  }
}
