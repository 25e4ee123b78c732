/** Starting and stopping the HTTP server on Node (`@hono/node-server`). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type ServerOptions } from './createApp.js';

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
 * @param options - The server options, plus `host` (default 127.0.0.1) and `port` (default 8080, 0 = any free port).
 * @returns The running server, once it listens.
 * @throws The listen error (e.g. `EADDRINUSE`).
 */
export function startServer(
  options: ServerOptions & { host?: string | undefined; port?: number | undefined },
): Promise<RunningServer> {
  const app = createApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 8080 }) as Server;
    const timeoutMs = options.requestTimeoutMs ?? 30_000;
    server.requestTimeout = timeoutMs;
    server.headersTimeout = Math.min(timeoutMs, 60_000);
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
