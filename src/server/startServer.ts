/** Starting and stopping the HTTP server on Node (`@hono/node-server`). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { renderBoth, renderMessage } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { CprdfopError } from '../errors.js';
import { SERVER } from './_messages.js';
import { createApp, type ServerOptions } from './createApp.js';
import { problemBody } from './problem.js';

/** A running server. */
export interface RunningServer {
  /** `http://host:port` (the real port when 0 was asked). */
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/**
 * Starts the API on a host and port.
 *
 * @param options - The server options, plus `host` (default 127.0.0.1), `port` (default 8080, 0 = any free
 *   port) and `keepAliveTimeoutMs`: how long an idle keep-alive connection stays open (default 5 000, as
 *   Node; behind a load balancer, set it above the balancer's idle timeout, or the balancer may send a
 *   request on a connection the server is closing and get a reset).
 * @returns The running server, once it listens.
 * @throws {CprdfopError} `E_INVALID_OPTION` when `keepAliveTimeoutMs` is not a non-negative integer (the
 *   promise rejects).
 * @throws The listen error (e.g. `EADDRINUSE`; the promise rejects).
 */
export function startServer(
  options: ServerOptions & {
    host?: string | undefined;
    port?: number | undefined;
    keepAliveTimeoutMs?: number | undefined;
  },
): Promise<RunningServer> {
  const keepAliveMs: unknown = options.keepAliveTimeoutMs ?? 5_000;
  // A rejected promise, as for a listen error (never a throw from a function that returns a promise).
  if (!Number.isSafeInteger(keepAliveMs) || (keepAliveMs as number) < 0)
    return Promise.reject(
      new CprdfopError(
        'E_INVALID_OPTION',
        renderBoth(
          {
            fr: 'keepAliveTimeoutMs {value} invalide : un entier positif ou nul de millisecondes est attendu',
            en: 'invalid keepAliveTimeoutMs {value}: expected a non-negative integer of milliseconds',
          },
          { value: showValue(keepAliveMs) },
        ),
      ),
    );
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }) as Server;
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    // Node's whole-request timer would destroy the socket of a streamed batch mid-answer (no last line,
    // no end of stream): handlers are timed by the app (503), a batch by its idle time (a last
    // `timeout` line); a socket idle that long in the middle of a request is closed.
    server.requestTimeout = 0;
    server.timeout = timeoutMs;
    server.headersTimeout = Math.min(timeoutMs, 60_000);
    server.keepAliveTimeout = keepAliveMs as number;
    // What Node's HTTP parser refuses (a bad Content-Length, an URL or headers too large) gets a
    // problem body too, not an empty answer; the headers were not read, so it is in English.
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
      const code = String(error.code ?? 'HPE_INVALID');
      if (!socket.writable || code === 'ECONNRESET') {
        socket.destroy();
        return;
      }
      const [kind, message, statusLine] =
        code === 'HPE_HEADER_OVERFLOW'
          ? (['headers-too-large', SERVER.headersTooLarge, '431 Request Header Fields Too Large'] as const)
          : code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? (['request-timeout', SERVER.headersTimeout, '408 Request Timeout'] as const)
            : (['bad-request', SERVER.badHttp, '400 Bad Request'] as const);
      const body = JSON.stringify(problemBody(kind, 'en', renderMessage(message, 'en', { code })));
      socket.end(
        `HTTP/1.1 ${statusLine}\r\n` +
          'content-type: application/problem+json; charset=utf-8\r\ncontent-language: en\r\n' +
          `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    });
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shown = host.includes(':') ? `[${host}]` : host;
      let closing: Promise<void> | undefined;
      resolvePromise({
        url: `http://${shown}:${port}`,
        port,
        close: () => {
          closing ??= new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Idle keep-alive sockets would hold the server open; busy ones finish their request first.
            server.closeIdleConnections();
          });
          return closing;
        },
      });
    });
  });
}
