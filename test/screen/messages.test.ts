/**
 * The screening's messages come from its catalogue (src/screen/_messages.ts): both languages, the same
 * placeholders, French typography; `cprdfop screen --lang fr` says a bad mapping and a bad row in
 * French (console and results file), `--lang en` says them as it always did; no prose is left inline
 * in src/screen.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NBSP, NNBSP } from '../../src/_shared/typography.js';
import { SAME_IN_BOTH, SCREEN_CATALOGUES } from '../../src/screen/_messages.js';
import { applyMapping, type Mapping, parseMapping, readCsv, readJsonl } from '../../src/screen/index.js';
import { catalogueEntries, itChecksCatalogue } from '../_helpers/catalogue.js';
import { cli } from '../_helpers/cli.js';

const entries = catalogueEntries(SCREEN_CATALOGUES);

describe('the screening catalogue', () => {
  it('has the messages the screening writes', () => {
    expect(entries.length).toBeGreaterThanOrEqual(15);
  });
  itChecksCatalogue(entries, SAME_IN_BOTH);
  it('is the only place of src/screen with user-facing text', () => {
    const folder = 'src/screen';
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      if (file === '_messages.ts') continue;
      // Comments are no output: left out. A quoted text with a French letter or guillemet, or three
      // words in a row, is a message outside the catalogue.
      const source = readFileSync(`${folder}/${file}`, 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
      const strings = source.match(/(['`])(?:(?!\1)[^\\\n]|\\.)*\1/g) ?? [];
      const prose = strings.filter(
        (text) => /[«»éèêàùçô]/i.test(text) || /\p{L}{2,} \p{L}{2,} \p{L}{2,}/u.test(text),
      );
      expect(prose, file).toEqual([]);
    }
  });
});

const MAPPING: Mapping = {
  format: 'cprdfop.screen-mapping/1',
  listSeparator: ';',
  decimalSeparator: ',',
  fields: {
    title: { column: 'Intitulé', type: 'string' },
    'budget.total': { column: 'Budget', type: 'number' },
    themes: { column: 'Thèmes', type: 'list' },
  },
};
/** The same with a yes/no column (the ITIE application has no boolean field: for applyMapping alone). */
const WITH_YES_NO: Mapping = {
  ...MAPPING,
  fields: { ...MAPPING.fields, 'carrier.qpv': { column: 'QPV', type: 'boolean' } },
};

describe('the messages in both languages', () => {
  const row = new Map([
    ['Budget', '1.5'],
    ['QPV', 'peut-être'],
  ]);
  it('cell problems: English as always, French with its typography', () => {
    expect(applyMapping(row, WITH_YES_NO).errors.map((error) => error.message)).toEqual([
      '"1.5" is not a number with decimal separator "," (set decimalSeparator in the mapping)',
      '"peut-être" is not a yes/no value (oui/non, true/false)',
    ]);
    expect(applyMapping(row, WITH_YES_NO, 'fr').errors.map((error) => error.message)).toEqual([
      `«${NNBSP}1.5${NNBSP}» n’est pas un nombre au séparateur décimal «${NNBSP},${NNBSP}» (réglez decimalSeparator dans la correspondance)`,
      `«${NNBSP}peut-être${NNBSP}» n’est pas une valeur oui/non (oui/non, true/false)`,
    ]);
    const notNumber = applyMapping(new Map([['Budget', 'beaucoup']]), MAPPING, 'fr');
    expect(notNumber.errors[0]?.message).toBe(`«${NNBSP}beaucoup${NNBSP}» n’est pas un nombre`);
  });
  it('the mapping’s own checks and zod’s shape errors, in French; the path in both', () => {
    const base = { format: 'cprdfop.screen-mapping/1' };
    const nested = { ...base, fields: { 'a[].b[].c': { column: 'x', type: 'list' } } };
    expect(parseMapping(nested, 'en')).toEqual({
      success: false,
      problem: { path: 'fields.a[].b[].c', message: 'a[].b[].c: lists cannot nest (one [] per path)' },
    });
    expect(parseMapping(nested, 'fr')).toEqual({
      success: false,
      problem: {
        path: 'fields.a[].b[].c',
        message: `a[].b[].c${NBSP}: les listes ne s’imbriquent pas (un seul [] par chemin)`,
      },
    });
    const scalar = { ...base, fields: { 'partners[].type': { column: 'x', type: 'string' } } };
    const french = parseMapping(scalar, 'fr');
    expect(french.success ? '' : french.problem.message).toBe(
      `partners[].type${NBSP}: un champ dans une liste prend une cellule de liste (type list ou number-list, pas string)`,
    );
    const badType = parseMapping({ ...base, fields: { title: { column: 'T', type: 'text' } } }, 'fr');
    expect(badType.success ? '' : badType.problem.path).toBe('fields.title.type');
    expect(badType.success ? '' : badType.problem.message).toMatch(/^Option invalide/);
    const good = parseMapping(MAPPING, 'fr');
    expect(good.success && good.mapping).toEqual(MAPPING);
  });
  it('row and file problems', () => {
    expect(readCsv('a,b\n1\n', 'x.csv', 'fr').rows[0]?.error).toBe('1 cellules alors que l’en-tête en a 2');
    expect(readCsv('a,b\n1\n', 'x.csv').rows[0]?.error).toBe('1 cells where the header has 2');
    expect(readJsonl('{nope\n', 'fr').rows[0]?.error).toMatch(new RegExp(`^JSON invalide${NBSP}: `));
    expect(readJsonl('{nope\n').rows[0]?.error).toMatch(/^invalid JSON: /);
    expect(() => readCsv('\n', 'x.csv', 'fr')).toThrow(`x.csv${NBSP}: fichier vide (pas de ligne d’en-tête)`);
    expect(() => readCsv('\n', 'x.csv')).toThrow('x.csv: empty file (no header row)');
  });
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cprdfop-screen-messages-'));
  await writeFile(join(dir, 'mapping.json'), JSON.stringify(MAPPING));
  await writeFile(
    join(dir, 'bad-mapping.json'),
    JSON.stringify({
      format: 'cprdfop.screen-mapping/1',
      fields: { 'partners[].type': { column: 'Partenaires', type: 'string' } },
    }),
  );
  // Row 1: a number with the wrong decimal separator; row 2: an unknown theme (a library issue).
  await writeFile(join(dir, 'in.csv'), 'Intitulé;Budget;Thèmes\nA;1.5;mobilite\nB;10;cuisine\n');
});

const screen = (args: readonly string[]) => cli(['screen', ...args], { cwd: dir });

describe('cprdfop screen --lang fr', () => {
  it('a bad mapping is one French line and exit 65; in English as always', async () => {
    const args = ['in.csv', '--mapping', 'bad-mapping.json', '--out', 'out.csv'];
    const french = await screen([...args, '--lang', 'fr']);
    expect(french.code).toBe(65);
    expect(french.stderr.trim().split('\n')).toEqual([
      // The program's name is a prefix, not French prose: `cprdfop:` as in every language.
      `cprdfop: fichier de correspondance bad-mapping.json invalide${NBSP}: fields.partners[].type${NBSP}: partners[].type${NBSP}: un champ dans une liste prend une cellule de liste (type list ou number-list, pas string)`,
    ]);
    const english = await screen([...args, '--lang', 'en']);
    expect(english.code).toBe(65);
    expect(english.stderr.trim()).toBe(
      'cprdfop: invalid mapping file bad-mapping.json: fields.partners[].type: partners[].type: a field inside a list takes a list cell (type list or number-list, not string)',
    );
  });
  it('a bad row: the errors column of the results file in French, the summary too', async () => {
    const french = await screen(['in.csv', '--mapping', 'mapping.json', '--out', 'fr.csv', '--lang', 'fr']);
    expect(french.code).toBe(1);
    expect(french.stderr).toContain(`2 lignes${NBSP}: 0 criblées, 2 invalides`);
    const rows = readCsv(await readFile(join(dir, 'fr.csv'), 'utf8'), 'fr.csv').rows;
    expect(rows.map((row) => row.cells?.get('status'))).toEqual(['invalid', 'invalid']);
    expect(rows[0]?.cells?.get('errors')).toBe(
      `Budget (budget.total)${NBSP}: «${NNBSP}1.5${NNBSP}» n’est pas un nombre au séparateur décimal «${NNBSP},${NNBSP}» (réglez decimalSeparator dans la correspondance)`,
    );
    // An unknown theme: the column and path told by the screening, zod's words by its French locale.
    const themes = rows[1]?.cells?.get('errors') ?? '';
    expect(themes).toMatch(new RegExp(`^Thèmes \\(themes\\[0\\]\\)${NBSP}: `));
    expect(themes).toMatch(/invalide/);
    expect(themes).not.toMatch(/Invalid/);
    const english = await screen(['in.csv', '--mapping', 'mapping.json', '--out', 'en.csv', '--lang', 'en']);
    const englishRows = readCsv(await readFile(join(dir, 'en.csv'), 'utf8'), 'en.csv').rows;
    expect(english.stderr).toContain('2 rows: 0 screened, 2 invalid');
    expect(englishRows[0]?.cells?.get('errors')).toBe(
      'Budget (budget.total): "1.5" is not a number with decimal separator "," (set decimalSeparator in the mapping)',
    );
    expect(englishRows[1]?.cells?.get('errors')).toMatch(/^Thèmes \(themes\[0\]\): Invalid/);
  });
  it('the XLSX summary sheet: identifiers for programs, labels in the language of the run', async () => {
    const run = await screen(['in.csv', '--mapping', 'mapping.json', '--out', 'fr.xlsx', '--lang', 'fr']);
    expect(run.code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'fr.xlsx'));
    const summary = workbook.getWorksheet('summary')!;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((row) => row.slice(1))).toEqual([
      ['rows', 2, 'lignes lues'],
      ['screened', 0, 'lignes criblées'],
      ['invalid', 2, 'lignes invalides (voir la colonne errors des résultats)'],
      ['eligible', 0, 'verdict éligible'],
      ['ineligible', 0, 'verdict inéligible'],
      ['undetermined', 0, 'verdict indéterminé'],
    ]);
    const errors = workbook.getWorksheet('results')!.getRow(2).getCell(9).value;
    expect(errors).toMatch(/n’est pas un nombre/);
  });
});
