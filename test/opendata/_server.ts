/**
 * A real HTTP server on 127.0.0.1 for the open-data tests: replays the documented response shapes and
 * injects faults (status codes, connection resets, slow responses, truncated or invalid bodies).
 * It counts TCP connections and requests, so tests can prove that offline mode opens no socket.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number }
  | { kind: 'truncate' }
  | { kind: 'invalid' };

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** TCP connections accepted so far. */
  connections: number;
  /** Request URLs (path + query) received so far. */
  requests: string[];
  /** Decides a fault for request number `n` (0-based); `undefined` = serve normally. */
  fault: ((n: number, url: URL) => Fault | undefined) | undefined;
  close(): Promise<void>;
}

/**
 * A route serving whole bytes (a gzipped contours file) with their `Content-Length`: at `pathname` only
 * when one is given, else at every path.
 */
export function bytesRoute(bytes: Buffer, pathname?: string): Route {
  return (_req, res, url) => {
    if (pathname !== undefined && url.pathname !== pathname) return false;
    res.writeHead(200, { 'content-length': String(bytes.length) });
    res.end(bytes);
    return true;
  };
}

/** Sends JSON, honouring a pending `truncate`/`invalid` fault. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  const mode = (res as ServerResponse & { faultMode?: string }).faultMode;
  if (mode === 'invalid') {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(`${text.slice(0, Math.max(1, text.length >> 1))}<<garbage`);
    return;
  }
  if (mode === 'truncate') {
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    });
    res.write(text.slice(0, text.length >> 1));
    setTimeout(() => res.socket?.destroy(), 5);
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** A seeded pseudo-random generator (mulberry32) for reproducible fault injection. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startServer(routes: Route[]): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const state: TestServer = {
    url: '',
    connections: 0,
    requests: [],
    fault: undefined,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  let n = 0;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    state.requests.push(`${url.pathname}${url.search}`);
    const fault = state.fault?.(n++, url);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
      res.end(fault.body ?? '');
      return;
    }
    if (fault?.kind === 'truncate' || fault?.kind === 'invalid')
      (res as ServerResponse & { faultMode?: string }).faultMode = fault.kind;
    try {
      for (const route of routes) if (await route(req, res, url)) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: Socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/**
 * A fake Opendatasoft Explore v2.1 portal under `/api/explore/v2.1` with one dataset `big` of `count`
 * records `{ id, name }` (id 1..count), enforcing the 10,000-record window, keyset `where`, exports.
 */
export function odsRoutes(count: number, onWhere?: (where: string) => void): Route {
  const prefix = '/api/explore/v2.1';
  const record = (id: number) => ({ id, name: `record "${id}"`, dep: id % 2 ? '59' : '62' });
  return (_req, res, url) => {
    if (!url.pathname.startsWith(prefix)) return false;
    const path = url.pathname.slice(prefix.length);
    const q = url.searchParams;
    if (path === '/catalog/datasets') {
      sendJson(res, 200, {
        total_count: 1,
        results: [
          {
            dataset_id: 'big',
            dataset_uid: 'da_1',
            has_records: true,
            features: ['analyze'],
            visibility: 'domain',
            metas: {
              default: {
                title: 'Big',
                modified: '2026-01-01T00:00:00Z',
                data_processed: '2026-01-01T00:00:00Z',
              },
            },
            fields: [
              { name: 'id', label: 'Id', type: 'int', description: null, annotations: {} },
              { name: 'name', label: 'Name', type: 'text', description: null, annotations: {} },
              { name: 'geo', label: 'Geo', type: 'geo_shape', description: null, annotations: {} },
            ],
          },
        ],
      });
      return true;
    }
    if (path === '/catalog/datasets/big') {
      sendJson(res, 200, {
        dataset_id: 'big',
        dataset_uid: 'da_1',
        has_records: true,
        features: [],
        metas: { default: { title: 'Big' } },
        fields: [
          { name: 'id', label: 'Id', type: 'int' },
          { name: 'when', label: 'When', type: 'datetime' },
          { name: 'geo', label: 'Geo', type: 'geo_point_2d' },
          { name: 'blob', label: 'Blob', type: 'json_blob' },
        ],
      });
      return true;
    }
    if (path.startsWith('/catalog/datasets/') && !path.startsWith('/catalog/datasets/big')) {
      sendJson(res, 404, { error_code: 'NotFound', message: `Unknown dataset: ${path.split('/')[3]}` });
      return true;
    }
    if (path === '/catalog/datasets/big/records') {
      const where = q.get('where') ?? '';
      if (where) onWhere?.(where);
      const limit = Number(q.get('limit') ?? 10);
      const offset = Number(q.get('offset') ?? 0);
      if (limit > 100 || limit < -1) {
        sendJson(res, 400, {
          error_code: 'InvalidRESTParameterError',
          message: `Invalid value for limit API parameter: ${limit}`,
        });
        return true;
      }
      if (offset + limit > 10_000) {
        sendJson(res, 400, {
          error_code: 'InvalidRESTParameterError',
          message: 'Invalid value for offset API parameter: offset + limit must be lower than 10000',
        });
        return true;
      }
      const gt = /`id` > (\d+)/.exec(where);
      const from = gt ? Number(gt[1]) + 1 : 1;
      const total = count - from + 1;
      if (q.get('select') === 'count(*) as n') {
        sendJson(res, 200, { total_count: 1, results: [{ n: Math.max(0, total) }] });
        return true;
      }
      if (/is null/.test(where)) {
        sendJson(res, 200, { total_count: 0, results: [] });
        return true;
      }
      const results = [];
      for (let id = from + offset; id < from + offset + limit && id <= count; id++) results.push(record(id));
      sendJson(res, 200, { total_count: Math.max(0, total), results });
      return true;
    }
    if (path === '/catalog/datasets/big/exports/jsonl') {
      res.writeHead(200, { 'content-type': 'application/jsonl' });
      let id = 1;
      const pump = (): void => {
        while (id <= count) {
          const lines: string[] = [];
          for (let k = 0; k < 1000 && id <= count; k++, id++) lines.push(JSON.stringify(record(id)));
          if (!res.write(`${lines.join('\n')}\n`)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
      return true;
    }
    return false;
  };
}

/**
 * The plain HTTP routes the client tests share: `/hello` (echoes `q`, an `x-extra` header), `/etag`
 * (ETag + Last-Modified, 304 on a matching `If-None-Match`), `/moved` (302 to `/hello?q=moved`), `/big`
 * (about 10 KB), `/chunked` (about 5 KB without Content-Length) and `/slow` (answers after 2 s).
 */
export const httpRoutes: Route = (req, res, url) => {
  switch (url.pathname) {
    case '/hello':
      sendJson(res, 200, { hello: 'world', q: url.searchParams.get('q') }, { 'x-extra': 'yes' });
      return true;
    case '/etag':
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else sendJson(res, 200, { v: 1 }, { etag: '"v1"', 'last-modified': 'Wed, 01 Jan 2026 00:00:00 GMT' });
      return true;
    case '/moved':
      res.writeHead(302, { location: '/hello?q=moved' });
      res.end();
      return true;
    case '/big':
      sendJson(res, 200, { data: 'x'.repeat(10_000) });
      return true;
    case '/chunked':
      // No Content-Length: a size cap is enforced while reading.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":"');
      res.write('x'.repeat(5_000));
      res.end('"}');
      return true;
    case '/slow':
      setTimeout(() => sendJson(res, 200, { ok: true }), 2000);
      return true;
    default:
      return false;
  }
};
