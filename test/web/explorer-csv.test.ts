/**
 * The explorer's CSV reading (`examples/explorer/src/csv.ts`), in Node: numbers written the French or
 * the English way, the table and its line numbers, the default columns, and every row accounted for
 * (property tests against an independent reference).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvError,
  defaultColumns,
  parseCsv,
  parseNumber,
  readColumn,
} from '../../examples/explorer/src/csv.js';

describe('parseNumber', () => {
  it('reads back any finite number written by JavaScript', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(parseNumber(String(value))).toBe(value === 0 ? 0 : value);
      }),
    );
  });
  it('reads numbers written the French way (narrow no-break space for thousands, decimal comma)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (units, cents) => {
        const value = units + Math.sign(units || 1) * (cents / 100);
        const written = value.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        expect(parseNumber(written)).toBeCloseTo(value, 6);
      }),
    );
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('\u00a012,75 ')).toBe(12.75);
  });
  it('says when a cell is not a number, never guessing', () => {
    for (const raw of [
      '',
      ' ',
      'abc',
      '1,2,3',
      '1.2.3',
      '1,234.5',
      '12 %',
      'NaN',
      'Infinity',
      '0x10',
      '--1',
      '1e',
    ])
      expect(parseNumber(raw), JSON.stringify(raw)).toBeNull();
  });
});

describe('parseCsv', () => {
  it('detects the separator, strips a BOM and gives each row its line in the file', () => {
    for (const separator of [';', '\t', ',']) {
      const text = `\uFEFFcode${separator}valeur\n59350${separator}1\n\n80021${separator}2\n`;
      const table = parseCsv('t.csv', text);
      expect(table.columns).toEqual(['code', 'valeur']);
      expect(table.rows).toEqual([
        { line: 2, cells: ['59350', '1'] },
        { line: 4, cells: ['80021', '2'] },
      ]);
    }
  });
  it('keeps the quoted separators of the French decimal comma in a comma-separated file', () => {
    const table = parseCsv('t.csv', 'code,taux\n59350,"12,5"\n');
    expect(parseNumber(table.rows[0]?.cells[1] ?? '')).toBe(12.5);
  });
  it('refuses a file without two named columns, or a row of another width, with a typed error', () => {
    expect(() => parseCsv('t.csv', '')).toThrow(CsvError);
    expect(() => parseCsv('t.csv', 'code\n59350\n')).toThrow(/at least two columns/);
    expect(() => parseCsv('t.csv', 'code;valeur\n59350;1;2\n')).toThrow(CsvError);
  });
  it('gives a header-only file no row (the page then refuses it by name)', () => {
    expect(parseCsv('vide.csv', 'code;valeur\n').rows).toEqual([]);
  });
});

describe('defaultColumns', () => {
  it('prefers a code-like column name and the first numeric column', () => {
    const table = parseCsv('t.csv', 'libelle;code_insee;note;taux\nLille;59350;a;1,5\n');
    expect(defaultColumns(table)).toEqual({ code: 1, value: 3 });
    expect(defaultColumns(parseCsv('t.csv', 'a;b\nx;2\n'))).toEqual({ code: 0, value: 1 });
  });
});

describe('readColumn', () => {
  const cell = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }).map(String),
    fc.constantFrom('', 'n/a', '1,5', 'x'),
  );
  const row = fc.tuple(fc.constantFrom('', 'A', 'B', 'C', 'D'), cell);
  it('accounts for every row: one value per code given once, the rest listed by kind', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const table = {
          file: 't.csv',
          columns: ['code', 'v'],
          rows: rows.map((cells, index) => ({ line: index + 2, cells })),
        };
        const result = readColumn(table, { code: 0, value: 1 });
        // the reference: classify each row on its own, then count the numeric rows per code
        const numericByCode = new Map<string, number[]>();
        const expected = { missingCode: [] as number[], blank: [] as number[], invalid: [] as number[] };
        rows.forEach(([code, raw], index) => {
          const line = index + 2;
          if (code === '') expected.missingCode.push(line);
          else if (raw === '') expected.blank.push(line);
          else if (raw === 'n/a' || raw === 'x') expected.invalid.push(line);
          else numericByCode.set(code, [...(numericByCode.get(code) ?? []), line]);
        });
        expect(result.missingCode).toEqual(expected.missingCode);
        expect(result.blank).toEqual(expected.blank);
        expect(result.invalid.map((i) => i.line)).toEqual(expected.invalid);
        const once = [...numericByCode].filter(([, lines]) => lines.length === 1).map(([code]) => code);
        const twice = [...numericByCode].filter(([, lines]) => lines.length > 1).map(([code]) => code);
        expect([...result.raw.keys()].sort()).toEqual(once.sort());
        expect([...result.repeated].sort()).toEqual(twice.sort());
        const accounted =
          result.missingCode.length +
          result.blank.length +
          result.invalid.length +
          [...numericByCode.values()].reduce((n, lines) => n + lines.length, 0);
        expect(accounted).toBe(rows.length);
      }),
    );
  });
});

describe('the explorer’s words', () => {
  it('are in French and English, with the same placeholders, and French typography', async () => {
    const { CATALOGUE, t } = await import('../../examples/explorer/src/i18n.js');
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of Object.entries(CATALOGUE)) {
      expect(text.fr, key).not.toBe('');
      expect(text.en, key).not.toBe('');
      expect(placeholders(text.fr), key).toEqual(placeholders(text.en));
      // a narrow no-break space before « : ; ? ! », inside « », the apostrophe ’
      expect(text.fr, key).not.toMatch(/[^\u202f\u00a0\s{][:;?!](\s|$)/);
      expect(text.fr, key).not.toMatch(/ [:;?!]/);
      expect(text.fr, key).not.toMatch(/«(?!\u202f)|(?<!\u202f)»/);
      expect(text.fr, key).not.toContain("'");
    }
    // the singular form when the count is 1
    expect(t('fr', 'searchCount', { count: 1 })).toBe('1\u202frésultat');
    expect(t('fr', 'searchCount', { count: 2 })).toBe('2\u202frésultats');
  });
});
