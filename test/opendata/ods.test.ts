import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createOdsClient,
  HttpError,
  isNetworkError,
  isQuotaExceededError,
  odsql,
  odsqlIdentifier,
  odsqlLiteral,
  odsqlWhere,
  type QuotaExceededError,
  ResponseValidationError,
} from '../../src/opendata/index.js';
import { odsRoutes, seeded, sendJson, startServer, type TestServer } from './_server.js';

const fast = { retries: 10, minDelay: 1, maxDelay: 5 };
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function ods(s: TestServer, extra: Partial<Parameters<typeof createOdsClient>[0]> = {}) {
  return createOdsClient({ baseUrl: `${s.url}/api/explore/v2.1`, retry: fast, cache: false, ...extra });
}

describe('ODSQL builder', () => {
  it('escapes values so they cannot leave their quotes', () => {
    const evil = 'x" OR 1=1 OR `a` = "\\';
    expect(odsqlLiteral(evil)).toBe('"x\\" OR 1=1 OR `a` = \\"\\\\"');
    expect(odsql`${odsqlIdentifier('nom')} = ${evil}`).toBe(`\`nom\` = ${odsqlLiteral(evil)}`);
    expect(() => odsqlIdentifier('a`b')).toThrow(/backtick/);
    expect(() => odsqlLiteral(Number.NaN)).toThrow();
    expect(odsqlWhere({ a: null, b: [1, 2], c: undefined })).toBe('`a` is null AND `b` in (1, 2)');
  });

  it('sends a value full of quotes and backticks escaped to the server', async () => {
    const wheres: string[] = [];
    server = await startServer([odsRoutes(10, (w) => wheres.push(w))]);
    const value = 'O\'Brien "le `grand`" \\ `) OR (1=1';
    await ods(server).getRecords('big', { where: odsqlWhere({ name: value }) });
    expect(wheres).toHaveLength(1);
    const where = wheres[0]!;
    // The server sees one identifier and one string literal; decoding the literal gives the value back.
    const m = /^`name` = "((?:[^"\\]|\\.)*)"$/.exec(where);
    expect(m).not.toBeNull();
    expect(m![1]!.replace(/\\(.)/g, '$1')).toBe(value);
  });
});

describe('Opendatasoft Explore v2.1', () => {
  it('searches the catalog and maps field types', async () => {
    server = await startServer([odsRoutes(10)]);
    const client = ods(server);
    const catalog = await client.searchCatalog({ where: 'title like "big"' });
    expect(catalog.totalCount).toBe(1);
    expect(catalog.datasets[0]?.title).toBe('Big');
    expect(catalog.datasets[0]?.fields.map((f) => f.valueType)).toEqual(['number', 'string', 'object']);
    const dataset = await client.getDataset('big');
    expect(dataset?.fields.map((f) => [f.name, f.valueType])).toEqual([
      ['id', 'number'],
      ['when', 'string'],
      ['geo', 'object'],
      ['blob', 'unknown'],
    ]);
    expect(await client.getDataset('missing')).toBeNull();
  });

  it('iterates 25,000 records across the 10,000 window with keyset paging: exactly 25,000 distinct', async () => {
    server = await startServer([odsRoutes(25_000)]);
    const seen = new Set<number>();
    let n = 0;
    for await (const r of ods(server).iterateRecords('big', { keyField: 'id' })) {
      seen.add(r.id as number);
      n++;
    }
    expect(n).toBe(25_000);
    expect(seen.size).toBe(25_000);
    expect(server.requests.every((u) => !/offset=[1-9]/.test(u))).toBe(true);
  });

  it('still yields exactly 25,000 distinct records when 20 % of requests fail transiently', async () => {
    server = await startServer([odsRoutes(25_000)]);
    const random = seeded(42);
    let failures = 0;
    server.fault = () => {
      const r = random();
      if (r >= 0.2) return undefined;
      failures++;
      return r < 0.07 ? { kind: 'status', status: 503 } : r < 0.14 ? { kind: 'reset' } : { kind: 'truncate' };
    };
    const seen = new Set<number>();
    let n = 0;
    for await (const r of ods(server).iterateRecords('big', { keyField: 'id' })) {
      seen.add(r.id as number);
      n++;
    }
    expect(n).toBe(25_000);
    expect(seen.size).toBe(25_000);
    expect(failures).toBeGreaterThan(20);
  });

  it('falls back to the jsonl export beyond the window when no key field is given', async () => {
    server = await startServer([odsRoutes(25_000)]);
    const seen = new Set<number>();
    for await (const r of ods(server).iterateRecords('big')) seen.add(r.id as number);
    expect(seen.size).toBe(25_000);
    expect(server.requests.some((u) => u.includes('/exports/jsonl'))).toBe(true);
  });

  it('pages with offsets inside the window, and refuses offset paging beyond it', async () => {
    server = await startServer([odsRoutes(250)]);
    const ids: number[] = [];
    for await (const r of ods(server).iterateRecords('big', { pageSize: 100 })) ids.push(r.id as number);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    await server.close();
    server = await startServer([odsRoutes(12_000)]);
    const it = ods(server).iterateRecords('big', { strategy: 'offset' });
    await expect(it.next()).rejects.toMatchObject({ code: 'E_ODS_WINDOW' });
  });

  it('validates records with the caller schema and reports issues with paths', async () => {
    server = await startServer([odsRoutes(30)]);
    const Good = z.object({ id: z.number(), name: z.string() });
    const page = await ods(server).getRecords('big', { limit: 5, schema: Good });
    expect(page.records[0]).toEqual({ id: 1, name: 'record "1"' });
    const Bad = z.object({ id: z.string() });
    const error = await ods(server)
      .getRecords('big', { limit: 3, schema: Bad })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((i) => i.path)).toEqual([
      [0, 'id'],
      [1, 'id'],
      [2, 'id'],
    ]);
  });

  it('detects schema drift in the envelope', async () => {
    server = await startServer([
      (_req, res, url) => {
        if (!url.pathname.endsWith('/records')) return false;
        sendJson(res, 200, { total_count: 1, records: [{ id: 1 }] });
        return true;
      },
    ]);
    const error = await ods(server)
      .getRecords('drift')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]?.path).toEqual(['results']);
  });

  it('understands the 400 error shape and does not retry it', async () => {
    server = await startServer([odsRoutes(10)]);
    const error = await ods(server)
      .getRecords('big', { limit: 500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).apiCode).toBe('InvalidRESTParameterError');
    expect(server.requests).toHaveLength(1);
  });

  it('reports a quota 429 with its reset time and stops without retrying', async () => {
    server = await startServer([odsRoutes(10)]);
    server.fault = () => ({
      kind: 'status',
      status: 429,
      headers: { 'content-type': 'application/json', 'x-ratelimit-remaining': '0' },
      body: JSON.stringify({
        errorcode: 10002,
        reset_time: '2021-01-26T00:00:00Z',
        limit_time_unit: 'day',
        call_limit: 10000,
        error: 'Too many requests on the domain. Please contact the domain administrator.',
      }),
    });
    const error = await ods(server)
      .getRecords('big')
      .catch((e: unknown) => e);
    expect(isQuotaExceededError(error)).toBe(true);
    expect((error as QuotaExceededError).resetTime?.toISOString()).toBe('2021-01-26T00:00:00.000Z');
    expect((error as QuotaExceededError).callLimit).toBe(10000);
    expect((error as Error).message).toContain('2021-01-26T00:00:00.000Z');
    expect(server.requests).toHaveLength(1);
  });

  it('reports an export cut mid-way as a NetworkError', async () => {
    server = await startServer([
      (_req, res, url) => {
        if (!url.pathname.endsWith('/exports/jsonl')) return false;
        res.writeHead(200, { 'content-type': 'application/jsonl' });
        res.write('{"id":1}\n{"id":2}\n{"id":');
        setTimeout(() => res.socket?.destroy(), 10);
        return true;
      },
    ]);
    const ids: unknown[] = [];
    const error = await (async () => {
      for await (const r of ods(server!).iterateRecords('big', { strategy: 'export' })) ids.push(r.id);
    })().catch((e: unknown) => e);
    expect(ids).toEqual([1, 2]);
    expect(isNetworkError(error)).toBe(true);
  });

  it('streams exports', async () => {
    server = await startServer([odsRoutes(2_500)]);
    const stream = await ods(server).exportDataset('big', 'jsonl', { where: '`dep` = "59"' });
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>)
      text += decoder.decode(chunk, { stream: true });
    expect(text.trim().split('\n')).toHaveLength(2_500);
    expect(server.requests[0]).toContain('where=');
  });
});
