import { Readable } from 'node:stream';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/program.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(
  args: readonly string[],
  options: { stdin?: string; env?: Record<string, string | undefined>; cwd?: string; tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    stdin: Readable.from([options.stdin ?? '']),
    // English unless a test asks otherwise (the CLI follows the locale; with none it speaks French).
    env: options.env ?? { LC_ALL: 'en_US.UTF-8' },
    cwd: options.cwd ?? process.cwd(),
    exitCode: 0,
  };
  const code = await runCli(args, ctx);
  return { code, stdout, stderr };
}
