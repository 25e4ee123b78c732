/**
 * Paging returns every record or throws a typed error: against fakes of the CKAN and Opendatasoft APIs
 * as documented (server caps, nulls, duplicate keys, missing total_count), with and without 20 %
 * transient faults (503s, resets, truncated bodies), resuming from the iterator's cursor.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CprdfopError } from '../../src/errors.js';
import {
  createCkanClient,
  createOdsClient,
  IncompleteResultError,
  isIncompleteResultError,
  type PageCursor,
  type PagedIterator,
} from '../../src/opendata/index.js';
import { type FakeRecord, fakeCkan, fakeOds } from './_fakeApis.js';
import { type Fault, seeded, sendJson, startServer, type TestServer } from './_server.js';

const fast = { retries: 3, minDelay: 1, maxDelay: 2 };
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function ods(s: TestServer) {
  return createOdsClient({ baseUrl: `${s.url}/api/explore/v2.1`, retry: fast, cache: false });
}
function ckan(s: TestServer) {
  return createCkanClient({ baseUrl: s.url, retry: fast, cache: false });
}

/** Drains an iterator, resuming from its cursor after a transient (non-"incomplete") typed error. */
async function drain<T>(make: (cursor: PageCursor | undefined) => PagedIterator<T>, maxResumes = 200) {
  const items: T[] = [];
  let cursor: PageCursor | undefined;
  let resumes = 0;
  for (;;) {
    const iterator = make(cursor);
    try {
      for await (const item of iterator) items.push(item);
      return { items, resumes };
    } catch (error) {
      expect(error).toBeInstanceOf(CprdfopError);
      if (isIncompleteResultError(error) || resumes++ >= maxResumes) throw error;
      cursor = iterator.cursor;
    }
  }
}

/** 20 % of requests fail transiently: 503, connection reset or truncated body, reproducibly. */
function transientFaults(seed: number): (n: number) => Fault | undefined {
  const random = seeded(seed);
  return () => {
    const roll = random();
    if (roll < 0.07) return { kind: 'status', status: 503 };
    if (roll < 0.14) return { kind: 'reset' };
    if (roll < 0.2) return { kind: 'truncate' };
    return undefined;
  };
}

/** 20 % of requests fail, of every kind: 503, reset, truncated body, header-only 429, HTML 200, stall. */
function mixedFaults(seed: number): (n: number) => Fault | undefined {
  const random = seeded(seed);
  return () => {
    const roll = random();
    if (roll < 0.04) return { kind: 'status', status: 503 };
    if (roll < 0.08) return { kind: 'reset' };
    if (roll < 0.12) return { kind: 'truncate' };
    if (roll < 0.16) return { kind: 'status', status: 429, headers: { 'retry-after': '0' } };
    if (roll < 0.19)
      return {
        kind: 'status',
        status: 200,
        body: '<!DOCTYPE html><html>maintenance</html>',
        headers: { 'content-type': 'text/html' },
      };
    if (roll < 0.2) return { kind: 'delay', ms: 400 };
    return undefined;
  };
}

/** 25,000 records: unique `rid`, `score` with duplicates and 1 % nulls, a date, a text code. */
function records(count = 25_000): FakeRecord[] {
  const random = seeded(7);
  const out: FakeRecord[] = [];
  for (let rid = 1; rid <= count; rid++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 2000) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    out.push({
      rid,
      score: random() < 0.01 ? null : Math.floor(random() * 3000),
      day,
      code: `c${String(rid).padStart(5, '0')}`,
    });
  }
  return out;
}
const FIELDS = { rid: 'int', score: 'int', day: 'date', code: 'text' } as const;

const distinctRids = (items: Record<string, unknown>[]) => new Set(items.map((r) => r.rid)).size;

describe('CKAN paging follows the server', () => {
  it('returns all 2,350 packages when rows_max caps a page at 1,000', async () => {
    server = await startServer([fakeCkan({ packages: 2_350, rows: 0 })]);
    const { items } = await drain(() => ckan(server!).iteratePackages({ pageSize: 5_000 }));
    expect(items).toHaveLength(2_350);
    expect(new Set(items.map((p) => p.id)).size).toBe(2_350);
  }, 120_000);

  it('returns all 12,345 DataStore rows when the DataStore caps limit at 500', async () => {
    server = await startServer([fakeCkan({ packages: 0, rows: 12_345 })]);
    const { items } = await drain(() => ckan(server!).iterateDatastore('r1', { pageSize: 1_000 }));
    expect(items).toHaveLength(12_345);
    expect(new Set(items.map((r) => r._id)).size).toBe(12_345);
    expect(server.requests.every((r) => r.includes('sort=_id%20asc'))).toBe(true);
  }, 120_000);

  it('without a total, reads until an empty page', async () => {
    server = await startServer([fakeCkan({ packages: 0, rows: 1_234, noTotal: true })]);
    const { items } = await drain(() => ckan(server!).iterateDatastore('r1', { pageSize: 1_000 }));
    expect(items).toHaveLength(1_234);
  });

  it('throws IncompleteResultError when a page is empty before the count', async () => {
    server = await startServer([
      (_req, res, url) => {
        const start = Number(url.searchParams.get('start'));
        const results =
          start < 50 ? Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, name: `n${i}` })) : [];
        sendJson(res, 200, { success: true, result: { count: 100, results } });
        return true;
      },
    ]);
    const iterator = ckan(server).iteratePackages();
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const p of iterator) seen.push(p);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(50);
    expect(error).toBeInstanceOf(IncompleteResultError);
    expect(error).toMatchObject({ reason: 'empty-page', expected: 100, received: 50 });
    expect(iterator.cursor).toMatchObject({ kind: 'offset', offset: 50, yielded: 50 });
  });

  it('throws when the count changes while paging', async () => {
    let calls = 0;
    server = await startServer([
      (_req, res) => {
        calls++;
        sendJson(res, 200, {
          success: true,
          result: {
            count: calls === 1 ? 200 : 150,
            results: Array.from({ length: 100 }, (_, i) => ({ id: `${calls}-${i}` })),
          },
        });
        return true;
      },
    ]);
    await expect(drain(() => ckan(server!).iteratePackages())).rejects.toMatchObject({
      reason: 'total-changed',
    });
  });

  it('12,345 rows exactly under 20 % transient faults, resuming from the cursor', async () => {
    server = await startServer([fakeCkan({ packages: 0, rows: 12_345 })]);
    server.fault = transientFaults(11);
    const { items, resumes } = await drain((cursor) =>
      ckan(server!).iterateDatastore('r1', { pageSize: 500, ...(cursor ? { cursor } : {}) }),
    );
    expect(items).toHaveLength(12_345);
    expect(new Set(items.map((r) => r._id)).size).toBe(12_345);
    expect(resumes).toBeGreaterThanOrEqual(0);
  }, 120_000);
});

describe('Opendatasoft paging beyond the 10,000 window', () => {
  it('keyset on a key with duplicates and 1 % nulls plus a tie-breaker: exactly 25,000', async () => {
    const data = records();
    expect(data.filter((r) => r.score === null).length).toBeGreaterThan(100);
    server = await startServer([fakeOds({ fields: FIELDS, records: data })]);
    const { items } = await drain(() =>
      ods(server!).iterateRecords('ds', { keyField: 'score', tieBreaker: 'rid' }),
    );
    expect(items).toHaveLength(25_000);
    expect(distinctRids(items)).toBe(25_000);
  }, 120_000);

  it('keyset on a non-unique key without a tie-breaker throws instead of dropping records', async () => {
    server = await startServer([fakeOds({ fields: FIELDS, records: records() })]);
    const error = await drain(() => ods(server!).iterateRecords('ds', { keyField: 'score' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IncompleteResultError);
    expect(error).toMatchObject({ reason: 'key' });
  });

  it('keyset on a date key with a tie-breaker, nulls last on the server: exactly 25,000', async () => {
    server = await startServer([fakeOds({ fields: FIELDS, records: records(), nullsLast: true })]);
    const { items } = await drain(() =>
      ods(server!).iterateRecords('ds', { keyField: 'day', tieBreaker: 'rid' }),
    );
    expect(distinctRids(items)).toBe(25_000);
    expect(items).toHaveLength(25_000);
  }, 120_000);

  it('refuses a text key (ODSQL documents only "=" on text) before sending any ">"', async () => {
    server = await startServer([fakeOds({ fields: FIELDS, records: records(100) })]);
    await expect(drain(() => ods(server!).iterateRecords('ds', { keyField: 'code' }))).rejects.toMatchObject({
      code: 'E_ODS_KEYSET',
    });
    expect(server.requests.some((r) => r.includes('%3E'))).toBe(false);
  });

  it('without total_count, auto paging asks count(*) and exports: exactly 25,000', async () => {
    server = await startServer([fakeOds({ fields: FIELDS, records: records(), noTotal: true })]);
    const { items } = await drain(() => ods(server!).iterateRecords('ds'));
    expect(items).toHaveLength(25_000);
    expect(server.requests.some((r) => r.includes('count(*)') || r.includes('count%28*%29'))).toBe(true);
  }, 120_000);

  it('without total_count nor count(*), offset paging throws at the window instead of stopping at 10,000', async () => {
    server = await startServer([
      (_req, res, url) => {
        if (url.searchParams.get('select')) {
          sendJson(res, 200, { results: [] });
          return true;
        }
        return false;
      },
      fakeOds({ fields: FIELDS, records: records(), noTotal: true }),
    ]);
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const r of ods(server!).iterateRecords('ds', { strategy: 'offset' })) seen.push(r);
    })().catch((e: unknown) => e);
    expect(seen).toHaveLength(10_000);
    expect(error).toBeInstanceOf(IncompleteResultError);
    expect(error).toMatchObject({ reason: 'window', received: 10_000 });
  });

  it('detects a server that returns fewer records than total_count', async () => {
    server = await startServer([
      (_req, res, url) => {
        if (!url.pathname.endsWith('/records')) return false;
        const offset = Number(url.searchParams.get('offset'));
        const results = offset === 0 ? Array.from({ length: 30 }, (_, i) => ({ rid: i })) : [];
        sendJson(res, 200, { total_count: 60, results });
        return true;
      },
    ]);
    const error = await drain(() => ods(server!).iterateRecords('ds', { pageSize: 30 })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name: 'IncompleteResultError',
      reason: 'empty-page',
      expected: 60,
      received: 30,
    });
  });

  it('keyset: exactly 25,000 under 20 % transient faults, resuming from the cursor', async () => {
    server = await startServer([fakeOds({ fields: FIELDS, records: records() })]);
    server.fault = transientFaults(5);
    const { items } = await drain((cursor) =>
      ods(server!).iterateRecords('ds', {
        keyField: 'score',
        tieBreaker: 'rid',
        ...(cursor ? { cursor } : {}),
      }),
    );
    expect(items).toHaveLength(25_000);
    expect(distinctRids(items)).toBe(25_000);
  }, 120_000);

  it('offset within the window: the cursor resumes where a failure stopped', async () => {
    server = await startServer([fakeOds({ fields: FIELDS, records: records(5_000) })]);
    server.fault = (n) => (n === 7 ? { kind: 'status', status: 400, body: '{}' } : undefined);
    const iterator = ods(server).iterateRecords('ds', { orderBy: '`rid` ASC' });
    const first: Record<string, unknown>[] = [];
    await expect(
      (async () => {
        for await (const r of iterator) first.push(r);
      })(),
    ).rejects.toBeInstanceOf(CprdfopError);
    const cursor = iterator.cursor;
    expect(cursor).toMatchObject({ kind: 'offset', yielded: first.length, total: 5_000 });
    const rest: Record<string, unknown>[] = [];
    for await (const r of ods(server).iterateRecords('ds', { orderBy: '`rid` ASC', cursor })) rest.push(r);
    expect(distinctRids([...first, ...rest])).toBe(5_000);
    expect(first.length + rest.length).toBe(5_000);
  });

  it('exports pass group_by, use_labels, compressed and epsg', async () => {
    server = await startServer([fakeOds({ fields: FIELDS, records: records(3) })]);
    const stream = await ods(server).exportDataset('ds', 'jsonl', {
      groupBy: 'day',
      useLabels: true,
      compressed: false,
      epsg: 2154,
    });
    await stream.cancel();
    const sent = new URL(`http://x${server.requests[0]}`).searchParams;
    expect(sent.get('group_by')).toBe('day');
    expect(sent.get('use_labels')).toBe('true');
    expect(sent.get('compressed')).toBe('false');
    expect(sent.get('epsg')).toBe('2154');
  });

  describe('under 20 % mixed faults (503, reset, truncated, header-only 429, HTML 200, stalled)', () => {
    const client = (s: TestServer) =>
      createOdsClient({ baseUrl: `${s.url}/api/explore/v2.1`, retry: fast, cache: false, timeout: 200 });

    it('keyset: exactly 25,000 or typed errors, resumed from the cursor', async () => {
      server = await startServer([fakeOds({ fields: FIELDS, records: records() })]);
      server.fault = mixedFaults(21);
      const { items } = await drain((cursor) =>
        client(server!).iterateRecords('ds', {
          keyField: 'score',
          tieBreaker: 'rid',
          ...(cursor ? { cursor } : {}),
        }),
      );
      expect(items).toHaveLength(25_000);
      expect(distinctRids(items)).toBe(25_000);
    }, 120_000);

    it('export ordered by rid: exactly 25,000 or typed errors, resumed from the cursor', async () => {
      server = await startServer([fakeOds({ fields: FIELDS, records: records() })]);
      server.fault = mixedFaults(22);
      const { items } = await drain((cursor) =>
        client(server!).iterateRecords('ds', {
          strategy: 'export',
          orderBy: '`rid` ASC',
          ...(cursor ? { cursor } : {}),
        }),
      );
      expect(items).toHaveLength(25_000);
      expect(distinctRids(items)).toBe(25_000);
    }, 120_000);

    it('CKAN DataStore: exactly 12,345 or typed errors, resumed from the cursor', async () => {
      server = await startServer([fakeCkan({ packages: 0, rows: 12_345 })]);
      server.fault = mixedFaults(23);
      const ckanClient = createCkanClient({ baseUrl: server.url, retry: fast, cache: false, timeout: 200 });
      const { items } = await drain((cursor) =>
        ckanClient.iterateDatastore('r1', { pageSize: 500, ...(cursor ? { cursor } : {}) }),
      );
      expect(items).toHaveLength(12_345);
      expect(new Set(items.map((r) => r._id)).size).toBe(12_345);
    }, 120_000);
  });
});
