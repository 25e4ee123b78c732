import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/program.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: Readable.from([]),
    env: { LC_ALL: 'en_US.UTF-8' }, // these assertions read the English output
    cwd: process.cwd(),
    exitCode: 0,
  };
  const code = await runCli(argv, ctx);
  return { code, out, err };
}

describe('cprdfop territory', () => {
  it('resolves a commune code with its EPCI, arrondissement and département', async () => {
    const r = await run('territory', '59350');
    expect(r.code).toBe(0);
    expect(r.out).toContain('59350 Lille');
    expect(r.out).toContain('200093201 Métropole Européenne de Lille');
    expect(r.out).toContain('595 Lille');
    expect(r.out).toContain('59 Nord');
  });

  it('resolves an old code, a postal code (all matches), a SIREN and a name', async () => {
    expect((await run('territory', '02394')).out).toContain('02008 Aizy-Jouy (from ancien-code 02394)');
    const pc = await run('territory', '59132', '--json');
    const parsed = JSON.parse(pc.out) as { matches: Array<{ commune: { code: string } }> };
    expect(parsed.matches.map((m) => m.commune.code)).toContain('59601');
    expect(parsed.matches.length).toBeGreaterThan(5);
    expect((await run('territory', '200069722')).out).toContain('crosses the regional boundary');
    const name = await run('territory', 'saint', 'quentin');
    expect(name.out.split('\n')[0]).toContain('02691 Saint-Quentin');
  });

  it('says a code of another département is outside the region', async () => {
    const r = await run('territory', '76540');
    expect(r.code).toBe(0);
    expect(r.out).toContain('outside Hauts-de-France (département 76, Normandie)');
  });

  it('exits 1 on no match and 65 on a malformed code', async () => {
    const unknown = await run('territory', '59999');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('cprdfop: unknown commune code 59999 (département 59 is in Hauts-de-France)\n');
    expect((await run('territory', 'zzzzzz')).code).toBe(1);
    const bad = await run('territory', '5935');
    expect(bad.code).toBe(65);
    expect(bad.err).toContain('"5935"');
  });
});
