import { seg } from './_internal/util.js';
import { type Client, type ClientOptions, createClient } from './createClient.js';
import { HttpError } from './HttpError.js';
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
  /** Every dataset matching the query, paging with `rows`/`start`. */
  iteratePackages(query?: {
    q?: string;
    fq?: string;
    sort?: string;
    pageSize?: number;
    signal?: AbortSignal;
  }): AsyncGenerator<CkanPackage>;
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
  /** Every record of a DataStore resource, paging with `limit`/`offset`. */
  iterateDatastore(
    resourceId: string,
    query?: Omit<CkanDatastoreQuery, 'limit' | 'offset'> & { pageSize?: number },
  ): AsyncGenerator<Record<string, unknown>>;
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
    async *iteratePackages(q = {}) {
      const rows = q.pageSize ?? 100;
      for (let start = 0; ; start += rows) {
        const page = await client.packageSearch({ ...q, rows, start });
        yield* page.results;
        if (page.results.length < rows || start + rows >= page.count) return;
      }
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
    async *iterateDatastore(resourceId, q = {}) {
      const limit = q.pageSize ?? 1000;
      for (let offset = 0; ; offset += limit) {
        const page = await client.datastoreSearch(resourceId, { ...q, limit, offset });
        yield* page.records;
        if (page.records.length < limit || (page.total !== undefined && offset + limit >= page.total)) return;
      }
    },
  };
  return client;
}
