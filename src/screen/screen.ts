/** Screening rows of an export: one result per row, in order, never dropped; and the summary. */
import type { Language } from '../_shared/language.js';
import { languageOption } from '../_shared/languageOption.js';
import { renderMessage } from '../_shared/messages.js';
import { defineOwn } from '../_shared/ownProperty.js';
import type { ApplicationIssue } from '../itie/index.js';
import type { Explanation, RuleSet } from '../rules/index.js';
import { check } from '../server/adapters.js';
import { ROW_MESSAGES } from './_messages.js';
import { applyMapping, columnOf, type Mapping } from './mapping.js';
import type { InputRow } from './readRows.js';

/** The result of one row. */
export interface RowResult {
  /** 1-based position of the row among the data rows. */
  row: number;
  /** Line (CSV/JSONL: where the row ends) or row number (XLSX) in the input file. */
  line: number;
  id: string;
  status: 'screened' | 'invalid';
  verdict: Explanation['verdict'] | '';
  failed: string[];
  missing: string[];
  assumptions: string[];
  errors: string[];
  ruleSet: string;
}

/** How rows are screened: rule set, evaluation date, language of the `errors` messages. */
export interface ScreenOptions {
  ruleSet?: RuleSet | undefined;
  asOf?: string | undefined;
  /** Language of the `errors` messages (default `en`). */
  lang?: Language | undefined;
  /**
   * Tells the validation issues of an application in `lang` (the library's messages are English;
   * the CLI passes its zod-locale translation). Must keep every issue, in order. Default: as they are.
   */
  localizeIssues?:
    | ((issues: readonly ApplicationIssue[], application: unknown) => ApplicationIssue[])
    | undefined;
}

/** Counts of a run. */
export interface ScreenSummary {
  rows: number;
  screened: number;
  invalid: number;
  verdicts: Record<Explanation['verdict'], number>;
  failedCriteria: Record<string, number>;
}

/**
 * The result of an invalid row. Results are written as whole literals, keys in the order JSONL output
 * has always had: spreading a base object and overriding its keys made V8 build slow objects (about a
 * quarter of a row's time).
 */
function invalidResult(row: number, line: number, id: string, errors: string[]): RowResult {
  return {
    row,
    line,
    id,
    failed: [],
    missing: [],
    assumptions: [],
    ruleSet: '',
    status: 'invalid',
    verdict: '',
    errors,
  };
}

/**
 * Screens one row.
 *
 * @param input - The row.
 * @param position - Its 1-based position among the data rows.
 * @param mapping - The mapping (`undefined` for JSONL, whose lines are applications).
 * @param options - Rule set, evaluation date, language of the messages.
 * @returns The result (an invalid row is a result with `errors`).
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en`.
 */
export function screenRow(
  input: InputRow,
  position: number,
  mapping: Mapping | undefined,
  options: ScreenOptions,
): RowResult {
  const lang = languageOption(options.lang, 'screenRow', 'en');
  const id = mapping?.idColumn ? (input.cells?.get(mapping.idColumn) ?? '') : '';
  if (input.error) return invalidResult(position, input.line, id, [input.error]);
  let application: unknown = input.value;
  if (mapping && input.cells) {
    const mapped = applyMapping(input.cells, mapping, lang);
    if (mapped.errors.length)
      return invalidResult(
        position,
        input.line,
        id,
        mapped.errors.map((error) =>
          renderMessage(ROW_MESSAGES.cellProblem, lang, {
            column: error.column,
            field: error.field,
            message: error.message,
          }),
        ),
      );
    application = mapped.application;
  }
  const result = check(application, { ruleSet: options.ruleSet, asOf: options.asOf });
  if (!result.ok) {
    const issues = options.localizeIssues
      ? options.localizeIssues(result.issues, application)
      : result.issues;
    return invalidResult(
      position,
      input.line,
      id,
      issues.map((issue) => {
        const column = mapping ? columnOf(mapping, issue.path) : undefined;
        const where = column
          ? renderMessage(ROW_MESSAGES.columnAndPath, lang, { column, path: issue.path })
          : issue.path || renderMessage(ROW_MESSAGES.wholeRow, lang);
        // The issue's message is the library's (English unless `localizeIssues` told it in `lang`).
        return renderMessage(ROW_MESSAGES.issueAt, lang, { where, message: issue.message });
      }),
    );
  }
  const explanation = result.explanation;
  return {
    row: position,
    line: input.line,
    id,
    failed: explanation.criteria
      .filter((criterion) => criterion.status === 'fail')
      .map((criterion) => criterion.id),
    missing: [...explanation.missing],
    assumptions: explanation.assumptions.map((assumption) => assumption.name),
    ruleSet: `${explanation.ruleSet.id}@${explanation.ruleSet.version}`,
    status: 'screened',
    verdict: explanation.verdict,
    errors: [],
  };
}

/** An empty summary. */
export function emptySummary(): ScreenSummary {
  return {
    rows: 0,
    screened: 0,
    invalid: 0,
    verdicts: { eligible: 0, ineligible: 0, undetermined: 0 },
    failedCriteria: {},
  };
}

/**
 * Adds a result to a summary.
 *
 * @param summary - The summary (changed).
 * @param result - One row's result.
 */
export function count(summary: ScreenSummary, result: RowResult): void {
  summary.rows++;
  if (result.status === 'invalid') {
    summary.invalid++;
    return;
  }
  summary.screened++;
  if (result.verdict) summary.verdicts[result.verdict]++;
  // Own properties only: a criterion named `constructor` or `toString` counts from 0, never from what
  // `Object.prototype` holds under that name (the summary stays a plain object, as always).
  const failed = summary.failedCriteria;
  for (const id of result.failed)
    if (Object.hasOwn(failed, id)) failed[id]!++;
    else defineOwn(failed, id, 1);
}
