/**
 * `--topology <file>` on `check`, `map` and `export` (issue 18): the saved topology is used for the
 * contours it was built from (same output as building it), and refused like `locate` refuses it: a
 * foreign or outdated file is exit 65 naming both hashes, a missing one exit 66.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../_helpers/cli.js';
import { square } from '../geo/_grid.js';

// Synthetic squares carrying real 2026 codes (positions made up): Lille, Loos, Amiens.
let dir: string;
const en = { LANG: 'en_US.UTF-8' };
const verbose = { ...en, CPRDFOP_VERBOSE: '1' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cprdfop-topology-option-'));
  const features = [square('59350', 3.0, 50.6), square('59009', 3.1, 50.6), square('80021', 2.2, 49.9)];
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  writeFileSync(join(dir, 'communes.geojson'), text);
  // the same contours with one byte more: another SHA-256
  writeFileSync(join(dir, 'edited.geojson'), `${text} `);
  writeFileSync(join(dir, 'foreign.topojson'), JSON.stringify({ type: 'Topology', arcs: [], objects: {} }));
  const example = JSON.parse(
    readFileSync(resolve('examples/applications/eligible-mobilite-laonnois.json'), 'utf8'),
  ) as Record<string, unknown>;
  writeFileSync(
    join(dir, 'application.json'),
    JSON.stringify({ ...example, territory: { communes: ['59350', '59009'] } }),
  );
  const saved = await cli(['data', 'topo', '--contours', 'communes.geojson', '--out', 'saved.topojson'], {
    cwd: dir,
    env: en,
  });
  expect(saved.code).toBe(0);
});

/** Each command's arguments before `--contours <file>`, with its output going to stdout. */
const commands: Record<string, string[]> = {
  check: ['check', 'application.json', '--json'],
  map: ['map', '--by', 'departement'],
  export: ['export', '--by', 'epci', '--format', 'topojson'],
};

describe('--topology on check, map and export', () => {
  for (const [name, args] of Object.entries(commands)) {
    it(`${name}: uses the saved topology (same output as building it) and refuses one that does not match`, async () => {
      const built = await cli([...args, '--contours', 'communes.geojson'], { cwd: dir, env: verbose });
      expect(built.code).toBe(0);
      expect(built.stderr).not.toMatch(/saved topology/);
      const reused = await cli([...args, '--contours', 'communes.geojson', '--topology', 'saved.topojson'], {
        cwd: dir,
        env: verbose,
      });
      expect(reused.code).toBe(0);
      // the same warnings, after the line saying which saved topology was used
      expect(reused.stderr).toBe(`cprdfop: saved topology saved.topojson\n${built.stderr}`);
      expect(reused.stdout).toBe(built.stdout);
      expect(reused.stdout.length).toBeGreaterThan(100);

      const stale = await cli([...args, '--contours', 'edited.geojson', '--topology', 'saved.topojson'], {
        cwd: dir,
        env: en,
      });
      expect(stale.code).toBe(65);
      expect(stale.stdout).toBe('');
      // both hashes: the one the topology was built from and the one of the given contours
      const hashes = stale.stderr.match(/[0-9a-f]{64}/g) ?? [];
      expect(new Set(hashes).size).toBe(2);
      expect(stale.stderr).toMatch(
        /built from another contours file \(communes\.geojson, SHA-256 [0-9a-f]{64}\)/,
      );
      expect(stale.stderr.trim().split('\n')).toHaveLength(1);

      const foreign = await cli(
        [...args, '--contours', 'communes.geojson', '--topology', 'foreign.topojson'],
        {
          cwd: dir,
          env: en,
        },
      );
      expect([foreign.code, foreign.stdout]).toEqual([65, '']);
      expect(foreign.stderr).toMatch(/no "cprdfop" stamp/);

      const absent = await cli([...args, '--contours', 'communes.geojson', '--topology', 'absent.topojson'], {
        cwd: dir,
        env: en,
      });
      expect([absent.code, absent.stdout]).toEqual([66, '']);
      expect(absent.stderr).toMatch(/absent\.topojson/);
    });
  }

  it('check: --topology without --contours is a usage error (64), in French too', async () => {
    const english = await cli(['check', 'application.json', '--topology', 'saved.topojson'], {
      cwd: dir,
      env: en,
    });
    expect(english.code).toBe(64);
    expect(english.stderr).toMatch(/--topology saved\.topojson needs --contours/);
    const french = await cli(['check', 'application.json', '--topology', 'saved.topojson'], {
      cwd: dir,
      env: { LANG: 'fr_FR.UTF-8' },
    });
    expect(french.code).toBe(64);
    expect(french.stderr).toMatch(/--topology saved\.topojson demande --contours\u00a0: la topologie/);
  });

  it('check: the contiguity criterion is decided from the saved topology (pass, and fail far apart)', async () => {
    const apart = JSON.parse(readFileSync(join(dir, 'application.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(dir, 'apart.json'),
      JSON.stringify({ ...apart, territory: { communes: ['59350', '80021'] } }),
    );
    const contiguity = async (file: string, extra: string[]): Promise<unknown> => {
      const run = await cli(['check', file, '--json', '--contours', 'communes.geojson', ...extra], {
        cwd: dir,
        env: en,
      });
      const explanation = JSON.parse(run.stdout) as { criteria: { id: string; status: string }[] };
      return explanation.criteria.find((criterion) => criterion.id === 'contiguous-territory')?.status;
    };
    const saved = ['--topology', 'saved.topojson'];
    expect(await contiguity('application.json', saved)).toBe('pass');
    expect(await contiguity('apart.json', saved)).toBe('fail');
    expect(await contiguity('apart.json', [])).toBe('fail');
  });
});
