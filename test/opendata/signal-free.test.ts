/**
 * The signal-free request path on Node's built-in `fetch` (issue #17, overhead over raw fetch): no
 * abort signal is handed to `fetch` unless the caller gave one; the attempt's own timer rejects on
 * time, and a dispatcher forwarding to undici's global one carries `headersTimeout`/`bodyTimeout`, so
 * that undici closes the socket of a stalled server. Real sockets on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, isTimeoutError } from '../../src/opendata/index.js';

interface SocketServer {
  url: string;
  /** Sockets accepted so far. */
  accepted: number;
  /** Sockets closed so far (by either side). */
  closed: number;
  close(): Promise<void>;
}

let running: SocketServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await running?.close();
  running = undefined;
});

/** A server on 127.0.0.1 that counts its sockets; `handle` answers (or never does). */
async function socketServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<SocketServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(handle);
  const state: SocketServer = {
    url: '',
    accepted: 0,
    closed: 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', (socket: Socket) => {
    state.accepted++;
    sockets.add(socket);
    socket.on('close', () => {
      state.closed++;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/**
 * Waits until `done()` holds, polling every 50 ms, at most `attempts` times (a bound on the wait, not
 * a timing assertion: the test fails only if the event never comes within it).
 */
async function eventually(done: () => boolean, attempts = 200): Promise<boolean> {
  for (let n = 0; n < attempts && !done(); n++) await new Promise((resolve) => setTimeout(resolve, 50));
  return done();
}

const json = (res: ServerResponse, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
};

/** Calls `fetch` once so that Node has loaded undici and its global dispatcher. */
async function warmUp(server: SocketServer): Promise<void> {
  await (await fetch(`${server.url}/ok`)).arrayBuffer();
}

describe('no abort signal on the common path (Node fetch)', () => {
  it('hands fetch no signal and a dispatcher without a caller signal, the caller signal itself with one', async () => {
    running = await socketServer((_req, res) => json(res, { ok: true }));
    await warmUp(running);
    const spy = vi.spyOn(globalThis, 'fetch');
    const client = createClient({ baseUrl: running.url, cache: false, retry: false });
    expect(await client.json('/a')).toEqual({ ok: true });
    const plain = spy.mock.calls.at(-1)?.[1] as
      | (RequestInit & { dispatcher?: { dispatch?: unknown } })
      | undefined;
    expect(plain?.signal).toBeUndefined();
    expect(typeof plain?.dispatcher?.dispatch).toBe('function');
    // The same init object is reused by requests without headers of their own.
    await client.json('/b');
    expect(spy.mock.calls.at(-1)?.[1]).toBe(plain);
    // With a caller's signal: handed to fetch as-is (no linked controller), with the dispatcher.
    const controller = new AbortController();
    expect(await client.json('/c', { signal: controller.signal })).toEqual({ ok: true });
    const withSignal = spy.mock.calls.at(-1)?.[1] as RequestInit & { dispatcher?: unknown };
    expect(withSignal.signal).toBe(controller.signal);
    expect(withSignal.dispatcher).toBe(plain?.dispatcher);
    // Per-request headers: a fresh init with the merged headers.
    await client.json('/d', { headers: { 'x-test': '1' } });
    const withHeaders = spy.mock.calls.at(-1)?.[1] as RequestInit;
    expect(withHeaders.headers).toEqual({ 'x-test': '1' });
    expect(withHeaders.signal).toBeUndefined();
  });

  it('a timeout undici cannot carry (0, a non-finite idle wait) keeps the abort signal', async () => {
    running = await socketServer((req, res) => {
      if (req.url === '/ok') json(res, { ok: true });
    });
    await warmUp(running);
    const spy = vi.spyOn(globalThis, 'fetch');
    const client = createClient({ baseUrl: running.url, cache: false, retry: false });
    const zero = await client.json('/stall', { timeout: 0 }).catch((e: unknown) => e);
    expect(isTimeoutError(zero)).toBe(true);
    const init = spy.mock.calls.at(-1)?.[1] as RequestInit & { dispatcher?: unknown };
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.dispatcher).toBeUndefined();
    const streamed = await client
      .stream('/stall', { timeout: 50, idleTimeout: Number.POSITIVE_INFINITY })
      .catch((e: unknown) => e);
    expect(isTimeoutError(streamed)).toBe(true);
    expect((spy.mock.calls.at(-1)?.[1] as RequestInit | undefined)?.signal).toBeInstanceOf(AbortSignal);
  });

  it('a server that never sends headers: TimeoutError on time, and undici closes the socket', async () => {
    running = await socketServer((req, res) => {
      if (req.url === '/ok') json(res, { ok: true });
      // else: never answers
    });
    await warmUp(running);
    const server = running;
    const client = createClient({ baseUrl: server.url, cache: false, retry: false, timeout: 100 });
    const error = await client.json('/stall').catch((e: unknown) => e);
    expect(isTimeoutError(error) && error.timeoutMs).toBe(100);
    // Without the dispatcher's headersTimeout the socket would stay open for undici's default 300 s.
    expect(await eventually(() => server.accepted >= 1 && server.closed === server.accepted)).toBe(true);
    // The client still works afterwards.
    expect(await client.json('/ok')).toEqual({ ok: true });
  });

  it('per-request timeouts and streams get dispatchers of their own timeouts', async () => {
    running = await socketServer((req, res) => {
      if (req.url === '/ok') json(res, { ok: true });
    });
    await warmUp(running);
    const server = running;
    const spy = vi.spyOn(globalThis, 'fetch');
    const client = createClient({ baseUrl: server.url, cache: false, retry: false, timeout: 5_000 });
    const once = await client.json('/stall', { timeout: 80 }).catch((e: unknown) => e);
    expect(isTimeoutError(once) && once.timeoutMs).toBe(80);
    const streamed = await client
      .stream('/stall', { timeout: 60, idleTimeout: 1_000 })
      .catch((e: unknown) => e);
    expect(isTimeoutError(streamed) && streamed.timeoutMs).toBe(60);
    const [first, second] = spy.mock.calls.map((call) => (call[1] as { dispatcher?: unknown }).dispatcher);
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(first).not.toBe(second);
    expect(await eventually(() => server.closed === server.accepted)).toBe(true);
  });

  it('a caller signal aborts a pending request with its reason', async () => {
    running = await socketServer((req, res) => {
      if (req.url === '/ok') json(res, { ok: true });
    });
    await warmUp(running);
    const server = running;
    const client = createClient({ baseUrl: server.url, cache: false, retry: false });
    const controller = new AbortController();
    const pending = client.json('/stall', { signal: controller.signal }).catch((e: unknown) => e);
    await eventually(() => server.accepted >= 2);
    controller.abort(new Error('user stop'));
    expect(((await pending) as Error).message).toBe('user stop');
  });

  it('a response arriving after the timeout has its body cancelled (the socket is closed)', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 0x20);
    running = await socketServer((req, res) => {
      if (req.url === '/ok') return json(res, { ok: true });
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(big.length + 2) });
        res.write('{}');
        res.end(big);
      }, 300);
    });
    await warmUp(running);
    const server = running;
    const client = createClient({ baseUrl: server.url, cache: false, retry: false, timeout: 100 });
    expect(isTimeoutError(await client.json('/late').catch((e: unknown) => e))).toBe(true);
    expect(await eventually(() => server.accepted >= 1 && server.closed === server.accepted)).toBe(true);
  });

  it('keeps the global dispatcher: a proxy or mock agent set with setGlobalDispatcher still sees every request', async () => {
    running = await socketServer((_req, res) => json(res, { ok: true }));
    await warmUp(running);
    const holder = globalThis as unknown as Record<
      symbol,
      { dispatch(o: Record<string, unknown>, h: unknown): boolean }
    >;
    const symbol = [Symbol.for('undici.globalDispatcher.2'), Symbol.for('undici.globalDispatcher.1')].find(
      (s) => holder[s] !== undefined,
    );
    expect(symbol).toBeDefined();
    const original = holder[symbol as symbol]!;
    const seen: unknown[] = [];
    holder[symbol as symbol] = {
      dispatch(options, handler) {
        seen.push([options.path, options.headersTimeout, options.bodyTimeout]);
        return original.dispatch(options, handler);
      },
    };
    try {
      const client = createClient({ baseUrl: running.url, cache: false, retry: false, timeout: 1_234 });
      expect(await client.json('/through', { query: { q: 1 } })).toEqual({ ok: true });
    } finally {
      holder[symbol as symbol] = original;
    }
    expect(seen).toEqual([['/through?q=1', 1_234, 1_234]]);
  });
});

describe('timeouts past the range of a timer', () => {
  it('idleTimeout Infinity waits for a slow body instead of firing at once', async () => {
    running = await socketServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/jsonl' });
      res.write('{"id":1}\n');
      setTimeout(() => res.end('{"id":2}\n'), 100);
    });
    const client = createClient({ baseUrl: running.url, cache: false, retry: false, timeout: 5_000 });
    const response = await client.stream('/slow', { idleTimeout: Number.POSITIVE_INFINITY });
    expect(await new Response(response.body).text()).toBe('{"id":1}\n{"id":2}\n');
    // And a client-wide timeout past 2^31 - 1 ms does not time out at once either.
    const patient = createClient({ baseUrl: running.url, cache: false, retry: false, timeout: 2 ** 32 });
    expect((await patient.text('/slow')).text).toBe('{"id":1}\n{"id":2}\n');
  });
});
