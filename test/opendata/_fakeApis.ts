/**
 * Fakes of the Opendatasoft Explore v2.1 records API and of the CKAN action API, as documented
 * (`../shared/domain/OPEN-DATA-APIS.md`): the 10,000-record window, `limit` ≤ 100, an optional
 * `total_count`, ODSQL `where` with `AND`/`OR`, `=`/`>` on numbers and dates, `=` only on text (a `>` on
 * text is refused with a 400, as the documentation does not define it), `is null`/`is not null`,
 * `order_by` over several fields, `count(*)`; CKAN's server-side caps on `rows` and `limit`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Route, sendJson } from './_server.js';

export type FakeRecord = Record<string, string | number | null>;

export interface FakeOdsOptions {
  /** Field name → ODS type. */
  fields: Record<string, 'int' | 'double' | 'text' | 'date' | 'datetime'>;
  records: FakeRecord[];
  /** Leave out `total_count` (it is optional in the schema). */
  noTotal?: boolean;
  /** Where nulls sort (default first, to be adversarial). */
  nullsLast?: boolean;
}

type Token = { kind: 'id' | 'num' | 'str' | 'date' | 'op' | 'word' | 'paren'; value: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ') i++;
    else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      out.push({ kind: 'id', value: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let value = '';
      while (text[j] !== '"') {
        if (text[j] === '\\') j++;
        value += text[j];
        j++;
      }
      out.push({ kind: 'str', value });
      i = j + 1;
    } else if (text.startsWith("date'", i)) {
      const end = text.indexOf("'", i + 5);
      out.push({ kind: 'date', value: text.slice(i + 5, end) });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      out.push({ kind: 'paren', value: c });
      i++;
    } else if ('<>=!'.includes(c)) {
      const two = text.slice(i, i + 2);
      const op = two === '>=' || two === '<=' || two === '!=' ? two : c;
      out.push({ kind: 'op', value: op });
      i += op.length;
    } else if (/[-0-9.]/.test(c)) {
      const m = /^-?[0-9.]+(e[-+]?\d+)?/i.exec(text.slice(i))!;
      out.push({ kind: 'num', value: m[0] });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_]+/.exec(text.slice(i));
      if (!m) throw new Error(`bad ODSQL at ${i}: ${text}`);
      out.push({ kind: 'word', value: m[0].toLowerCase() });
      i += m[0].length;
    }
  }
  return out;
}

type Predicate = (record: FakeRecord) => boolean;

/** Parses the ODSQL subset; throws `Error('400 …')` on what the docs do not define. */
export function parseWhere(text: string, types: FakeOdsOptions['fields']): Predicate {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++]!;
  const orExpr = (): Predicate => {
    let left = andExpr();
    while (peek()?.kind === 'word' && peek()!.value === 'or') {
      next();
      const right = andExpr();
      const l = left;
      left = (r) => l(r) || right(r);
    }
    return left;
  };
  const andExpr = (): Predicate => {
    let left = atom();
    while (peek()?.kind === 'word' && peek()!.value === 'and') {
      next();
      const right = atom();
      const l = left;
      left = (r) => l(r) && right(r);
    }
    return left;
  };
  const atom = (): Predicate => {
    const t = next();
    if (t.kind === 'paren' && t.value === '(') {
      const inner = orExpr();
      if (next()?.value !== ')') throw new Error('400 unbalanced parenthesis');
      return inner;
    }
    if (t.kind !== 'id') throw new Error(`400 expected a field, got ${t.value}`);
    const field = t.value;
    const type = types[field];
    if (!type) throw new Error(`400 unknown field ${field}`);
    const op = next();
    if (op.kind === 'word' && op.value === 'is') {
      const not = peek()?.value === 'not';
      if (not) next();
      if (next().value !== 'null') throw new Error('400 expected null');
      return not
        ? (r) => r[field] !== null && r[field] !== undefined
        : (r) => r[field] === null || r[field] === undefined;
    }
    if (op.kind !== 'op') throw new Error(`400 expected an operator after ${field}`);
    const lit = next();
    if (type === 'text' && op.value !== '=')
      throw new Error(`400 operator ${op.value} is not documented on text field ${field}`);
    let value: string | number;
    if (type === 'int' || type === 'double') {
      if (lit.kind !== 'num') throw new Error(`400 ${field} needs a number`);
      value = Number(lit.value);
    } else if (type === 'date' || type === 'datetime') {
      if (lit.kind !== 'date') throw new Error(`400 ${field} needs a date literal`);
      value = lit.value;
    } else {
      if (lit.kind !== 'str') throw new Error(`400 ${field} needs a string`);
      value = lit.value;
    }
    const cmp = (r: FakeRecord): number | undefined => {
      const v = r[field];
      if (v === null || v === undefined) return undefined;
      return v < value ? -1 : v > value ? 1 : 0;
    };
    switch (op.value) {
      case '=':
        return (r) => cmp(r) === 0;
      case '>':
        return (r) => (cmp(r) ?? -2) > 0;
      case '>=':
        return (r) => (cmp(r) ?? -2) >= 0;
      case '<':
        return (r) => {
          const c = cmp(r);
          return c !== undefined && c < 0;
        };
      default:
        throw new Error(`400 operator ${op.value}`);
    }
  };
  const predicate = orExpr();
  if (at !== tokens.length) throw new Error(`400 trailing ODSQL: ${text}`);
  return predicate;
}

function sortBy(records: FakeRecord[], orderBy: string, nullsLast: boolean): FakeRecord[] {
  const keys = orderBy.split(',').map((part) => {
    const m = /`([^`]+)`\s*(ASC|DESC)?/i.exec(part.trim());
    if (!m) throw new Error(`400 bad order_by ${orderBy}`);
    return { field: m[1]!, desc: m[2]?.toUpperCase() === 'DESC' };
  });
  return [...records].sort((a, b) => {
    for (const { field, desc } of keys) {
      const x = a[field];
      const y = b[field];
      if (x === y) continue;
      if (x === null || x === undefined) return nullsLast ? 1 : -1;
      if (y === null || y === undefined) return nullsLast ? -1 : 1;
      const c = x < y ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  });
}

/** The fake ODS records, dataset and jsonl export routes for dataset `ds`. */
export function fakeOds(options: FakeOdsOptions): Route {
  const prefix = '/api/explore/v2.1/catalog/datasets/ds';
  const sorted = new Map<string, FakeRecord[]>();
  return (_req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (!url.pathname.startsWith(prefix)) return false;
    const rest = url.pathname.slice(prefix.length);
    const q = url.searchParams;
    if (rest === '') {
      sendJson(res, 200, {
        dataset_id: 'ds',
        fields: Object.entries(options.fields).map(([name, type]) => ({ name, label: name, type })),
      });
      return true;
    }
    let matching = options.records;
    try {
      const orderBy = q.get('order_by');
      if (orderBy) {
        const cached = sorted.get(orderBy) ?? sortBy(matching, orderBy, options.nullsLast ?? false);
        sorted.set(orderBy, cached);
        matching = cached;
      }
      const where = q.get('where');
      if (where) {
        const predicate = parseWhere(where, options.fields);
        matching = matching.filter(predicate);
      }
    } catch (error) {
      sendJson(res, 400, { error_code: 'ODSQLError', message: String((error as Error).message) });
      return true;
    }
    if (rest === '/records') {
      if (q.get('select') === 'count(*) as n') {
        sendJson(res, 200, {
          ...(options.noTotal ? {} : { total_count: 1 }),
          results: [{ n: matching.length }],
        });
        return true;
      }
      const limit = Number(q.get('limit') ?? 10);
      const offset = Number(q.get('offset') ?? 0);
      if (limit > 100 || limit < -1 || offset + limit > 10_000) {
        sendJson(res, 400, {
          error_code: 'InvalidRESTParameterError',
          message: `limit ${limit} offset ${offset}`,
        });
        return true;
      }
      const results = matching.slice(offset, offset + limit);
      sendJson(res, 200, { ...(options.noTotal ? {} : { total_count: matching.length }), results });
      return true;
    }
    if (rest === '/exports/jsonl') {
      res.writeHead(200, { 'content-type': 'application/jsonl' });
      res.end(matching.map((r) => JSON.stringify(r)).join('\n') + (matching.length ? '\n' : ''));
      return true;
    }
    return false;
  };
}

export interface FakeCkanOptions {
  packages: number;
  /** `ckan.search.rows_max` (default 1,000). */
  rowsMax?: number;
  rows: number;
  /** The DataStore's largest `limit` (500 here, as a portal may configure). */
  datastoreMax?: number;
  /** Leave out `total` from datastore_search. */
  noTotal?: boolean;
}

/** The fake CKAN action API: `package_search` and `datastore_search` of resource `r1`. */
export function fakeCkan(options: FakeCkanOptions): Route {
  const envelope = (result: unknown) => ({
    help: 'https://ckan.test/api/3/action/help_show',
    success: true,
    result,
  });
  return (_req, res, url) => {
    const q = url.searchParams;
    if (url.pathname === '/api/3/action/package_search') {
      const rows = Math.min(Number(q.get('rows') ?? 10), options.rowsMax ?? 1000);
      const start = Number(q.get('start') ?? 0);
      const results = [];
      for (let i = start; i < Math.min(start + rows, options.packages); i++)
        results.push({ id: `p${i}`, name: `package-${String(i).padStart(6, '0')}` });
      sendJson(res, 200, envelope({ count: options.packages, results }));
      return true;
    }
    if (url.pathname === '/api/3/action/datastore_search') {
      if (q.get('resource_id') !== 'r1') {
        sendJson(res, 404, {
          success: false,
          error: { __type: 'Not Found Error', message: 'Not found: Resource' },
        });
        return true;
      }
      const limit = Math.min(Number(q.get('limit') ?? 100), options.datastoreMax ?? 500);
      const offset = Number(q.get('offset') ?? 0);
      const records = [];
      for (let i = offset; i < Math.min(offset + limit, options.rows); i++)
        records.push({ _id: i + 1, v: i });
      sendJson(
        res,
        200,
        envelope({
          fields: [
            { id: '_id', type: 'int' },
            { id: 'v', type: 'int' },
          ],
          records,
          limit,
          ...(options.noTotal ? {} : { total: options.rows }),
        }),
      );
      return true;
    }
    return false;
  };
}
