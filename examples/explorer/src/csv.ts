/**
 * Reading a dropped CSV of values, without the DOM nor the package: the table, the default columns,
 * numbers written the French or the English way, and the values of one column with every row that
 * gave none.
 */
import { parse } from 'csv-parse/browser/esm/sync';

/** A dropped CSV: its columns and rows (strings), with the 1-based line of each row. */
export interface CsvTable {
  file: string;
  columns: string[];
  rows: { line: number; cells: string[] }[];
}

/** A CSV file the page cannot read. */
export class CsvError extends Error {
  override readonly name = 'CsvError';
}

/** The field separator of a CSV: `;`, tab or `,`, whichever splits the header line most. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', '\t', ','].map((candidate) => [candidate, header.split(candidate).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] && counts[0][1] > 1 ? counts[0][0] : ',';
}

/** Parses a CSV (first line: the header; `;`, tab or `,`; UTF-8 with or without BOM). */
export function parseCsv(file: string, text: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new CsvError(error instanceof Error ? error.message : String(error));
  }
  const [header, ...rest] = records;
  if (!header || header.record.length < 2)
    throw new CsvError('the first line must name at least two columns (a code and a value)');
  // `info.lines` is the line where the record ends: the line of a one-line record
  return {
    file,
    columns: header.record,
    rows: rest.map(({ record, info }) => ({ line: info.lines, cells: record })),
  };
}

/** The default code and value columns of a table: a code-like name, then the first numeric column. */
export function defaultColumns(table: CsvTable): { code: number; value: number } {
  const named = table.columns.findIndex((c) =>
    /^(code|codgeo|insee|com|siren|epci|dep|arr|ze|zone)/i.test(c),
  );
  const code = Math.max(named, 0);
  const numeric = table.columns.findIndex(
    (_column, index) =>
      index !== code &&
      table.rows.some((row) => row.cells[index] !== '' && parseNumber(row.cells[index] ?? '') !== null),
  );
  return { code, value: numeric >= 0 ? numeric : code === 0 ? 1 : 0 };
}

/** A number written the French or the English way (« 1 234,5 », "1234.5"); `null` when it is not one. */
export function parseNumber(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const normalised = compact.includes(',') && !compact.includes('.') ? compact.replace(',', '.') : compact;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** The values of a column by code, and every row that gave none (nothing is dropped silently). */
export interface ColumnValues {
  /** Codes with one number (a code given twice is in `repeated`, not here). */
  raw: Map<string, number>;
  invalid: { line: number; raw: string }[];
  blank: number[];
  missingCode: number[];
  /** Codes given on several rows: no single value. */
  repeated: Set<string>;
}

/** Reads the value column of a table by the code column. */
export function readColumn(table: CsvTable, columns: { code: number; value: number }): ColumnValues {
  const raw = new Map<string, number>();
  const invalid: ColumnValues['invalid'] = [];
  const blank: number[] = [];
  const missingCode: number[] = [];
  const repeated = new Set<string>();
  for (const row of table.rows) {
    const code = (row.cells[columns.code] ?? '').trim();
    const cell = (row.cells[columns.value] ?? '').trim();
    if (code === '') {
      missingCode.push(row.line);
      continue;
    }
    if (cell === '') {
      blank.push(row.line);
      continue;
    }
    const value = parseNumber(cell);
    if (value === null) invalid.push({ line: row.line, raw: cell });
    else if (raw.has(code) || repeated.has(code)) repeated.add(code);
    else raw.set(code, value);
  }
  // a code given twice has no single value: no data, reported as a conflict
  for (const code of repeated) raw.delete(code);
  return { raw, invalid, blank, missingCode, repeated };
}
