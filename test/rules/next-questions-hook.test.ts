/**
 * `nextQuestions`' fast path (issue #15): it judges criteria one by one on slot values through the
 * evaluator's internal hook (`src/rules/_criterionAccess.ts`) and caches analyses across applications
 * by the values they depend on. Checked against what it replaces:
 * - the hook agrees with `evaluate`, criterion by criterion (status and `missing`, evaluation date);
 * - an evaluator without the hook (a plain object around `evaluate`: whole evaluations, no shared
 *   cache key) gives exactly the same questions, on the issue #4 workload (numbers compared with other
 *   fields, dates, the evaluation date field absent in a third of the applications) and on ITIE.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULESET_PATH } from '../../bench/rules/ours.js';
import { generatePartialApplications } from '../../bench/rules/workload.js';
import { itieEvaluator } from '../../src/itie/index.js';
import { criterionAccess } from '../../src/rules/_criterionAccess.js';
import { compile, type Evaluator, nextQuestions, parseRuleSet } from '../../src/rules/index.js';

const grant = () => compile(parseRuleSet(JSON.parse(readFileSync(RULESET_PATH, 'utf8'))));
/** The same evaluator without the hook: `nextQuestions` then evaluates whole applications. */
const withoutHook = (evaluator: Evaluator): Evaluator => ({
  id: evaluator.id,
  version: evaluator.version,
  hash: evaluator.hash,
  ruleSet: evaluator.ruleSet,
  evaluate: (application, options) => evaluator.evaluate(application, options),
});

/** Partial applications of the workload, with hostile values now and then. */
const partialArb = fc
  .tuple(
    fc.integer({ min: 0, max: 999 }),
    fc.subarray(['budget', 'requested', 'filingDate', 'creationDate', 'headcount'] as const),
    fc.constantFrom<unknown>(null, 'x', -1, 0, 1e12, '2025-13-40', [], {}),
  )
  .map(([index, spoiled, bad]) => {
    const application: Record<string, unknown> = { ...PARTIALS[index]! };
    for (const field of spoiled.slice(0, 1)) application[field] = bad;
    return application;
  });
const PARTIALS = generatePartialApplications(1000, 0x15_2029, 0.4);

describe('the evaluator hook agrees with evaluate', () => {
  it('criterion by criterion: status, missing and evaluation date', () => {
    const evaluator = grant();
    const access = criterionAccess(evaluator)!;
    expect(access).toBeDefined();
    fc.assert(
      fc.property(partialArb, (application) => {
        let explanation: ReturnType<Evaluator['evaluate']>;
        try {
          explanation = evaluator.evaluate(application);
        } catch {
          return; // not in force: the hook is not used then
        }
        const date = access.dateOf(application, undefined);
        expect(date).toBe(explanation.asOf);
        const values = access.read(application);
        explanation.criteria.forEach((criterion, position) => {
          const result = access.result(position, values, date);
          const expected =
            criterion.status === 'pass' ? true : criterion.status === 'fail' ? false : criterion.missing;
          expect(result).toEqual(expected);
          expect(access.status(position, values, date)).toBe(
            criterion.status === 'unknown' ? undefined : criterion.status === 'pass',
          );
        });
      }),
      { numRuns: 400 },
    );
  });
  it('is absent for an evaluator not built by compile', () => {
    expect(criterionAccess(withoutHook(grant()))).toBeUndefined();
  });
});

describe('nextQuestions: the hook and the shared cache change nothing', () => {
  it('on the issue #4 workload, against whole evaluations (fresh evaluators, 1,000 applications in turn)', () => {
    const fast = grant();
    const slow = withoutHook(grant());
    let asked = 0;
    for (const application of PARTIALS) {
      const expected = nextQuestions(slow, application);
      expect(nextQuestions(fast, application)).toEqual(expected);
      asked += expected.length;
    }
    expect(asked).toBeGreaterThan(500);
  });
  it('on hostile partial applications of the workload', () => {
    const fast = grant();
    const slow = withoutHook(grant());
    fc.assert(
      fc.property(partialArb, (application) => {
        let expected: unknown;
        try {
          expected = nextQuestions(slow, application);
        } catch (error) {
          expect(() => nextQuestions(fast, application)).toThrow((error as Error).message);
          return;
        }
        expect(nextQuestions(fast, application)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
  it('on ITIE, with and without territory samples, and with an explicit evaluation date', () => {
    const fast = itieEvaluator();
    const slow = withoutHook(itieEvaluator());
    const samples = { territory: [{ communes: ['02408'] }, { communes: ['75056'] }] };
    const applications: Record<string, unknown>[] = [
      { submittedOn: '2023-05-01' },
      { submittedOn: '2023-05-01', budget: { total: 100_000 } },
      { submittedOn: '2023-05-01', themes: ['mobilite'], territory: { communes: ['02408'] } },
      {},
    ];
    for (const application of applications)
      for (const options of [{}, { samples }, { asOf: '2023-06-01' }, { samples, lang: 'en' as const }])
        expect(nextQuestions(fast, application, options)).toEqual(nextQuestions(slow, application, options));
  });
});
