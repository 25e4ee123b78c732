import { request } from 'node:http';
import { Writable } from 'node:stream';
import { Validator } from '@seriousme/openapi-schema-validator';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkApplication } from '../../src/itie/index.js';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { BatchLineSchema, ExplanationSchema, ProblemSchema } from '../../src/server/schemas.js';
import { itieApplication } from '../_helpers/itieApplication.js';

// The title carries the marker the log-leak check looks for: it must never reach a log line.
const APPLICATION = itieApplication('Mobilité vers l’emploi SECRET-TITLE');

let server: RunningServer;
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

beforeAll(async () => {
  server = await startServer({
    port: 0,
    ruleSets: loadRuleSets(),
    version: '0.0.0-test',
    maxBodyBytes: 64 * 1024,
    logger: pino({}, logStream),
    // The client runs in this process: a test that holds the event loop for seconds after a response
    // (10,000 lines checked synchronously) must not find its idle connection closed under it (reset).
    keepAliveTimeoutMs: 120_000,
  });
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, body: string, type = 'application/json', headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', body, headers: { 'content-type': type, ...headers } });

async function expectProblem(response: Response, status: number, field?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = ProblemSchema.parse(await response.json());
  expect(body.status).toBe(status);
  if (field) expect(body.errors?.map((error) => error.field)).toContain(field);
  return body;
}

describe('GET endpoints', () => {
  it('healthz, rule sets, schema, plan', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok', ruleSets: 1 });
    const list = (await (await fetch(`${server.url}/v1/rulesets`)).json()) as {
      ruleSets: { ref: string; hash: string }[];
    };
    expect(list.ruleSets[0]!.ref).toBe('itie-hdf@2023.1');
    expect(list.ruleSets[0]!.hash).toMatch(/^sha256-[0-9a-f]{64}$/);
    const one = (await (await fetch(`${server.url}/v1/rulesets/itie-hdf@2023.1`)).json()) as Record<
      string,
      unknown
    >;
    expect(one).toMatchObject({ id: 'itie-hdf', version: '2023.1', validFrom: expect.any(String) });
    expect((one.document as { criteria: unknown[] }).criteria.length).toBeGreaterThan(0);
    const schema = await fetch(`${server.url}/v1/rulesets/itie-hdf/schema`);
    expect(schema.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(((await schema.json()) as { properties: Record<string, unknown> }).properties).toHaveProperty(
      'budget',
    );
    expect((await (await fetch(`${server.url}/v1/plan`)).json()) as object).toBeTypeOf('object');
  });
  it('communes and EPCIs, with their errors', async () => {
    const found = (await (await fetch(`${server.url}/v1/communes?q=lille&limit=2`)).json()) as {
      communes: { code: string }[];
      count: number;
    };
    expect(found.communes[0]!.code).toBe('59350');
    expect(found.count).toBe(found.communes.length);
    const all = (await (await fetch(`${server.url}/v1/communes?region=32`)).json()) as { count: number };
    expect(all.count).toBeGreaterThan(3000);
    const idf = (await (await fetch(`${server.url}/v1/communes?region=11`)).json()) as { count: number };
    expect(idf.count).toBeGreaterThan(1000);
    await expectProblem(await fetch(`${server.url}/v1/communes?region=99`), 404, 'region');
    await expectProblem(await fetch(`${server.url}/v1/communes?q=a&limit=0`), 400, 'limit');
    await expectProblem(await fetch(`${server.url}/v1/communes?q=%20`), 400, 'q');
    expect(
      ((await (await fetch(`${server.url}/v1/communes/59350`)).json()) as { commune: { name: string } })
        .commune.name,
    ).toBe('Lille');
    await expectProblem(await fetch(`${server.url}/v1/communes/5935`), 400, 'code');
    expect(
      ((await (await fetch(`${server.url}/v1/communes/76540`)).json()) as { commune: { name: string } })
        .commune.name,
    ).toBe('Rouen');
    await expectProblem(await fetch(`${server.url}/v1/communes/76999`), 404, 'code');
    expect(((await (await fetch(`${server.url}/v1/epcis/200093201`)).json()) as { type: string }).type).toBe(
      'METRO',
    );
    await expectProblem(await fetch(`${server.url}/v1/epcis/12`), 400, 'siren');
  });
  it('an unknown route and an unknown rule set are problems', async () => {
    await expectProblem(await fetch(`${server.url}/v2/nothing`), 404);
    await expectProblem(await fetch(`${server.url}/v1/rulesets/nope`), 404, 'id');
  });
});

describe('POST /v1/check', () => {
  it('answers the explanation', async () => {
    const response = await post('/v1/check', JSON.stringify(APPLICATION));
    expect(response.status).toBe(200);
    const explanation = ExplanationSchema.parse(await response.json());
    expect(explanation.verdict).toBe('eligible');
  });
  it('answers the same bytes as JSON.stringify of checkApplication, with a Content-Length (not chunked)', async () => {
    const expected = checkApplication(APPLICATION);
    if (!expected.ok) throw new Error('the test application is invalid');
    const response = await post('/v1/check', JSON.stringify(APPLICATION));
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBe(bytes.byteLength);
    expect(bytes.toString('utf8')).toBe(JSON.stringify(expected.explanation));
  });
  it('every error is a problem naming the field, in the language asked', async () => {
    await expectProblem(await post('/v1/check', '{"title":'), 400, 'body');
    await expectProblem(
      await post('/v1/check', JSON.stringify(APPLICATION), 'text/plain'),
      415,
      'content-type',
    );
    await expectProblem(
      await post('/v1/check', JSON.stringify({ title: 'x'.repeat(70 * 1024) })),
      413,
      'body',
    );
    await expectProblem(await post('/v1/check', `${'['.repeat(100)}${']'.repeat(100)}`), 400, 'body');
    await expectProblem(await post('/v1/check?ruleset=nope@1', JSON.stringify(APPLICATION)), 404, 'ruleset');
    await expectProblem(await post('/v1/check?asOf=2023-02-30', JSON.stringify(APPLICATION)), 400, 'asOf');
    await expectProblem(await post('/v1/check?asOf=1999-01-01', JSON.stringify(APPLICATION)), 422, 'asOf');
    const invalid = await expectProblem(
      await post('/v1/check', JSON.stringify({ ...APPLICATION, budget: { total: -1 } }), 'application/json', {
        'accept-language': 'fr-FR,fr;q=0.9',
      }),
      422,
      'budget.total',
    );
    expect(invalid.title).toBe('Candidature invalide');
    await expectProblem(await post('/v1/check?lang=de', '{}'), 400, 'lang');
  });
});

describe('POST /v1/check/batch', () => {
  it('10 000 NDJSON lines with 5 % invalid: one result per line, in order, invalid ones in place', async () => {
    const lines: string[] = [];
    const invalid = new Set<number>();
    for (let index = 0; index < 10_000; index++) {
      if (index % 20 === 7) {
        invalid.add(index);
        lines.push(index % 40 === 7 ? '{not json' : JSON.stringify({ themes: ['cuisine'] }));
      } else lines.push(JSON.stringify({ ...APPLICATION, title: `A${index}` }));
    }
    const response = await post('/v1/check/batch', `${lines.join('\n')}\n`, 'application/x-ndjson');
    expect(response.status).toBe(200);
    const out = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => BatchLineSchema.parse(JSON.parse(line)));
    expect(out).toHaveLength(10_000);
    expect(invalid.size).toBe(500);
    out.forEach((result, index) => {
      expect(result.index).toBe(index);
      expect(result.ok).toBe(!invalid.has(index));
    });
  });
  it('a JSON array works too, and a non-array is a problem', async () => {
    const response = await post('/v1/check/batch', JSON.stringify([APPLICATION, 3, APPLICATION]));
    const out = (await response.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { ok: boolean });
    expect(out.map((result) => result.ok)).toEqual([true, false, true]);
    await expectProblem(await post('/v1/check/batch', '{}'), 400, 'body');
    await expectProblem(await post('/v1/check/batch', 'x', 'text/csv'), 415);
  });
  it('blank and oversized lines are reported in place', async () => {
    const body = `${JSON.stringify(APPLICATION)}\n\n${JSON.stringify({ title: 'y'.repeat(70 * 1024) })}\n${JSON.stringify(APPLICATION)}`;
    const out = (await (await post('/v1/check/batch', body, 'application/x-ndjson')).text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { index: number; ok: boolean });
    expect(out.map((result) => [result.index, result.ok])).toEqual([
      [0, true],
      [1, false],
      [2, false],
      [3, true],
    ]);
  });
});

describe('keep-alive', () => {
  it('keepAliveTimeoutMs sets how long an idle connection stays open, said in the Keep-Alive header', async () => {
    const response = await fetch(`${server.url}/healthz`);
    await response.text();
    expect(response.headers.get('keep-alive')).toBe('timeout=120');
  });
  it.each([-1, 1.5, Number.NaN, '5000', 10n])('refuses keepAliveTimeoutMs %o, naming it', async (value) => {
    let caught: unknown;
    try {
      await startServer({
        port: 0,
        ruleSets: loadRuleSets(),
        version: 't',
        keepAliveTimeoutMs: value as number,
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'E_INVALID_OPTION',
      messages: {
        en: expect.stringMatching(
          /^invalid keepAliveTimeoutMs .+: expected a non-negative integer of milliseconds$/,
        ),
        fr: expect.stringMatching(
          /^keepAliveTimeoutMs .+ invalide\u00a0: un entier positif ou nul de millisecondes est attendu$/,
        ),
      },
    });
  });
});

describe('OpenAPI, page, logs', () => {
  it('the OpenAPI document is valid OpenAPI 3.1 and lists every route', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/v1/check',
        '/v1/check/batch',
        '/v1/rulesets/{id}/schema',
        '/v1/epcis/{siren}',
      ]),
    );
    const page = await (await fetch(`${server.url}/docs`)).text();
    expect(page).toContain('/v1/check/batch');
    expect(page).not.toMatch(/<script|https?:\/\/(?!127)/);
  });
  it('access logs carry no application content', async () => {
    await post('/v1/check', JSON.stringify(APPLICATION));
    const text = logLines.join('');
    expect(text).toContain('"path":"/v1/check"');
    expect(text).not.toContain('SECRET-TITLE');
    expect(text).not.toContain('02381');
  });
  it('CORS is off by default', async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://example.org' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('shutdown', () => {
  it('a request in flight finishes; new connections are refused', async () => {
    const own = await startServer({
      port: 0,
      ruleSets: loadRuleSets(),
      version: 't',
      corsOrigins: ['https://a.example'],
    });
    const cors = await fetch(`${own.url}/healthz`, { headers: { origin: 'https://a.example' } });
    expect(cors.headers.get('access-control-allow-origin')).toBe('https://a.example');
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${own.url}/v1/check/batch`,
        { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(`${JSON.stringify(APPLICATION)}\n`);
      setTimeout(() => {
        closed = own.close();
        setTimeout(() => req.end(`${JSON.stringify(APPLICATION)}\n`), 50);
      }, 50);
    });
    let closed: Promise<void> | undefined;
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body.trimEnd().split('\n')).toHaveLength(2);
    await closed;
    await expect(fetch(`${own.url}/healthz`)).rejects.toThrow();
  });
});

/** Sends a request with its body in pieces (each after the previous was flushed), returns status and text. */
function sendInPieces(url: string, type: string, pieces: readonly string[], stallAtEnd = false, delayMs = 0) {
  return new Promise<{ status: number; body: string; type: string; connection: string }>(
    (resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': type } }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            type: String(res.headers['content-type']),
            connection: String(res.headers.connection),
          }),
        );
      });
      req.on('error', reject);
      const writeNext = (position: number) => {
        if (position === pieces.length) {
          if (!stallAtEnd) req.end();
          return;
        }
        req.write(pieces[position], () =>
          delayMs
            ? setTimeout(() => writeNext(position + 1), delayMs)
            : setImmediate(() => writeNext(position + 1)),
        );
      };
      writeNext(0);
    },
  );
}

describe('limits', () => {
  let small: RunningServer;
  beforeAll(async () => {
    small = await startServer({
      port: 0,
      ruleSets: loadRuleSets(),
      version: 't',
      maxBodyBytes: 2048,
      maxBatchItems: 3,
      requestTimeoutMs: 300,
    });
  });
  afterAll(async () => {
    await small.close();
  });
  it('a batch longer than the limit: a JSON array is a 413, NDJSON ends with a line saying where it stopped', async () => {
    const array = await fetch(`${small.url}/v1/check/batch`, {
      method: 'POST',
      body: JSON.stringify([APPLICATION, APPLICATION, APPLICATION, APPLICATION]),
      headers: { 'content-type': 'application/json' },
    });
    await expectProblem(array, 413, 'body');
    const ndjson = await fetch(`${small.url}/v1/check/batch`, {
      method: 'POST',
      body: `${Array.from({ length: 5 }, () => JSON.stringify(APPLICATION)).join('\n')}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    const lines = (await ndjson.text())
      .trimEnd()
      .split('\n')
      .map((line) => BatchLineSchema.parse(JSON.parse(line)));
    expect(lines.map((line) => line.ok)).toEqual([true, true, true, false]);
    const last = lines[3]!;
    expect(!last.ok && last.problem.type).toBe('urn:cprdfop:problem:batch-too-long');
  });
  it('an oversized NDJSON line sent in pieces is reported once, at its place', async () => {
    const big = JSON.stringify({ title: 'z'.repeat(6000) });
    const pieces = [
      `${JSON.stringify(APPLICATION)}\n`,
      big.slice(0, 2500),
      big.slice(2500, 5000),
      `${big.slice(5000)}\n`,
      JSON.stringify(APPLICATION),
    ];
    const { status, body } = await sendInPieces(
      `${small.url}/v1/check/batch`,
      'application/x-ndjson',
      pieces,
    );
    expect(status).toBe(200);
    const lines = body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { index: number; ok: boolean; problem?: { type: string } });
    expect(lines.map((line) => [line.index, line.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    expect(lines[1]!.problem!.type).toBe('urn:cprdfop:problem:payload-too-large');
  });
  it('a chunked body (no Content-Length) larger than the limit is a 413; within it, it is read', async () => {
    const big = JSON.stringify({ title: 'w'.repeat(3000) });
    const over = await sendInPieces(`${small.url}/v1/check`, 'application/json', [
      big.slice(0, 1500),
      big.slice(1500),
    ]);
    expect(over.status).toBe(413);
    expect(over.type).toMatch(/^application\/problem\+json/);
    const text = JSON.stringify(APPLICATION);
    const within = await sendInPieces(`${small.url}/v1/check`, 'application/json', [
      text.slice(0, 50),
      text.slice(50),
    ]);
    expect(within.status).toBe(200);
  });
  it('a request whose body never ends gets the timeout problem, and its connection is closed', async () => {
    const { status, type, connection } = await sendInPieces(
      `${small.url}/v1/check`,
      'application/json',
      ['{"title":'],
      true,
    );
    expect(status).toBe(503);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(connection).toBe('close');
  });
  it('an NDJSON batch whose input stalls ends with a last timeout line at the index where it stopped', async () => {
    const line = `${JSON.stringify(APPLICATION)}\n`;
    const { status, body } = await sendInPieces(
      `${small.url}/v1/check/batch`,
      'application/x-ndjson',
      [line, line],
      true,
    );
    expect(status).toBe(200);
    const lines = body
      .trimEnd()
      .split('\n')
      .map(
        (text) =>
          JSON.parse(text) as { index: number; ok: boolean; problem?: { type: string; detail: string } },
      );
    expect(lines.map((entry) => [entry.index, entry.ok])).toEqual([
      [0, true],
      [1, true],
      [2, false],
    ]);
    expect(lines[2]!.problem!.type).toBe('urn:cprdfop:problem:timeout');
    expect(lines[2]!.problem!.detail).toBe('batch stopped: no input for 300 ms');
  });
  it('an NDJSON batch that keeps coming is not cut by the timeout, however long it lasts in all', async () => {
    const line = `${JSON.stringify(APPLICATION)}\n`;
    const started = performance.now();
    const { status, body } = await sendInPieces(
      `${small.url}/v1/check/batch`,
      'application/x-ndjson',
      [line, line, line],
      false,
      200,
    );
    expect(performance.now() - started).toBeGreaterThan(300); // longer than the timeout in all
    expect(status).toBe(200);
    const lines = body
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text) as { index: number; ok: boolean });
    expect(lines.map((entry) => [entry.index, entry.ok])).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
  });
});
