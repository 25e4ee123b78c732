/** File input and output shared by the CLI commands (Node only, not part of the public API). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

/** A path given on the command line, resolved against the context's working directory. */
export const resolvePath = (ctx: CliContext, path: string): string => resolve(ctx.cwd, path);

/**
 * Reads a file (or stdin for `-`) as UTF-8 text; an unreadable file is exit 66, naming the file (and
 * `what` it is, e.g. `mesh file`) and the system error code.
 */
export async function readInput(ctx: CliContext, file: string, what?: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(resolvePath(ctx, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    throw new CliError(`cannot read ${what ? `${what} ` : ''}${file}: ${code}`, EXIT.NOINPUT);
  }
}

/** Parses JSON text; invalid JSON is exit 65 naming the file. */
export function parseJson(text: string, file: string): unknown {
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
      `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      EXIT.CANTCREAT,
    );
  }
}
