/**
 * Hostile requests against the real server on 127.0.0.1: random JSON (forbidden keys, deep nesting,
 * huge numbers, lone surrogates), broken and truncated JSON, invalid UTF-8, random query values and
 * media types, on every POST endpoint. Whatever comes in, the answer is a documented status, never a
 * 500, and its body is what that status promises (an explanation, questions, NDJSON result lines, or
 * an RFC 9457 problem). For `/v1/check`, the status agrees with `checkApplication` on the same value.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkApplication } from '../../src/itie/index.js';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import {
  BatchLineSchema,
  ExplanationSchema,
  NextQuestionsSchema,
  ProblemSchema,
} from '../../src/server/schemas.js';
import { appArb } from '../rules/_itie.js';

const MAX_BODY_BYTES = 16 * 1024;
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    port: 0,
    ruleSets: loadRuleSets(),
    version: '0.0.0-test',
    maxBodyBytes: MAX_BODY_BYTES,
  });
});
afterAll(async () => {
  await server.close();
});

/** Statuses the OpenAPI document gives for these endpoints. */
const DOCUMENTED = new Set([200, 400, 404, 413, 415, 422]);

/** A JSON value with a few traps mixed in: forbidden keys, deep arrays, big and tiny numbers. */
const trap = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    JSON.parse('{"constructor":{"prototype":{"x":1}}}') as unknown,
    1e308,
    -0,
    5e-324,
    '\ud800',
    'a\u0000b',
    '59350',
    [['59350']],
  ),
);
/** A body: an application with hostile edits, any JSON value, or text that is not JSON. */
const bodyText = fc.oneof(
  appArb.map((app) => JSON.stringify(app)),
  fc.array(appArb, { maxLength: 4 }).map((apps) => JSON.stringify(apps)),
  fc
    .tuple(appArb, fc.array(fc.tuple(fc.string({ maxLength: 12 }), trap), { maxLength: 3 }))
    .map(([app, edits]) => {
      const out: Record<string, unknown> = structuredClone(app);
      for (const [key, value] of edits)
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      return JSON.stringify(out);
    }),
  trap.map((value) => JSON.stringify(value) ?? 'null'),
  fc.integer({ min: 1, max: 2000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.tuple(appArb, fc.nat()).map(([app, cut]) => {
    const text = JSON.stringify(app);
    return text.slice(0, cut % Math.max(1, text.length));
  }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\ufeff{}', '{}\n{}', 'null', 'NaN', '{"a":1,}', `"${'x'.repeat(20_000)}"`),
);
const query = fc
  .record(
    {
      lang: fc.constantFrom('fr', 'en', 'de', '', 'FR', 'fr-FR', '\u00e9'),
      ruleset: fc.constantFrom('itie-hdf@2023.1', 'itie-hdf', 'nope@1', '', '@', 'itie-hdf@'),
      asOf: fc.constantFrom('2023-06-01', '2023-02-30', '1999-01-01', 'tomorrow', '', '2023-06-01T00:00:00Z'),
    },
    { requiredKeys: [] },
  )
  .map((params) => {
    const search = new URLSearchParams(params).toString();
    return search ? `?${search}` : '';
  });
const mediaType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/x-ndjson',
  'text/plain',
  'application/json; charset=latin1',
  '',
);

/** Every answer: a documented status, and the body that status promises. */
async function expectWellFormed(path: string, response: Response): Promise<void> {
  const status = response.status;
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  expect(DOCUMENTED.has(status), `status ${status} for ${path}: ${text.slice(0, 200)}`).toBe(true);
  if (status !== 200) {
    expect(type).toMatch(/^application\/problem\+json/);
    const problem = ProblemSchema.parse(JSON.parse(text));
    expect(problem.status).toBe(status);
    return;
  }
  if (path.startsWith('/v1/check/batch')) {
    expect(type).toMatch(/^application\/x-ndjson/);
    for (const line of text.trimEnd().split('\n')) if (line) BatchLineSchema.parse(JSON.parse(line));
  } else if (path.startsWith('/v1/next-questions')) NextQuestionsSchema.parse(JSON.parse(text));
  else ExplanationSchema.parse(JSON.parse(text));
}

describe('hostile requests get a documented answer, never a 500', () => {
  it('any body, query and media type on POST /v1/check, /v1/check/batch and /v1/next-questions', async () => {
    let seen200 = 0;
    let seenProblem = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/check', '/v1/check/batch', '/v1/next-questions'),
        fc.oneof({ arbitrary: fc.constant(''), weight: 2 }, { arbitrary: query, weight: 1 }),
        fc.oneof(
          { arbitrary: fc.constant('application/json'), weight: 2 },
          { arbitrary: mediaType, weight: 1 },
        ),
        bodyText,
        async (route, search, type, body) => {
          const response = await fetch(`${server.url}${route}${search}`, {
            method: 'POST',
            body,
            headers: type ? { 'content-type': type } : {},
          });
          if (response.status === 200) seen200++;
          else seenProblem++;
          await expectWellFormed(`${route}${search}`, response);
        },
      ),
      { numRuns: 300 },
    );
    // both kinds of answer were exercised (the generators are not all refused, nor all accepted)
    expect(seen200).toBeGreaterThan(20);
    expect(seenProblem).toBeGreaterThan(20);
  });

  it('invalid UTF-8 bodies are a problem (400 or 422), never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/check', '/v1/check/batch', '/v1/next-questions'),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        async (route, bytes) => {
          const body = new Uint8Array([...new TextEncoder().encode('{"title":"'), 0xff, ...bytes]);
          const response = await fetch(`${server.url}${route}`, {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          });
          await expectWellFormed(route, response);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('POST /v1/check agrees with checkApplication: 200 exactly when the value is a valid application', async () => {
    await fc.assert(
      fc.asyncProperty(bodyText, async (body) => {
        let value: unknown;
        try {
          value = JSON.parse(body);
        } catch {
          return; // not JSON: covered above
        }
        if (new TextEncoder().encode(body).byteLength > MAX_BODY_BYTES) return;
        const response = await fetch(`${server.url}/v1/check`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json' },
        });
        const checked = checkApplication(value);
        await expectWellFormed('/v1/check', response.clone());
        if (checked.ok) expect(response.status).toBe(200);
        else expect([400, 422]).toContain(response.status);
        if (checked.ok)
          expect(((await response.json()) as { verdict: string }).verdict).toBe(checked.explanation.verdict);
      }),
      { numRuns: 300 },
    );
  });
});
