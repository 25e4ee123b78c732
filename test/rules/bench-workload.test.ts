/**
 * The 12-criteria grant workload of the rules-engine benchmark (bench/rules.bench.ts, issue 4):
 * the generator is deterministic and every engine agrees with the hand-written reference.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createJsonRulesEvaluator } from '../../bench/rules/json-rules-engine.js';
import { loadOurs, toResult } from '../../bench/rules/ours.js';
import { createPublicodesEvaluator, toPublicodesSituation } from '../../bench/rules/publicodes.js';
import {
  type Application,
  CRITERIA,
  evaluateReference,
  evaluateReferencePartial,
  FIELDS,
  generateApplications,
  generatePartialApplications,
} from '../../bench/rules/workload.js';

const apps = generateApplications();
const partial = generatePartialApplications();
/** Publicodes takes a few ms per application: subsets keep the test fast. */
const SUBSET = 200;
const PARTIAL_SUBSET = 100;

describe('grant workload generator', () => {
  it('is deterministic and seeded', () => {
    expect(apps).toHaveLength(1000);
    expect(generateApplications()).toEqual(apps);
    expect(generateApplications(10, 1)).not.toEqual(apps.slice(0, 10));
    expect(new Set(apps.map((a) => a.id)).size).toBe(1000);
  });

  it('mixes verdicts and fails every criterion on some applications', () => {
    const results = apps.map(evaluateReference);
    const eligible = results.filter((r) => r.eligible).length;
    expect(eligible).toBeGreaterThan(200);
    expect(eligible).toBeLessThan(800);
    for (const c of CRITERIA) expect(results.filter((r) => !r.criteria[c]).length).toBeGreaterThan(10);
  });

  it('never creates a company on 29 February (ambiguous anniversary)', () => {
    expect(apps.filter((a) => a.creationDate.endsWith('-02-29'))).toEqual([]);
  });

  it('leaves about 30 % of the fields absent in the partial set', () => {
    expect(partial).toHaveLength(1000);
    const absent = partial.reduce((n, a) => n + FIELDS.filter((f) => a[f] === undefined).length, 0);
    const rate = absent / (1000 * FIELDS.length);
    expect(rate).toBeGreaterThan(0.27);
    expect(rate).toBeLessThan(0.33);
    const verdicts = new Set(partial.map((a) => evaluateReferencePartial(a).eligible));
    expect(verdicts).toEqual(new Set([true, false, undefined]));
  });
});

describe('engines agree with the hand-written reference', () => {
  it(`Publicodes: verdict and every criterion on ${SUBSET} complete applications`, () => {
    const pc = createPublicodesEvaluator();
    const mismatches = apps.slice(0, SUBSET).filter((app) => {
      const { eligible, criteria } = pc.evaluate(toPublicodesSituation(app));
      return !isDeepStrictEqual({ eligible, criteria }, evaluateReference(app));
    });
    expect(mismatches).toEqual([]);
  });

  it(`Publicodes: partial evaluation (verdict, criteria, missing) on ${PARTIAL_SUBSET} partial applications`, () => {
    const pc = createPublicodesEvaluator();
    const mismatches = partial
      .slice(0, SUBSET)
      .filter(
        (app) => !isDeepStrictEqual(pc.evaluate(toPublicodesSituation(app)), evaluateReferencePartial(app)),
      );
    expect(mismatches).toEqual([]);
  });

  it('json-rules-engine: verdict and every criterion on all 1,000 complete applications', async () => {
    const jre = createJsonRulesEvaluator();
    const mismatches: Application[] = [];
    for (const app of apps) {
      if (!isDeepStrictEqual(await jre.evaluate(app), evaluateReference(app))) mismatches.push(app);
    }
    expect(mismatches).toEqual([]);
  });
});

// Our engine (src/rules) on the rule set bench/rules/grant-12.rules.json. It is exported now: an engine
// that no longer loads is a failure, not a skip.
const ours = await loadOurs();
const evaluator = 'evaluator' in ours ? ours.evaluator : undefined;

describe('cprdfop/rules agrees with the hand-written reference', () => {
  it('loads our engine and the grant-12 rule set', () => {
    expect('unavailable' in ours ? ours.unavailable : 'loaded').toBe('loaded');
  });
  it('full evaluation: verdict and every criterion on all 1,000 complete applications', () => {
    const mismatches = apps.filter((app) => {
      const r = toResult(evaluator!.evaluate(app));
      return (
        r.missing.length > 0 ||
        !isDeepStrictEqual({ eligible: r.eligible, criteria: r.criteria }, evaluateReference(app))
      );
    });
    expect(mismatches).toEqual([]);
  });

  it('partial evaluation: verdict, every criterion and `missing` on all 1,000 partial applications', () => {
    const mismatches = partial.filter(
      (app) => !isDeepStrictEqual(toResult(evaluator!.evaluate(app)), evaluateReferencePartial(app)),
    );
    expect(mismatches).toEqual([]);
  });

  it('explains every criterion, in the rule set order', () => {
    const e = evaluator!.evaluate(apps[0]);
    expect(e.criteria.map((c) => c.id)).toEqual([...CRITERIA]);
  });
});
