import { type PageCursor, type PagedIterator, withCursor } from './_internal/paging.js';
import { seg } from './_internal/util.js';
import { type Client, type ClientOptions, createClient } from './createClient.js';
import { HttpError } from './HttpError.js';
import { IncompleteResultError } from './IncompleteResultError.js';
import { ResponseValidationError } from './ResponseValidationError.js';

/**
 * A CKAN dataset (`package`), as sent (only the most used fields are typed).
 * @category CKAN
 */
export interface CkanPackage {
  id: string;
  name: string;
  title?: string;
  notes?: string;
  metadata_modified?: string;
  resources?: {
    id: string;
    name?: string;
    format?: string;
    url?: string;
    datastore_active?: boolean;
    [k: string]: unknown;
  }[];
  [key: string]: unknown;
}

/**
 * Options of {@link createCkanClient}.
 * @category CKAN
 */
export interface CkanClientOptions extends ClientOptions {
  /** The portal root, e.g. `https://opendata.hautsdefrance.fr` (the client adds `/api/3/action/…`). */
  baseUrl: string;
  /** Sent as the `Authorization` header (CKAN API token). */
  apiKey?: string;
  /** Reuse an existing HTTP client. */
  client?: Client;
}

/**
 * Query of `datastore_search`.
 * @category CKAN
 */
export interface CkanDatastoreQuery {
  /** Full-text query. */
  q?: string;
  /** Exact-match filters `field → value`. */
  filters?: Record<string, unknown>;
  /** e.g. `"_id asc"`. */
  sort?: string;
  /** Comma-separated field names. */
  fields?: string;
  limit?: number;
  offset?: number;
  signal?: AbortSignal;
}

/**
 * A CKAN Action API client (`package_search`, `package_show`, `datastore_search`, with iteration).
 * @category CKAN
 */
export interface CkanClient {
  readonly http: Client;
  /** Searches datasets. */
  packageSearch(query?: {
    q?: string;
    fq?: string;
    sort?: string;
    rows?: number;
    start?: number;
    signal?: AbortSignal;
  }): Promise<{
    count: number;
    results: CkanPackage[];
  }>;
  /**
   * Every dataset matching the query, paging with `rows`/`start`. Advances by the number of results the
   * server actually returned (CKAN caps `rows` at `ckan.search.rows_max`, 1,000 by default) until
   * `count` is reached; sorts by `name asc` unless `sort` is given, so pages do not overlap. Throws
   * {@link IncompleteResultError} when a page is empty before `count`, when `count` changes while
   * paging, or when more or fewer than `count` datasets arrive. `cursor` resumes a failed iteration.
   */
  iteratePackages(query?: {
    q?: string;
    fq?: string;
    sort?: string;
    pageSize?: number;
    signal?: AbortSignal;
    cursor?: PageCursor;
  }): PagedIterator<CkanPackage>;
  /** One dataset, or `null` when CKAN answers "Not Found". */
  packageShow(id: string, options?: { signal?: AbortSignal }): Promise<CkanPackage | null>;
  /** One page of a DataStore resource. */
  datastoreSearch(
    resourceId: string,
    query?: CkanDatastoreQuery,
  ): Promise<{
    total: number | undefined;
    fields: { id: string; type: string }[];
    records: Record<string, unknown>[];
  }>;
  /**
   * Every record of a DataStore resource, paging with `limit`/`offset`. Advances by the number of
   * records the server actually returned (the DataStore caps `limit`, e.g. `ckan.datastore.search.rows_max`)
   * until `total`; sorts by `_id asc` unless `sort` is given. Without `total` (the server may omit it)
   * it stops at the first empty page. Throws {@link IncompleteResultError} like {@link CkanClient.iteratePackages}.
   */
  iterateDatastore(
    resourceId: string,
    query?: Omit<CkanDatastoreQuery, 'limit' | 'offset'> & { pageSize?: number; cursor?: PageCursor },
  ): PagedIterator<Record<string, unknown>>;
}

/**
 * Creates a CKAN Action API client. The error envelope `{success:false,error:{__type,message}}` becomes an
 * {@link HttpError} whose `apiCode` is the `__type` (also when CKAN answers it with status 200).
 *
 * @param options - Portal root and any {@link ClientOptions}.
 * @returns A {@link CkanClient}.
 * @throws Requests throw the client's errors ({@link HttpError}, {@link NetworkError}, …).
 * @example
 * ```ts noexec
 * import { createCkanClient, PRESETS } from 'cprdfop/opendata';
 * const ckan = createCkanClient({ baseUrl: PRESETS.hautsDeFrance.baseUrl });
 * const { count } = await ckan.packageSearch({ q: 'formation', rows: 10 });
 * ```
 * @category CKAN
 */
export function createCkanClient(options: CkanClientOptions): CkanClient {
  const headers = { ...options.headers, ...(options.apiKey ? { authorization: options.apiKey } : {}) };
  const http = options.client ?? createClient({ ...options, headers });
  const base = options.baseUrl.replace(/\/+$/, '');

  async function action<T>(
    name: string,
    query: Record<string, string | number | undefined>,
    signal?: AbortSignal,
  ): Promise<T> {
    const p = `${base}/api/3/action/${seg(name)}`;
    const body = await http.json<unknown>(p, {
      query,
      ...(signal ? { signal } : {}),
      ...(options.client ? { headers } : {}),
    });
    const url = http.url(p, query);
    if (typeof body !== 'object' || body === null) {
      throw new ResponseValidationError(url, [
        { path: [], message: 'expected the CKAN envelope {success, result}' },
      ]);
    }
    const env = body as {
      success?: unknown;
      result?: unknown;
      error?: { __type?: string; message?: string };
    };
    if (env.success === false) {
      throw new HttpError({ method: 'GET', url, status: 200, body: JSON.stringify(body) });
    }
    if (env.success !== true || !('result' in env)) {
      throw new ResponseValidationError(url, [
        { path: ['success'], message: 'expected the CKAN envelope {success: true, result}' },
      ]);
    }
    return env.result as T;
  }

  const client: CkanClient = {
    http,
    async packageSearch(q = {}) {
      const r = await action<{ count?: unknown; results?: unknown }>(
        'package_search',
        { q: q.q, fq: q.fq, sort: q.sort, rows: q.rows, start: q.start },
        q.signal,
      );
      if (typeof r?.count !== 'number' || !Array.isArray(r.results)) {
        throw new ResponseValidationError(http.url(`${base}/api/3/action/package_search`), [
          { path: ['result'], message: 'expected {count: number, results: array}' },
        ]);
      }
      return { count: r.count, results: r.results as CkanPackage[] };
    },
    iteratePackages(q = {}) {
      const { cursor: start, pageSize, ...query } = q;
      return offsetPages(
        `${base}/api/3/action/package_search`,
        start,
        pageSize ?? 100,
        async (rows, offset) => {
          const page = await client.packageSearch({
            ...query,
            sort: query.sort ?? 'name asc',
            rows,
            start: offset,
          });
          return { total: page.count, items: page.results };
        },
      );
    },
    async packageShow(id, o = {}) {
      try {
        return await action<CkanPackage>('package_show', { id }, o.signal);
      } catch (error) {
        if (error instanceof HttpError && (error.status === 404 || error.apiCode === 'Not Found Error'))
          return null;
        throw error;
      }
    },
    async datastoreSearch(resourceId, q = {}) {
      const r = await action<{ total?: unknown; fields?: unknown; records?: unknown }>(
        'datastore_search',
        {
          resource_id: resourceId,
          q: q.q,
          filters: q.filters ? JSON.stringify(q.filters) : undefined,
          sort: q.sort,
          fields: q.fields,
          limit: q.limit,
          offset: q.offset,
        },
        q.signal,
      );
      if (!Array.isArray(r?.records)) {
        throw new ResponseValidationError(http.url(`${base}/api/3/action/datastore_search`), [
          { path: ['result', 'records'], message: 'expected an array' },
        ]);
      }
      return {
        total: typeof r.total === 'number' ? r.total : undefined,
        fields: Array.isArray(r.fields) ? (r.fields as { id: string; type: string }[]) : [],
        records: r.records as Record<string, unknown>[],
      };
    },
    iterateDatastore(resourceId, q = {}) {
      const { cursor: start, pageSize, ...query } = q;
      return offsetPages(
        `${base}/api/3/action/datastore_search?resource_id=${resourceId}`,
        start,
        pageSize ?? 1000,
        async (limit, offset) => {
          const page = await client.datastoreSearch(resourceId, {
            ...query,
            sort: query.sort ?? '_id asc',
            limit,
            offset,
          });
          return { total: page.total, items: page.records };
        },
      );
    },
  };
  return client;
}

/**
 * Offset paging that follows what the server returns: the offset advances by the items received (a
 * server cap on the page size is followed, never mistaken for the end), the end is the server's total
 * when it sends one (checked exactly), else the first empty page.
 */
function offsetPages<T>(
  source: string,
  start: PageCursor | undefined,
  pageSize: number,
  fetchPage: (size: number, offset: number) => Promise<{ total: number | undefined; items: T[] }>,
): PagedIterator<T> {
  if (start !== undefined && start.kind !== 'offset')
    throw new TypeError(`cursor of kind "${start.kind}" cannot resume offset paging of ${source}`);
  const state = { offset: start?.offset ?? 0, yielded: start?.yielded ?? 0, total: start?.total };
  const cursor = (): PageCursor => ({ kind: 'offset', ...state });
  const fail = (reason: 'empty-page' | 'total-changed' | 'count-mismatch', detail: string) =>
    new IncompleteResultError({
      source,
      reason,
      expected: state.total,
      received: state.yielded,
      detail,
      cursor: cursor(),
    });
  async function* run(): AsyncGenerator<T, void, undefined> {
    if (state.total !== undefined && state.offset >= state.total) {
      if (state.yielded !== state.total) throw fail('count-mismatch', 'resumed past the end');
      return;
    }
    for (;;) {
      const page = await fetchPage(pageSize, state.offset);
      if (page.total !== undefined) {
        if (state.total === undefined) state.total = page.total;
        else if (page.total !== state.total)
          throw fail('total-changed', `the total changed from ${state.total} to ${page.total} while paging`);
      }
      const total = state.total;
      if (page.items.length === 0) {
        if (total === undefined || state.offset >= total) {
          if (total !== undefined && state.yielded !== total)
            throw fail('count-mismatch', `offset ${state.offset}`);
          return;
        }
        throw fail('empty-page', `empty page at offset ${state.offset}`);
      }
      if (total !== undefined && state.offset + page.items.length > total)
        throw fail('count-mismatch', `page at offset ${state.offset} goes past the total`);
      for (const item of page.items) {
        state.offset++;
        state.yielded++;
        yield item;
      }
      if (total !== undefined && state.offset >= total) {
        if (state.yielded !== total) throw fail('count-mismatch', 'resumed from a cursor of another query?');
        return;
      }
    }
  }
  return withCursor(run(), cursor);
}
