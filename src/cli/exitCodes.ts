/**
 * Exit codes of the `cprdfop` command (sysexits.h values).
 *
 * | code | meaning |
 * |---|---|
 * | 0 | success (for `check`: a verdict was produced, whatever it is) |
 * | 1 | a check that ran found a problem (e.g. `rules test` with a failing example) |
 * | 64 | usage error: unknown command or option, bad option value |
 * | 65 | data error: invalid application, rule file, mesh, contours… |
 * | 66 | an input file cannot be read |
 * | 69 | a service is unavailable (network error, offline mode without cached data) |
 * | 70 | internal error (a bug: please report it) |
 * | 73 | an output file cannot be written |
 */
export const EXIT = {
  OK: 0,
  FAILURE: 1,
  USAGE: 64,
  DATAERR: 65,
  NOINPUT: 66,
  UNAVAILABLE: 69,
  SOFTWARE: 70,
  CANTCREAT: 73,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that the CLI turns into one clear line on stderr and the given exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  /** Print the usage of the current command after the message. */
  readonly showUsage: boolean;
  constructor(message: string, exitCode: ExitCode, showUsage = false) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.showUsage = showUsage;
  }
}
