/**
 * Requests the server must refuse or answer exactly, never with a default read in place of what was
 * asked: a query parameter a route does not take (`asof`) or one given twice, a loose `limit`, a method
 * a path is not served with (405 with `Allow`), what Node's HTTP parser refuses (a problem body, not an
 * empty answer), an NDJSON line over the size limit (named as a line, not the body), `?ruleset=id`
 * choosing the version in force among the loaded ones, and an OpenAPI document that says all of it.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itieRuleSets } from '../../src/itie/index.js';
import type { RuleSet } from '../../src/rules/index.js';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { ROUTES } from '../../src/server/routes.js';
import { itieApplication } from '../_helpers/itieApplication.js';

const MAX_BODY = 4096;
let server: RunningServer;
/** A later version of the shipped rule set, loaded as with `--rules`: in force from 2099. */
const later = {
  ...structuredClone(itieRuleSets()[0] as RuleSet),
  version: '2099.1',
  validFrom: '2099-01-01',
} as RuleSet;
delete (later as { validTo?: string }).validTo;

beforeAll(async () => {
  server = await startServer({
    port: 0,
    ruleSets: loadRuleSets([{ ruleSet: later, origin: 'later.json' }]),
    version: '0.0.0-test',
    maxBodyBytes: MAX_BODY,
  });
});
afterAll(async () => {
  await server.close();
});

const APPLICATION = itieApplication('Mobilité vers l’emploi en Thiérache');
const BODY = JSON.stringify(APPLICATION);
/** A concrete URL path for a route pattern. */
const concrete = (path: string) =>
  path.replace(':id', 'itie-hdf').replace(':code', '59350').replace(':siren', '200093201');
const send = (method: string, path: string) =>
  fetch(`${server.url}${path}`, {
    method,
    ...(method === 'POST' ? { body: BODY, headers: { 'content-type': 'application/json' } } : {}),
  });

describe('query parameters', () => {
  it('a parameter a route does not take is a 400 naming it and the ones it takes, on every route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.oneof(
          fc.constantFrom('asof', 'ruleSet', 'Lang', 'q', 'limit', 'region', 'group', '_', 'x'),
          fc.string({ minLength: 1, maxLength: 6 }),
        ),
        async (route, name) => {
          fc.pre(![...route.query, 'lang'].includes(name) && !/[&=#+%\s]/.test(name));
          const response = await send(route.method, `${concrete(route.path)}?${encodeURIComponent(name)}=1`);
          const body = (await response.json()) as {
            type: string;
            detail: string;
            errors: { field: string }[];
          };
          expect(response.status).toBe(400);
          expect(body.type).toBe('urn:cprdfop:problem:invalid-parameter');
          expect(body.errors[0]!.field).toBe(name);
          expect(body.detail).toContain(`unknown query parameter "${name}"`);
          expect(body.detail).toContain([...route.query, 'lang'].join(', '));
        },
      ),
      { numRuns: 60 },
    );
  });
  it('a misspelt asOf is refused, not read as "no date" (the verdict would use submittedOn)', async () => {
    const response = await send('POST', '/v1/check?asof=1999-01-01');
    expect(response.status).toBe(400);
    const french = await fetch(`${server.url}/v1/check?asof=1999-01-01&lang=fr`, {
      method: 'POST',
      body: BODY,
      headers: { 'content-type': 'application/json' },
    });
    expect(((await french.json()) as { detail: string }).detail).toBe(
      'paramètre de requête «\u202fasof\u202f» inconnu ici (paramètres acceptés\u00a0: ruleset, asOf, lang)',
    );
  });
  it('a parameter given twice is a 400 whatever the order of its values', async () => {
    for (const query of [
      'asOf=2023-05-01&asOf=garbage',
      'asOf=garbage&asOf=2023-05-01',
      'ruleset=itie-hdf@2023.1&ruleset=nope',
      'lang=fr&lang=en',
    ]) {
      const response = await send('POST', `/v1/check?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { errors: { field: string }[]; detail: string };
      expect(body.errors[0]!.field).toBe(query.split('=')[0]);
    }
    const search = await send('GET', '/v1/communes?q=lille&q=laon');
    expect(search.status).toBe(400);
    expect(((await search.json()) as { detail: string }).detail).toBe(
      'parameter "q" given 2 times: one value is expected',
    );
  });
  it('limit is an integer from 1 to 100 written plainly, and only with a search', async () => {
    for (const bad of ['0x10', '1e1', '%205', '05', '0', '101', '-1', '2.0', '', '1_0']) {
      const response = await send('GET', `/v1/communes?q=saint&limit=${bad}`);
      expect(response.status, bad).toBe(400);
      const questions = await send('POST', `/v1/next-questions?limit=${bad}`);
      expect(questions.status, bad).toBe(400);
    }
    for (const good of ['1', '7', '100']) {
      const response = await send('GET', `/v1/communes?q=saint&limit=${good}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { count: number };
      expect(body.count).toBe(Number(good));
    }
    // without q the whole list is given: a limit there would cut it without a word
    const listed = await send('GET', '/v1/communes?limit=5');
    expect(listed.status).toBe(400);
    expect(((await listed.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('limit');
  });
});

describe('methods', () => {
  it('a path served with another method is a 405 naming the methods in Allow; an unknown path a 404', async () => {
    for (const route of ROUTES) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        if (method === route.method) continue;
        const response = await send(method, concrete(route.path));
        const allowed = route.method === 'GET' ? 'GET, HEAD' : 'POST';
        expect(response.status, `${method} ${route.path}`).toBe(405);
        expect(response.headers.get('allow')).toBe(allowed);
        const body = (await response.json()) as { type: string; detail: string };
        expect(body.type).toBe('urn:cprdfop:problem:method-not-allowed');
        expect(body.detail).toBe(`${method} is not allowed on ${concrete(route.path)} (methods: ${allowed})`);
      }
    }
    const unknown = await send('GET', '/v1/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('allow')).toBeNull();
  });
});

describe('rule set versions', () => {
  const check = async (query: string) => {
    const response = await send('POST', `/v1/check${query}`);
    return {
      status: response.status,
      body: (await response.json()) as { ruleSet?: { version: string }; detail?: string },
    };
  };
  it('an id alone, or none, takes the version in force on the evaluation date among the loaded ones', async () => {
    const shipped = (itieRuleSets()[0] as RuleSet).version;
    for (const query of ['', '?ruleset=itie-hdf', '?ruleset=itie-hdf&asOf=2023-05-01']) {
      const { status, body } = await check(query);
      expect(status, query).toBe(200);
      expect(body.ruleSet!.version).toBe(shipped);
    }
    for (const query of ['?asOf=2099-06-01', '?ruleset=itie-hdf&asOf=2099-06-01']) {
      const { status, body } = await check(query);
      expect(status, query).toBe(200);
      expect(body.ruleSet!.version).toBe('2099.1');
    }
  });
  it('a version not in force is refused naming the date; no version in force lists every loaded one', async () => {
    const pinned = await check('?ruleset=itie-hdf@2099.1');
    expect(pinned.status).toBe(422);
    const none = await check('?ruleset=itie-hdf&asOf=2000-01-01');
    expect(none.status).toBe(422);
    expect(none.body.detail).toContain('2099.1');
    expect(none.body.detail).toContain((itieRuleSets()[0] as RuleSet).version);
  });
});

/** Raw bytes on a socket; resolves with everything the server wrote before closing. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let out = '';
    socket.on('data', (chunk) => {
      out += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(out));
    socket.write(request);
  });
}

describe("what Node's HTTP parser refuses", () => {
  it('a malformed Content-Length gets a 400 problem body, an oversized URL a 431 one', async () => {
    const bad = await raw('POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}');
    expect(bad).toMatch(/^HTTP\/1\.1 400 /);
    expect(bad).toMatch(/content-type: application\/problem\+json/i);
    const badBody = JSON.parse(bad.slice(bad.indexOf('\r\n\r\n') + 4)) as { type: string; status: number };
    expect(badBody).toMatchObject({ type: 'urn:cprdfop:problem:bad-request', status: 400 });
    const long = await raw(`GET /v1/communes?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(long).toMatch(/^HTTP\/1\.1 431 /);
    const longBody = JSON.parse(long.slice(long.indexOf('\r\n\r\n') + 4)) as { type: string; status: number };
    expect(longBody).toMatchObject({ type: 'urn:cprdfop:problem:headers-too-large', status: 431 });
  });
});

describe('NDJSON lines and the size limit', () => {
  const batch = async (pieces: readonly Uint8Array[]) => {
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (const piece of pieces) {
          controller.enqueue(piece);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/v1/check/batch`, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/x-ndjson' },
      duplex: 'half',
    } as RequestInit);
    return (await response.text())
      .trimEnd()
      .split('\n')
      .map(
        (text) =>
          JSON.parse(text) as {
            index: number;
            ok: boolean;
            problem?: { detail: string; errors: { field: string }[] };
          },
      );
  };
  const bytes = (text: string) => new TextEncoder().encode(text);
  /** The application padded to exactly `size` bytes of JSON. */
  const padded = (size: number) => {
    const text = JSON.stringify({ ...APPLICATION, title: '' });
    return JSON.stringify({ ...APPLICATION, title: 'x'.repeat(size - Buffer.byteLength(text)) });
  };
  it('a line over the limit is reported as that line, and the next lines are checked', async () => {
    const big = padded(MAX_BODY + 10);
    for (const pieces of [
      [`${BODY}\n${big}\n${BODY}\n`],
      [`${BODY}\n`, big.slice(0, 3000), `${big.slice(3000)}\n${BODY}\n`],
    ]) {
      const lines = await batch(pieces.map(bytes));
      expect(lines.map((line) => [line.index, line.ok])).toEqual([
        [0, true],
        [1, false],
        [2, true],
      ]);
      expect(lines[1]!.problem!.errors[0]!.field).toBe('line 2');
      expect(lines[1]!.problem!.detail).toBe(
        'line 2: line larger than 4,096 bytes (the other lines are checked)',
      );
    }
  });
  it('a line of exactly the limit ending in CRLF is read the same wherever the chunks are cut', async () => {
    const exact = padded(MAX_BODY);
    expect(Buffer.byteLength(exact)).toBe(MAX_BODY);
    const whole = bytes(`${exact}\r\n${BODY}\r\n`);
    for (const cut of [MAX_BODY - 1, MAX_BODY, MAX_BODY + 1, MAX_BODY + 2]) {
      const lines = await batch([whole.subarray(0, cut), whole.subarray(cut)]);
      expect(
        lines.map((line) => [line.index, line.ok]),
        `cut at ${cut}`,
      ).toEqual([
        [0, true],
        [1, true],
      ]);
    }
  });
});

describe('the OpenAPI document says what the routes take', () => {
  const document = openApiDocument('0.0.0-test') as {
    paths: Record<
      string,
      Record<string, { parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>
    >;
  };
  it('every route but the document and its page is an operation with exactly its query parameters, 400 and 503', () => {
    for (const route of ROUTES) {
      if (route.path === '/openapi.json' || route.path === '/docs') continue;
      const path = route.path.replace(/:([a-z]+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      const names = operation!.parameters
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
      expect(names.sort()).toEqual([...route.query, 'lang'].sort());
      expect(Object.keys(operation!.responses)).toEqual(expect.arrayContaining(['200', '400', '503']));
    }
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods)).length;
    expect(operations).toBe(ROUTES.length - 2);
  });
  it('is built for the version asked for, not the first one asked', () => {
    expect((openApiDocument('1.2.3') as { info: { version: string } }).info.version).toBe('1.2.3');
    expect((openApiDocument('0.0.0-test') as { info: { version: string } }).info.version).toBe('0.0.0-test');
  });
});

describe('bodies the server would misread', () => {
  const post = (headers: Record<string, string>, path = '/v1/check') =>
    fetch(`${server.url}${path}`, { method: 'POST', body: BODY, headers });
  it('a charset other than UTF-8 is a 415 naming it; utf-8 in any spelling is read', async () => {
    for (const charset of ['latin1', 'ISO-8859-1', 'utf-16', '"windows-1252"']) {
      const response = await post({ 'content-type': `application/json; charset=${charset}` });
      expect(response.status, charset).toBe(415);
      const body = (await response.json()) as { detail: string; errors: { field: string }[] };
      expect(body.detail).toBe(
        `charset "${charset.replaceAll('"', '')}" is not supported: JSON is written in UTF-8`,
      );
      expect(body.errors[0]!.field).toBe('content-type');
    }
    for (const charset of ['utf-8', 'UTF-8', 'utf8', '"utf-8"']) {
      const response = await post({ 'content-type': `application/json; charset=${charset}` });
      expect(response.status, charset).toBe(200);
    }
    const batch = await post({ 'content-type': 'application/x-ndjson; charset=latin1' }, '/v1/check/batch');
    expect(batch.status).toBe(415);
  });
  it('a Content-Encoding is a 415 naming it, not "not UTF-8 (byte 0x8B)"', async () => {
    const response = await post({ 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(response.status).toBe(415);
    const body = (await response.json()) as { detail: string; errors: { field: string }[] };
    expect(body.detail).toBe('Content-Encoding "gzip" is not supported: send the body uncompressed');
    expect(body.errors[0]!.field).toBe('content-encoding');
    const identity = await post({ 'content-type': 'application/json', 'content-encoding': 'identity' });
    expect(identity.status).toBe(200);
  });
  it('Accept-Language: the primary subtag decides, and a weight outside 0–1 drops its entry', async () => {
    const language = async (header: string) =>
      (await fetch(`${server.url}/v1/nothing`, { headers: { 'accept-language': header } })).headers.get(
        'content-language',
      );
    expect(await language('fr-CA')).toBe('fr');
    expect(await language('frr, en;q=0.5')).toBe('en');
    expect(await language('fr;q=2, en;q=0.5')).toBe('en');
    expect(await language('fr;q=0.9, en;q=0.1')).toBe('fr');
    expect(await language('en;q=0.1, fr;q=0.9')).toBe('fr');
    expect(await language('fr;q=abc')).toBe('en');
  });
});
