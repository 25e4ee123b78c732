import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/_shared/typography.js';
import { cli } from '../_helpers/cli.js';
import { square } from './_grid.js';

// Synthetic squares carrying real 2026 codes (positions made up): Lille, Loos, Amiens.
let dir: string;
const en = { LANG: 'en_US.UTF-8' };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cprdfop-locate-csv-'));
  const features = [square('59350', 3.0, 50.6), square('59009', 3.1, 50.6), square('80021', 2.2, 49.9)];
  writeFileSync(join(dir, 'communes.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(join(dir, 'foreign.topojson'), JSON.stringify({ type: 'Topology', arcs: [], objects: {} }));
});

const rows = (text: string, delimiter = ','): string[][] =>
  parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true }) as string[][];

describe('cprdfop locate --csv', () => {
  it('writes one row per input row, in order, invalid rows in place (exit 1)', async () => {
    writeFileSync(
      join(dir, 'points.csv'),
      'id,lon,lat\n1,3.05,50.65\n2,abc,50\n3,0,0\n4,3.15,50.65,extra\n5,2.25,49.95\n6,0x10,50\n7,3.05,\n',
    );
    const r = await cli(['locate', '--csv', 'points.csv', '--contours', 'communes.geojson'], {
      cwd: dir,
      env: en,
    });
    expect(r.code).toBe(1);
    const [header, ...body] = rows(r.stdout);
    expect(header).toEqual([
      'id',
      'lon',
      'lat',
      'commune_code',
      'commune_name',
      'epci_code',
      'epci_name',
      'arrondissement_code',
      'arrondissement_name',
      'departement_code',
      'departement_name',
      'region_code',
      'region_name',
      'status',
      'message',
    ]);
    expect(body.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(body.map((row) => row[13])).toEqual([
      'ok',
      'invalid',
      'outside',
      'invalid',
      'ok',
      'invalid',
      'invalid',
    ]);
    expect(body[0]?.slice(3, 13)).toEqual([
      '59350',
      'Lille',
      '200093201',
      'Métropole Européenne de Lille',
      '595',
      'Lille',
      '59',
      'Nord',
      '32',
      'Hauts-de-France',
    ]);
    expect(body[1]?.[14]).toMatch(/invalid longitude "abc"/);
    expect(body[3]?.[14]).toBe('4 cells where the header has 3');
    expect(body[3]?.[15]).toBe('extra'); // the extra cell is kept, not dropped
    expect(body[5]?.[14]).toMatch(/0x10/); // hex is not a decimal number
    expect(body[6]?.[14]).toMatch(/invalid latitude ""/);
    expect(r.stderr).toBe(
      '7 rows: 2 located, 1 outside the contours, 4 invalid, 0 unknown (see the status and message columns): exit code 1\n',
    );
  });
  it('reads French Excel CSV (BOM, ;, decimal comma) and keeps its separator and BOM; French summary', async () => {
    writeFileSync(join(dir, 'excel.csv'), '\uFEFFnom;Longitude;Latitude\r\n"Mairie; Lille";3,05;50,65\r\n');
    const r = await cli(['locate', '--csv', 'excel.csv', '--contours', 'communes.geojson'], {
      cwd: dir,
      env: { LANG: 'fr_FR.UTF-8' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFFnom;Longitude;Latitude;commune_code')).toBe(true);
    expect(rows(r.stdout, ';')[1]?.slice(0, 4)).toEqual(['Mairie; Lille', '3,05', '50,65', '59350']);
    expect(r.stderr).toBe(
      frenchTypography('1 lignes : 1 localisées, 0 hors des contours, 0 invalides, 0 inconnues\n'),
    );
    expect(r.stderr).not.toContain(' :');
  });
  it('locates by commune code without contours: old codes mapped, unknown and malformed codes reported', async () => {
    writeFileSync(join(dir, 'codes.csv'), 'nom,code_insee\na,59350\nb,59355\nc,99999\nd,zz\ne,\n');
    const r = await cli(['locate', '--csv', 'codes.csv'], { cwd: dir, env: en });
    expect(r.code).toBe(1);
    const body = rows(r.stdout).slice(1);
    expect(body.map((row) => [row[2], row[12]])).toEqual([
      ['59350', 'ok'],
      ['59350', 'ok'],
      ['', 'unknown'],
      ['', 'invalid'],
      ['', 'invalid'],
    ]);
    expect(body[1]?.[13]).toBe('former code 59355: current commune 59350');
    expect(body[2]?.[13]).toMatch(/no commune with code "99999"/);
  });
  it('streams stdin and many batches: every row equals the single-point answer, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.double({ min: 2.1, max: 3.3, noNaN: true }),
            fc.double({ min: 49.8, max: 50.8, noNaN: true }),
          ),
          {
            minLength: 9000,
            maxLength: 9000,
          },
        ),
        async (points) => {
          const text = `lon,lat\n${points.map(([x, y]) => `${x},${y}`).join('\n')}\n`;
          const r = await cli(['locate', '--csv', '-', '--contours', 'communes.geojson'], {
            cwd: dir,
            env: en,
            stdin: text,
          });
          const body = rows(r.stdout).slice(1);
          expect(body).toHaveLength(points.length);
          const inside = (x: number, y: number, x0: number, y0: number): boolean =>
            x >= x0 && x <= x0 + 0.1 && y >= y0 && y <= y0 + 0.1;
          body.forEach((row, i) => {
            const [x, y] = points[i] as [number, number];
            const expected = inside(x, y, 3.0, 50.6)
              ? '59350'
              : inside(x, y, 3.1, 50.6)
                ? '59009'
                : inside(x, y, 2.2, 49.9)
                  ? '80021'
                  : '';
            expect([row[0], row[2]]).toEqual([String(x), expected]);
          });
          expect(r.code).toBe(0);
        },
      ),
      { numRuns: 1, seed: 18 },
    );
  });
  it('writes --out; refuses bad usage (64), missing files (66), unusable CSVs (65), unwritable output (73)', async () => {
    const ok = await cli(
      ['locate', '--csv', 'points.csv', '--contours', 'communes.geojson', '--out', 'out.csv'],
      {
        cwd: dir,
        env: en,
      },
    );
    expect(ok.code).toBe(1);
    expect(rows(readFileSync(join(dir, 'out.csv'), 'utf8'))).toHaveLength(8);
    expect((await cli(['locate', '3', '50', '--csv', 'points.csv'], { cwd: dir, env: en })).code).toBe(64);
    expect((await cli(['locate', '3', '50', '--out', 'x.csv'], { cwd: dir, env: en })).code).toBe(64);
    expect((await cli(['locate'], { cwd: dir, env: en })).code).toBe(64);
    const missing = await cli(['locate', '--csv', 'nope.csv'], { cwd: dir, env: en });
    expect([missing.code, missing.stderr]).toEqual([66, 'cprdfop: cannot read nope.csv: ENOENT\n']);
    writeFileSync(join(dir, 'empty.csv'), '\n\n');
    expect((await cli(['locate', '--csv', 'empty.csv'], { cwd: dir, env: en })).code).toBe(65);
    writeFileSync(join(dir, 'nocolumn.csv'), 'a,b\n1,2\n');
    const none = await cli(['locate', '--csv', 'nocolumn.csv'], { cwd: dir, env: en });
    expect(none.code).toBe(65);
    expect(none.stderr).toMatch(/no lon and lat columns and no commune code column in the header \(a, b\)/);
    const named = await cli(['locate', '--csv', 'nocolumn.csv', '--code-column', 'c'], { cwd: dir, env: en });
    expect([named.code, named.stderr]).toEqual([
      65,
      'cprdfop: no column "c" (--code-column) in the header: a, b\n',
    ]);
    writeFileSync(join(dir, 'again.csv'), 'code,status\n59350,x\n');
    expect((await cli(['locate', '--csv', 'again.csv'], { cwd: dir, env: en })).stderr).toMatch(
      /already has the columns status/,
    );
    writeFileSync(join(dir, 'quote.csv'), 'code,x\n59350,"open\n');
    const quote = await cli(['locate', '--csv', 'quote.csv'], { cwd: dir, env: en });
    expect(quote.code).toBe(65);
    const unwritable = await cli(['locate', '--csv', 'codes.csv', '--out', join('points.csv', 'out.csv')], {
      cwd: dir,
      env: en,
    });
    expect(unwritable.code).toBe(73);
  });
  it('--lon-column/--lat-column name the columns', async () => {
    writeFileSync(join(dir, 'named.csv'), 'site,E,N\nx,2.25,49.95\n');
    const r = await cli(
      [
        'locate',
        '--csv',
        'named.csv',
        '--lon-column',
        'E',
        '--lat-column',
        'N',
        '--contours',
        'communes.geojson',
      ],
      { cwd: dir, env: en },
    );
    expect([r.code, rows(r.stdout)[1]?.[3]]).toEqual([0, '80021']);
  });
});

describe('cprdfop data topo and --topology', () => {
  it('saves a stamped topology that locate reuses; other contours or a foreign file are refused', async () => {
    const saved = await cli(['data', 'topo', '--contours', 'communes.geojson', '--out', 'saved.topojson'], {
      cwd: dir,
      env: en,
    });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(
      /^topology of 3 communes \(communes\.geojson, sha256 [0-9a-f]{16}…\) saved: saved\.topojson/,
    );
    const json = JSON.parse(readFileSync(join(dir, 'saved.topojson'), 'utf8'));
    expect(json.cprdfop.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    const used = await cli(
      ['locate', '3.05', '50.65', '--contours', 'communes.geojson', '--topology', 'saved.topojson'],
      { cwd: dir, env: { ...en, CPRDFOP_VERBOSE: '1' } },
    );
    expect(used.code).toBe(0);
    expect(used.stderr).toBe('cprdfop: saved topology saved.topojson\n');
    expect(used.stdout).toContain('commune: Lille (59350)');
    // the same contours with one byte more: another SHA-256, the saved topology is refused (65)
    writeFileSync(join(dir, 'edited.geojson'), `${readFileSync(join(dir, 'communes.geojson'), 'utf8')} `);
    const stale = await cli(
      ['locate', '3.05', '50.65', '--contours', 'edited.geojson', '--topology', 'saved.topojson'],
      { cwd: dir, env: en },
    );
    expect(stale.code).toBe(65);
    expect(stale.stderr).toMatch(
      /built from another contours file \(communes\.geojson, SHA-256 [0-9a-f]{64}\)/,
    );
    const foreign = await cli(
      ['locate', '3.05', '50.65', '--contours', 'communes.geojson', '--topology', 'foreign.topojson'],
      { cwd: dir, env: en },
    );
    expect(foreign.code).toBe(65);
    expect(foreign.stderr).toMatch(/no "cprdfop" stamp/);
    const absent = await cli(
      ['locate', '3.05', '50.65', '--contours', 'communes.geojson', '--topology', 'absent.topojson'],
      { cwd: dir, env: en },
    );
    expect(absent.code).toBe(66);
  });
  it('saves into the cache by default, where the geo commands find it by the contours’ hash', async () => {
    const env = { ...en, CPRDFOP_CACHE_DIR: join(dir, 'cache'), CPRDFOP_VERBOSE: '1' };
    const before = await cli(['locate', '3.05', '50.65', '--contours', 'communes.geojson'], {
      cwd: dir,
      env,
    });
    expect(before.stderr).not.toMatch(/saved topology/);
    const saved = await cli(['data', 'topo', '--contours', 'communes.geojson', '--json'], { cwd: dir, env });
    expect(saved.code).toBe(0);
    const report = JSON.parse(saved.stdout);
    expect(report).toMatchObject({ communes: 3, source: { file: 'communes.geojson' } });
    expect(report.path).toBe(join(dir, 'cache', 'topology', `${report.source.sha256}.topojson`));
    const after = await cli(['locate', '3.05', '50.65', '--contours', 'communes.geojson'], { cwd: dir, env });
    expect(after.stderr).toBe(`cprdfop: saved topology ${report.path}\n`);
    expect(after.stdout).toBe(before.stdout);
    // other contours: not found in the cache (another hash), built again
    const other = await cli(['locate', '3.05', '50.65', '--contours', 'edited.geojson'], { cwd: dir, env });
    expect([other.code, other.stderr]).toEqual([0, '']);
    // a corrupted cache entry is not used: a warning, and the topology is built again
    writeFileSync(report.path, '{"type":"Topology"');
    const corrupt = await cli(['locate', '3.05', '50.65', '--contours', 'communes.geojson'], {
      cwd: dir,
      env,
    });
    expect(corrupt.code).toBe(0);
    expect(corrupt.stderr).toMatch(/is not used: not JSON/);
    expect(corrupt.stdout).toBe(before.stdout);
  });
});
