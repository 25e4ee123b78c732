/** `POST /v1/next-questions` (issue #16) over real HTTP on 127.0.0.1. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { NextQuestionsSchema, ProblemSchema } from '../../src/server/schemas.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, ruleSets: loadRuleSets(), version: '0.0.0-test' });
});
afterAll(async () => {
  await server.close();
});

const post = (query: string, body: string, type = 'application/json', headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/next-questions${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': type, ...headers },
  });

async function problem(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = ProblemSchema.parse(await response.json());
  if (field) expect(body.errors?.map((error) => error.field)).toContain(field);
  return body;
}

describe('POST /v1/next-questions', () => {
  it('answers the questions, best first, with labels in the language asked, and the verdict so far', async () => {
    const response = await post(
      '?lang=fr',
      JSON.stringify({ submittedOn: '2023-05-01', themes: ['mobilite'] }),
    );
    expect(response.status).toBe(200);
    const body = NextQuestionsSchema.parse(await response.json());
    expect(body.verdict).toBe('undetermined');
    expect(body.explanation.verdict).toBe('undetermined');
    const paths = body.questions.map((question) => question.path);
    expect(paths).toEqual(expect.arrayContaining(['territory', 'publics', 'budget.total']));
    expect(paths).not.toContain('themes');
    expect(body.questions.every((question) => question.proven)).toBe(true);
    const publics = body.questions.find((question) => question.path === 'publics')!;
    expect(publics.text).toMatch(/\u202f\?$/);
    expect(publics.values!.length).toBeGreaterThan(1);
    // Every question is one the explanation says is missing.
    for (const path of paths) expect(body.explanation.missing).toContain(path);
    const english = NextQuestionsSchema.parse(
      await (await post('?lang=en&limit=2', JSON.stringify({ submittedOn: '2023-05-01' }))).json(),
    );
    expect(english.questions).toHaveLength(2);
    expect(english.questions[0]!.text).toMatch(/\?$/);
    expect(english.questions[0]!.text).not.toMatch(/\u202f/);
  });
  it('groups the fields of one object with group=object', async () => {
    const body = NextQuestionsSchema.parse(
      await (await post('?group=object', JSON.stringify({ submittedOn: '2023-05-01' }))).json(),
    );
    const paths = body.questions.map((question) => question.path);
    expect(Math.abs(paths.indexOf('budget.total') - paths.indexOf('budget.requested'))).toBe(1);
    expect(body.questions.find((question) => question.path === 'budget.total')!.group).toBe('budget');
  });
  it('is empty once the verdict is decided', async () => {
    const body = NextQuestionsSchema.parse(
      await (
        await post('', JSON.stringify({ submittedOn: '2023-05-01', budget: { total: 100, requested: 200 } }))
      ).json(),
    );
    expect(body.verdict).toBe('ineligible');
    expect(body.questions).toEqual([]);
  });
  it('every error is a problem naming the field', async () => {
    await problem(await post('', '{"submittedOn":'), 400);
    await problem(await post('', '{}', 'text/plain'), 415);
    await problem(await post('?limit=0', '{}'), 400, 'limit');
    await problem(await post('?limit=1.5', '{}'), 400, 'limit');
    await problem(await post('?limit=abc', '{}'), 400, 'limit');
    await problem(await post('?group=all', '{}'), 400, 'group');
    await problem(await post('?ruleset=nope@1', '{}'), 404, 'ruleset');
    await problem(await post('?asOf=2023-02-30', '{}'), 400, 'asOf');
    const invalid = await problem(
      await post('?lang=fr', JSON.stringify({ themes: ['cuisine'] })),
      422,
      'themes[0]',
    );
    expect(invalid.detail).toContain('themes');
  });
  it('is in the OpenAPI document', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, { post?: { operationId: string } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.paths['/v1/next-questions']?.post?.operationId).toBe('nextQuestions');
    expect(document.components.schemas).toHaveProperty('NextQuestions');
    expect(document.components.schemas).toHaveProperty('Question');
  });
});
