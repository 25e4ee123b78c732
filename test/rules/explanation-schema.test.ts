/** data/rules/explanation.schema.json: up to date, and every explanation the engine writes satisfies it. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExplanationSchema, explanationJsonSchema } from '../../scripts/generate-explanation-schema.js';
import { itieEvaluator } from '../../src/itie/index.js';
import { serializeExplanation } from '../../src/rules/index.js';
import { appArb } from './_itie.js';

describe('data/rules/explanation.schema.json', () => {
  it('is up to date with its zod schema (npm run data:explanation-schema)', () => {
    expect(JSON.parse(readFileSync('data/rules/explanation.schema.json', 'utf8'))).toEqual(
      JSON.parse(explanationJsonSchema()),
    );
  });
  it('describes every ITIE explanation (random applications, with and without a date)', () => {
    fc.assert(
      fc.property(appArb, fc.constantFrom(undefined, '2023-04-03'), (app, asOf) => {
        const json = JSON.parse(serializeExplanation(itieEvaluator().evaluate(app, asOf ? { asOf } : {})));
        const result = ExplanationSchema.safeParse(json);
        expect(result.error?.issues ?? []).toEqual([]);
        // Every key in the format's order.
        expect(Object.keys(json)).toEqual(Object.keys(ExplanationSchema.shape));
      }),
      { numRuns: 100 },
    );
  });
  it('rejects what is not an explanation', () => {
    const json = JSON.parse(JSON.stringify(itieEvaluator().evaluate({}, { asOf: '2023-04-03' })));
    expect(ExplanationSchema.safeParse({ ...json, verdict: 'maybe' }).success).toBe(false);
    expect(ExplanationSchema.safeParse({ ...json, asOf: '2023-02-30' }).success).toBe(false);
    expect(ExplanationSchema.safeParse({ ...json, extra: 1 }).success).toBe(false);
  });
});
