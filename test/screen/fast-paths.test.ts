/**
 * The screening fast paths against independent references: line numbers of CSV rows against
 * csv-parse's own `info.lines`, and the compiled mapping against a straightforward path writer.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  escapeFormula,
  Mapping,
  RESULT_COLUMNS,
  type RowResult,
  readCsv,
  resultsCsv,
  screenRow,
} from '../../src/screen/index.js';

/** What csv-parse itself says of every data row: its cells and the line it ends on. */
function reference(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = parse(body, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.slice(1).map(({ record, info }) => ({ line: info.lines, cells: record }));
}

const cell = fc.oneof(
  fc.constantFrom('', ' ', 'a', 'b c', '12', '=1', 'é', 'x;y'),
  fc.string({ maxLength: 4 }).filter((text) => !/[,"\r\n]/.test(text)),
);
const quotedCell = fc.constantFrom('"a,b"', '"line\nbreak"', '"say ""hi"""', '"crlf\r\nin"');
const lineEnd = fc.constantFrom('\n', '\r\n');

describe('readCsv line numbers', () => {
  it('match csv-parse’s own count for any mix of empty lines, line ends, quotes and ragged rows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof({ weight: 8, arbitrary: cell }, { weight: 1, arbitrary: quotedCell }), {
            minLength: 0,
            maxLength: 4,
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(lineEnd, { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (rows, ends, uniformEnds, trailing) => {
          const header = 'id,name,x';
          const parts = [header, ...rows.map((cells) => cells.join(','))];
          let text = '';
          parts.forEach((part, index) => {
            text += part;
            if (index < parts.length - 1 || trailing) text += uniformEnds ? ends[0]! : ends[index % 12]!;
          });
          let expected: ReturnType<typeof reference>;
          try {
            expected = reference(text, ',');
          } catch {
            // csv-parse refuses the text (a closing quote before a line end it does not use): so does readCsv.
            expect(() => readCsv(text, 't.csv')).toThrow(/^t\.csv: /);
            return;
          }
          const read = readCsv(text, 't.csv');
          expect(read.rows.map((row) => row.line)).toEqual(expected.map((row) => row.line));
          expect(read.rows.map((row) => [...row.cells!.values()])).toEqual(
            expected.map((row) => ['id', 'name', 'x'].map((_, index) => row.cells[index] ?? '')),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('numbers rows after blank lines, a BOM and a last line without a line end', () => {
    const read = readCsv('\ufeffid;n\r\n\r\nA;1\r\n\r\n\r\nB;2', 'x.csv');
    expect(read.rows.map((row) => [row.line, row.cells!.get('id')])).toEqual([
      [3, 'A'],
      [6, 'B'],
    ]);
    expect(readCsv('id,n\rA,1\rB,2\r', 'cr.csv').rows.map((row) => row.line)).toEqual(
      reference('id,n\rA,1\rB,2\r', ',').map((row) => row.line),
    );
  });
});

describe('readCsv without quotes (split here, not by csv-parse)', () => {
  // Every separator it detects, cells with spaces, other separators, non-ASCII, empty lines and a last
  // line with or without its end.
  const bare = fc.oneof(
    fc.constantFrom('', ' ', 'a', ' b ', 'é', '\u00a0', '\u202f', '=x', '12,5', 'x;y', 'tab\there', "l'été"),
    fc.string({ maxLength: 5 }).filter((text) => !/["\r\n]/.test(text)),
  );
  it('gives the records and lines csv-parse gives, for , ; and tab', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.array(bare, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(2), { minLength: 10, maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        (delimiter, rows, end, blanks, trailing, bom) => {
          const header = ['id', 'name', 'x'].join(delimiter);
          let text = bom ? `\ufeff${header}` : header;
          rows.forEach((cells, index) => {
            text += end.repeat(1 + blanks[index]!) + cells.join(delimiter);
          });
          if (trailing) text += end;
          const read = readCsv(text, 't.csv');
          expect(read.delimiter).toBe(delimiter);
          const expected = reference(text, delimiter);
          expect(read.rows.map((row) => row.line)).toEqual(expected.map((row) => row.line));
          expect(read.rows.map((row) => [...row.cells!.values()])).toEqual(
            expected.map((row) => ['id', 'name', 'x'].map((_, index) => row.cells[index] ?? '')),
          );
          expect(read.rows.map((row) => row.error === undefined)).toEqual(
            expected.map((row) => row.cells.length === 3),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** The CSV of results as csv-stringify writes it (the writer before the hand-written one). */
function resultsCsvReference(results: readonly RowResult[], delimiter: string, bom: boolean): string {
  const cells = (result: RowResult) =>
    [
      String(result.row),
      String(result.line),
      result.id,
      result.status,
      result.verdict,
      result.failed.join(', '),
      result.missing.join(', '),
      result.assumptions.join(', '),
      result.errors.join(' | '),
      result.ruleSet,
    ].map(escapeFormula);
  const text = stringify([[...RESULT_COLUMNS], ...results.map(cells)], {
    delimiter,
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
  return bom ? `\ufeff${text}` : text;
}

describe('resultsCsv', () => {
  const text = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'a',
      '"',
      '""',
      'a,b',
      'a;b',
      'a\tb',
      'x\r\ny',
      'x\ny',
      'x\ry',
      '\n',
      '=1',
      '+1',
      '-1',
      '@a',
      '\tx',
      '|',
      'é’',
      ':',
    ),
    fc.string({
      maxLength: 6,
      unit: fc.constantFrom('a', '"', ',', ';', '\t', '\r\n', '\n', '\r', '=', '-', 'é', ' ', '|', ':'),
    }),
  );
  const result: fc.Arbitrary<RowResult> = fc.record({
    row: fc.nat(),
    line: fc.nat(),
    id: text,
    status: fc.constantFrom('screened', 'invalid'),
    verdict: fc.constantFrom('eligible', 'ineligible', 'undetermined', ''),
    failed: fc.array(text, { maxLength: 3 }),
    missing: fc.array(text, { maxLength: 3 }),
    assumptions: fc.array(text, { maxLength: 3 }),
    errors: fc.array(text, { maxLength: 3 }),
    ruleSet: text,
  });
  it('writes the bytes csv-stringify writes, for any separator, cells to quote and formulas', () => {
    fc.assert(
      fc.property(
        fc.array(result, { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t', '|', 'a', '::', '"'),
        fc.boolean(),
        (results, delimiter, bom) => {
          expect(resultsCsv(results, { delimiter, bom })).toBe(resultsCsvReference(results, delimiter, bom));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('quotes a cell holding a lone line end, so the row reads back whole (csv-parse) and stays one row in a spreadsheet', () => {
    fc.assert(
      fc.property(
        fc.array(result, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',', ';', '\t', '::'),
        (results, delimiter) => {
          const withBreaks = results.map((r, i) => ({ ...r, id: `A${i}\n${r.id}\r` }));
          const text = resultsCsv(withBreaks, { delimiter, bom: false });
          const rows = parse(text, { delimiter, record_delimiter: '\r\n' }) as string[][];
          expect(rows.length).toBe(withBreaks.length + 1);
          withBreaks.forEach((r, i) => {
            expect(rows[i + 1]?.[2]).toBe(escapeFormula(r.id));
          });
          // every unquoted stretch holds no line end but the records' own \r\n
          const unquoted = text
            .split('"')
            .filter((_, i) => i % 2 === 0)
            .join('');
          expect(unquoted.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('screening CSV → CSV end to end', () => {
  const mapping: Mapping = {
    format: 'cprdfop.screen-mapping/1',
    idColumn: 'id',
    listSeparator: '|',
    decimalSeparator: '.',
    fields: {
      title: { column: 'title', type: 'string' },
      themes: { column: 'themes', type: 'list' },
      'budget.total': { column: 'total', type: 'number' },
      submittedOn: { column: 'submittedOn', type: 'string' },
    },
  };
  /** The rows as csv-parse reads them (with its own line numbers), screened, written by csv-stringify. */
  function referencePipeline(text: string, delimiter: string): string {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const headers = records[0]!.record.map((name) => name.trim());
    const results = records.slice(1).map(({ record, info }, index) => {
      const cells = new Map<string, string>();
      headers.forEach((header, position) => {
        if (!cells.has(header)) cells.set(header, record[position] ?? '');
      });
      const error =
        record.length === headers.length
          ? undefined
          : `${record.length} cells where the header has ${headers.length}`;
      return screenRow({ line: info.lines, cells, ...(error ? { error } : {}) }, index + 1, mapping, {});
    });
    return resultsCsvReference(results, delimiter, text.charCodeAt(0) === 0xfeff);
  }
  const cellOf = fc.constantFrom(
    'mobilite',
    'mobilite|formation',
    'cuisine',
    '50000',
    '12,5',
    '=SUM(A1)',
    '',
    ' ',
    '2023-04-03',
    '2023-02-30',
    'Projet “été”',
    '-3',
  );
  it('writes the bytes of csv-parse → screenRow → csv-stringify, for unquoted and quoted exports', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.array(cellOf, { minLength: 3, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (delimiter, rows, end, quoted, bom) => {
          const quote = (cell: string) => (quoted && cell.includes(',') ? `"${cell}"` : cell);
          const lines = [
            ['id', 'title', 'themes', 'total', 'submittedOn'].join(delimiter),
            ...rows.map((cells, index) => [`A${index}`, ...cells].map(quote).join(delimiter)),
          ];
          const text = (bom ? '\ufeff' : '') + lines.join(end) + (quoted ? end : '');
          const read = readCsv(text, 't.csv');
          const results = read.rows.map((row, index) => screenRow(row, index + 1, mapping, {}));
          expect(resultsCsv(results, { delimiter: read.delimiter, bom: read.bom })).toBe(
            referencePipeline(text, delimiter),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** The object at `keys` minus the last key, created on the way (reference helper). */
function parentReference(target: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === undefined) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  return node;
}

/** The reference path writer: `a.b` objects, `a[].b` spread over items (recursively). */
function setPathReference(target: Record<string, unknown>, path: string, value: unknown): void {
  const arrayAt = path.indexOf('[].');
  if (arrayAt < 0) {
    const keys = path.split('.');
    parentReference(target, keys)[keys.at(-1)!] = value;
    return;
  }
  const keys = path.slice(0, arrayAt).split('.');
  const parent = parentReference(target, keys);
  if (parent[keys.at(-1)!] === undefined) parent[keys.at(-1)!] = [];
  const list = parent[keys.at(-1)!] as Record<string, unknown>[];
  (value as unknown[]).forEach((item, position) => {
    if (list[position] === undefined) list[position] = {};
    setPathReference(list[position]!, path.slice(arrayAt + 3), item);
  });
}

describe('applyMapping (compiled once per mapping)', () => {
  it('builds the same application as the reference path writer, nested lists included', () => {
    const paths = ['title', 'a.b', 'a.c', 'p[].type', 'p[].name', 'q.r[].s', 'q.r[].t.u', 'n'];
    fc.assert(
      fc.property(
        fc.subarray(paths, { minLength: 1 }),
        fc.array(fc.array(fc.constantFrom('k', 'l m', 'n'), { minLength: 1, maxLength: 3 }), {
          minLength: 8,
          maxLength: 8,
        }),
        (chosen, values) => {
          const fields: Mapping['fields'] = {};
          const cells = new Map<string, string>();
          const expected: Record<string, unknown> = {};
          chosen.forEach((path, index) => {
            const list = path.includes('[]');
            fields[path] = { column: `c${index}`, type: list ? 'list' : 'string' };
            const items = values[index]!;
            cells.set(`c${index}`, list ? items.join(';') : items[0]!);
            setPathReference(expected, path, list ? items : items[0]);
          });
          const mapping: Mapping = {
            format: 'cprdfop.screen-mapping/1',
            listSeparator: ';',
            decimalSeparator: '.',
            fields,
          };
          const first = applyMapping(cells, mapping);
          const again = applyMapping(cells, mapping); // the compiled steps are reused
          expect(first.errors).toEqual([]);
          expect(first.application).toEqual(expected);
          expect(again.application).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Mapping', () => {
  it('refuses nested lists and a list path with a scalar type, naming the path', () => {
    const base = { format: 'cprdfop.screen-mapping/1' };
    const nested = Mapping.safeParse({ ...base, fields: { 'a[].b[].c': { column: 'x', type: 'list' } } });
    expect(nested.success).toBe(false);
    expect(nested.error?.issues[0]?.message).toBe('a[].b[].c: lists cannot nest (one [] per path)');
    const scalar = Mapping.safeParse({
      ...base,
      fields: { 'partners[].type': { column: 'x', type: 'string' } },
    });
    expect(scalar.success).toBe(false);
    expect(scalar.error?.issues[0]?.path).toEqual(['fields', 'partners[].type']);
    expect(
      Mapping.safeParse({ ...base, fields: { 'partners[].type': { column: 'x', type: 'list' } } }).success,
    ).toBe(true);
  });
});

describe('screenRow results', () => {
  it('keep the JSONL key order of every release (row, line, id, failed, missing, assumptions, ruleSet, status, verdict, errors)', () => {
    const order = [
      'row',
      'line',
      'id',
      'failed',
      'missing',
      'assumptions',
      'ruleSet',
      'status',
      'verdict',
      'errors',
    ];
    const screened = screenRow(
      { line: 2, value: { themes: ['mobilite'], submittedOn: '2023-04-03' } },
      1,
      undefined,
      {},
    );
    const invalid = screenRow({ line: 3, error: 'broken' }, 2, undefined, {});
    expect(screened.status).toBe('screened');
    expect(Object.keys(screened)).toEqual(order);
    expect(Object.keys(invalid)).toEqual(order);
    expect(invalid).toEqual({
      row: 2,
      line: 3,
      id: '',
      failed: [],
      missing: [],
      assumptions: [],
      ruleSet: '',
      status: 'invalid',
      verdict: '',
      errors: ['broken'],
    });
  });
});
