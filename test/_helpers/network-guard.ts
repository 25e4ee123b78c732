/**
 * Setup file (vitest.config.ts `setupFiles`): no test reaches a real host. Every TCP connection of the
 * test process goes through `net.Socket.prototype.connect` (`net.connect`, `http`, `tls`, and the
 * undici behind global `fetch`); a target that is not loopback (127.0.0.0/8, ::1, `localhost`) or a
 * local socket path is refused before any DNS look-up or packet, and the test that tried fails in
 * `afterEach`, naming the host (even when the code under test swallowed the connection error).
 * Node processes that tests start inherit `NODE_OPTIONS=--import network-guard-preload.mjs`, which
 * refuses the same connections (and says so on stderr).
 */
import net from 'node:net';
import { afterEach } from 'vitest';

const GUARD = Symbol.for('cprdfop.networkGuard');

/** True for 127.0.0.0/8, ::1, ::ffff:127.x, `localhost` and `*.localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const v4 = bare.replace(/^::ffff:/, '');
  return net.isIPv4(v4) && v4.startsWith('127.');
}

interface Guarded {
  [GUARD]?: string[];
}

function target(args: unknown[]): { host: string; port: unknown } | { path: string } {
  let first = args[0];
  // net internals call connect([options, callback]) with a normalized array
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object') {
    const options = first as { host?: string; hostname?: string; port?: unknown; path?: string };
    if (typeof options.path === 'string') return { path: options.path };
    return { host: options.host ?? options.hostname ?? 'localhost', port: options.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

const proto = net.Socket.prototype as net.Socket & Guarded;
if (!proto[GUARD]) {
  const violations: string[] = [];
  proto[GUARD] = violations;
  const original = proto.connect;
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const to = target(args);
    if ('host' in to && !isLoopbackHost(to.host)) {
      const where = `${to.host}:${String(to.port)}`;
      violations.push(where);
      throw new Error(`network guard: a test tried to connect to ${where}; tests may only reach 127.0.0.1`);
    }
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof proto.connect;
}

const preload = new URL('./network-guard-preload.mjs', import.meta.url).href;
if (!process.env.NODE_OPTIONS?.includes(preload)) {
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(' ');
}

afterEach(() => {
  const violations = proto[GUARD] ?? [];
  if (violations.length === 0) return;
  const hosts = [...new Set(violations)].join(', ');
  violations.length = 0;
  throw new Error(`network guard: this test tried to reach ${hosts} (only loopback is allowed)`);
});
