import { z } from 'zod';
import { CprdfopError } from '../errors.js';
import { readLines } from './_internal/lines.js';
import type { StandardSchemaV1 } from './_internal/standardSchema.js';
import { seg } from './_internal/util.js';
import { validateAll, zodIssues } from './_internal/validate.js';
import { type Client, type ClientOptions, createClient } from './createClient.js';
import { HttpError } from './HttpError.js';
import { NetworkError } from './NetworkError.js';
import { odsqlAnd, odsqlIdentifier, odsqlLiteral } from './odsql.js';
import { ResponseValidationError } from './ResponseValidationError.js';

export type { StandardSchemaV1 } from './_internal/standardSchema.js';

/**
 * The Explore API refuses `offset + limit` above this; {@link OdsClient.iterateRecords} pages beyond it.
 * @example
 * ```ts
 * import { ODS_RECORDS_WINDOW } from 'cprdfop/opendata';
 * ODS_RECORDS_WINDOW; // 10000
 * ```
 * @category Opendatasoft
 */
export const ODS_RECORDS_WINDOW = 10_000;

/**
 * A record as returned by the records endpoint (flat object).
 * @category Opendatasoft
 */
export type OdsRecord = Record<string, unknown>;

/**
 * Field types of the Explore API.
 * @category Opendatasoft
 */
export type OdsFieldType =
  | 'text'
  | 'int'
  | 'double'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'geo_point_2d'
  | 'geo_shape'
  | 'file'
  | 'json_blob';

/**
 * A dataset field, with the JSON type its values have in records.
 * @category Opendatasoft
 */
export interface OdsField {
  name: string;
  label: string | undefined;
  /** The Explore API type (unknown types are kept as-is). */
  type: OdsFieldType | (string & {});
  description: string | undefined;
  /** JSON type of the values: `string` (text, dates as ISO strings), `number`, `boolean`, `object` (geo, file, json), `unknown`. */
  valueType: 'string' | 'number' | 'boolean' | 'object' | 'unknown';
}

/**
 * Dataset metadata (from the catalog or `/catalog/datasets/{id}`).
 * @category Opendatasoft
 */
export interface OdsDataset {
  id: string;
  uid: string | undefined;
  title: string | undefined;
  modified: string | undefined;
  hasRecords: boolean | undefined;
  features: string[];
  fields: OdsField[];
  /** Every metadata template, as sent (`metas.default.title`, …). */
  metas: Record<string, unknown>;
}

/**
 * Query parameters of the records, catalog and export endpoints.
 * @category Opendatasoft
 */
export interface OdsQuery {
  select?: string;
  /** ODSQL filter: build it with {@link odsql} / {@link odsqlWhere} to escape values. */
  where?: string;
  orderBy?: string;
  groupBy?: string;
  limit?: number;
  offset?: number;
  /** Facet refinements, `field → value(s)` (sent as repeated `refine=field:value`). */
  refine?: Record<string, string | readonly string[]>;
  /** Facet exclusions, like `refine`. */
  exclude?: Record<string, string | readonly string[]>;
  lang?: string;
  timezone?: string;
  signal?: AbortSignal;
}

/**
 * One page of records.
 * @category Opendatasoft
 */
export interface OdsRecordsPage<T> {
  /** `total_count` (may be absent on aggregations). */
  totalCount: number | undefined;
  records: T[];
}

/**
 * Options of {@link OdsClient.iterateRecords}.
 * @category Opendatasoft
 */
export interface OdsIterateOptions<T> extends Omit<OdsQuery, 'limit' | 'offset' | 'groupBy'> {
  /** Records per request (1–100, default 100). */
  pageSize?: number;
  /**
   * A unique, sortable field for keyset paging (`order_by key` + `where key > last`): pages through any
   * number of records with ordinary requests. Takes precedence over `orderBy`.
   */
  keyField?: string;
  /**
   * `auto` (default): keyset when `keyField` is set, else offset paging when the result fits the 10,000
   * window, else the jsonl export. `offset` fails beyond the window.
   */
  strategy?: 'auto' | 'offset' | 'keyset' | 'export';
  /** Validates (and types) every record; failures throw {@link ResponseValidationError}. */
  schema?: StandardSchemaV1<unknown, T>;
}

/**
 * Export formats streamed by {@link OdsClient.exportDataset}.
 * @category Opendatasoft
 */
export type OdsExportFormat = 'jsonl' | 'geojson' | 'csv' | 'json' | (string & {});

/**
 * An Opendatasoft Explore v2.1 client.
 * @category Opendatasoft
 */
export interface OdsClient {
  /** The underlying HTTP client. */
  readonly http: Client;
  /** Searches the catalog (`/catalog/datasets`). */
  searchCatalog(query?: OdsQuery): Promise<{ totalCount: number | undefined; datasets: OdsDataset[] }>;
  /** One dataset's metadata, or `null` when it does not exist (404). */
  getDataset(id: string, options?: { signal?: AbortSignal }): Promise<OdsDataset | null>;
  /** One page of records (`limit` ≤ 100, `offset + limit` ≤ 10,000). */
  getRecords<T = OdsRecord>(
    id: string,
    query?: OdsQuery & { schema?: StandardSchemaV1<unknown, T> },
  ): Promise<OdsRecordsPage<T>>;
  /** Every matching record, paging transparently beyond the 10,000 window. */
  iterateRecords<T = OdsRecord>(id: string, options?: OdsIterateOptions<T>): AsyncGenerator<T>;
  /** Streams a whole export (`/exports/{format}`), not paginated. */
  exportDataset(
    id: string,
    format: OdsExportFormat,
    query?: Omit<OdsQuery, 'offset' | 'groupBy'>,
  ): Promise<ReadableStream<Uint8Array>>;
}

/**
 * Options of {@link createOdsClient}.
 * @category Opendatasoft
 */
export interface OdsClientOptions extends ClientOptions {
  /** The API root, e.g. `https://data.iledefrance.fr/api/explore/v2.1`. */
  baseUrl: string;
  /** Sent as `Authorization: Apikey <key>`. */
  apiKey?: string;
  /** Reuse an existing HTTP client (its base URL is ignored). */
  client?: Client;
}

const FieldSchema = z.looseObject({
  name: z.string(),
  label: z.string().nullish(),
  type: z.string(),
  description: z.string().nullish(),
});
const DatasetSchema = z.looseObject({
  dataset_id: z.string(),
  dataset_uid: z.string().nullish(),
  has_records: z.boolean().nullish(),
  features: z.array(z.string()).nullish(),
  metas: z.record(z.string(), z.unknown()).nullish(),
  fields: z.array(FieldSchema).nullish(),
});
const CatalogSchema = z.looseObject({ total_count: z.number().nullish(), results: z.array(DatasetSchema) });

const VALUE_TYPES: Record<string, OdsField['valueType']> = {
  text: 'string',
  date: 'string',
  datetime: 'string',
  int: 'number',
  double: 'number',
  boolean: 'boolean',
  geo_point_2d: 'object',
  geo_shape: 'object',
  file: 'object',
  json_blob: 'unknown',
};

function toDataset(d: z.infer<typeof DatasetSchema>): OdsDataset {
  const metas = (d.metas ?? {}) as Record<string, unknown>;
  const def = (metas.default ?? {}) as Record<string, unknown>;
  return {
    id: d.dataset_id,
    uid: d.dataset_uid ?? undefined,
    title: typeof def.title === 'string' ? def.title : undefined,
    modified: typeof def.modified === 'string' ? def.modified : undefined,
    hasRecords: d.has_records ?? undefined,
    features: d.features ?? [],
    fields: (d.fields ?? []).map((f) => ({
      name: f.name,
      label: f.label ?? undefined,
      type: f.type,
      description: f.description ?? undefined,
      valueType: VALUE_TYPES[f.type] ?? 'unknown',
    })),
    metas,
  };
}

function facet(values: Record<string, string | readonly string[]> | undefined): string[] | undefined {
  if (!values) return undefined;
  const out: string[] = [];
  for (const [field, v] of Object.entries(values)) {
    for (const item of typeof v === 'string' ? [v] : v) out.push(`${field}:${item}`);
  }
  return out;
}

function params(q: OdsQuery): Record<string, string | number | string[] | undefined> {
  return {
    select: q.select,
    where: q.where,
    order_by: q.orderBy,
    group_by: q.groupBy,
    limit: q.limit,
    offset: q.offset,
    refine: facet(q.refine),
    exclude: facet(q.exclude),
    lang: q.lang,
    timezone: q.timezone,
  };
}

function checkPage(url: string, body: unknown): { total_count?: number; results: OdsRecord[] } {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ResponseValidationError(url, [{ path: [], message: 'expected an object with "results"' }]);
  }
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.results))
    issues.push({ path: ['results'], message: `expected an array, got ${typeof b.results}` });
  else {
    for (let i = 0; i < b.results.length; i++) {
      const r = b.results[i];
      if (typeof r !== 'object' || r === null || Array.isArray(r))
        issues.push({ path: ['results', i], message: 'expected an object' });
    }
  }
  if (b.total_count !== undefined && b.total_count !== null && typeof b.total_count !== 'number') {
    issues.push({ path: ['total_count'], message: `expected a number, got ${typeof b.total_count}` });
  }
  if (issues.length) throw new ResponseValidationError(url, issues);
  return b as { total_count?: number; results: OdsRecord[] };
}

/**
 * Creates an Opendatasoft Explore v2.1 client: catalog search, dataset metadata with typed fields,
 * records (validated by any Standard Schema), transparent iteration beyond the 10,000-record window,
 * and streamed exports. Works in browsers.
 *
 * @param options - Base URL, optional API key, and any {@link ClientOptions}.
 * @returns An {@link OdsClient}.
 * @throws Requests throw the client's errors: {@link QuotaExceededError} on an exhausted quota
 *   (never retried), {@link HttpError} on a bad query (`apiCode` e.g. `InvalidRESTParameterError`).
 * @example
 * ```ts noexec
 * import { createOdsClient, odsqlWhere, PRESETS } from 'cprdfop/opendata';
 * const ods = createOdsClient({ baseUrl: PRESETS.ileDeFrance.baseUrl });
 * for await (const r of ods.iterateRecords('some-dataset', { where: odsqlWhere({ dep: '75' }), keyField: 'id' })) {
 *   console.log(r);
 * }
 * ```
 * @category Opendatasoft
 */
export function createOdsClient(options: OdsClientOptions): OdsClient {
  const headers = {
    ...options.headers,
    ...(options.apiKey ? { authorization: `Apikey ${options.apiKey}` } : {}),
  };
  const http = options.client ?? createClient({ ...options, headers });
  const base = options.baseUrl.replace(/\/+$/, '');
  const path = (p: string): string => `${base}${p}`;
  const reqHeaders = options.client ? headers : undefined;

  async function page<T>(
    id: string,
    query: OdsQuery & { schema?: StandardSchemaV1<unknown, T> | undefined },
    firstIndex: number,
  ): Promise<{ totalCount: number | undefined; raw: OdsRecord[]; records: T[] }> {
    const p = path(`/catalog/datasets/${seg(id)}/records`);
    const url = http.url(p, params(query));
    const body = checkPage(
      url,
      await http.json(p, {
        query: params(query),
        ...(query.signal ? { signal: query.signal } : {}),
        ...(reqHeaders ? { headers: reqHeaders } : {}),
      }),
    );
    const records = await validateAll<T>(url, body.results, query.schema, firstIndex);
    return { totalCount: body.total_count ?? undefined, raw: body.results, records };
  }

  async function* fromExport<T>(id: string, o: OdsIterateOptions<T>): AsyncGenerator<T> {
    const stream = await client.exportDataset(id, 'jsonl', {
      ...o,
      ...(o.keyField ? { orderBy: `${odsqlIdentifier(o.keyField).odsql} ASC` } : {}),
    });
    const url = http.url(path(`/catalog/datasets/${seg(id)}/exports/jsonl`));
    let index = 0;
    const lines = readLines(stream);
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await lines.next();
      } catch (error) {
        // A stream cut mid-way: exports are one request and are not resumed (use keyField for that).
        throw new NetworkError('GET', url, error);
      }
      if (next.done) return;
      const line = next.value;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        throw new ResponseValidationError(url, [
          { path: [index], message: `invalid JSON line (${(error as Error).message})` },
        ]);
      }
      const [value] = await validateAll<T>(url, [record], o.schema, index);
      index++;
      yield value as T;
    }
  }

  const client: OdsClient = {
    http,
    async searchCatalog(query = {}) {
      const p = path('/catalog/datasets');
      const body = await http.json(p, {
        query: params(query),
        ...(query.signal ? { signal: query.signal } : {}),
        ...(reqHeaders ? { headers: reqHeaders } : {}),
      });
      const parsed = CatalogSchema.safeParse(body);
      if (!parsed.success)
        throw new ResponseValidationError(http.url(p, params(query)), zodIssues(parsed.error.issues));
      return {
        totalCount: parsed.data.total_count ?? undefined,
        datasets: parsed.data.results.map(toDataset),
      };
    },
    async getDataset(id, o = {}) {
      const p = path(`/catalog/datasets/${seg(id)}`);
      let body: unknown;
      try {
        body = await http.json(p, {
          ...(o.signal ? { signal: o.signal } : {}),
          ...(reqHeaders ? { headers: reqHeaders } : {}),
        });
      } catch (error) {
        if (error instanceof HttpError && error.status === 404) return null;
        throw error;
      }
      const parsed = DatasetSchema.safeParse(body);
      if (!parsed.success) throw new ResponseValidationError(http.url(p), zodIssues(parsed.error.issues));
      return toDataset(parsed.data);
    },
    async getRecords<T>(id: string, query: OdsQuery & { schema?: StandardSchemaV1<unknown, T> } = {}) {
      const r = await page<T>(id, query, 0);
      return { totalCount: r.totalCount, records: r.records };
    },
    async *iterateRecords<T>(id: string, o: OdsIterateOptions<T> = {}): AsyncGenerator<T> {
      const size = Math.max(1, Math.min(100, o.pageSize ?? 100));
      const strategy = o.strategy ?? 'auto';
      const { keyField } = o;
      if (strategy === 'export') {
        yield* fromExport(id, o);
        return;
      }
      if (strategy === 'keyset' || (strategy === 'auto' && keyField)) {
        if (!keyField)
          throw new CprdfopError('E_ODS_KEYSET', 'keyset paging needs a keyField (a unique, sortable field)');
        const key = odsqlIdentifier(keyField).odsql;
        let last: unknown;
        let index = 0;
        for (;;) {
          const where = odsqlAnd(
            o.where,
            last === undefined ? undefined : `${key} > ${odsqlLiteral(last as string | number)}`,
          );
          const r = await page<T>(
            id,
            { ...o, ...(where ? { where } : {}), orderBy: `${key} ASC`, limit: size, offset: 0 },
            index,
          );
          index += r.records.length;
          yield* r.records;
          if (r.raw.length < size) return;
          last = r.raw[r.raw.length - 1]?.[keyField];
          if (last === undefined || last === null || (typeof last !== 'string' && typeof last !== 'number')) {
            throw new CprdfopError(
              'E_ODS_KEYSET',
              `keyset paging on "${keyField}" of dataset "${id}": record ${index - 1} has no string or number value for it`,
            );
          }
        }
      }
      let offset = 0;
      const first = await page<T>(id, { ...o, limit: size, offset: 0 }, 0);
      if (first.totalCount !== undefined && first.totalCount > ODS_RECORDS_WINDOW) {
        if (strategy === 'offset') {
          throw new CprdfopError(
            'E_ODS_WINDOW',
            `dataset "${id}" has ${first.totalCount} matching records, beyond the ${ODS_RECORDS_WINDOW}-record window of offset paging: use keyField or strategy "export"`,
          );
        }
        yield* fromExport(id, o);
        return;
      }
      yield* first.records;
      offset = first.raw.length;
      if (first.raw.length < size) return;
      while (offset < ODS_RECORDS_WINDOW) {
        const limit = Math.min(size, ODS_RECORDS_WINDOW - offset);
        const r = await page<T>(id, { ...o, limit, offset }, offset);
        yield* r.records;
        offset += r.raw.length;
        if (r.raw.length < limit) return;
      }
    },
    async exportDataset(id, format, query = {}) {
      const p = path(`/catalog/datasets/${seg(id)}/exports/${seg(format)}`);
      const response = await http.stream(p, {
        query: params(query),
        ...(query.signal ? { signal: query.signal } : {}),
        ...(reqHeaders ? { headers: reqHeaders } : {}),
      });
      return response.body;
    },
  };
  return client;
}
