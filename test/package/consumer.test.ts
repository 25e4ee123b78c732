/**
 * Installs the packed tarball into throwaway ESM and CJS projects (offline, from the npm cache that
 * `npm ci` filled) and imports every subpath from each, then runs the installed bin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const work = join(root, 'test/.tmp/consumer');
const subpaths = ['', '/territory', '/rules', '/itie', '/geo', '/opendata'];
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });

let tarball = '';

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  if (!existsSync(join(root, 'dist/index.js'))) run('npx', ['tsup'], root);
  run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], root);
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack produced no tarball');
  tarball = join(work, tgz);
  for (const kind of ['esm', 'cjs']) {
    const dir = join(work, kind);
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: `consumer-${kind}`,
        private: true,
        type: kind === 'esm' ? 'module' : 'commonjs',
      }),
    );
    run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', tarball],
      dir,
    );
  }
}, 240_000);

describe('the packed package', () => {
  it('contains only what users need', () => {
    const list = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean);
    expect(list).toContain('package/dist/index.js');
    expect(list).toContain('package/dist/index.cjs');
    expect(list.some((f) => /\/(test|bench|src|examples)\//.test(f))).toBe(false);
    expect(list.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('imports every subpath from an ESM project', () => {
    const script = subpaths
      .map((s, i) => `import * as m${i} from 'cprdfop${s}';\nout['cprdfop${s}'] = Object.keys(m${i}).length;`)
      .join('\n');
    writeFileSync(
      join(work, 'esm/check.mjs'),
      `const out = {};\n${script}\nimport { ambition } from 'cprdfop';\nout.ambition = ambition(1).number;\nconsole.log(JSON.stringify(out));\n`,
    );
    const out = JSON.parse(run('node', ['check.mjs'], join(work, 'esm'))) as Record<string, number>;
    expect(out.ambition).toBe(1);
    for (const s of subpaths) expect(out[`cprdfop${s}`], `cprdfop${s}`).toBeTypeOf('number');
    expect(out.cprdfop).toBeGreaterThan(5);
  });

  it('requires every subpath from a CJS project', () => {
    const script = subpaths
      .map((s) => `out['cprdfop${s}'] = Object.keys(require('cprdfop${s}')).length;`)
      .join('\n');
    writeFileSync(
      join(work, 'cjs/check.cjs'),
      `const out = {};\n${script}\nout.ambition = require('cprdfop').ambition(2).number;\nout.version = require('cprdfop/package.json').version;\nconsole.log(JSON.stringify(out));\n`,
    );
    const out = JSON.parse(run('node', ['check.cjs'], join(work, 'cjs'))) as Record<string, number | string>;
    expect(out.ambition).toBe(2);
    expect(out.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const s of subpaths) expect(out[`cprdfop${s}`], `cprdfop${s}`).toBeTypeOf('number');
  });

  it('installs a working `cprdfop` bin', () => {
    const out = run(join(work, 'esm/node_modules/.bin/cprdfop'), ['plan', '--lang', 'en'], join(work, 'esm'));
    expect(out).toContain('CPRDFOP Hauts-de-France 2022-2028');
  });
});
