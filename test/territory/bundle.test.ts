/**
 * The built chunks as a consumer runs them: an esbuild bundle of `cprdfop/territory` (ESM with split
 * chunks, and CommonJS), next to the package's `data/territory`, run in fresh Node processes — with
 * the synchronous path, and without it (`process.getBuiltinModule` removed, as in a browser).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const work = join(root, 'test/.tmp/territory-bundle');

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'data'), { recursive: true });
  symlinkSync(join(root, 'data/territory'), join(work, 'data/territory'));
  const common = {
    entryPoints: { territory: join(root, 'src/territory/index.ts') },
    bundle: true,
    platform: 'neutral' as const,
    mainFields: ['module', 'main'],
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'silent' as const,
  };
  await build({
    ...common,
    format: 'esm',
    splitting: true,
    outdir: join(work, 'esm'),
    outExtension: { '.js': '.mjs' },
  });
  await build({ ...common, format: 'cjs', outdir: join(work, 'cjs'), outExtension: { '.js': '.cjs' } });
}, 60_000);

const node = (file: string, code: string): string => {
  writeFileSync(join(work, file), code);
  return execFileSync(process.execPath, [join(work, file)], { encoding: 'utf8', timeout: 30_000 }).trim();
};

describe('the bundled territory chunks', () => {
  it('ESM: Hauts-de-France is bundled, other regions load synchronously from data/territory', () => {
    const out = node(
      'sync.mjs',
      "const t = await import('./esm/territory.mjs');\nconsole.log(JSON.stringify([t.commune('59350')?.commune.name, t.commune('14118')?.commune.name, t.commune('98735')?.commune.region]));",
    );
    expect(JSON.parse(out)).toEqual(['Lille', 'Caen', null]);
  });

  it('CommonJS: the same, and loadRegion through the split chunk', () => {
    const out = node(
      'sync.cjs',
      "const t = require('./cjs/territory.cjs');\nt.loadRegion('53').then((k) => console.log(JSON.stringify([t.commune('14118')?.commune.name, k, t.commune('35238')?.commune.name])));",
    );
    expect(JSON.parse(out)).toEqual(['Caen', '53', 'Rennes']);
  });

  it('without a synchronous path (a browser): HdF works, other regions need await loadRegion()', () => {
    const out = node(
      'browser.mjs',
      [
        'delete process.getBuiltinModule;',
        "const t = await import('./esm/territory.mjs');",
        'const out = [];',
        "out.push(t.commune('59350')?.commune.name);",
        "out.push(t.classifyCommuneCode('76999').kind, t.territoryProvider('32').resolve({ communes: ['14118'] }).outside[0]);",
        "try { t.commune('14118'); out.push('no error'); } catch (e) { out.push(e.code, e.region); }",
        "await t.loadRegion('28');",
        "out.push(t.commune('14118')?.commune.name, t.territoryProvider('28').resolve({ communes: ['14118'] }).communes[0]);",
        'console.log(JSON.stringify(out));',
      ].join('\n'),
    );
    expect(JSON.parse(out)).toEqual([
      'Lille',
      'unknown',
      '14118',
      'E_REGION_NOT_LOADED',
      '28',
      'Caen',
      '14118',
    ]);
  });
});
