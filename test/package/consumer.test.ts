/**
 * Installs the packed tarball into throwaway ESM and CJS projects with `npm install`, through a local
 * registry serving the dependencies installed here and an empty npm cache (so the result does not
 * depend on what this machine happens to have cached), then imports every subpath from each, runs the
 * installed bin, and compiles strict TypeScript (`skipLibCheck: false`, `nodenext`) against every
 * subpath's types from each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installConsumers, root, run } from './_consumer.js';

const work = join(root, 'test/.tmp/consumer');
const subpaths = ['', '/territory', '/rules', '/itie', '/geo', '/opendata'];
const tsc = join(root, 'node_modules/typescript/bin/tsc');

let tarball = '';

beforeAll(async () => {
  ({ tarball } = await installConsumers(work, ['esm', 'cjs']));
}, 300_000);

describe('the packed package', () => {
  it('contains only what users need', async () => {
    const list = (await run('tar', ['-tzf', tarball], work)).split('\n').filter(Boolean);
    expect(list).toContain('package/dist/index.js');
    expect(list).toContain('package/dist/index.cjs');
    expect(list.some((f) => /\/(test|bench|src|examples)\//.test(f))).toBe(false);
    expect(list.some((f) => f.endsWith('.test.ts'))).toBe(false);
    expect(list).toContain('package/LICENSE');
    expect(list).toContain('package/CHANGELOG.md');
    expect(list).toContain('package/dist/geo/index.browser.js');
    expect(list.filter((f) => f.endsWith('.map'))).toEqual([]);
    // Each territory chunk ships once. Every region but Hauts-de-France is only its data file
    // (Node reads it synchronously, a browser app's bundler splits its dynamic import). Hauts-de-France
    // and the France-wide index are embedded in the builds instead (they work without await, in a
    // browser too), once per module format since a CommonJS file cannot load an ESM chunk synchronously:
    // so they are not data files.
    const dataFiles = list.filter((f) => f.startsWith('package/data/territory/')).sort();
    const chunkKeys = ['01', '02', '03', '04', '06', '11', '24', '27', '28', '44', '52', '53', '75', '76'];
    chunkKeys.push('84', '93', '94', 'COM');
    expect(dataFiles).toEqual(chunkKeys.map((key) => `package/data/territory/cog2026-${key}.json`).sort());
    const installed = join(work, 'esm/node_modules/cprdfop');
    const built = list
      .filter((f) => /^package\/dist\/.*\.c?js$/.test(f))
      .map((f) => ({ file: f, code: readFileSync(join(installed, f.slice('package/'.length)), 'utf8') }));
    const holders = (key: string, format: RegExp): string[] =>
      built
        // a chunk's own header, as a JS string literal ('…"key":"32"…' or "…\\"key\\":\\"32\\"…")
        .filter(
          ({ file, code }) =>
            format.test(file) && new RegExp(`\\\\?"key\\\\?":\\\\?"${key}\\\\?"`).test(code),
        )
        .map(({ file }) => file);
    for (const key of chunkKeys) expect(holders(key, /\.c?js$/), `chunk ${key} in dist`).toEqual([]);
    expect(holders('32', /\.js$/), 'Hauts-de-France in the ESM build').toHaveLength(1);
    expect(holders('32', /\.cjs$/), 'Hauts-de-France in the CJS build').toHaveLength(1);
  });

  it('imports every subpath from an ESM project', async () => {
    const script = subpaths
      .map((s, i) => `import * as m${i} from 'cprdfop${s}';\nout['cprdfop${s}'] = Object.keys(m${i}).length;`)
      .join('\n');
    writeFileSync(
      join(work, 'esm/check.mjs'),
      `const out = {};\n${script}\nimport { ambition } from 'cprdfop';\nout.ambition = ambition(1).number;\nconsole.log(JSON.stringify(out));\n`,
    );
    const out = JSON.parse(await run('node', ['check.mjs'], join(work, 'esm'))) as Record<string, number>;
    expect(out.ambition).toBe(1);
    for (const s of subpaths) expect(out[`cprdfop${s}`], `cprdfop${s}`).toBeTypeOf('number');
    expect(out.cprdfop).toBeGreaterThan(5);
  });

  it('requires every subpath from a CJS project', async () => {
    const script = subpaths
      .map((s) => `out['cprdfop${s}'] = Object.keys(require('cprdfop${s}')).length;`)
      .join('\n');
    writeFileSync(
      join(work, 'cjs/check.cjs'),
      `const out = {};\n${script}\nout.ambition = require('cprdfop').ambition(2).number;\nout.version = require('cprdfop/package.json').version;\nconsole.log(JSON.stringify(out));\n`,
    );
    const out = JSON.parse(await run('node', ['check.cjs'], join(work, 'cjs'))) as Record<
      string,
      number | string
    >;
    expect(out.ambition).toBe(2);
    expect(out.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const s of subpaths) expect(out[`cprdfop${s}`], `cprdfop${s}`).toBeTypeOf('number');
  });

  it('installs a working `cprdfop` bin', async () => {
    const out = await run(
      join(work, 'esm/node_modules/.bin/cprdfop'),
      ['plan', '--lang', 'en'],
      join(work, 'esm'),
    );
    expect(out).toContain('CPRDFOP Hauts-de-France 2022-2028');
  });

  // Strict TypeScript against every subpath: TS2307 when a .d.ts imports a types package that is not
  // installed with the package; the @ts-expect-error lines fail to compile ("unused directive") when
  // the geo types degrade to `any`.
  const strictSource = `import * as root from 'cprdfop';
import * as territory from 'cprdfop/territory';
import * as rules from 'cprdfop/rules';
import * as itie from 'cprdfop/itie';
import * as geo from 'cprdfop/geo';
import * as opendata from 'cprdfop/opendata';
import type { CommuneTopoJSON, LonLat } from 'cprdfop/geo';

export const modules = [root, territory, rules, itie, geo, opendata];
export const ambitionNumber: number | undefined = root.ambition(1)?.number;
export const position: LonLat = [2.3, 49.9];
// @ts-expect-error a LonLat is a pair of numbers
export const notAPosition: LonLat = 'Amiens';
// @ts-expect-error a TopoJSON topology (topojson-specification) has type 'Topology'
export const notATopology: CommuneTopoJSON = { type: 'FeatureCollection' };
export const render: (...args: Parameters<typeof geo.renderSvg>) => string = geo.renderSvg;
`;
  const strictConfig = {
    compilerOptions: {
      strict: true,
      skipLibCheck: false,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2023', 'dom'],
      types: [],
      noEmit: true,
    },
    files: ['strict.ts'],
  };
  for (const kind of ['esm', 'cjs']) {
    it(`compiles strict TypeScript (skipLibCheck: false, nodenext) against every subpath from a ${kind.toUpperCase()} project`, async () => {
      const dir = join(work, kind);
      writeFileSync(join(dir, 'strict.ts'), strictSource);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(strictConfig));
      await expect(run('node', [tsc, '-p', 'tsconfig.json'], dir)).resolves.toBe('');
    }, 180_000);
  }

  it('the strict check fails when a geo type is any (test of the test)', async () => {
    const dir = join(work, 'esm');
    writeFileSync(
      join(dir, 'loose.ts'),
      strictSource
        .replace("from 'cprdfop/geo';\n\nexport", "from 'cprdfop/geo';\ntype Any = any;\nexport")
        .replaceAll(': LonLat =', ': Any ='),
    );
    writeFileSync(join(dir, 'tsconfig.loose.json'), JSON.stringify({ ...strictConfig, files: ['loose.ts'] }));
    await expect(run('node', [tsc, '-p', 'tsconfig.loose.json'], dir)).rejects.toThrow(/TS2578/);
  }, 180_000);
});
