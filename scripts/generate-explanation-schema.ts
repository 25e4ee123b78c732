/**
 * Generates `data/rules/explanation.schema.json` (JSON Schema 2020-12 of a `cprdfop.explanation/1`
 * explanation, what `Evaluator.evaluate` returns and `serializeExplanation` writes) from the zod schema
 * below, which follows `src/rules/Explanation.ts`. Run with `npm run data:explanation-schema`; a test
 * checks that the file is up to date and that real explanations satisfy the schema.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ISO_DATE_REASON, isIsoDate } from '../src/_shared/isoDate.js';
import { EXPLANATION_FORMAT } from '../src/rules/Explanation.js';
import { ParameterValue, RuleSource } from '../src/rules/RuleSet.js';
import { RuleText } from '../src/rules/RuleText.js';

/** A calendar date: the one ISO-date definition (src/_shared/isoDate.ts), `format: date` in the schema. */
const isoDate = z.string().refine(isIsoDate, ISO_DATE_REASON.en).meta({ format: 'date' });
const Status = z.enum(['pass', 'fail', 'unknown']);
const fields = z.array(z.string());
const Assumption = z.strictObject({
  name: z.string(),
  value: ParameterValue,
  from: isoDate.optional().describe('For a dated parameter: the date from which the value used is in force.'),
  justification: z
    .string()
    .describe('Why the value was chosen, in English (a one-language justification as it is).'),
  justifications: RuleText.describe('The justification in French and in English.'),
});

/** The zod schema of an explanation (every key always present, in this order). */
export const ExplanationSchema = z.strictObject({
  format: z.literal(EXPLANATION_FORMAT),
  verdict: z.enum(['eligible', 'ineligible', 'undetermined']),
  ruleSet: z.strictObject({
    id: z.string(),
    version: z.string(),
    hash: z.string().regex(/^sha256-[0-9a-f]{64}$/),
  }),
  asOf: isoDate.nullable().describe('The evaluation date, or null when neither given nor found.'),
  criteria: z.array(
    z.strictObject({
      id: z.string(),
      status: Status,
      label: RuleText,
      message: RuleText,
      observed: z
        .record(z.string(), z.unknown())
        .describe('Every application field the criterion reads, with its value (null when absent).'),
      parameters: z.record(z.string(), ParameterValue),
      source: RuleSource.nullable(),
      missing: fields,
      assumptions: z
        .array(Assumption)
        .describe("The assumption-marked parameters this criterion's status depended on."),
    }),
  ),
  missing: fields.describe('The fields whose answer could still change the verdict.'),
  assumptions: z.array(Assumption),
  warnings: z.array(
    z.strictObject({
      code: z.string(),
      message: z.string().describe('The warning in English.'),
      messages: RuleText.optional().describe(
        'The same warning in French and in English (en is message), when the package made it.',
      ),
    }),
  ),
  funding: z.strictObject({ amount: z.number().nullable(), unit: z.string(), missing: fields }).nullable(),
});

/** The JSON Schema text, as written to the file. */
export function explanationJsonSchema(): string {
  const schema = z.toJSONSchema(ExplanationSchema, { io: 'output', target: 'draft-2020-12' });
  const out = {
    ...schema,
    $id: 'https://unpkg.com/cprdfop/data/rules/explanation.schema.json',
    title: `cprdfop explanation (${EXPLANATION_FORMAT})`,
    description:
      'A verdict with its explanation, as returned by Evaluator.evaluate of cprdfop/rules and written by JSON.stringify or serializeExplanation. See docs/rules.md.',
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../data/rules/explanation.schema.json', import.meta.url));
  writeFileSync(target, explanationJsonSchema());
  execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
  console.log(`wrote ${target}`);
}
