/** `cprdfop locate --csv`: streams a CSV of points or commune codes, one output row per input row (Node only, internal). */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { Language } from '../../_shared/language.js';
import { type Message, type MessageValue, renderMessage } from '../../_shared/messages.js';
import type { Locator } from '../../geo/createLocator.js';
import * as territory from '../../territory/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { resolvePath, utf8Chunks } from './io.js';
import { COMMON } from './messages/common.js';
import { LOCATE_CSV } from './messages/locate.js';

/** The columns `locate --csv` adds after the input's. */
export const LOCATE_COLUMNS = [
  'commune_code',
  'commune_name',
  'epci_code',
  'epci_name',
  'arrondissement_code',
  'arrondissement_name',
  'departement_code',
  'departement_name',
  'region_code',
  'region_name',
  'status',
  'message',
] as const;

/** Header names recognised (case-insensitive) when no column option names them. */
const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x'];
const LAT_NAMES = ['lat', 'latitude', 'y'];
const CODE_NAMES = ['code', 'code_insee', 'codeinsee', 'insee', 'codgeo', 'code_commune', 'depcom', 'com'];

/** Rows located per batch (one `locateIndices` call). */
const BATCH_ROWS = 4096;

/** A decimal number as written in a CSV cell (`3.05`, `-1e-3`; `3,05` when the separator is not a comma). */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** What `locate --csv` counted. */
export interface LocateCsvSummary {
  rows: number;
  located: number;
  outside: number;
  invalid: number;
  unknown: number;
}

interface Options {
  input: string;
  out?: string | undefined;
  lonColumn?: string | undefined;
  latColumn?: string | undefined;
  codeColumn?: string | undefined;
  lang: Language;
}

type Say = (message: Message, values?: Readonly<Record<string, MessageValue>>) => string;

/** The separator of a CSV: the most frequent of `,` `;` tab in the header line, outside quotes. */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && character in counts) counts[character as keyof typeof counts]++;
  }
  let best: ',' | ';' | '\t' = ',';
  for (const separator of [';', '\t'] as const) if (counts[separator] > counts[best]) best = separator;
  return best;
}

/** The 10 territory cells of a commune (current code), from the France-wide graph; `undefined` when unknown. */
function communeCells(code: string): string[] | undefined {
  let match: ReturnType<typeof territory.commune>;
  try {
    match = territory.commune(code);
  } catch {
    return undefined;
  }
  if (!match) return undefined;
  const commune = match.commune;
  const name = (lookup: () => { name: string } | undefined): string => {
    try {
      return lookup()?.name ?? '';
    } catch {
      return '';
    }
  };
  return [
    commune.code,
    commune.name,
    commune.epci ?? '',
    commune.epci ? name(() => territory.epci(commune.epci as string)) : '',
    commune.arrondissement ?? '',
    commune.arrondissement ? name(() => territory.arrondissement(commune.arrondissement as string)) : '',
    commune.departement,
    name(() => territory.departement(commune.departement)),
    commune.region ?? '',
    commune.region ? name(() => territory.region(commune.region as string)) : '',
  ];
}

/** Finds a column by its option, else by the usual names; exit 65 naming the headers when asked for and absent. */
function column(
  headers: readonly string[],
  option: string | undefined,
  names: readonly string[],
  flag: string,
  say: Say,
): number {
  if (option !== undefined) {
    const index = headers.indexOf(option);
    if (index < 0)
      throw new CliError(
        say(LOCATE_CSV.noColumn, { option, flag, headers: headers.join(', ') }),
        EXIT.DATAERR,
      );
    return index;
  }
  return headers.findIndex((header) => names.includes(header.toLowerCase()));
}

/**
 * Streams `options.input` (a CSV file, or `-` for stdin) through the locator in batches and writes
 * the input rows followed by {@link LOCATE_COLUMNS}, one output row per input row, in order.
 * Invalid rows (a bad coordinate, a malformed or unknown code, a wrong number of cells) are written
 * in place with `status` `invalid` or `unknown` and a message.
 *
 * @param locate - Builds the locator (only called for coordinates: codes need no contours).
 */
export async function locateCsv(
  ctx: CliContext,
  options: Options,
  locate: () => Promise<Locator>,
): Promise<LocateCsvSummary> {
  const say: Say = (message, values) => renderMessage(message, options.lang, values);
  const name = options.input === '-' ? renderMessage(COMMON.stdin, options.lang) : options.input;
  const source: Readable =
    options.input === '-' ? ctx.stdin : createReadStream(resolvePath(ctx, options.input));
  const cannotRead = (error: unknown): CliError =>
    new CliError(
      say(LOCATE_CSV.cannotRead, { name, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
      EXIT.NOINPUT,
    );
  // strict UTF-8, a character cut between two chunks read whole (csv-parse is given text)
  const chunks = utf8Chunks(ctx, options.input, source)[Symbol.asyncIterator]();
  // the first line decides the separator
  let head = '';
  let sourceDone = false;
  try {
    while (!/[\r\n]/.test(head)) {
      const next = await chunks.next();
      if (next.done) {
        sourceDone = true;
        break;
      }
      head += next.value;
    }
  } catch (error) {
    throw error instanceof CliError ? error : cannotRead(error);
  }
  const bom = head.charCodeAt(0) === 0xfeff;
  if (head.replace(/^\uFEFF/, '').trim() === '')
    throw new CliError(say(LOCATE_CSV.emptyFile, { name }), EXIT.DATAERR);
  const delimiter = detectDelimiter(head.replace(/^\uFEFF/, ''));
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  let readError: unknown;
  const stop = new AbortController();
  const feeding = (async () => {
    try {
      if (!parser.write(head)) await once(parser, 'drain', { signal: stop.signal });
      while (!sourceDone) {
        const next = await chunks.next();
        if (next.done) break;
        if (!parser.write(next.value)) await once(parser, 'drain', { signal: stop.signal });
      }
      parser.end();
    } catch (error) {
      if (stop.signal.aborted) return;
      readError = error;
      parser.destroy(error as Error);
    }
  })();

  let output: Writable | undefined;
  const write = async (text: string): Promise<void> => {
    if (!output) {
      ctx.stdout.write(text);
      return;
    }
    if (!output.write(text)) await once(output, 'drain');
  };
  if (options.out) {
    output = createWriteStream(resolvePath(ctx, options.out));
    const opened = once(output, 'open').then(
      () => undefined,
      (error: unknown) => error,
    );
    const failed = await opened;
    if (failed)
      throw new CliError(
        say(LOCATE_CSV.cannotWrite, {
          out: options.out ?? '',
          reason: (failed as NodeJS.ErrnoException).code ?? String(failed),
        }),
        EXIT.CANTCREAT,
      );
  }

  const summary: LocateCsvSummary = { rows: 0, located: 0, outside: 0, invalid: 0, unknown: 0 };
  let headers: string[] | undefined;
  let lonAt = -1;
  let latAt = -1;
  let codeAt = -1;
  let locator: Locator | undefined;
  const byIndex: (string[] | null | undefined)[] = [];
  const empty = LOCATE_COLUMNS.slice(0, 10).map(() => '');
  const parseNumber = (cell: string | undefined): number => {
    const text = (cell ?? '').trim();
    const normalized = delimiter === ',' ? text : text.replace(',', '.');
    return DECIMAL.test(normalized) ? Number(normalized) : Number.NaN;
  };
  let batch: { record: string[] }[] = [];

  const flush = async (): Promise<void> => {
    if (!headers || batch.length === 0) return;
    const width = headers.length;
    const out: string[][] = [];
    const problems: (string | undefined)[] = batch.map(({ record }) =>
      record.length === width ? undefined : say(LOCATE_CSV.cellCount, { count: record.length, width }),
    );
    let indices: Int32Array | undefined;
    if (codeAt < 0 && locator) {
      const flat = new Float64Array(2 * batch.length);
      batch.forEach(({ record }, row) => {
        const lon = parseNumber(record[lonAt]);
        const lat = parseNumber(record[latAt]);
        if (problems[row] === undefined) {
          if (Number.isNaN(lon) || lon < -180 || lon > 180)
            problems[row] = say(LOCATE_CSV.badLongitude, { value: record[lonAt] ?? '' });
          else if (Number.isNaN(lat) || lat < -90 || lat > 90)
            problems[row] = say(LOCATE_CSV.badLatitude, { value: record[latAt] ?? '' });
        }
        flat[2 * row] = problems[row] === undefined ? lon : Number.NaN;
        flat[2 * row + 1] = problems[row] === undefined ? lat : Number.NaN;
      });
      indices = locator.locateIndices(flat);
    }
    batch.forEach(({ record }, row) => {
      const cells = Array.from({ length: width }, (_, position) => record[position] ?? '');
      // a row with more cells than the header is invalid; its extra cells are kept after the message
      const extra = record.length > width ? record.slice(width) : [];
      let located: string[] | undefined;
      let status: string;
      let message = problems[row] ?? '';
      if (problems[row] !== undefined) status = 'invalid';
      else if (codeAt >= 0) {
        const code = (record[codeAt] ?? '').trim();
        let malformed = false;
        try {
          territory.commune(code);
        } catch {
          malformed = true;
        }
        located = malformed ? undefined : communeCells(code);
        if (malformed) {
          status = 'invalid';
          message = say(LOCATE_CSV.malformedCode, { code });
        } else if (!located) {
          status = 'unknown';
          message = say(LOCATE_CSV.unknownCode, { code, cog: String(territory.territoryVintage().cog) });
        } else {
          status = 'ok';
          if (located[0] !== code) message = say(LOCATE_CSV.formerCode, { code, current: located[0] ?? '' });
        }
      } else {
        const index = (indices as Int32Array)[row] as number;
        if (index < 0) {
          status = 'outside';
          message = say(LOCATE_CSV.outside);
        } else {
          const contour = (locator as Locator).codes[index] as string;
          if (byIndex[index] === undefined) byIndex[index] = communeCells(contour) ?? null;
          const cached = byIndex[index];
          if (cached) {
            located = cached;
            status = 'ok';
          } else {
            status = 'unknown';
            message = say(LOCATE_CSV.notACommune, { contour });
          }
        }
      }
      if (status === 'ok') summary.located++;
      else if (status === 'outside') summary.outside++;
      else if (status === 'unknown') summary.unknown++;
      else summary.invalid++;
      out.push([...cells, ...(located ?? empty), status, message, ...extra]);
    });
    summary.rows += batch.length;
    batch = [];
    await write(stringify(out, { delimiter, record_delimiter: 'unix' }));
  };

  try {
    for await (const { record } of parser as AsyncIterable<{ record: string[] }>) {
      if (!headers) {
        headers = record.map((header) => header.trim());
        const taken = LOCATE_COLUMNS.filter((added) => headers?.includes(added));
        if (taken.length)
          throw new CliError(say(LOCATE_CSV.columnsTaken, { name, columns: taken.join(', ') }), EXIT.DATAERR);
        if (
          options.codeColumn !== undefined ||
          (options.lonColumn === undefined && options.latColumn === undefined)
        ) {
          codeAt = column(headers, options.codeColumn, CODE_NAMES, '--code-column', say);
        }
        if (options.codeColumn === undefined) {
          lonAt = column(headers, options.lonColumn, LON_NAMES, '--lon-column', say);
          latAt = column(headers, options.latColumn, LAT_NAMES, '--lat-column', say);
          if (lonAt >= 0 && latAt >= 0) codeAt = -1;
          else if (codeAt < 0)
            throw new CliError(
              say(LOCATE_CSV.noColumns, { name, headers: headers.join(', ') }),
              EXIT.DATAERR,
            );
        }
        if (codeAt < 0) locator = await locate();
        await write(
          `${bom ? '\uFEFF' : ''}${stringify([[...headers, ...LOCATE_COLUMNS]], { delimiter, record_delimiter: 'unix' })}`,
        );
        continue;
      }
      batch.push({ record });
      if (batch.length >= BATCH_ROWS) await flush();
    }
    await flush();
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (readError !== undefined) throw readError instanceof CliError ? readError : cannotRead(readError);
    throw new CliError(
      say(LOCATE_CSV.unreadable, {
        name,
        row: summary.rows + batch.length + 1,
        message: (error as Error).message,
      }),
      EXIT.DATAERR,
    );
  } finally {
    stop.abort();
    if (options.input !== '-') source.destroy();
    await feeding;
    if (output) {
      const closed = once(output, 'close');
      output.end();
      await closed;
    }
  }
  if (!headers) throw new CliError(say(LOCATE_CSV.emptyFile, { name }), EXIT.DATAERR);
  return summary;
}
