/**
 * The network guard (network-guard.ts, a setup file of every test): loopback connections work, any
 * other target is refused before a DNS look-up and recorded so that the test fails in afterEach.
 * Only `.invalid` names are used here: even a broken guard would send no packet to a real host.
 */
import { execFile } from 'node:child_process';
import { createServer, request } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from './network-guard.js';

const violations = (): string[] =>
  (net.Socket.prototype as unknown as Record<symbol, string[]>)[Symbol.for('cprdfop.networkGuard')] ?? [];
/** Reads and clears what the guard recorded (so that this test's own afterEach check passes). */
const takeViolations = () => violations().splice(0);

let port = 0;
const server = createServer((_req, res) => res.end('ok'));
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('network guard', () => {
  it('is installed for every test file', () => {
    expect(Array.isArray(violations())).toBe(true);
  });

  it('tells loopback from everything else', () => {
    for (const host of [
      '127.0.0.1',
      '127.8.9.10',
      'localhost',
      'api.localhost',
      '::1',
      '[::1]',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      '128.0.0.1',
      '10.0.0.1',
      '192.168.1.1',
      'data.example.fr',
      '::2',
      'localhost.fr',
      '0.0.0.0',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('lets fetch reach a 127.0.0.1 server', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.text()).toBe('ok');
    expect(takeViolations()).toEqual([]);
  });

  it('refuses fetch to another host, and records it even when the error is swallowed', async () => {
    const error = await fetch('https://guard-test.invalid/').catch((e: unknown) => e);
    expect(String((error as { cause?: unknown }).cause)).toMatch(/network guard: .*guard-test\.invalid:443/);
    expect(takeViolations()).toEqual(['guard-test.invalid:443']);
  });

  it('refuses node:http, net.connect and tls.connect to another host', () => {
    expect(() => request('http://guard-test.invalid:8080/').end()).toThrow(/network guard/);
    expect(() => net.connect(25, 'guard-test.invalid')).toThrow(/network guard/);
    expect(() => net.connect({ host: 'guard-test.invalid', port: 80 })).toThrow(/network guard/);
    expect(() => tls.connect({ host: 'guard-test.invalid', port: 443 })).toThrow(/network guard/);
    expect(takeViolations()).toEqual([
      'guard-test.invalid:8080',
      'guard-test.invalid:25',
      'guard-test.invalid:80',
      'guard-test.invalid:443',
    ]);
  });

  it('is inherited by the Node processes a test starts (NODE_OPTIONS)', async () => {
    const script = [
      "const net = require('node:net');",
      'try {',
      "  net.connect(80, 'guard-test.invalid');",
      "  console.log('connected');",
      '} catch (error) {',
      '  console.log(String(error.message));',
      '}',
      `const local = net.connect(${port}, '127.0.0.1', () => { console.log('loopback ok'); local.end(); });`,
    ].join('\n');
    const stdout = await new Promise<string>((done, fail) =>
      execFile(process.execPath, ['-e', script], { env: process.env, timeout: 60_000 }, (error, out) =>
        error ? fail(error) : done(out),
      ),
    );
    expect(stdout).toContain(
      'network guard: a process started by a test tried to connect to guard-test.invalid:80',
    );
    expect(stdout).toContain('loopback ok');
    expect(stdout).not.toContain('connected');
  });
});
