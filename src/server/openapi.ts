/**
 * The OpenAPI 3.1 document of the server, generated from the zod schemas of `schemas.ts` with zod 4's
 * `z.toJSONSchema` (components) and the route table below (operations). Nothing is written by hand
 * twice: a schema changed in zod changes the document.
 */
import { z } from 'zod';
import { DOCS_PAGE, OPERATION_SUMMARIES, PARAMETER_DESCRIPTIONS } from './_messages.js';
import { COMPONENTS } from './schemas.js';

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string): Json => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
});
const problem = (description: string): Json => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const query = (name: string, description: string, schema: Json = { type: 'string' }): Json => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const pathParam = (name: string, description: string): Json => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
/** The English text of the summaries and parameter descriptions (the `/docs` page tells them in French). */
const summary = (operationId: keyof typeof OPERATION_SUMMARIES) => OPERATION_SUMMARIES[operationId].en;
const described = (key: keyof typeof PARAMETER_DESCRIPTIONS) => PARAMETER_DESCRIPTIONS[key].en;
const LANG = query('lang', described('lang'), {
  type: 'string',
  enum: ['fr', 'en'],
});
const RULESET = query('ruleset', described('ruleset'));
const AS_OF = query('asOf', described('asOf'), { type: 'string', format: 'date' });
const LIMIT = (key: 'questionsLimit' | 'communesLimit', fallback?: number): Json =>
  query('limit', described(key), {
    type: 'integer',
    minimum: 1,
    maximum: 100,
    ...(fallback === undefined ? {} : { default: fallback }),
  });

/** Builds the component schemas: each zod schema converted once, `$ref`s between them. */
function components(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(COMPONENTS)) {
    if (!registry.has(schema)) registry.add(schema, { id: name });
  }
  const out = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  // Schemas named with `.meta({ id })` but not listed land in `__shared.$defs`: lift them to components.
  const { __shared: shared, ...named } = out.schemas;
  const all = { ...((shared?.$defs as Record<string, Json> | undefined) ?? {}), ...named };
  const text = JSON.stringify(all).replaceAll(
    '#/components/schemas/__shared#/$defs/',
    '#/components/schemas/',
  );
  const schemas: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(JSON.parse(text) as Record<string, Json>)) {
    const { $schema: _dropped, $id: _id, ...rest } = schema;
    schemas[name] = rest;
  }
  // The request body is read as input (defaults, optional fields): convert it with io: 'input'.
  const { $schema: _s, ...application } = z.toJSONSchema(COMPONENTS.Application, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  schemas.Application = application;
  return schemas;
}

const cache = new Map<string, Json>();

/**
 * What every operation can answer besides its own statuses: `lang` (the language of the texts), 400
 * for a query parameter it does not take or one given twice, 503 when it takes longer than the
 * timeout.
 */
function withCommonParts(paths: Record<string, Record<string, Json>>): Record<string, Record<string, Json>> {
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      const parameters = (operation.parameters as Json[] | undefined) ?? [];
      if (!parameters.some((parameter) => parameter.name === 'lang')) parameters.push(LANG);
      operation.parameters = parameters;
      const responses = operation.responses as Record<string, Json>;
      responses['400'] ??= problem('invalid parameter (unknown, given twice or malformed)');
      responses['503'] = problem('took longer than the timeout');
    }
  }
  return paths;
}

/**
 * The OpenAPI 3.1 document (built once per version).
 *
 * @param version - The package version, for `info.version`.
 * @returns The document.
 */
export function openApiDocument(version: string): Json {
  const known = cache.get(version);
  if (known) return known;
  const errors = {
    '400': problem('malformed JSON, JSON too deep, invalid parameter'),
    '413': problem('body larger than the limit'),
    '415': problem('content type is not application/json'),
  };
  const document: Json = {
    openapi: '3.1.0',
    info: {
      title: DOCS_PAGE.title.en,
      version,
      description: DOCS_PAGE.description.en,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/healthz': {
        get: {
          operationId: 'health',
          summary: summary('health'),
          responses: { '200': json('Health', 'ok') },
        },
      },
      '/v1/rulesets': {
        get: {
          operationId: 'listRuleSets',
          summary: summary('listRuleSets'),
          parameters: [LANG],
          responses: { '200': json('RuleSetList', 'the rule sets') },
        },
      },
      '/v1/rulesets/{id}': {
        get: {
          operationId: 'getRuleSet',
          summary: summary('getRuleSet'),
          parameters: [pathParam('id', described('ruleSetId')), LANG],
          responses: { '200': json('RuleSetDetail', 'the rule set'), '404': problem('unknown rule set') },
        },
      },
      '/v1/rulesets/{id}/schema': {
        get: {
          operationId: 'getApplicationSchema',
          summary: summary('getApplicationSchema'),
          parameters: [pathParam('id', described('ruleSetId')), LANG],
          responses: {
            '200': {
              description: 'a JSON Schema 2020-12',
              content: { 'application/schema+json': { schema: { type: 'object' } } },
            },
            '404': problem('unknown rule set'),
          },
        },
      },
      '/v1/check': {
        post: {
          operationId: 'check',
          summary: summary('check'),
          parameters: [RULESET, AS_OF, LANG],
          requestBody: { required: true, content: { 'application/json': { schema: ref('Application') } } },
          responses: {
            '200': json('Explanation', 'the explanation'),
            ...errors,
            '404': problem('unknown rule set'),
            '422': problem('invalid application (every bad field in `errors`), or no rule set in force'),
          },
        },
      },
      '/v1/check/batch': {
        post: {
          operationId: 'checkBatch',
          summary: summary('checkBatch'),
          parameters: [RULESET, AS_OF, LANG],
          requestBody: {
            required: true,
            content: {
              'application/x-ndjson': { schema: { type: 'string', description: 'one application per line' } },
              'application/jsonl': { schema: { type: 'string', description: 'one application per line' } },
              'application/json': { schema: { type: 'array', items: ref('Application') } },
            },
          },
          responses: {
            '200': {
              description: 'one line per input item, in order; an invalid item gets a problem in place',
              content: { 'application/x-ndjson': { schema: ref('BatchLine') } },
            },
            ...errors,
            '415': problem('content type is not application/x-ndjson, application/jsonl or JSON'),
            '404': problem('unknown rule set'),
          },
        },
      },
      '/v1/next-questions': {
        post: {
          operationId: 'nextQuestions',
          summary: summary('nextQuestions'),
          parameters: [
            RULESET,
            AS_OF,
            LANG,
            LIMIT('questionsLimit'),
            query('group', described('group'), {
              type: 'string',
              enum: ['object', 'none'],
            }),
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('Application') } } },
          responses: {
            '200': json('NextQuestions', 'the questions, the verdict so far and its explanation'),
            ...errors,
            '404': problem('unknown rule set'),
            '422': problem('invalid application (every bad field in `errors`), or no rule set in force'),
          },
        },
      },
      '/v1/communes': {
        get: {
          operationId: 'listCommunes',
          summary: summary('listCommunes'),
          parameters: [
            query('q', described('q')),
            query('region', described('region')),
            LIMIT('communesLimit', 10),
            LANG,
          ],
          responses: {
            '200': json('CommuneList', 'the communes'),
            '400': problem('invalid parameter'),
            '404': problem('region not available'),
          },
        },
      },
      '/v1/communes/{code}': {
        get: {
          operationId: 'getCommune',
          summary: summary('getCommune'),
          parameters: [pathParam('code', described('communeCode')), LANG],
          responses: {
            '200': json('CommuneMatch', 'the commune'),
            '400': problem('malformed code'),
            '404': problem('unknown code'),
          },
        },
      },
      '/v1/epcis/{siren}': {
        get: {
          operationId: 'getEpci',
          summary: summary('getEpci'),
          parameters: [pathParam('siren', described('siren')), LANG],
          responses: {
            '200': json('Epci', 'the EPCI'),
            '400': problem('malformed SIREN'),
            '404': problem('unknown SIREN'),
          },
        },
      },
      '/v1/plan': {
        get: {
          operationId: 'getPlan',
          summary: summary('getPlan'),
          parameters: [LANG],
          responses: { '200': json('Plan', 'the plan') },
        },
      },
    },
    components: { schemas: components() },
  };
  document.paths = withCommonParts(document.paths as Record<string, Record<string, Json>>);
  cache.set(version, document);
  return document;
}
