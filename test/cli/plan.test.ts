import { describe, expect, it } from 'vitest';
import { ambitions } from '../../src/index.js';
import { cli } from '../_helpers/cli.js';

describe('cprdfop plan', () => {
  it('prints the plan in French when no locale says otherwise', async () => {
    const r = await cli(['plan'], { env: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CPRDFOP Hauts-de-France 2022-2028');
    expect(r.stdout).toContain('2023-02-10');
    expect(r.stdout).toContain(ambitions()[0]?.label.fr);
    expect(r.stdout).toContain('formulation officielle non vérifiée');
  });
  it('prints English with --lang en', async () => {
    const r = await cli(['plan', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ambitions()[2]?.label.en);
    expect(r.stdout).toContain('Signed');
  });
  it('prints JSON with --json', async () => {
    const r = await cli(['plan', '--json']);
    const json = JSON.parse(r.stdout) as { plan: { id: string }; ambitions: unknown[] };
    expect(json.plan.id).toBe('cprdfop-hdf-2022-2028');
    expect(json.ambitions).toHaveLength(4);
  });
  it('rejects --lang xx with exit 64, one clear line and the usage', async () => {
    const r = await cli(['plan', '--lang', 'xx']);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('cprdfop: --lang must be fr or en, not "xx"');
    expect(lines[1]).toMatch(/^usage: cprdfop plan/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cprdfop (global)', () => {
  it('prints help and version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('plan');
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
  it('rejects an unknown command with exit 64 and the usage', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^cprdfop: unknown command 'frobnicate'/);
    expect(r.stderr).toMatch(/usage: cprdfop/);
  });
  it('rejects an unknown option with exit 64', async () => {
    const r = await cli(['plan', '--nope']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/unknown option '--nope'/);
  });
});
