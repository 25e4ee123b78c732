import type { Readable } from 'node:stream';

/** What a CLI command may touch: its streams, environment and working directory (injected for tests). */
export interface CliContext {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Set by a command's action: the exit code to return (defaults to 0). */
  exitCode: number;
}
