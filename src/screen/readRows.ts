/** Reading spreadsheet exports: CSV (csv-parse), XLSX (exceljs), JSONL. */

import { parse } from 'csv-parse/sync';
import { withoutBom } from '../_shared/decodeText.js';
import type { Language } from '../_shared/language.js';
import { languageOption } from '../_shared/languageOption.js';
import { renderMessage } from '../_shared/messages.js';
import { INPUT_MESSAGES, ROW_MESSAGES } from './_messages.js';

/** One input row: its line (CSV/JSONL) or row number (XLSX), and its cells by header, or its problem. */
export interface InputRow {
  /** 1-based line (CSV, JSONL) or row number (XLSX) of the row in the file. */
  line: number;
  cells?: Map<string, string>;
  /** JSONL: the parsed value. */
  value?: unknown;
  error?: string;
}

/** What was read from a file. */
export interface ReadResult {
  headers: string[];
  rows: InputRow[];
  /** CSV: the separator found; used for the output. */
  delimiter: ',' | ';' | '\t';
  /** The input began with a UTF-8 BOM. */
  bom: boolean;
  /** Headers that appear more than once (their cells are ambiguous). */
  duplicateHeaders: string[];
}

/** A file that cannot be read as a table at all (empty, no header). */
export class ScreenInputError extends Error {
  /** @param message - What is wrong, naming the file. */
  constructor(message: string) {
    super(message);
    this.name = 'ScreenInputError';
  }
}

/** The separator of a CSV: the most frequent of `,` `;` tab in the header line, outside quotes. */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && character in counts) counts[character as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ',' : best[0];
}

function duplicates(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const header of headers) (seen.has(header) ? twice : seen).add(header);
  return [...twice];
}

function toMap(headers: readonly string[], cells: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (let position = 0; position < headers.length; position++) {
    const header = headers[position]!;
    if (!map.has(header)) map.set(header, cells[position] ?? '');
  }
  return map;
}

/**
 * The records of a CSV text without quotes whose line ends are all `\n` or all `\r\n`, with the
 * 1-based line of each (else `undefined`: csv-parse reads the text). Without quotes a record is one
 * non-empty line and its cells are the line split on the separator, which is what csv-parse answers
 * for such a text (`test/screen/fast-paths.test.ts` checks it on random texts) at a fraction of its
 * cost. A line holding only `\r` (CRLF) is empty.
 */
function unquotedRecords(
  text: string,
  delimiter: string,
): { records: string[][]; lines: number[] } | undefined {
  if (text.includes('"')) return undefined;
  let crlf = false;
  const firstCr = text.indexOf('\r');
  if (firstCr !== -1) {
    // CRLF only: every \r followed by \n and every \n preceded by \r.
    for (let at = firstCr; at !== -1; at = text.indexOf('\r', at + 1))
      if (text.charCodeAt(at + 1) !== 10) return undefined;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
      if (text.charCodeAt(at - 1) !== 13) return undefined;
    crlf = true;
  }
  const records: string[][] = [];
  const lines: number[] = [];
  let start = 0;
  for (let line = 1; ; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : crlf ? end - 1 : end;
    if (stop > start) {
      records.push(text.slice(start, stop).split(delimiter));
      lines.push(line);
    }
    if (end === -1) return { records, lines };
    start = end + 1;
  }
}

/**
 * Reads a CSV export: BOM, `,` `;` or tab separators (French Excel writes `;`), CRLF, quoted newlines.
 * A row with a number of cells different from the header is an error of that row, not of the file.
 *
 * @param text - The file text.
 * @param file - Its name, for messages.
 * @param lang - The language of the messages (default `en`; csv-parse's own words stay English).
 * @returns The rows.
 * @throws {@link ScreenInputError} for an empty file or a CSV that cannot be parsed.
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en`.
 */
export function readCsv(text: string, file: string, lang: Language = 'en'): ReadResult {
  lang = languageOption(lang, 'readCsv', 'en');
  const bom = text.charCodeAt(0) === 0xfeff;
  const body = bom ? text.slice(1) : text;
  if (body.trim() === '') throw new ScreenInputError(renderMessage(INPUT_MESSAGES.emptyFile, lang, { file }));
  const delimiter = detectDelimiter(body);
  const options = { delimiter, relax_column_count: true, skip_empty_lines: true } as const;
  let records: string[][];
  let lines: ArrayLike<number>;
  try {
    // Without quotes, each record is one non-empty line split on the separator (read here); else
    // (quotes, lone `\r` line ends) csv-parse reads the records and gives each one's line itself.
    const unquoted = unquotedRecords(body, delimiter);
    if (unquoted !== undefined) ({ records, lines } = unquoted);
    else {
      const withInfo = parse(body, { ...options, info: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
      records = withInfo.map((entry) => entry.record);
      lines = withInfo.map((entry) => entry.info.lines);
    }
  } catch (error) {
    throw new ScreenInputError(
      renderMessage(INPUT_MESSAGES.unparsableCsv, lang, { file, reason: (error as Error).message }),
    );
  }
  const headers = records[0]!.map((name) => name.trim());
  const rows: InputRow[] = new Array(records.length - 1);
  for (let index = 1; index < records.length; index++) {
    const record = records[index]!;
    const row: InputRow = { line: lines[index]!, cells: toMap(headers, record) };
    if (record.length !== headers.length)
      row.error = renderMessage(ROW_MESSAGES.cellCount, lang, {
        cells: record.length,
        header: headers.length,
      });
    rows[index - 1] = row;
  }
  return { headers, rows, delimiter, bom, duplicateHeaders: duplicates(headers) };
}

/** The text of an exceljs cell value (formulas by their result, dates as YYYY-MM-DD, rich text joined). */
function cellText(value: unknown): string | { error: string } {
  // `error` is the spreadsheet's own code (#N/A, #DIV/0!), the same in every language.
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.richText))
    return (object.richText as { text: string }[]).map((run) => run.text).join('');
  if ('error' in object) return { error: String(object.error) };
  if ('result' in object) return cellText(object.result);
  if ('text' in object) return String(object.text);
  return JSON.stringify(value);
}

/**
 * Reads the first worksheet of an XLSX workbook; the first row is the header.
 *
 * @param data - The file bytes.
 * @param file - Its name, for messages.
 * @param lang - The language of the messages (default `en`; exceljs's own words stay English).
 * @returns The rows.
 * @throws {@link ScreenInputError} for an unreadable workbook or an empty sheet.
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en` (the promise rejects).
 */
export async function readXlsx(data: Buffer, file: string, lang: Language = 'en'): Promise<ReadResult> {
  lang = languageOption(lang, 'readXlsx', 'en');
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw new ScreenInputError(
      renderMessage(INPUT_MESSAGES.notXlsx, lang, { file, reason: (error as Error).message }),
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0)
    throw new ScreenInputError(renderMessage(INPUT_MESSAGES.emptyWorkbook, lang, { file }));
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  for (let column = 1; column <= headerRow.cellCount; column++) {
    const text = cellText(headerRow.getCell(column).value);
    headers.push(typeof text === 'string' ? text.trim() : '');
  }
  const rows: InputRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    if (!row.hasValues) continue;
    const cells: string[] = [];
    const errors: string[] = [];
    for (let column = 1; column <= headers.length; column++) {
      const text = cellText(row.getCell(column).value);
      if (typeof text === 'string') cells.push(text);
      else {
        cells.push('');
        errors.push(
          renderMessage(ROW_MESSAGES.cellError, lang, {
            header: headers[column - 1] ?? '',
            error: text.error,
          }),
        );
      }
    }
    const input: InputRow = { line: number, cells: toMap(headers, cells) };
    if (row.cellCount > headers.length)
      errors.push(
        renderMessage(ROW_MESSAGES.cellCount, lang, { cells: row.cellCount, header: headers.length }),
      );
    if (errors.length) input.error = errors.join('; ');
    rows.push(input);
  }
  return { headers, rows, delimiter: ',', bom: false, duplicateHeaders: duplicates(headers) };
}

/**
 * Reads JSON Lines: one application per line (no mapping). A line that is not JSON is an error of
 * that row; blank lines are skipped.
 *
 * @param text - The file text.
 * @param lang - The language of the messages (default `en`; the JSON parser's own words stay English).
 * @returns The rows.
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en`.
 */
export function readJsonl(text: string, lang: Language = 'en'): ReadResult {
  lang = languageOption(lang, 'readJsonl', 'en');
  const body = withoutBom(text);
  const rows: InputRow[] = [];
  body.split('\n').forEach((raw, position) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    try {
      rows.push({ line: position + 1, value: JSON.parse(line) });
    } catch (error) {
      const reason = (error as Error).message;
      rows.push({ line: position + 1, error: renderMessage(ROW_MESSAGES.invalidJson, lang, { reason }) });
    }
  });
  return { headers: [], rows, delimiter: ',', bom: false, duplicateHeaders: [] };
}
