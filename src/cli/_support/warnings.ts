/** Warnings shared by the CLI commands (not part of the public API). */
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { say } from './language.js';
import { COMMON } from './messages/common.js';

/** Warnings on stderr, counted for `--strict` (exit 1 when there were some). */
export function collectWarnings(ctx: CliContext): {
  warn: (message: string) => void;
  failIfStrict: (strict: boolean) => void;
} {
  let count = 0;
  return {
    warn: (message) => {
      count++;
      ctx.stderr.write(`cprdfop: ${say(ctx, COMMON.warning, { message })}\n`);
    },
    failIfStrict: (strict) => {
      if (strict && count > 0) throw new CliError(say(ctx, COMMON.strictWarnings, { count }), EXIT.FAILURE);
    },
  };
}
