import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { version } from '../../../package.json';
import { resolvePath } from '../_support/io.js';
import { say } from '../_support/language.js';
import { SERVE } from '../_support/messages/serve.js';
import { loadRuleSet } from '../_support/ruleSets.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** A positive integer option, or a usage error naming it. */
function positive(ctx: CliContext, name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new CliError(say(ctx, SERVE.notPositive, { name, value: text }), EXIT.USAGE, true);
  return value;
}

/** The rule files given with `--rules`: a file, or every `.json` file of a directory (sorted). */
async function ruleFiles(ctx: CliContext, refs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const ref of refs) {
    const info = await stat(resolvePath(ctx, ref)).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(resolvePath(ctx, ref))).filter((name) => name.endsWith('.json')).sort();
      if (names.length === 0) throw new CliError(say(ctx, SERVE.emptyDirectory, { ref }), EXIT.NOINPUT);
      files.push(...names.map((name) => join(ref, name)));
    } else files.push(ref);
  }
  return files;
}

/** `cprdfop serve`: the HTTP API, until SIGINT or SIGTERM. */
export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description(say(ctx, SERVE.description))
    .option('--host <host>', say(ctx, SERVE.hostOption), '127.0.0.1')
    .option('--port <port>', say(ctx, SERVE.portOption), '8080')
    .option('--rules <file|dir>', say(ctx, SERVE.rulesOption), collect, [])
    .option('--cors <origin>', say(ctx, SERVE.corsOption), collect, [])
    .option('--max-body <bytes>', say(ctx, SERVE.maxBodyOption), String(1024 * 1024))
    .option('--max-batch-bytes <bytes>', say(ctx, SERVE.maxBatchBytesOption), String(64 * 1024 * 1024))
    .option('--max-batch <items>', say(ctx, SERVE.maxBatchOption), '100000')
    .option('--max-depth <levels>', say(ctx, SERVE.maxDepthOption), '32')
    .option('--timeout <ms>', say(ctx, SERVE.timeoutOption), '30000')
    .option('--quiet', say(ctx, SERVE.quietOption))
    .action(
      async (opts: {
        host: string;
        port: string;
        rules: string[];
        cors: string[];
        maxBody: string;
        maxBatchBytes: string;
        maxBatch: string;
        maxDepth: string;
        timeout: string;
        quiet?: boolean;
      }) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new CliError(say(ctx, SERVE.badPort, { value: opts.port }), EXIT.USAGE, true);
        // Loaded here, not at start-up: other commands do not pay for the HTTP stack.
        const { loadRuleSets, startServer } = await import('../../server/index.js');
        const { pino } = await import('pino');
        const extra = [];
        for (const file of await ruleFiles(ctx, opts.rules))
          extra.push({ ruleSet: await loadRuleSet(ctx, file), origin: file });
        let ruleSets: Awaited<ReturnType<typeof loadRuleSets>>;
        try {
          ruleSets = loadRuleSets(extra);
        } catch (error) {
          throw new CliError(
            say(ctx, SERVE.invalidRuleSet, { message: (error as Error).message }),
            EXIT.DATAERR,
          );
        }
        // Asynchronous destination: a request never waits for its access log line to reach stderr
        // (a synchronous write is one system call per request); flushed before exit.
        const logger = pino(
          { enabled: !opts.quiet, base: { service: 'cprdfop' } },
          pino.destination({ dest: 2, sync: false }),
        );
        let server: Awaited<ReturnType<typeof startServer>>;
        try {
          server = await startServer({
            host: opts.host,
            port,
            ruleSets,
            version,
            corsOrigins: opts.cors,
            maxBodyBytes: positive(ctx, '--max-body', opts.maxBody),
            maxBatchBytes: positive(ctx, '--max-batch-bytes', opts.maxBatchBytes),
            maxBatchItems: positive(ctx, '--max-batch', opts.maxBatch),
            maxJsonDepth: positive(ctx, '--max-depth', opts.maxDepth),
            requestTimeoutMs: positive(ctx, '--timeout', opts.timeout),
            logger,
          });
        } catch (error) {
          if (error instanceof CliError) throw error;
          const code = (error as NodeJS.ErrnoException).code ?? String(error);
          throw new CliError(
            say(ctx, SERVE.cannotListen, { address: `${opts.host}:${port}`, code: String(code) }),
            EXIT.UNAVAILABLE,
          );
        }
        ctx.stderr.write(`${say(ctx, SERVE.listening, { url: server.url })}\n`);
        await new Promise<void>((done) => {
          const stop = (signal: string) => {
            process.off('SIGINT', onInt);
            process.off('SIGTERM', onTerm);
            ctx.stderr.write(`${say(ctx, SERVE.stopping, { signal })}\n`);
            server.close().then(done, done);
          };
          const onInt = () => stop('SIGINT');
          const onTerm = () => stop('SIGTERM');
          process.on('SIGINT', onInt);
          process.on('SIGTERM', onTerm);
        });
        await new Promise<void>((done) => logger.flush(() => done()));
        ctx.exitCode = EXIT.OK;
      },
    );
}
