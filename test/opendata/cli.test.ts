import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { expectedRegionCount, pullCommunesArgv, writeNationalGz } from './_fixtures.js';
import { bytesRoute, startServer, type TestServer } from './_server.js';

let work: string;
let server: TestServer;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cprdfop-cli-'));
  await writeNationalGz(join(work, 'national.gz'), 500, 6);
  const gz = await readFile(join(work, 'national.gz'));
  server = await startServer([bytesRoute(gz, '/c/2026/geojson/communes-100m.geojson.gz')]);
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const ctx = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: new PassThrough(),
    env: { LC_ALL: 'en_US.UTF-8', CPRDFOP_CACHE_DIR: join(work, 'cache'), ...env },
    cwd: work,
    exitCode: 0,
  };
  const code = await runCli(argv, ctx);
  return { code, stdout, stderr };
}

describe('cprdfop data', () => {
  it('where prints the cache directory', async () => {
    const r = await run(['data', 'where']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${join(work, 'cache')}\n`);
  });

  it('pull contours in offline mode without cache exits 69 and opens no connection', async () => {
    const r = await run(pullCommunesArgv('--base-url', `${server.url}/c`), { CPRDFOP_OFFLINE: '1' });
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/^cprdfop: offline mode: .*communes-100m-r32\.geojson/);
    expect(server.connections).toBe(0);
  });

  it('pull contours downloads with plain progress lines, then ls lists it', async () => {
    const r = await run(pullCommunesArgv('--base-url', `${server.url}/c`));
    expect(r.stderr).toContain('downloaded');
    expect(r.stderr).toContain('features kept');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `downloaded: ${join(work, 'cache', 'contours', '2026', 'communes-100m-r32.geojson')}`,
    );
    expect(r.stdout).toContain(`${expectedRegionCount(500)} features`);
    const ls = await run(['data', 'ls']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toMatch(
      /2026 {2}communes-100m r32 {2}\d+ features {2}[\d.]+ MB {2}sha256:[0-9a-f]{16}\n/,
    );
    const again = await run(pullCommunesArgv('--offline'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^cached: /);
  });

  it('rejects bad options with exit code 64', async () => {
    const r = await run([
      'data',
      'pull',
      'contours',
      '--year',
      '2026',
      '--layer',
      'cantons',
      '--resolution',
      '100m',
    ]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('invalid --layer "cantons"');
    const missing = await run(['data', 'pull', 'contours', '--layer', 'communes', '--resolution', '100m']);
    expect(missing.code).toBe(64);
  });

  it('a network failure exits 69', async () => {
    const r = await run([
      'data',
      'pull',
      'contours',
      '--year',
      '2026',
      '--layer',
      'regions',
      '--resolution',
      '100m',
      '--base-url',
      `${server.url}/nothing-here`,
    ]);
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/HTTP 404/);
  });
});
