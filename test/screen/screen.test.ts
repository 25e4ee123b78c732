import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkApplication } from '../../src/itie/index.js';
import {
  applyMapping,
  escapeFormula,
  type Mapping,
  readCsv,
  starterMapping,
} from '../../src/screen/index.js';
import { applicationJsonSchema } from '../../src/server/adapters.js';
import { cli } from '../_helpers/cli.js';

const MAPPING: Mapping = {
  format: 'cprdfop.screen-mapping/1',
  idColumn: 'Numéro',
  listSeparator: ',',
  decimalSeparator: ',',
  fields: {
    title: { column: 'Intitulé', type: 'string' },
    'carrier.legalForm': { column: 'Forme juridique', type: 'string' },
    'partners[].type': { column: 'Partenaires', type: 'list' },
    'territory.epcis': { column: 'EPCI', type: 'list' },
    publics: { column: 'Publics', type: 'list' },
    themes: { column: 'Thèmes', type: 'list' },
    'budget.total': { column: 'Budget total', type: 'number' },
    'budget.requested': { column: 'Montant demandé', type: 'number' },
    'schedule.start': { column: 'Début', type: 'string' },
    'schedule.end': { column: 'Fin', type: 'string' },
    submittedOn: { column: 'Déposé le', type: 'string' },
  },
};
const HEADER = [
  'Numéro',
  'Intitulé',
  'Forme juridique',
  'Partenaires',
  'EPCI',
  'Publics',
  'Thèmes',
  'Budget total',
  'Montant demandé',
  'Début',
  'Fin',
  'Déposé le',
];

/** Row `index`: mostly valid applications of several kinds; every 20th one invalid (5 %). */
function row(index: number): { cells: string[]; application: Record<string, unknown> | undefined } {
  const invalid = index % 20 === 3;
  const theme = invalid ? 'cuisine' : ['mobilite', 'formation', 'recrutement'][index % 3]!;
  const total = 50_000 + (index % 7) * 10_000;
  const requested = (index % 5 === 0 ? total * 0.9 : total / 2).toFixed(1);
  const cells = [
    `=ID${index}`,
    `Projet ${index}`,
    'association',
    'epci,service-public-emploi',
    '240200600',
    'demandeurs-emploi-longue-duree',
    theme,
    String(total),
    requested.replace('.', ','),
    '2023-09-01',
    '2024-08-31',
    '2023-04-03',
  ];
  const application = {
    title: `Projet ${index}`,
    carrier: { legalForm: 'association' },
    partners: [{ type: 'epci' }, { type: 'service-public-emploi' }],
    territory: { epcis: ['240200600'] },
    publics: ['demandeurs-emploi-longue-duree'],
    themes: [theme],
    budget: { total, requested: Number(requested) },
    schedule: { start: '2023-09-01', end: '2024-08-31' },
    submittedOn: '2023-04-03',
  };
  return { cells, application: invalid ? undefined : application };
}

const csvCell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cprdfop-screen-'));
  await writeFile(join(dir, 'mapping.json'), JSON.stringify(MAPPING));
});

describe('cprdfop screen, CSV → CSV', () => {
  it('a French Excel export (BOM, ;, CRLF, quoted newline): one result per row, in order, invalid rows in place', async () => {
    const rows = Array.from({ length: 400 }, (_, index) => row(index));
    rows[10]!.cells[1] = 'Titre\nsur deux lignes';
    rows[10]!.application!.title = 'Titre\nsur deux lignes';
    rows[11]!.cells[7] = '80.000,5'; // ambiguous number with decimalSeparator ",": an error, never a guess
    rows[11]!.application = undefined;
    const lines = [HEADER, ...rows.map((r) => r.cells)].map((cells) => cells.map(csvCell).join(';'));
    lines.splice(5, 0, 'short;row'); // a row with too few cells
    await writeFile(join(dir, 'in.csv'), `\ufeff${lines.join('\r\n')}\r\n`);
    const run = await cli(
      ['screen', 'in.csv', '--mapping', 'mapping.json', '--out', 'out.csv', '--lang', 'fr'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    const out = await readFile(join(dir, 'out.csv'), 'utf8');
    expect(out.charCodeAt(0)).toBe(0xfeff);
    const read = readCsv(out, 'out.csv');
    expect(read.delimiter).toBe(';');
    expect(read.rows).toHaveLength(401);
    const expected = [
      ...rows.slice(0, 4).map((r) => r.application),
      undefined,
      ...rows.slice(4).map((r) => r.application),
    ];
    read.rows.forEach((result, position) => {
      const cells = result.cells!;
      expect(cells.get('row')).toBe(String(position + 1));
      const application = expected[position];
      if (application === undefined) {
        expect(cells.get('status')).toBe('invalid');
        expect(cells.get('errors')).not.toBe('');
        return;
      }
      const reference = checkApplication(application);
      if (!reference.ok) throw new Error('the reference application is invalid');
      expect(cells.get('status')).toBe('screened');
      expect(cells.get('verdict')).toBe(reference.explanation.verdict);
      expect(cells.get('failed')).toBe(
        reference.explanation.criteria
          .filter((c) => c.status === 'fail')
          .map((c) => c.id)
          .join(', '),
      );
      expect(cells.get('missing')).toBe(reference.explanation.missing.join(', '));
    });
    // Formula injection: an id starting with = is written as text.
    expect(read.rows[0]!.cells!.get('id')).toBe("'=ID0");
    // The run is in French (--lang fr): so is the errors column.
    expect(read.rows[12]!.cells!.get('errors')).toBe(
      'Budget total (budget.total)\u00a0: «\u202f80.000,5\u202f» n’est pas un nombre au séparateur décimal «\u202f,\u202f» (réglez decimalSeparator dans la correspondance)',
    );
    expect(read.rows[5 - 1]!.cells!.get('errors')).toBe('2 cellules alors que l’en-tête en a 12');
    const invalidCount = expected.filter((application) => application === undefined).length;
    expect(run.stderr).toContain(
      `401 lignes\u00a0: ${401 - invalidCount} criblées, ${invalidCount} invalides`,
    );
  });
  it('exit 0 when every row was screened; a header alone is 0 rows', async () => {
    const lines = [HEADER, row(0).cells, row(1).cells].map((cells) => cells.map(csvCell).join(';'));
    await writeFile(join(dir, 'ok.csv'), lines.join('\n'));
    expect(
      (await cli(['screen', 'ok.csv', '--mapping', 'mapping.json', '--out', 'ok.out.jsonl'], { cwd: dir }))
        .code,
    ).toBe(0);
    await writeFile(join(dir, 'header.csv'), HEADER.join(','));
    const header = await cli(['screen', 'header.csv', '--mapping', 'mapping.json', '--out', 'h.csv'], {
      cwd: dir,
    });
    expect(header.code).toBe(0);
    expect(header.stderr).toContain('0 rows');
  });
  it('a progress bar on a terminal only', async () => {
    const tty = await cli(['screen', 'ok.csv', '--mapping', 'mapping.json', '--out', 'tty.csv'], {
      cwd: dir,
      tty: true,
    });
    expect(tty.stderr).toMatch(/progress \[=+\] 100%/);
    const plain = await cli(['screen', 'ok.csv', '--mapping', 'mapping.json', '--out', 'tty.csv'], {
      cwd: dir,
    });
    expect(plain.stderr).not.toContain('progress');
  });
  it('an empty file, a mapped duplicate header, a bad mapping are one clear line and exit 65', async () => {
    await writeFile(join(dir, 'empty.csv'), '\ufeff\r\n');
    const empty = await cli(['screen', 'empty.csv', '--mapping', 'mapping.json', '--out', 'e.csv'], {
      cwd: dir,
    });
    expect(empty.code).toBe(65);
    expect(empty.stderr).toMatch(/empty file/);
    await writeFile(join(dir, 'dup.csv'), `${[...HEADER, 'Thèmes'].join(',')}\n`);
    const duplicate = await cli(['screen', 'dup.csv', '--mapping', 'mapping.json', '--out', 'd.csv'], {
      cwd: dir,
    });
    expect(duplicate.code).toBe(65);
    expect(duplicate.stderr).toMatch(/duplicate header.*"Thèmes"/);
    await writeFile(join(dir, 'dup2.csv'), `${[...HEADER, 'Notes', 'Notes'].join(',')}\n`);
    const unmapped = await cli(['screen', 'dup2.csv', '--mapping', 'mapping.json', '--out', 'd.csv'], {
      cwd: dir,
    });
    expect(unmapped.code).toBe(0);
    expect(unmapped.stderr).toMatch(/warning: duplicate headers.*Notes/);
    await writeFile(
      join(dir, 'bad-mapping.json'),
      JSON.stringify({
        format: 'cprdfop.screen-mapping/1',
        fields: { title: { column: 'T', type: 'text' } },
      }),
    );
    const bad = await cli(['screen', 'ok.csv', '--mapping', 'bad-mapping.json', '--out', 'x.csv'], {
      cwd: dir,
    });
    expect(bad.code).toBe(65);
    expect(bad.stderr).toMatch(/invalid mapping file .*fields\.title\.type/);
    expect((await cli(['screen', 'ok.csv', '--out', 'x.csv'], { cwd: dir })).code).toBe(64);
    expect(
      (await cli(['screen', 'ok.csv', '--mapping', 'mapping.json', '--out', 'x.txt'], { cwd: dir })).code,
    ).toBe(64);
  });
});

describe('cprdfop screen, XLSX and JSONL', () => {
  it('XLSX → XLSX with an invalid row and a formula-looking cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('export');
    sheet.addRow(HEADER);
    for (let index = 0; index < 40; index++) sheet.addRow(row(index).cells);
    await workbook.xlsx.writeFile(join(dir, 'in.xlsx'));
    const run = await cli(['screen', 'in.xlsx', '--mapping', 'mapping.json', '--out', 'out.xlsx'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'out.xlsx'));
    const results = out.getWorksheet('results')!;
    expect(results.rowCount).toBe(41);
    for (let index = 0; index < 40; index++) {
      const cells = results.getRow(index + 2);
      expect(cells.getCell(3).value).toBe(`'=ID${index}`);
      expect(cells.getCell(4).value).toBe(index % 20 === 3 ? 'invalid' : 'screened');
    }
    const summary = out.getWorksheet('summary')!;
    expect(summary.getRow(3).values).toEqual([
      undefined,
      'invalid',
      2,
      'invalid rows (see the errors column of the results)',
    ]);
  });
  it('JSONL → JSONL: each line an application; a broken line is reported in place', async () => {
    const lines = [
      JSON.stringify(row(0).application),
      '{broken',
      '',
      JSON.stringify({ themes: ['cuisine'] }),
      JSON.stringify(row(1).application),
    ];
    await writeFile(join(dir, 'in.jsonl'), lines.join('\n'));
    const run = await cli(['screen', 'in.jsonl', '--out', 'out.jsonl'], { cwd: dir });
    expect(run.code).toBe(1);
    const out = (await readFile(join(dir, 'out.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; status: string });
    expect(out.map((result) => [result.line, result.status])).toEqual([
      [1, 'screened'],
      [2, 'invalid'],
      [4, 'invalid'],
      [5, 'screened'],
    ]);
    expect(
      (await cli(['screen', 'in.jsonl', '--mapping', 'mapping.json', '--out', 'o.jsonl'], { cwd: dir })).code,
    ).toBe(64);
  });
});

describe('mapping', () => {
  it('the starter mapping names every leaf field of the application schema', async () => {
    const run = await cli(['screen', '--starter-mapping']);
    expect(run.code).toBe(0);
    const starter = JSON.parse(run.stdout) as Mapping;
    expect(starter).toEqual(starterMapping(applicationJsonSchema({} as never)));
    expect(Object.keys(starter.fields)).toEqual(
      expect.arrayContaining([
        'title',
        'carrier.commune',
        'partners[].type',
        'territory.communes',
        'budget.total',
        'submittedOn',
      ]),
    );
  });
  it('property: a row built from an application maps back to it', () => {
    const starter = starterMapping(applicationJsonSchema({} as never));
    const code = fc.stringMatching(/^[0-9]{5}$/);
    fc.assert(
      fc.property(
        fc.record(
          {
            title: fc
              .string({ minLength: 1 })
              .filter((text) => text.trim() === text && text !== '[]' && text !== ''),
            territory: fc.record({ communes: fc.array(code, { minLength: 1, maxLength: 5 }) }),
            budget: fc.record({ total: fc.integer({ min: 0, max: 10 ** 9 }) }),
          },
          { requiredKeys: [] },
        ),
        (application) => {
          const cells = new Map<string, string>();
          if (application.title !== undefined) cells.set('title', application.title);
          if (application.territory)
            cells.set('territory.communes', application.territory.communes.join(';'));
          if (application.budget) cells.set('budget.total', String(application.budget.total));
          const mapped = applyMapping(cells, starter);
          expect(mapped.errors).toEqual([]);
          expect(mapped.application).toEqual(application);
        },
      ),
    );
  });
  it('escapes every formula lead character and nothing else', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(escapeFormula(`${lead}1`)).toBe(`'${lead}1`);
    expect(escapeFormula('a=1')).toBe('a=1');
    expect(escapeFormula('')).toBe('');
  });
});

describe('cprdfop screen, unreadable input', () => {
  it('a file that is not an XLSX workbook is exit 65; a missing file is exit 66', async () => {
    await writeFile(join(dir, 'fake.xlsx'), 'not a zip');
    const fake = await cli(['screen', 'fake.xlsx', '--mapping', 'mapping.json', '--out', 'o.csv'], {
      cwd: dir,
    });
    expect(fake.code).toBe(65);
    expect(fake.stderr).toMatch(/fake\.xlsx: not a readable XLSX workbook/);
    expect(
      (await cli(['screen', 'absent.csv', '--mapping', 'mapping.json', '--out', 'o.csv'], { cwd: dir })).code,
    ).toBe(66);
  });
});
