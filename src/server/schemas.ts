/**
 * The zod schemas of the server's requests and answers: the OpenAPI document is generated from them
 * (`z.toJSONSchema`), and the tests check real answers against them.
 */
import { z } from 'zod';
import { Plan } from '../index.js';
import { FieldType } from '../rules/index.js';
import { Commune, CommuneMatch, Epci } from '../territory/index.js';
import { applicationZodSchema } from './adapters.js';

const Text = z.object({ fr: z.string(), en: z.string() }).meta({ id: 'Text' });

/** One bad field of a request. */
export const FieldErrorSchema = z
  .object({
    field: z.string().meta({ description: 'query parameter, path in the body (`budget.total`) or `body`' }),
    message: z.string(),
    code: z.string().optional(),
  })
  .meta({ id: 'FieldError' });

/** RFC 9457 problem details. */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'urn:cprdfop:problem:<kind>' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

/** `GET /healthz`. */
export const HealthSchema = z
  .object({ status: z.literal('ok'), version: z.string(), ruleSets: z.number().int() })
  .meta({ id: 'Health' });

/** A rule set in the list. */
export const RuleSetSummarySchema = z
  .object({
    id: z.string(),
    version: z.string(),
    ref: z.string().meta({ description: 'id@version' }),
    title: Text,
    validFrom: z.string(),
    validTo: z.string().nullable(),
    hash: z.string(),
    origin: z.string().meta({ description: '`shipped` or the file given with --rules' }),
  })
  .meta({ id: 'RuleSetSummary' });

/** `GET /v1/rulesets`. */
export const RuleSetListSchema = z
  .object({ ruleSets: z.array(RuleSetSummarySchema) })
  .meta({ id: 'RuleSetList' });

/** `GET /v1/rulesets/{id}`. */
export const RuleSetDetailSchema = RuleSetSummarySchema.extend({
  document: z
    .record(z.string(), z.unknown())
    .meta({ description: 'the rule set document (cprdfop.ruleset/1)' }),
}).meta({ id: 'RuleSetDetail' });

const Status = z.enum(['pass', 'fail', 'unknown']);

/** An assumption a verdict depended on (`AssumptionUsed` of `cprdfop/rules`). */
const AssumptionUsedSchema = z
  .object({
    name: z.string(),
    value: z.unknown(),
    from: z
      .string()
      .optional()
      .meta({ description: 'a dated parameter: the day from which the value used is in force' }),
    justification: z
      .string()
      .meta({ description: 'in English; a one-language justification of a rule file as it is' }),
    justifications: Text,
  })
  .meta({ id: 'AssumptionUsed' });

/** The explanation of a verdict (`cprdfop.explanation/1`). */
export const ExplanationSchema = z
  .object({
    format: z.literal('cprdfop.explanation/1'),
    verdict: z.enum(['eligible', 'ineligible', 'undetermined']),
    ruleSet: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
    asOf: z.string().nullable(),
    criteria: z.array(
      z.object({
        id: z.string(),
        status: Status,
        label: Text,
        message: Text,
        observed: z.record(z.string(), z.unknown()),
        parameters: z.record(z.string(), z.unknown()),
        source: z.record(z.string(), z.unknown()).nullable(),
        missing: z.array(z.string()),
        assumptions: z.array(AssumptionUsedSchema),
      }),
    ),
    missing: z.array(z.string()),
    assumptions: z.array(AssumptionUsedSchema),
    warnings: z.array(z.object({ code: z.string(), message: z.string(), messages: Text.optional() })),
    funding: z
      .object({ amount: z.number().nullable(), unit: z.string(), missing: z.array(z.string()) })
      .nullable(),
  })
  .meta({ id: 'Explanation' });

/** One line of the answer of `POST /v1/check/batch`. */
export const BatchLineSchema = z
  .union([
    z.object({ index: z.number().int(), ok: z.literal(true), explanation: ExplanationSchema }),
    z.object({ index: z.number().int(), ok: z.literal(false), problem: ProblemSchema }),
  ])
  .meta({
    id: 'BatchLine',
    description:
      'one NDJSON line per input item, in order; `index` is the 0-based position (line number − 1)',
  });

/** The declared field types: the rules' own enum (one list). */
const FieldTypeSchema = FieldType;

/** One question of `POST /v1/next-questions` (see `nextQuestions` of `cprdfop/rules`). */
export const QuestionSchema = z
  .object({
    path: z.string().meta({ description: 'the field, a dotted path such as `budget.total`' }),
    type: FieldTypeSchema.nullable(),
    declared: z.boolean(),
    label: Text,
    question: Text.nullable(),
    text: z.string().meta({ description: 'what to ask, in the language of the answer' }),
    values: z
      .array(z.object({ value: z.string(), label: Text, text: z.string() }))
      .nullable()
      .meta({ description: 'the allowed values of an enum or set field, with their labels' }),
    unit: z.string().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    criteria: z.array(z.string()).meta({ description: 'the undecided criteria the answer feeds' }),
    proven: z.boolean().meta({
      description: 'true: two answers to it were found that give two different verdicts',
    }),
    group: z.string().nullable(),
  })
  .meta({ id: 'Question' });

/** `POST /v1/next-questions`. */
export const NextQuestionsSchema = z
  .object({
    verdict: z.enum(['eligible', 'ineligible', 'undetermined']),
    questions: z.array(QuestionSchema).meta({
      description: 'best first; empty exactly when no answer can change the verdict',
    }),
    explanation: ExplanationSchema,
  })
  .meta({ id: 'NextQuestions' });

/** `GET /v1/communes`. */
export const CommuneListSchema = z
  .object({ communes: z.array(Commune), count: z.number().int() })
  .meta({ id: 'CommuneList' });

/** The schemas listed under `components.schemas`, by name. */
export const COMPONENTS = {
  Application: applicationZodSchema,
  Problem: ProblemSchema,
  Health: HealthSchema,
  RuleSetList: RuleSetListSchema,
  RuleSetDetail: RuleSetDetailSchema,
  Explanation: ExplanationSchema,
  BatchLine: BatchLineSchema,
  NextQuestions: NextQuestionsSchema,
  Question: QuestionSchema,
  CommuneList: CommuneListSchema,
  CommuneMatch,
  Epci,
  Plan,
} as const;
