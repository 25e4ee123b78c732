/**
 * The server side of `server.bench.ts`, in its own process so that the load generator does not share
 * its CPU time: the real API (`startServer`), and two anchors answering the same request with a fixed
 * body of the same size as `POST /v1/check`'s answer — bare `node:http`, and bare Hono on
 * `@hono/node-server` — to show what the HTTP layer alone costs for such a response. A fourth server,
 * `minimal`, is the least a Hono handler can do for a check (parse, `check`, serialise, encode, no
 * middleware, no limits): the API's own overhead is the difference; its `/echo` reads and parses
 * the same request body and answers `/healthz`'s small body, the least a POST endpoint costs. Sends
 * `{ urls, bodyBytes }` once listening; answers `'cpu'` with its process CPU time (µs).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { utf8Bytes } from '../src/server/_utf8.js';
import { check, explanationText } from '../src/server/adapters.js';
import { loadRuleSets, startServer } from '../src/server/index.js';
import { itieApplication } from '../test/_helpers/itieApplication.js';

const outcome = check(itieApplication('Mobilité vers l’emploi en Thiérache'), {});
if (!outcome.ok) throw new Error('the bench application is invalid');
const BODY = Buffer.from(explanationText(outcome.explanation));
const HEALTH = Buffer.from(JSON.stringify({ status: 'ok', version: 'bench', ruleSets: 2 }));

const listening = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

/** Bare `node:http`: reads and parses the request body, answers the fixed body. */
const bare = createServer((request, response) => {
  const respond = (body: Buffer) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength });
    response.end(body);
  };
  if (request.method === 'GET') return respond(HEALTH);
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    respond(BODY);
  });
});

/**
 * Bare Hono: the same, through `@hono/node-server`'s fast path (a `Uint8Array` body, plain headers), as
 * the API answers a check.
 */
const hono = new Hono();
const bytes = new Uint8Array(BODY);
hono.get('/healthz', (context) => context.json({ status: 'ok', version: 'bench', ruleSets: 2 }));
hono.post('/check', async (context) => {
  JSON.parse(await context.req.text());
  return context.body(bytes, 200, { 'content-type': 'application/json' });
});

/**
 * Minimal Hono check: no middleware, no limit, no content-type check (what our code adds is the
 * difference). It encodes the answer as the API does (`utf8Bytes`), so that the difference is the
 * API's middleware and limits alone.
 */
const minimal = new Hono();
minimal.post('/check', async (context) => {
  const checked = check(JSON.parse(await context.req.text()), {});
  if (!checked.ok) throw new Error('the bench application is invalid');
  return context.body(utf8Bytes(explanationText(checked.explanation)), 200, {
    'content-type': 'application/json',
  });
});

/**
 * The least any POST endpoint costs on this stack: the same request body read and parsed, and
 * `/healthz`'s small answer (no check, no big answer, no middleware).
 */
minimal.post('/echo', async (context) => {
  JSON.parse(await context.req.text());
  return context.json({ status: 'ok', version: 'bench', ruleSets: 2 });
});

const api = await startServer({ port: 0, ruleSets: loadRuleSets(), version: 'bench' });
const bareUrl = await listening(bare);
const honoServer = serve({ fetch: hono.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
await new Promise((resolve) => honoServer.once('listening', resolve));
const honoUrl = `http://127.0.0.1:${(honoServer.address() as AddressInfo).port}`;
const minimalServer = serve({ fetch: minimal.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
await new Promise((resolve) => minimalServer.once('listening', resolve));
const minimalUrl = `http://127.0.0.1:${(minimalServer.address() as AddressInfo).port}`;

process.on('message', async (message) => {
  if (message === 'cpu') {
    const cpu = process.cpuUsage();
    process.send?.({ cpu: cpu.user + cpu.system });
  } else if (message === 'close') {
    await api.close();
    bare.close();
    honoServer.close();
    minimalServer.close();
    process.disconnect();
  }
});
process.send?.({
  urls: { api: api.url, bare: bareUrl, hono: honoUrl, minimal: minimalUrl },
  bodyBytes: BODY.byteLength,
});
