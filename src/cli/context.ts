import type { Readable } from 'node:stream';
import type { Language } from '../_shared/language.js';

/** What a CLI command may touch: its streams, environment and working directory (injected for tests). */
export interface CliContext {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
  /**
   * The language of the run (`--lang`, else the locale of `env`): set by `runCli`; read it with
   * `langOf(ctx)`.
   */
  lang?: Language;
  /** Set by a command's action: the exit code to return (defaults to 0). */
  exitCode: number;
}
