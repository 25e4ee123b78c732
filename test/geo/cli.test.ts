import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../_helpers/cli.js';
import { square } from './_grid.js';

// Synthetic squares with real 2026 codes: Lille, Lomme's neighbour codes… (positions are made up).
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cprdfop-geo-cli-'));
  const features = [square('59350', 3.0, 50.6), square('59009', 3.1, 50.6), square('80021', 2.2, 49.9)];
  writeFileSync(join(dir, 'communes.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(
    join(dir, 'bad.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          ...square('59350', 0, 0),
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
              ],
            ],
          },
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'values.csv'), 'code,value\n59,10\n80,20\n');
  writeFileSync(
    join(dir, 'application.json'),
    JSON.stringify({ territory: { communes: ['59350', '59009'] } }),
  );
  writeFileSync(join(dir, 'unknown-epci.json'), JSON.stringify({ territory: { epcis: ['123456789'] } }));
  writeFileSync(join(dir, 'old-codes.csv'), 'code,value\n59355,5\n59009,7\n');
  writeFileSync(join(dir, 'nothing.csv'), 'code,value\n99999,5\nzz,7\n');
  const disc = (code: string, x: number, y: number) => ({
    type: 'Feature',
    properties: { code },
    geometry: {
      type: 'Polygon',
      coordinates: [
        Array.from({ length: 3001 }, (_, i) => {
          const a = (2 * Math.PI * (i % 3000)) / 3000;
          return [
            Math.round((x + 0.04 * Math.cos(a)) * 1e6) / 1e6,
            Math.round((y + 0.04 * Math.sin(a)) * 1e6) / 1e6,
          ];
        }),
      ],
    },
  });
  writeFileSync(
    join(dir, 'detailed.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [disc('59350', 3.05, 50.63), disc('80021', 2.3, 49.9)],
    }),
  );
  mkdirSync(join(dir, 'cache'));
});

describe('cprdfop locate', () => {
  it('prints commune, EPCI, arrondissement and département', async () => {
    const r = await cli(['locate', '3.05', '50.65', '--contours', 'communes.geojson'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('commune: Lille (59350)');
    expect(r.stdout).toContain('departement: Nord (59)');
    expect(r.stdout).toContain('epci: Métropole Européenne de Lille (200093201)');
  });
  it('prints JSON and null outside', async () => {
    const r = await cli(['locate', '3.05', '50.65', '--contours', 'communes.geojson', '--json'], {
      cwd: dir,
    });
    expect(JSON.parse(r.stdout).location.arrondissement.code).toBe('595');
    const out = await cli(['locate', '0', '0', '--contours', 'communes.geojson', '--json'], { cwd: dir });
    expect(JSON.parse(out.stdout).location).toBeNull();
  });
  it('says how to get contours when none are cached (exit 69)', async () => {
    const r = await cli(['locate', '3.05', '50.65'], {
      cwd: dir,
      env: { LC_ALL: 'en_US.UTF-8', CPRDFOP_CACHE_DIR: join(dir, 'cache') },
    });
    expect(r.code).toBe(69);
    expect(r.stderr).toMatch(/^cprdfop: no cached commune contours: run `cprdfop data pull contours/);
  });
  it('rejects bad coordinates (64), missing files (66) and invalid contours (65)', async () => {
    expect((await cli(['locate', 'abc', '50', '--contours', 'communes.geojson'], { cwd: dir })).code).toBe(
      64,
    );
    expect((await cli(['locate', '3', '95', '--contours', 'communes.geojson'], { cwd: dir })).code).toBe(64);
    const missing = await cli(['locate', '3', '50', '--contours', 'nope.geojson'], { cwd: dir });
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/nope\.geojson/);
    const bad = await cli(['locate', '3', '50', '--contours', 'bad.geojson'], { cwd: dir });
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(/ring 0/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cprdfop map / export', () => {
  it('writes an accessible SVG choropleth with a highlighted territory', async () => {
    const r = await cli(
      [
        'map',
        '--contours',
        'communes.geojson',
        '--by',
        'departement',
        '--value',
        'values.csv',
        '--highlight',
        'application.json',
        '-o',
        'map.svg',
        '--lang',
        'fr',
      ],
      { cwd: dir },
    );
    // two départements cannot make five classes: said, not hidden
    expect(r.stderr).toBe('cprdfop: légende\u00a0: 2 classes au lieu de 5\u00a0: les valeurs sont égales\n');
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, 'map.svg'), 'utf8');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('data-code="59"');
    expect(svg).toContain('data-code="80"');
    expect(svg).toContain('<title>Nord (59)\u00a0: 10</title>');
    expect(svg).toContain('class="layer highlight"');
    expect(svg).toContain('class="legend"');
  });
  it('exports GeoJSON and TopoJSON to stdout', async () => {
    const g = await cli(['export', '--contours', 'communes.geojson', '--by', 'departement'], { cwd: dir });
    expect(g.code).toBe(0);
    expect(JSON.parse(g.stdout).features.map((f: { id: string }) => f.id)).toEqual(['59', '80']);
    const t = await cli(
      ['export', '--contours', 'communes.geojson', '--by', 'epci', '--format', 'topojson'],
      { cwd: dir },
    );
    expect(JSON.parse(t.stdout).type).toBe('Topology');
  });
  it('warns about an unknown EPCI in --highlight, and exits 1 with --strict writing nothing', async () => {
    const args = ['map', '--contours', 'communes.geojson', '--highlight', 'unknown-epci.json'];
    const r = await cli([...args, '-o', 'lenient.svg'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^cprdfop: warning: highlighted territory of unknown-epci\.json: .*123456789/);
    const strict = await cli([...args, '--strict', '-o', 'strict.svg'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/123456789/);
    expect(strict.stderr).toMatch(/--strict/);
    expect(existsSync(join(dir, 'strict.svg'))).toBe(false);
  });
  it('reports codes that are not strings in --highlight as malformed codes, never a crash (70)', async () => {
    writeFileSync(join(dir, 'hostile-highlight.json'), '[{"toString":false},"59350",7]');
    const r = await cli(
      [
        'map',
        '--contours',
        'communes.geojson',
        '--highlight',
        'hostile-highlight.json',
        '--strict',
        '-o',
        'h.svg',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('malformed commune code "{\\"toString\\":false}" at communes[0]');
    expect(r.stderr).toContain('malformed commune code "7" at communes[2]');
    expect(r.stderr).not.toMatch(/TypeError|\n\s+at /);
    writeFileSync(
      join(dir, 'hostile-territory.json'),
      '{"territory":{"communes":["59350"],"epcis":[{"toString":false}]}}',
    );
    const t = await cli(['map', '--contours', 'communes.geojson', '--highlight', 'hostile-territory.json'], {
      cwd: dir,
    });
    expect(t.code).toBe(0);
    expect(t.stderr).toContain('{\\"toString\\":false}" at epcis[0]');
  });
  it('maps --value codes of former communes with a warning, and rejects a file matching nothing (65)', async () => {
    const r = await cli(
      ['map', '--contours', 'communes.geojson', '--by', 'commune', '--value', 'old-codes.csv'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/code 59355 is a former commune code, its value goes to 59350/);
    expect(r.stdout).toContain('data-code="59350"');
    expect(r.stdout).toMatch(/<title>Lille \(59350\): 5<\/title>/);
    const none = await cli(['map', '--contours', 'communes.geojson', '--value', 'nothing.csv'], { cwd: dir });
    expect(none.code).toBe(65);
    expect(none.stderr).toMatch(/^cprdfop: nothing\.csv: no value matches a unit/);
    // a file with only a header is no data, not a blank map
    writeFileSync(join(dir, 'header-only.csv'), 'code,value\n');
    const empty = await cli(['map', '--contours', 'communes.geojson', '--value', 'header-only.csv'], {
      cwd: dir,
    });
    expect(empty.code).toBe(65);
    expect(empty.stderr).toMatch(/^cprdfop: header-only\.csv: no value to join: the values are empty/);
    expect(empty.stdout).toBe('');
  });
  it('simplifies the drawing to stay under --max-size', async () => {
    const args = ['map', '--contours', 'detailed.geojson', '--by', 'commune'];
    const full = await cli(args, { cwd: dir });
    expect(full.code).toBe(0);
    expect(full.stdout.length).toBeGreaterThan(30_000);
    const small = await cli([...args, '--max-size', '20000'], { cwd: dir });
    expect(small.code).toBe(0);
    expect(Buffer.byteLength(small.stdout)).toBeLessThanOrEqual(20_000);
    expect(small.stderr).toMatch(
      /^cprdfop: map simplified for display \(topology preserved\): [\d,]+ of 6,002 points/,
    );
    expect(small.stdout).toContain('data-code="59350"');
    expect((await cli([...args, '--max-size', 'big'], { cwd: dir })).code).toBe(64);
  });
  it('export --strict fails on incomplete units', async () => {
    const r = await cli(['export', '--contours', 'communes.geojson', '--by', 'departement', '--strict'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unit 59: \d+ commune\(s\) have no contour/);
    expect(r.stdout).toBe('');
  });
  it('rejects a bad --format or --by with exit 64 and the usage', async () => {
    const r = await cli(['export', '--contours', 'communes.geojson', '--format', 'kml'], { cwd: dir });
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^cprdfop: invalid --format "kml"/);
    expect(r.stderr).toMatch(/usage: cprdfop export/);
    expect((await cli(['map', '--contours', 'communes.geojson', '--by', 'canton'], { cwd: dir })).code).toBe(
      64,
    );
  });
});
