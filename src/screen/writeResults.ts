/** Writing screening results: CSV (csv-stringify), XLSX (exceljs), JSONL; formula injection escaped. */
import { stringify } from 'csv-stringify/sync';
import type { Language } from '../_shared/language.js';
import { renderMessage } from '../_shared/messages.js';
import { SUMMARY_SHEET } from './_messages.js';
import type { RowResult, ScreenSummary } from './screen.js';

/** The output columns, in order. */
export const RESULT_COLUMNS = [
  'row',
  'line',
  'id',
  'status',
  'verdict',
  'failed',
  'missing',
  'assumptions',
  'errors',
  'ruleSet',
] as const;

/**
 * Escapes a cell a spreadsheet would run as a formula (starting with `=` `+` `-` `@`, tab or carriage
 * return): a leading `'` makes it text (OWASP "CSV injection").
 *
 * @param text - The cell.
 * @returns The safe cell.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The cells of a result, escaped. */
function cells(result: RowResult): string[] {
  return [
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
}

/**
 * One CSV cell as csv-stringify writes it with a one-character separator (not a quote or a line end),
 * `\r\n` between records and {@link QUOTED_MATCH}: quoted, inner quotes doubled, when it holds a quote,
 * the separator, `\r` or `\n`; else as it is.
 */
function csvCell(text: string, delimiter: string): string {
  return text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r')
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * Cells holding a lone `\r` or `\n` are quoted too: csv-stringify quotes only the record delimiter
 * (`\r\n`), and a spreadsheet would break the row at an unquoted line end.
 */
const QUOTED_MATCH = /[\r\n]/;

/** {@link escapeFormula} by the first character's code, without a regular expression (same answers). */
function escapedCell(text: string, delimiter: string): string {
  const first = text.charCodeAt(0);
  // = + - @ tab carriage return
  const formula = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
  return csvCell(formula ? `'${text}` : text, delimiter);
}

/**
 * CSV text of results (header first).
 *
 * @param results - The results, in input order.
 * @param options - Separator and BOM (the output mirrors the input's).
 * @returns The text.
 */
export function resultsCsv(
  results: readonly RowResult[],
  options: { delimiter: string; bom: boolean },
): string {
  const delimiter = options.delimiter;
  let text: string;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n')
    text = stringify([[...RESULT_COLUMNS], ...results.map(cells)], {
      delimiter,
      record_delimiter: '\r\n',
      quoted_match: QUOTED_MATCH,
    });
  else {
    // The separators of a CSV export (`,` `;` tab) are written here, the same bytes as csv-stringify
    // (`test/screen/fast-paths.test.ts` checks it on random results) at a fraction of its cost.
    const cell = (text: string): string => delimiter + escapedCell(text, delimiter);
    const records: string[] = [
      `${RESULT_COLUMNS.map((name) => csvCell(name, delimiter)).join(delimiter)}\r\n`,
    ];
    // The cells of `cells()`, in its order, written as they are made (no array per row).
    for (const result of results)
      records.push(
        `${escapedCell(String(result.row), delimiter)}${cell(String(result.line))}${cell(result.id)}${cell(result.status)}${cell(result.verdict)}${cell(result.failed.join(', '))}${cell(result.missing.join(', '))}${cell(result.assumptions.join(', '))}${cell(result.errors.join(' | '))}${cell(result.ruleSet)}\r\n`,
      );
    text = records.join('');
  }
  return options.bom ? `\ufeff${text}` : text;
}

/**
 * JSON Lines of results.
 *
 * @param results - The results.
 * @returns The text.
 */
export function resultsJsonl(results: readonly RowResult[]): string {
  return results.map((result) => `${JSON.stringify(result)}\n`).join('');
}

/**
 * An XLSX workbook of results (sheet `results`) and the summary (sheet `summary`: identifier, count and
 * a label in `lang` on each row).
 *
 * @param results - The results.
 * @param summary - The summary.
 * @param lang - The language of the summary's labels (default `en`).
 * @returns The file bytes.
 */
export async function resultsXlsx(
  results: readonly RowResult[],
  summary: ScreenSummary,
  lang: Language = 'en',
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('results');
  sheet.addRow([...RESULT_COLUMNS]);
  for (const result of results) {
    const row = cells(result);
    sheet.addRow([result.row, result.line, ...row.slice(2)]);
  }
  const totals = workbook.addWorksheet('summary');
  const label = (key: keyof typeof SUMMARY_SHEET) => renderMessage(SUMMARY_SHEET[key], lang);
  totals.addRow(['rows', summary.rows, label('rows')]);
  totals.addRow(['screened', summary.screened, label('screened')]);
  totals.addRow(['invalid', summary.invalid, label('invalid')]);
  for (const [verdict, number] of Object.entries(summary.verdicts) as [
    keyof typeof summary.verdicts,
    number,
  ][])
    totals.addRow([verdict, number, label(verdict)]);
  for (const [criterion, number] of Object.entries(summary.failedCriteria))
    totals.addRow([
      escapeFormula(`failed: ${criterion}`),
      number,
      escapeFormula(renderMessage(SUMMARY_SHEET.failed, lang, { criterion })),
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
