/** File input and output shared by the CLI commands (Node only, not part of the public API). */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
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
 * Reads a file (or stdin for `-`) as UTF-8 text. An unreadable file is exit 66, naming the file (and
 * `what` it is, e.g. `mesh file`) and the system error code. With `maxBytes`, a file larger than that is
 * exit 65: a regular file is refused from its size before any byte is read, a stream while it is read.
 */
export async function readInput(
  ctx: CliContext,
  file: string,
  what?: string | Message,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<string> {
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
    return Buffer.concat(chunks).toString('utf8');
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
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw cannotRead(error);
  } finally {
    await handle.close();
  }
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
