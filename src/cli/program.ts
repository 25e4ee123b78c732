import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { registerCommands } from './commands/index.js';
import type { CliContext } from './context.js';
import { CliError, EXIT } from './exitCodes.js';

/**
 * Runs the `cprdfop` command line in-process and returns its exit code.
 * Never throws and never prints a stack trace: every failure becomes one clear line on stderr.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = new Command();
  let current: Command = program;
  program
    .name('cprdfop')
    .description(
      'CPRDFOP Hauts-de-France 2022-2028: plan, territories, ITIE eligibility rules, geometry, open data',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: (s, write) => write(`cprdfop: ${s.replace(/^error: /, '').trim()}\n`),
    });
  registerCommands(program, ctx);
  // Every sub-command inherits the same output and error behaviour.
  const configure = (cmd: Command): void => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput({
        writeOut: (s) => ctx.stdout.write(s),
        writeErr: (s) => ctx.stderr.write(s),
        outputError: (s, write) => write(`cprdfop: ${s.replace(/^error: /, '').trim()}\n`),
      });
      sub.hook('preAction', (_this, action) => {
        current = action;
      });
      configure(sub);
    }
  };
  configure(program);
  try {
    await program.parseAsync(['node', 'cprdfop', ...argv]);
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT.OK;
      }
      if (error.code === 'commander.executeSubCommandAsync') return EXIT.OK;
      // commander already printed one line; add the usage for usage errors.
      const usageOf = findCommand(program, argv) ?? program;
      ctx.stderr.write(`usage: ${commandPath(usageOf)} ${usageOf.usage()}\n`);
      return EXIT.USAGE;
    }
    if (error instanceof CliError) {
      ctx.stderr.write(`cprdfop: ${error.message}\n`);
      if (error.showUsage) ctx.stderr.write(`usage: ${commandPath(current)} ${current.usage()}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`cprdfop: internal error: ${message} (please report it)\n`);
    return EXIT.SOFTWARE;
  }
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function findCommand(program: Command, argv: readonly string[]): Command | undefined {
  let cmd: Command = program;
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    const next = cmd.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!next) break;
    cmd = next;
  }
  return cmd;
}
