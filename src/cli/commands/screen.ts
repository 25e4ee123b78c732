import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { isIsoDate } from '../../_shared/isoDate.js';
import { formatNumber, type Message, type MessageValue, renderMessage } from '../../_shared/messages.js';
import type { ApplicationIssue } from '../../itie/index.js';
import {
  count,
  emptySummary,
  type Mapping,
  parseMapping,
  type ReadResult,
  type RowResult,
  readCsv,
  readJsonl,
  readXlsx,
  resultsCsv,
  resultsJsonl,
  resultsXlsx,
  ScreenInputError,
  type ScreenSummary,
  screenRow,
  starterMapping,
} from '../../screen/index.js';
import { applicationJsonSchema } from '../../server/adapters.js';
import { localizeIssues } from '../_support/applicationIssues.js';
import {
  ENCODINGS,
  type EncodingOption,
  parseJson,
  readInput,
  readSpreadsheetInput,
  resolvePath,
  writeOutput,
} from '../_support/io.js';
import { langOf, say } from '../_support/language.js';
import { COMMON } from '../_support/messages/common.js';
import { SCREEN } from '../_support/messages/screen.js';
import { loadRuleSet } from '../_support/ruleSets.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

const FORMATS = ['.csv', '.xlsx', '.jsonl'] as const;
type Format = (typeof FORMATS)[number];

function formatOf(ctx: CliContext, file: string, option: string): Format {
  const extension = extname(file).toLowerCase() as Format;
  if (!FORMATS.includes(extension))
    throw new CliError(say(ctx, SCREEN.badExtension, { option, file }), EXIT.USAGE, true);
  return extension;
}

/** The summary for humans, in French or English (from the catalogue, French typography applied). */
export function formatSummary(summary: ScreenSummary, lang: 'fr' | 'en'): string {
  const say = (message: Message, values?: Record<string, MessageValue>) =>
    renderMessage(message, lang, values);
  const lines = [
    say(SCREEN.summaryRows, { rows: summary.rows, screened: summary.screened, invalid: summary.invalid }),
    say(SCREEN.summaryVerdicts, { ...summary.verdicts }),
  ];
  const failed = Object.entries(summary.failedCriteria).sort((a, b) => b[1] - a[1]);
  if (failed.length) {
    lines.push(say(SCREEN.summaryFailed));
    for (const [id, number] of failed) lines.push(`  ${id}  ${formatNumber(number, lang)}`);
  }
  if (summary.invalid) lines.push(say(SCREEN.summaryInvalid, { invalid: summary.invalid }));
  return `${lines.join('\n')}\n`;
}

/** `cprdfop screen`: verdicts of every row of an export. */
export function registerScreen(program: Command, ctx: CliContext): void {
  program
    .command('screen')
    .description(say(ctx, SCREEN.description))
    .argument('[export]', say(ctx, SCREEN.exportArgument))
    .option('--mapping <file>', say(ctx, SCREEN.mappingOption))
    .option('--starter-mapping', say(ctx, SCREEN.starterMappingOption))
    .option('--rules <file>', say(ctx, SCREEN.rulesOption))
    .option('--as-of <date>', say(ctx, SCREEN.asOfOption))
    .option('--out <file>', say(ctx, SCREEN.outOption))
    .option('--encoding <encoding>', say(ctx, SCREEN.encodingOption))
    .action(
      async (
        file: string | undefined,
        opts: {
          mapping?: string;
          starterMapping?: boolean;
          rules?: string;
          asOf?: string;
          out?: string;
          encoding?: string;
        },
      ) => {
        const lang = langOf(ctx);
        const ruleSet = await loadRuleSet(ctx, opts.rules);
        if (opts.starterMapping) {
          await writeOutput(
            ctx,
            opts.out,
            `${JSON.stringify(starterMapping(applicationJsonSchema(ruleSet)), null, 2)}\n`,
          );
          return;
        }
        if (!file) throw new CliError(say(ctx, SCREEN.missingExport), EXIT.USAGE, true);
        if (!opts.out) throw new CliError(say(ctx, SCREEN.outRequired), EXIT.USAGE, true);
        if (opts.asOf !== undefined && !isIsoDate(opts.asOf))
          throw new CliError(say(ctx, SCREEN.badAsOf, { value: opts.asOf }), EXIT.USAGE, true);
        const inFormat = formatOf(ctx, file, say(ctx, SCREEN.input));
        if (opts.encoding !== undefined && !(ENCODINGS as readonly string[]).includes(opts.encoding))
          throw new CliError(
            say(ctx, SCREEN.badEncoding, { value: opts.encoding, choices: ENCODINGS.join(', ') }),
            EXIT.USAGE,
            true,
          );
        if (opts.encoding !== undefined && inFormat !== '.csv')
          throw new CliError(say(ctx, SCREEN.encodingNotForCsv), EXIT.USAGE, true);
        const outFormat = formatOf(ctx, opts.out, '--out');
        let mapping: Mapping | undefined;
        if (inFormat === '.jsonl') {
          if (opts.mapping) throw new CliError(say(ctx, SCREEN.mappingNotForJsonl), EXIT.USAGE, true);
        } else {
          if (!opts.mapping) throw new CliError(say(ctx, SCREEN.mappingRequired), EXIT.USAGE, true);
          const parsed = parseMapping(
            parseJson(await readInput(ctx, opts.mapping, SCREEN.mappingFile), opts.mapping),
            lang,
          );
          if (!parsed.success) {
            throw new CliError(
              say(ctx, SCREEN.invalidMapping, {
                file: opts.mapping,
                path: parsed.problem.path || SCREEN.root,
                message: parsed.problem.message,
              }),
              EXIT.DATAERR,
            );
          }
          mapping = parsed.mapping;
        }
        let read: ReadResult;
        try {
          if (inFormat === '.xlsx') {
            const data = await readFile(resolvePath(ctx, file)).catch((error: NodeJS.ErrnoException) => {
              throw new CliError(
                say(ctx, COMMON.cannotRead, { file, reason: error.code ?? String(error) }),
                EXIT.NOINPUT,
              );
            });
            read = await readXlsx(data, file, lang);
          } else if (inFormat === '.csv') {
            // never read with U+FFFD in place of bytes: UTF-8, UTF-16 or Windows-1252 (said on stderr)
            const { text } = await readSpreadsheetInput(
              ctx,
              file,
              opts.encoding as EncodingOption | undefined,
            );
            read = readCsv(text, file, lang);
          } else {
            read = readJsonl(await readInput(ctx, file), lang);
          }
        } catch (error) {
          if (error instanceof ScreenInputError) throw new CliError(error.message, EXIT.DATAERR);
          throw error;
        }
        if (mapping) {
          const columns = new Set(Object.values(mapping.fields).map((field) => field.column));
          if (mapping.idColumn) columns.add(mapping.idColumn);
          const ambiguous = read.duplicateHeaders.filter((header) => columns.has(header));
          if (ambiguous.length)
            throw new CliError(
              say(ctx, SCREEN.duplicateMapped, {
                file,
                headers: ambiguous.map((h) => `"${h}"`).join(', '),
              }),
              EXIT.DATAERR,
            );
          const absent = [...columns].filter((column) => !read.headers.includes(column));
          if (absent.length === columns.size)
            throw new CliError(
              say(ctx, SCREEN.noMappedColumn, { file, first: [...columns][0] ?? '' }),
              EXIT.DATAERR,
            );
          if (absent.length)
            ctx.stderr.write(`${say(ctx, SCREEN.absentColumns, { file, columns: absent.join(', ') })}\n`);
          if (read.duplicateHeaders.length)
            ctx.stderr.write(
              `${say(ctx, SCREEN.duplicateHeaders, { headers: read.duplicateHeaders.join(', ') })}\n`,
            );
        }
        const options = {
          ruleSet: opts.rules ? ruleSet : undefined,
          asOf: opts.asOf,
          lang,
          localizeIssues: (issues: readonly ApplicationIssue[], application: unknown) =>
            localizeIssues(issues, application, lang),
        };
        const { default: cliProgress } = await import('cli-progress');
        const bar = ctx.stderr.isTTY
          ? new cliProgress.SingleBar({
              stream: ctx.stderr as unknown as NodeJS.WritableStream,
              clearOnComplete: true,
              hideCursor: true,
            })
          : undefined;
        bar?.start(read.rows.length, 0);
        const results: RowResult[] = [];
        const summary = emptySummary();
        read.rows.forEach((row, position) => {
          const result = screenRow(row, position + 1, mapping, options);
          results.push(result);
          count(summary, result);
          if (bar && position % 256 === 0) bar.update(position + 1);
        });
        bar?.update(read.rows.length);
        bar?.stop();
        if (results.length !== read.rows.length) throw new CliError(say(ctx, SCREEN.rowLost), EXIT.SOFTWARE);
        const output =
          outFormat === '.csv'
            ? resultsCsv(results, { delimiter: read.delimiter, bom: read.bom })
            : outFormat === '.jsonl'
              ? resultsJsonl(results)
              : await resultsXlsx(results, summary, lang);
        try {
          await writeFile(resolvePath(ctx, opts.out), output);
        } catch (error) {
          throw new CliError(
            say(ctx, COMMON.cannotWrite, {
              file: opts.out,
              reason: (error as NodeJS.ErrnoException).code ?? String(error),
            }),
            EXIT.CANTCREAT,
          );
        }
        ctx.stderr.write(formatSummary(summary, lang));
        ctx.exitCode = summary.invalid ? EXIT.FAILURE : EXIT.OK;
      },
    );
}
