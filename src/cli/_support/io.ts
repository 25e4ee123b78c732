/** File input and output shared by the CLI commands (Node only, not part of the public API). */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  byteText,
  decodeSpreadsheet,
  decodeUtf8,
  type TextEncodingName,
  type Utf8Failure,
  withoutBom,
} from '../../_shared/decodeText.js';
import { formatBytes, parseJsonWithLimits, type TextLimits } from '../../_shared/jsonSafety.js';
import { type Message, renderMessage } from '../../_shared/messages.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { langOf, say } from './language.js';
import { COMMON } from './messages/common.js';

/** A path given on the command line, resolved against the context's working directory. */
export const resolvePath = (ctx: CliContext, path: string): string => resolve(ctx.cwd, path);

const tooLarge = (ctx: CliContext, file: string, maxBytes: number) =>
  new CliError(say(ctx, COMMON.tooLarge, { file, size: formatBytes(maxBytes) }), EXIT.DATAERR);

/**
 * Reads a file (or stdin for `-`) as bytes. An unreadable file is exit 66, naming the file (and
 * `what` it is, e.g. `mesh file`) and the system error code. With `maxBytes`, a file larger than that is
 * exit 65: a regular file is refused from its size before any byte is read, a stream while it is read.
 */
export async function readInputBytes(
  ctx: CliContext,
  file: string,
  what?: string | Message,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Buffer> {
  const name = file === '-' ? say(ctx, COMMON.stdin) : file;
  const chunks: Buffer[] = [];
  let size = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(ctx, name, maxBytes);
    chunks.push(chunk);
  };
  if (file === '-') {
    for await (const chunk of ctx.stdin) take(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks);
  }
  const cannotRead = (error: unknown) =>
    new CliError(
      what
        ? say(ctx, COMMON.cannotReadWhat, {
            what: typeof what === 'string' ? what : renderMessage(what, langOf(ctx)),
            file,
            reason: (error as { code?: string }).code ?? String(error),
          })
        : say(ctx, COMMON.cannotRead, { file, reason: (error as { code?: string }).code ?? String(error) }),
      EXIT.NOINPUT,
    );
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(resolvePath(ctx, file), 'r');
  } catch (error) {
    throw cannotRead(error);
  }
  try {
    const stats = await handle.stat();
    if (stats.isFile() && stats.size > maxBytes) throw tooLarge(ctx, name, maxBytes);
    for await (const chunk of handle.createReadStream({ autoClose: false })) take(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw cannotRead(error);
  } finally {
    await handle.close();
  }
}

/** The exit-65 error of a file that is not UTF-8, naming the byte, its line and its offset. */
export function notUtf8(ctx: CliContext, file: string, failure: Utf8Failure): CliError {
  return new CliError(
    say(ctx, COMMON.notUtf8, {
      file: file === '-' ? say(ctx, COMMON.stdin) : file,
      byte: byteText(failure.byte),
      line: String(failure.line),
      offset: String(failure.offset),
    }),
    EXIT.DATAERR,
  );
}

/**
 * Reads a file (or stdin for `-`) as UTF-8 text, as {@link readInputBytes} reads it. A byte that is
 * not UTF-8 is exit 65 naming it, its line and offset (never a U+FFFD put in its place); a UTF-8
 * byte order mark is dropped.
 */
export async function readInput(
  ctx: CliContext,
  file: string,
  what?: string | Message,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<string> {
  const decoded = decodeUtf8(await readInputBytes(ctx, file, what, maxBytes));
  if (!decoded.ok) throw notUtf8(ctx, file, decoded.failure);
  return withoutBom(decoded.text);
}

/** How many leading bytes of `data` end on a whole UTF-8 sequence (the rest may be cut by a chunk). */
function wholeSequences(data: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const byte = data[data.length - back] as number;
    if (byte < 0x80) return data.length;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? data.length - back : data.length;
    }
  }
  return data.length;
}

/**
 * Decodes a stream of bytes as strict UTF-8, chunk by chunk: a character cut between two chunks is
 * read whole (a UTF-8 byte order mark is kept as U+FEFF, for the caller to see), and a byte that is
 * not UTF-8 is exit 65 naming it, its line and its offset in the stream.
 *
 * @param ctx - The CLI context (language of the message).
 * @param file - The file name for the message (`-` for stdin).
 * @param source - The chunks (Buffers; strings are encoded back).
 * @returns The text, a piece per chunk.
 * @throws {@link CliError} exit 65 for a byte that is not UTF-8, or a sequence cut by the end.
 */
export async function* utf8Chunks(
  ctx: CliContext,
  file: string,
  source: AsyncIterable<unknown>,
): AsyncGenerator<string> {
  let carry: Uint8Array = new Uint8Array(0);
  let offset = 0; // of the first byte of carry in the stream
  let line = 1;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
    const data = carry.length ? Buffer.concat([carry, bytes]) : bytes;
    const whole = wholeSequences(data);
    // one strict decoding per chunk; the failure's line is counted from the chunk's first line
    const decoded = decodeUtf8(data.subarray(0, whole));
    if (!decoded.ok)
      throw notUtf8(ctx, file, {
        offset: offset + decoded.failure.offset,
        byte: decoded.failure.byte,
        line: line + decoded.failure.line - 1,
      });
    for (let at = data.indexOf(0x0a); at >= 0 && at < whole; at = data.indexOf(0x0a, at + 1)) line++;
    carry = data.slice(whole);
    offset += whole;
    if (whole > 0) yield decoded.text;
  }
  if (carry.length) throw notUtf8(ctx, file, { offset, byte: carry[0] as number, line });
}

/** `--encoding` of the commands that read spreadsheet exports. */
export type EncodingOption = 'auto' | TextEncodingName;

/** The values `--encoding` takes. */
export const ENCODINGS: readonly EncodingOption[] = ['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];

/**
 * Reads a spreadsheet export (CSV) as text: UTF-8, UTF-16 with its byte order mark, or else
 * Windows-1252 with a warning on stderr naming the file and where UTF-8 failed (a UTF-8 byte order
 * mark, and the text, are kept for the caller). `encoding` forces one; forced UTF-8 that fails is
 * exit 65.
 */
export async function readSpreadsheetInput(
  ctx: CliContext,
  file: string,
  encoding: EncodingOption = 'auto',
  what?: string | Message,
): Promise<{ text: string; encoding: TextEncodingName }> {
  const decoded = decodeSpreadsheet(await readInputBytes(ctx, file, what), encoding);
  if (!decoded.ok) throw notUtf8(ctx, file, decoded.failure);
  if (decoded.fallback)
    ctx.stderr.write(
      `${say(ctx, COMMON.readAsEncoding, {
        file: file === '-' ? say(ctx, COMMON.stdin) : file,
        byte: byteText(decoded.fallback.byte),
        line: String(decoded.fallback.line),
      })}\n`,
    );
  return { text: decoded.text, encoding: decoded.encoding };
}

/**
 * Parses JSON text; invalid JSON is exit 65 naming the file. With `limits`, size, depth and node count
 * are checked before parsing (exit 65 naming the file and the path reached).
 */
export function parseJson(text: string, file: string, limits?: TextLimits): unknown {
  if (limits) {
    const parsed = parseJsonWithLimits(text, limits);
    if (!parsed.ok) {
      const { path, message } = parsed.issue;
      throw new CliError(`${file}: ${path ? `${path}: ` : ''}${message}`, EXIT.DATAERR);
    }
    return parsed.value;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: invalid JSON: ${(error as Error).message}`, EXIT.DATAERR);
  }
}

/** Writes the output file, or stdout when `-o` is absent or `-`; an unwritable file is exit 73. */
export async function writeOutput(ctx: CliContext, out: string | undefined, text: string): Promise<void> {
  if (!out || out === '-') {
    ctx.stdout.write(text);
    return;
  }
  const { writeFile } = await import('node:fs/promises');
  try {
    await writeFile(resolvePath(ctx, out), text);
  } catch (error) {
    throw new CliError(
      say(ctx, COMMON.cannotWrite, {
        file: out,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
      EXIT.CANTCREAT,
    );
  }
}
