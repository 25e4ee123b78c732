/**
 * Files that are not UTF-8, through the CLI: a spreadsheet export from French Excel (Windows-1252)
 * is read as such and said on stderr, UTF-16 by its byte order mark, `--encoding` forces one; a
 * JSON or JSONL input, a contours file and a `locate --csv` stream that are not UTF-8 are exit 65
 * naming the byte, its line and offset. Never a U+FFFD put in place of a byte without a word, and
 * never a character cut between two read chunks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../_helpers/cli.js';

let dir: string;
const en = { LC_ALL: 'en_US.UTF-8' };
const MAPPING = {
  format: 'cprdfop.screen-mapping/1',
  idColumn: 'Numéro',
  fields: {
    title: { column: 'Intitulé', type: 'string' },
    themes: { column: 'Thèmes', type: 'list' },
    'budget.total': { column: 'Budget total', type: 'number' },
  },
};
const CSV = [
  'Numéro;Intitulé;Thèmes;Budget total',
  'A-1;Mobilité « vélo » en Thiérache — 2ᵉ volet;mobilite;80000',
  'A-2;Œuvre d’insertion à Saint-Quentin;insertion;45000',
  'A-3;Projet sans thème;;12000',
].join('\r\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cprdfop-encodings-'));
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify(MAPPING));
  writeFileSync(join(dir, 'utf8.csv'), CSV);
  // Windows-1252 has no ᵉ: Excel would have written "2e"
  writeFileSync(join(dir, 'excel.csv'), iconv.encode(CSV.replace('2ᵉ', '2e'), 'windows-1252'));
  writeFileSync(join(dir, 'excel-utf8.csv'), CSV.replace('2ᵉ', '2e'));
  writeFileSync(
    join(dir, 'utf16.csv'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]),
  );
  writeFileSync(join(dir, 'utf8-bom.csv'), `\ufeff${CSV}`);
});

const screen = async (input: string, out: string, extra: string[] = []) => {
  const run = await cli(['screen', input, '--mapping', 'mapping.json', '--out', out, ...extra], {
    cwd: dir,
    env: en,
  });
  return { ...run, out: run.code <= 1 ? readFileSync(join(dir, out), 'utf8') : '' };
};

describe('cprdfop screen: the encoding of a CSV export', () => {
  it('a Windows-1252 export (French Excel) gives the same results as its UTF-8 copy, and says how it was read', async () => {
    const excel = await screen('excel.csv', 'excel.out.csv');
    const utf8 = await screen('excel-utf8.csv', 'excel-utf8.out.csv');
    expect(excel.code).toBe(utf8.code);
    expect(excel.out).toBe(utf8.out);
    expect(excel.out).toContain('A-1');
    expect(excel.out).not.toContain('\ufffd');
    expect(excel.stderr).toContain(
      'warning: excel.csv is not UTF-8 (byte 0xE9 on line 1): read as Windows-1252, the encoding of Excel’s CSV in French',
    );
    expect(utf8.stderr).not.toContain('not UTF-8');
  });

  it('UTF-16 with its byte order mark, and UTF-8 with one, give the same results as UTF-8', async () => {
    const utf8 = await screen('utf8.csv', 'utf8.out.jsonl');
    const utf16 = await screen('utf16.csv', 'utf16.out.jsonl');
    const bom = await screen('utf8-bom.csv', 'bom.out.jsonl');
    expect(utf16.out).toBe(utf8.out);
    expect(bom.out).toBe(utf8.out);
    expect(utf16.stderr).not.toContain('not UTF-8');
  });

  it('--encoding utf-8 on a Windows-1252 file is exit 65 naming the byte, its line and offset (French too)', async () => {
    const run = await screen('excel.csv', 'x.csv', ['--encoding', 'utf-8']);
    expect(run.code).toBe(65);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      'excel.csv: not UTF-8 text (byte 0xE9 on line 1, offset 3); save it as UTF-8',
    );
    const fr = await cli(
      ['screen', 'excel.csv', '--mapping', 'mapping.json', '--out', 'x.csv', '--encoding', 'utf-8'],
      {
        cwd: dir,
        env: { LC_ALL: 'fr_FR.UTF-8' },
      },
    );
    expect(fr.stderr).toContain('ce n’est pas du texte UTF-8 (octet 0xE9 ligne 1, position 3)');
  });

  it('--encoding windows-1252 on a UTF-8 file reads what it is told (no warning); a bad value or a non-CSV input is a usage error', async () => {
    const forced = await screen('excel-utf8.csv', 'forced.out.csv', ['--encoding', 'windows-1252']);
    expect(forced.code).toBeLessThanOrEqual(1);
    expect(forced.stderr).not.toContain('not UTF-8');
    const bad = await screen('utf8.csv', 'x.csv', ['--encoding', 'latin-9']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain(
      '--encoding must be one of auto, utf-8, windows-1252, utf-16le, utf-16be, not "latin-9"',
    );
    writeFileSync(join(dir, 'apps.jsonl'), '{}\n');
    const jsonl = await cli(['screen', 'apps.jsonl', '--out', 'x.jsonl', '--encoding', 'utf-8'], {
      cwd: dir,
      env: en,
    });
    expect(jsonl.code).toBe(64);
    expect(jsonl.stderr).toContain('--encoding applies to .csv input only');
  });

  it('a JSONL export that is not UTF-8 is exit 65 naming the byte', async () => {
    writeFileSync(
      join(dir, 'latin.jsonl'),
      Buffer.concat([
        Buffer.from('{"title":"a"}\n{"title":"Thi'),
        Buffer.from([0xe9]),
        Buffer.from('rache"}\n'),
      ]),
    );
    const run = await cli(['screen', 'latin.jsonl', '--out', 'x.jsonl'], { cwd: dir, env: en });
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('latin.jsonl: not UTF-8 text (byte 0xE9 on line 2, offset 27)');
  });
});

describe('JSON inputs that are not UTF-8', () => {
  it('cprdfop check: exit 65 naming the byte, its line and offset, instead of checking « Thi�rache »', async () => {
    const application = JSON.stringify({ title: 'Mobilité en Thiérache' }, null, 2);
    writeFileSync(join(dir, 'latin.json'), iconv.encode(application, 'windows-1252'));
    const run = await cli(['check', 'latin.json'], { cwd: dir, env: en });
    expect(run.code).toBe(65);
    expect(run.stderr).toContain(
      'latin.json: not UTF-8 text (byte 0xE9 on line 2, offset 21); save it as UTF-8',
    );
  });

  it('cprdfop check: a UTF-8 byte order mark is accepted (it used to be invalid JSON)', async () => {
    const application = readFileSync('examples/applications/eligible-mobilite-laonnois.json', 'utf8');
    writeFileSync(join(dir, 'bom.json'), `\ufeff${application}`);
    writeFileSync(join(dir, 'plain.json'), application);
    const bom = await cli(['check', 'bom.json', '--json'], { cwd: dir, env: en });
    const plain = await cli(['check', 'plain.json', '--json'], { cwd: dir, env: en });
    expect(bom.code).toBe(plain.code);
    expect(bom.stdout).toBe(plain.stdout);
  });
});

describe('cprdfop locate --csv: the stream is strict UTF-8', () => {
  /** Rows whose ids hold accents, the first row shifted so that a 64 KiB chunk ends inside an é. */
  const pointsCsv = (shift: number): { text: string; ids: string[] } => {
    const ids = Array.from({ length: 4000 }, (_, i) => `${i === 0 ? 'x'.repeat(shift) : ''}Thiérache-é${i}`);
    return { text: `id,code\n${ids.map((id) => `${id},59350`).join('\n')}\n`, ids };
  };

  it('a character cut between two read chunks is written whole (six alignments)', async () => {
    for (const shift of [0, 1, 2, 3, 4, 5]) {
      const { text, ids } = pointsCsv(shift);
      writeFileSync(join(dir, `points-${shift}.csv`), text);
      const run = await cli(['locate', '--csv', `points-${shift}.csv`, '--code-column', 'code'], {
        cwd: dir,
        env: en,
      });
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('\ufffd');
      const written = run.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      expect(written).toEqual(ids);
    }
    // one of the alignments does cut an é at 64 KiB (the default chunk of a file stream)
    const cuts = [0, 1, 2, 3, 4, 5].map((shift) => Buffer.from(pointsCsv(shift).text)[65535]);
    expect(cuts).toContain(0xc3);
  });

  it('a byte that is not UTF-8 is exit 65 naming it, its line and offset', async () => {
    const bytes = Buffer.concat([
      Buffer.from('id,code\nA,59350\nThi'),
      Buffer.from([0xe9]),
      Buffer.from('rache,59350\n'),
    ]);
    writeFileSync(join(dir, 'latin-points.csv'), bytes);
    const run = await cli(['locate', '--csv', 'latin-points.csv', '--code-column', 'code'], {
      cwd: dir,
      env: en,
    });
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('latin-points.csv: not UTF-8 text (byte 0xE9 on line 3, offset 19)');
  });
});

describe('cprdfop locate --csv: edges of the stream', () => {
  it('a sequence cut by the end of the file is exit 65 naming its first byte; an empty file is exit 65 too', async () => {
    writeFileSync(join(dir, 'cut.csv'), Buffer.concat([Buffer.from('id,code\nThi'), Buffer.from([0xc3])]));
    const cut = await cli(['locate', '--csv', 'cut.csv', '--code-column', 'code'], { cwd: dir, env: en });
    expect(cut.code).toBe(65);
    expect(cut.stderr).toContain('cut.csv: not UTF-8 text (byte 0xC3 on line 2, offset 11)');
    writeFileSync(join(dir, 'empty.csv'), '');
    const empty = await cli(['locate', '--csv', 'empty.csv', '--code-column', 'code'], { cwd: dir, env: en });
    expect(empty.code).toBe(65);
  });
});

describe('readContours: a contours file that is not UTF-8', () => {
  it('is GeoDataError E_READ naming the byte, its line and offset, in French and English', async () => {
    const { readContours, GeoDataError } = await import('../../src/geo/index.js');
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"02381","nom":"Guise"},"geometry":null}]}';
    writeFileSync(
      join(dir, 'latin.geojson'),
      iconv.encode(text.replace('Guise', 'Thiérache'), 'windows-1252'),
    );
    const error = await readContours(join(dir, 'latin.geojson')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GeoDataError);
    expect((error as InstanceType<typeof GeoDataError>).code).toBe('E_READ');
    const offset = text.indexOf('Guise') + 3;
    expect((error as Error).message).toContain(`is not UTF-8 text (byte 0xE9 on line 1, offset ${offset})`);
    expect((error as InstanceType<typeof GeoDataError>).messages.fr).toContain(
      `n’est pas du texte UTF-8 (octet 0xE9 ligne 1, position ${offset})`,
    );
  });
});

describe('a contours file that is not UTF-8, through the CLI', () => {
  it('is exit 65 saying so once, not wrapped as « not JSON »', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: '59350', nom: 'Lille' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [3, 50.6],
                [3.1, 50.6],
                [3.1, 50.7],
                [3, 50.6],
              ],
            ],
          },
        },
      ],
    });
    writeFileSync(
      join(dir, 'latin-contours.geojson'),
      iconv.encode(text.replace('Lille', 'Lillé'), 'windows-1252'),
    );
    const run = await cli(['locate', '3.05', '50.65', '--contours', 'latin-contours.geojson'], {
      cwd: dir,
      env: en,
    });
    expect(run.code).toBe(65);
    const offset = text.indexOf('Lille') + 4;
    expect(run.stderr.trim()).toBe(
      `cprdfop: latin-contours.geojson: not UTF-8 text (byte 0xE9 on line 1, offset ${offset}); save it as UTF-8`,
    );
  });
});
