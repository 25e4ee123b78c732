import { CprdfopError } from '../errors.js';
import { EXPECTED, expectedGot, invalidJson, issueOf } from './_internal/issue.js';
import { readLines } from './_internal/lines.js';
import { type PageCursor, type PagedIterator, withCursor } from './_internal/paging.js';
import type { StandardSchemaV1 } from './_internal/standardSchema.js';
import { seg } from './_internal/util.js';
import { validateAll } from './_internal/validate.js';
import { type Client, type ClientOptions, createClient } from './createClient.js';
import { HttpError } from './HttpError.js';
import { type IncompleteReason, IncompleteResultError } from './IncompleteResultError.js';
import { NetworkError } from './NetworkError.js';
import { odsqlAnd, odsqlIdentifier } from './odsql.js';
import { ResponseValidationError, type ValidationIssue } from './ResponseValidationError.js';

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
   * A sortable numeric or date field for keyset paging (`order_by key, tieBreaker` + `where key > last`):
   * pages through any number of records with ordinary requests. Must be `int`, `double`, `date` or
   * `datetime`: ODSQL documents only `=` for text values, so a text key is refused. Records whose key is
   * null are read after the others (`key is null`, offset paging, at most 10,000 of them). Takes
   * precedence over `orderBy`.
   */
  keyField?: string;
  /**
   * A second numeric or date field, unique among records sharing a `keyField` value (e.g. a record id):
   * makes the order total when `keyField` has duplicates. Without it, duplicate keys throw
   * {@link IncompleteResultError} (reason `key`) rather than skip records.
   */
  tieBreaker?: string;
  /**
   * `auto` (default): keyset when `keyField` is set, else offset paging when the result fits the 10,000
   * window, else the jsonl export. `offset` fails beyond the window.
   */
  strategy?: 'auto' | 'offset' | 'keyset' | 'export';
  /** Resumes from the `cursor` of an iterator of the same query that failed. */
  cursor?: PageCursor;
  /** Validates (and types) every record; failures throw {@link ResponseValidationError}. */
  schema?: StandardSchemaV1<unknown, T>;
}

/**
 * Export formats streamed by {@link OdsClient.exportDataset}.
 * @category Opendatasoft
 */
export type OdsExportFormat = 'jsonl' | 'geojson' | 'csv' | 'json' | (string & {});

/**
 * Query parameters of the export endpoint (`/exports/{format}`): the records parameters (with
 * `group_by`) plus the export-only ones documented by the Explore API v2.1.
 * @category Opendatasoft
 */
export interface OdsExportQuery extends Omit<OdsQuery, 'offset'> {
  /** `use_labels`: column headers from field labels instead of names (csv, xlsx). */
  useLabels?: boolean;
  /** `compressed`: gzip the file (the stream is then gzip bytes unless the server sets Content-Encoding). */
  compressed?: boolean;
  /** `epsg`: the coordinate system of geographic exports (e.g. 2154 for Lambert-93). */
  epsg?: number;
}

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
  /**
   * Every matching record, paging transparently beyond the 10,000 window, or an
   * {@link IncompleteResultError} naming why completeness cannot be guaranteed. The count received is
   * checked against `total_count` (asked with `count(*)` when a page omits it).
   */
  iterateRecords<T = OdsRecord>(id: string, options?: OdsIterateOptions<T>): PagedIterator<T>;
  /** Streams a whole export (`/exports/{format}`), not paginated. */
  exportDataset(
    id: string,
    format: OdsExportFormat,
    query?: OdsExportQuery,
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

/** A catalog item as sent (checked by {@link checkDataset}; unknown keys are kept). */
interface RawDataset {
  dataset_id: string;
  dataset_uid?: string | null;
  has_records?: boolean | null;
  features?: string[] | null;
  metas?: Record<string, unknown> | null;
  fields?: { name: string; label?: string | null; type: string; description?: string | null }[] | null;
}

type Issues = ValidationIssue[];
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const nullish = (v: unknown): boolean => v === undefined || v === null;

/**
 * Checks a catalog item against the documented shape (hand-written rather than zod, so that the
 * Opendatasoft client does not pull zod into a browser bundle: see docs/opendata.md, bundle sizes).
 */
function checkDataset(value: unknown, path: (string | number)[], issues: Issues): value is RawDataset {
  const before = issues.length;
  const expect = (ok: boolean, key: string | number, messages: { fr: string; en: string }): void => {
    if (!ok) issues.push(issueOf([...path, key], messages));
  };
  if (!isObject(value)) {
    issues.push(issueOf(path, expectedGot('object', Array.isArray(value) ? 'array' : typeof value)));
    return false;
  }
  expect(typeof value.dataset_id === 'string', 'dataset_id', EXPECTED.string);
  expect(nullish(value.dataset_uid) || typeof value.dataset_uid === 'string', 'dataset_uid', EXPECTED.string);
  expect(
    nullish(value.has_records) || typeof value.has_records === 'boolean',
    'has_records',
    EXPECTED.boolean,
  );
  expect(
    nullish(value.features) ||
      (Array.isArray(value.features) && value.features.every((f) => typeof f === 'string')),
    'features',
    EXPECTED.arrayOfStrings,
  );
  expect(nullish(value.metas) || isObject(value.metas), 'metas', EXPECTED.object);
  if (!nullish(value.fields)) {
    if (!Array.isArray(value.fields)) expect(false, 'fields', EXPECTED.array);
    else
      value.fields.forEach((field: unknown, i: number) => {
        const at = [...path, 'fields', i];
        if (!isObject(field)) {
          issues.push(issueOf(at, EXPECTED.object));
          return;
        }
        if (typeof field.name !== 'string') issues.push(issueOf([...at, 'name'], EXPECTED.string));
        if (typeof field.type !== 'string') issues.push(issueOf([...at, 'type'], EXPECTED.string));
        for (const key of ['label', 'description'] as const)
          if (!nullish(field[key]) && typeof field[key] !== 'string')
            issues.push(issueOf([...at, key], EXPECTED.string));
      });
  }
  return issues.length === before;
}

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

function toDataset(d: RawDataset): OdsDataset {
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
      // Own keys only: a field type « constructor » or « toString » sent by the API is 'unknown'.
      valueType: (Object.hasOwn(VALUE_TYPES, f.type) ? VALUE_TYPES[f.type] : undefined) ?? 'unknown',
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
  const issues: ValidationIssue[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ResponseValidationError(url, [issueOf([], EXPECTED.objectWithResults)]);
  }
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.results)) issues.push(issueOf(['results'], expectedGot('array', typeof b.results)));
  else {
    for (let i = 0; i < b.results.length; i++) {
      const r = b.results[i];
      if (typeof r !== 'object' || r === null || Array.isArray(r))
        issues.push(issueOf(['results', i], EXPECTED.object));
    }
  }
  if (b.total_count !== undefined && b.total_count !== null && typeof b.total_count !== 'number') {
    issues.push(issueOf(['total_count'], expectedGot('number', typeof b.total_count)));
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

  /** The `count(*)` of a query (asked when a page omits `total_count`), or `undefined`. */
  async function countOf(id: string, query: OdsQuery): Promise<number | undefined> {
    const p = path(`/catalog/datasets/${seg(id)}/records`);
    const q = {
      ...params(query),
      order_by: undefined,
      group_by: undefined,
      limit: undefined,
      offset: undefined,
      select: 'count(*) as n',
    };
    const body = (await http.json(p, {
      query: q,
      ...(query.signal ? { signal: query.signal } : {}),
      ...(reqHeaders ? { headers: reqHeaders } : {}),
    })) as { results?: { n?: unknown }[] } | null;
    const n = body?.results?.[0]?.n;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
  }

  function iterate<T>(id: string, o: OdsIterateOptions<T>): PagedIterator<T> {
    const size = Math.max(1, Math.min(100, o.pageSize ?? 100));
    const strategy = o.strategy ?? 'auto';
    const { cursor: start, pageSize: _size, keyField, tieBreaker, strategy: _s, schema, ...query } = o;
    const source = `Opendatasoft dataset "${id}" (${base})`;
    const keyset = strategy === 'keyset' || (strategy === 'auto' && keyField !== undefined);
    let state: PageCursor = start
      ? structuredClone(start)
      : keyset
        ? { kind: 'keyset', nulls: 0, yielded: 0 }
        : strategy === 'export'
          ? { kind: 'export', offset: 0, yielded: 0 }
          : { kind: 'offset', offset: 0, yielded: 0 };
    if (keyset !== (state.kind === 'keyset') || (strategy === 'export' && state.kind !== 'export'))
      throw new TypeError(
        `cursor of kind "${state.kind}" does not match strategy "${strategy}" of ${source}`,
      );
    const fail = (reason: IncompleteReason, detail: string): IncompleteResultError =>
      new IncompleteResultError({
        source,
        reason,
        expected: state.total,
        received: state.yielded,
        detail,
        cursor: structuredClone(state),
      });
    const finish = (): void => {
      if (state.total !== undefined && state.yielded !== state.total)
        throw fail('count-mismatch', 'the number of records received differs from total_count');
    };
    const takeTotal = (total: number | undefined): void => {
      if (total === undefined) return;
      if (state.total === undefined) state.total = total;
      else if (state.total !== total)
        throw fail('total-changed', `total_count changed from ${state.total} to ${total} while paging`);
    };

    async function* offsetRun(): AsyncGenerator<T, void, undefined> {
      const s = state as Extract<PageCursor, { kind: 'offset' }>;
      for (;;) {
        if (s.total !== undefined && s.offset >= s.total) return finish();
        if (s.offset >= ODS_RECORDS_WINDOW)
          throw fail(
            'window',
            `more than ${ODS_RECORDS_WINDOW} records and offset paging cannot go further: pass keyField (a numeric or date field) or strategy "export"`,
          );
        const limit = Math.min(size, ODS_RECORDS_WINDOW - s.offset);
        const r = await page<T>(id, { ...query, schema, limit, offset: s.offset }, s.offset);
        takeTotal(r.totalCount);
        if (s.total === undefined && s.offset === 0) s.total = await countOf(id, query);
        if (s.total !== undefined && s.total > ODS_RECORDS_WINDOW && s.offset === 0) {
          if (strategy === 'offset') {
            throw new CprdfopError('E_ODS_WINDOW', {
              fr: `le jeu de données « ${id} » a ${s.total} enregistrements correspondants, au-delà de la fenêtre de ${ODS_RECORDS_WINDOW} enregistrements de la pagination par décalage\u00a0: utilisez keyField ou la stratégie « export »`,
              en: `dataset "${id}" has ${s.total} matching records, beyond the ${ODS_RECORDS_WINDOW}-record window of offset paging: use keyField or strategy "export"`,
            });
          }
          state = { kind: 'export', offset: 0, yielded: 0, total: s.total };
          yield* exportRun();
          return;
        }
        if (r.raw.length === 0) {
          if (s.total === undefined || s.offset >= s.total) return finish();
          throw fail('empty-page', `empty page at offset ${s.offset}`);
        }
        for (const record of r.records) {
          s.offset++;
          s.yielded++;
          yield record;
        }
        if (r.raw.length < limit && s.total === undefined) return;
      }
    }

    async function* exportRun(): AsyncGenerator<T, void, undefined> {
      const s = state as Extract<PageCursor, { kind: 'export' }>;
      if (s.offset > 0 && !query.orderBy && !keyField)
        throw new CprdfopError('E_ODS_RESUME', {
          fr: `un export du jeu de données « ${id} » sans orderBy ni keyField n’a pas d’ordre garanti\u00a0: il ne peut pas reprendre à l’enregistrement ${s.offset}`,
          en: `an export of dataset "${id}" without orderBy or keyField has no guaranteed order: it cannot be resumed at record ${s.offset}`,
        });
      if (s.total === undefined) {
        // The count the export is checked against. An export is one response that ends cleanly or
        // fails, so a portal refusing the records endpoint (4xx) leaves it unchecked, not refused.
        try {
          const probe = await page<T>(id, { ...query, limit: 0, offset: 0 }, 0);
          s.total = probe.totalCount ?? (await countOf(id, query));
        } catch (error) {
          if (!(error instanceof HttpError) || error.status >= 500) throw error;
        }
      }
      const stream = await client.exportDataset(id, 'jsonl', {
        ...query,
        ...(keyField ? { orderBy: `${odsqlIdentifier(keyField).odsql} ASC` } : {}),
      });
      const url = http.url(path(`/catalog/datasets/${seg(id)}/exports/jsonl`));
      let line = 0;
      const lines = readLines(stream, url);
      for (;;) {
        let next: IteratorResult<string>;
        try {
          next = await lines.next();
        } catch (error) {
          if (error instanceof CprdfopError) throw error;
          throw new NetworkError('GET', url, error);
        }
        if (next.done) return finish();
        const index = line++;
        if (index < s.offset) continue;
        let record: unknown;
        try {
          record = JSON.parse(next.value);
        } catch (error) {
          throw new ResponseValidationError(url, [
            issueOf([index], invalidJson({ fr: 'ligne JSON invalide', en: 'invalid JSON line' }, error)),
          ]);
        }
        const [value] = await validateAll<T>(url, [record], schema, index);
        s.offset++;
        s.yielded++;
        yield value as T;
      }
    }

    async function* keysetRun(): AsyncGenerator<T, void, undefined> {
      const s = state as Extract<PageCursor, { kind: 'keyset' }>;
      if (!keyField)
        throw new CprdfopError('E_ODS_KEYSET', {
          fr: 'la pagination par clé demande un keyField (un champ numérique ou de date)',
          en: 'keyset paging needs a keyField (a numeric or date field)',
        });
      const dataset = await client.getDataset(id, query.signal ? { signal: query.signal } : {});
      if (!dataset)
        throw new CprdfopError('E_ODS_KEYSET', {
          fr: `jeu de données « ${id} » introuvable sur ${base}`,
          en: `dataset "${id}" not found at ${base}`,
        });
      const typeOf = (name: string): 'number' | 'date' => {
        const field = dataset.fields.find((f) => f.name === name);
        if (!field)
          throw new CprdfopError('E_ODS_KEYSET', {
            fr: `le champ de clé « ${name} » n’est pas un champ du jeu de données « ${id} »`,
            en: `keyset field "${name}" is not a field of dataset "${id}"`,
          });
        if (field.type === 'int' || field.type === 'double') return 'number';
        if (field.type === 'date' || field.type === 'datetime') return 'date';
        throw new CprdfopError('E_ODS_KEYSET', {
          fr: `le champ de clé « ${name} » du jeu de données « ${id} » est de type « ${field.type} »\u00a0: ODSQL ne documente que « = » sur du texte, la pagination par clé demande donc un champ int, double, date ou datetime (ou la stratégie « export »)`,
          en: `keyset field "${name}" of dataset "${id}" has type "${field.type}": ODSQL documents only "=" on text, so keyset paging needs an int, double, date or datetime field (or strategy "export")`,
        });
      };
      const keyType = typeOf(keyField);
      const tieType = tieBreaker === undefined ? undefined : typeOf(tieBreaker);
      const key = odsqlIdentifier(keyField).odsql;
      const tie = tieBreaker === undefined ? undefined : odsqlIdentifier(tieBreaker).odsql;
      const literal = (value: string | number, type: 'number' | 'date'): string => {
        if (type === 'number') return String(value);
        return `date'${String(value).replaceAll("'", '')}'`;
      };
      /** The key (and tie-breaker) of a record, checked. */
      const keyOf = (record: OdsRecord, phase: 'values' | 'nulls'): (string | number)[] => {
        const out: (string | number)[] = [];
        const parts: [string, 'number' | 'date'][] = [[keyField, keyType]];
        if (tieBreaker !== undefined && tieType !== undefined) parts.push([tieBreaker, tieType]);
        for (const [name, type] of parts) {
          const value = record[name];
          if (phase === 'nulls' && name === keyField) continue;
          const ok =
            type === 'number'
              ? typeof value === 'number' && Number.isFinite(value)
              : typeof value === 'string';
          if (!ok)
            throw fail(
              'key',
              `record ${s.yielded} has ${JSON.stringify(value)} for "${name}" (expected a ${type})`,
            );
          out.push(value as string | number);
        }
        return out;
      };
      let fresh = s.last === undefined && s.nulls === 0 && s.yielded === 0;
      if (s.nulls === 0) {
        for (;;) {
          const last = s.last;
          const after =
            last === undefined
              ? undefined
              : tie === undefined || tieType === undefined
                ? `${key} > ${literal(last[0]!, keyType)}`
                : `${key} > ${literal(last[0]!, keyType)} OR (${key} = ${literal(last[0]!, keyType)} AND ${tie} > ${literal(last[1]!, tieType)})`;
          const where = odsqlAnd(query.where, `${key} is not null`, after);
          const r = await page<T>(
            id,
            {
              ...query,
              schema,
              ...(where ? { where } : {}),
              orderBy: tie ? `${key} ASC, ${tie} ASC` : `${key} ASC`,
              limit: size,
              offset: 0,
            },
            s.yielded,
          );
          if (fresh) {
            fresh = false;
            // The first page carries `key is not null`: its total is not the query's; ask count(*).
            takeTotal(await countOf(id, query));
            if (s.total === undefined && tie === undefined)
              throw fail(
                'no-total',
                `no count(*) for the query, so duplicate values of "${keyField}" could go unnoticed: pass tieBreaker`,
              );
          }
          let previous: (string | number)[] | undefined = s.last;
          for (let i = 0; i < r.raw.length; i++) {
            const current = keyOf(r.raw[i]!, 'values');
            if (previous !== undefined && compareKeys(current, previous) <= 0)
              throw fail(
                'key',
                `"${keyField}"${tieBreaker ? ` + "${tieBreaker}"` : ''} = ${JSON.stringify(current)} is not unique or not increasing: ${tieBreaker ? 'the tie-breaker must be unique' : 'pass tieBreaker'}`,
              );
            previous = current;
            s.last = current;
            s.yielded++;
            yield r.records[i] as T;
          }
          if (r.raw.length < size) break;
        }
      }
      // Records whose key is null, after the others (offset paging within the window).
      const where = odsqlAnd(query.where, `${key} is null`);
      for (;;) {
        if (s.nulls >= ODS_RECORDS_WINDOW)
          throw fail('window', `more than ${ODS_RECORDS_WINDOW} records have a null "${keyField}"`);
        const limit = Math.min(size, ODS_RECORDS_WINDOW - s.nulls);
        const r = await page<T>(
          id,
          {
            ...query,
            schema,
            ...(where ? { where } : {}),
            ...(tie ? { orderBy: `${tie} ASC` } : {}),
            limit,
            offset: s.nulls,
          },
          s.yielded,
        );
        for (let i = 0; i < r.raw.length; i++) {
          if (r.raw[i]![keyField] !== null && r.raw[i]![keyField] !== undefined)
            throw fail('key', `the "${keyField} is null" page has a record with a value`);
          s.nulls++;
          s.yielded++;
          yield r.records[i] as T;
        }
        if (r.raw.length < limit) break;
      }
      finish();
    }

    async function* run(): AsyncGenerator<T, void, undefined> {
      if (state.kind === 'keyset') yield* keysetRun();
      else if (state.kind === 'export') yield* exportRun();
      else yield* offsetRun();
    }
    return withCursor(run(), () => state);
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
      const issues: Issues = [];
      const catalog = isObject(body) ? body : undefined;
      if (!catalog) issues.push(issueOf([], EXPECTED.objectWithResults));
      else {
        if (!nullish(catalog.total_count) && typeof catalog.total_count !== 'number')
          issues.push(issueOf(['total_count'], EXPECTED.number));
        if (!Array.isArray(catalog.results)) issues.push(issueOf(['results'], EXPECTED.array));
        else
          for (let i = 0; i < catalog.results.length; i++)
            checkDataset(catalog.results[i], ['results', i], issues);
      }
      if (issues.length || !catalog) throw new ResponseValidationError(http.url(p, params(query)), issues);
      const parsed = {
        data: catalog as { total_count?: number | null; results: RawDataset[] },
      };
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
      const issues: Issues = [];
      if (!checkDataset(body, [], issues)) throw new ResponseValidationError(http.url(p), issues);
      return toDataset(body);
    },
    async getRecords<T>(id: string, query: OdsQuery & { schema?: StandardSchemaV1<unknown, T> } = {}) {
      const r = await page<T>(id, query, 0);
      return { totalCount: r.totalCount, records: r.records };
    },
    iterateRecords<T>(id: string, o: OdsIterateOptions<T> = {}): PagedIterator<T> {
      return iterate<T>(id, o);
    },
    async exportDataset(id, format, query = {}) {
      const p = path(`/catalog/datasets/${seg(id)}/exports/${seg(format)}`);
      const response = await http.stream(p, {
        query: {
          ...params(query),
          use_labels: query.useLabels,
          compressed: query.compressed,
          epsg: query.epsg,
        },
        ...(query.signal ? { signal: query.signal } : {}),
        ...(reqHeaders ? { headers: reqHeaders } : {}),
      });
      return response.body;
    },
  };
  return client;
}

/** Compares two keys (numbers numerically, ISO date strings as text: same format, same order). */
function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
