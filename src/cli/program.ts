import { Command, CommanderError, Help, Option } from 'commander';
import { version } from '../../package.json';
import { type Language, languageFromEnvironment, parseLanguage } from '../_shared/language.js';
import { type MessageValue, renderMessage } from '../_shared/messages.js';
import { languageFromArguments } from './_support/language.js';
import { COMMON } from './_support/messages/common.js';
import { registerCommands } from './commands/index.js';
import type { CliContext } from './context.js';
import { CliError, EXIT } from './exitCodes.js';

const TITLES = {
  'Usage:': COMMON.usageTitle,
  'Arguments:': COMMON.argumentsTitle,
  'Options:': COMMON.optionsTitle,
  'Global Options:': COMMON.globalOptionsTitle,
  'Commands:': COMMON.commandsTitle,
} as const;

/** commander's error lines (after `error: `), in the run's language. English is left as commander says it. */
function translateCommanderError(text: string, lang: Language): string {
  if (lang === 'en') return text;
  const say = (message: (typeof COMMON)[keyof typeof COMMON], values: Record<string, MessageValue>) =>
    renderMessage(message, lang, values);
  const hintOf = (rest: string | undefined) => {
    const suggestion = /\(Did you mean (.+)\?\)/.exec(rest ?? '')?.[1];
    return suggestion ? say(COMMON.didYouMean, { name: suggestion }) : '';
  };
  let match = /^unknown command '([^']*)'([\s\S]*)$/.exec(text);
  if (match) return say(COMMON.unknownCommand, { name: match[1] ?? '', hint: hintOf(match[2]) });
  match = /^unknown option '([^']*)'([\s\S]*)$/.exec(text);
  if (match) return say(COMMON.unknownOption, { name: match[1] ?? '', hint: hintOf(match[2]) });
  match = /^missing required argument '([^']*)'$/.exec(text);
  if (match) return say(COMMON.missingArgument, { name: match[1] ?? '' });
  match = /^option '([^']*)' argument missing$/.exec(text);
  if (match) return say(COMMON.optionArgumentMissing, { flags: match[1] ?? '' });
  match = /^required option '([^']*)' not specified$/.exec(text);
  if (match) return say(COMMON.requiredOptionMissing, { flags: match[1] ?? '' });
  match = /^too many arguments.*Expected (\d+) arguments? but got (\d+)\.$/.exec(text);
  if (match) return say(COMMON.tooManyArguments, { expected: match[1] ?? '', received: match[2] ?? '' });
  match = /^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/.exec(text);
  if (match)
    return say(COMMON.invalidChoice, {
      flags: match[1] ?? '',
      value: match[2] ?? '',
      choices: match[3] ?? '',
    });
  return text;
}

/** commander's help, with its headings and `(default: …)` notes in the run's language. */
function helpConfiguration(lang: Language): Partial<Help> {
  const base = new Help();
  const localizeNotes = (description: string) =>
    lang === 'en'
      ? description
      : description
          .replace(/\bdefault: (.*?)(?=, choices: |\)$)/, (_all, value: string) =>
            renderMessage(COMMON.defaultValue, lang, { value }),
          )
          .replace(/\bchoices: (.*?)(?=, default: |, par défaut|\)$)/, (_all, values: string) =>
            renderMessage(COMMON.choices, lang, { values }),
          );
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => {
      const message = TITLES[title as keyof typeof TITLES];
      return message ? renderMessage(message, lang) : title;
    },
    optionDescription: (option) => localizeNotes(base.optionDescription(option)),
    argumentDescription: (argument) => localizeNotes(base.argumentDescription(argument)),
  };
}

/**
 * Runs the `cprdfop` command line in-process and returns its exit code.
 * Never throws and never prints a stack trace: every failure becomes one clear line on stderr.
 * The language of the help, the output and the errors is `--lang` (anywhere on the line, for every
 * command), else the locale of `ctx.env` (`languageFromEnvironment`): one default everywhere.
 */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const asked = languageFromArguments(argv);
  const lang: Language = typeof asked === 'string' ? asked : languageFromEnvironment(ctx.env);
  ctx.lang = lang;
  const say = (message: (typeof COMMON)[keyof typeof COMMON], values?: Record<string, MessageValue>) =>
    renderMessage(message, lang, values);
  const program = new Command();
  let current: Command = program;
  const output = {
    writeOut: (s: string) => ctx.stdout.write(s),
    writeErr: (s: string) => ctx.stderr.write(s),
    outputError: (s: string, write: (s: string) => void) =>
      write(`cprdfop: ${translateCommanderError(s.replace(/^error: /, '').trim(), lang)}\n`),
  };
  program
    .name('cprdfop')
    .description(say(COMMON.programDescription))
    .version(version, '-V, --version', say(COMMON.versionOption))
    .helpOption('-h, --help', say(COMMON.helpOption))
    .helpCommand(say(COMMON.helpCommandTerm), say(COMMON.helpCommand))
    .addOption(
      new Option('--lang <lang>', say(COMMON.langOption)).argParser((value: string) => {
        if (!parseLanguage(value)) throw new CliError(say(COMMON.badLang, { value }), EXIT.USAGE, true);
        return value;
      }),
    )
    .configureHelp(helpConfiguration(lang))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput(output);
  registerCommands(program, ctx);
  // Every sub-command inherits the same output, help and error behaviour.
  const configure = (cmd: Command): void => {
    for (const sub of cmd.commands) {
      sub
        .exitOverride()
        .configureOutput(output)
        .configureHelp(helpConfiguration(lang))
        .helpOption('-h, --help', say(COMMON.helpOption));
      if (sub.commands.length) sub.helpCommand(say(COMMON.helpCommandTerm), say(COMMON.helpCommand));
      sub.hook('preAction', (_this, action) => {
        current = action;
      });
      configure(sub);
    }
  };
  configure(program);
  // commander's usage words, in the run's language (`[command]` → `[commande]`).
  const translateUsage = (cmd: Command): void => {
    if (cmd.commands.length) cmd.usage(cmd.usage().replace('[command]', say(COMMON.commandWord)));
    for (const sub of cmd.commands) translateUsage(sub);
  };
  translateUsage(program);
  const usageLine = (cmd: Command) =>
    `${say(COMMON.usageLine, { usage: `${commandPath(cmd)} ${cmd.usage()}` })}\n`;
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
      ctx.stderr.write(usageLine(findCommand(program, argv) ?? program));
      return EXIT.USAGE;
    }
    if (error instanceof CliError) {
      ctx.stderr.write(`cprdfop: ${error.message}\n`);
      // An error from an option parser comes before any action: the usage is the command named.
      const usageOf = current === program ? (findCommand(program, argv) ?? program) : current;
      if (error.showUsage) ctx.stderr.write(usageLine(usageOf));
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`cprdfop: ${say(COMMON.internalError, { message })}\n`);
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
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--lang') index++; // its value is no command name
    if (arg.startsWith('-')) continue;
    const next = cmd.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (!next) break;
    cmd = next;
  }
  return cmd;
}
