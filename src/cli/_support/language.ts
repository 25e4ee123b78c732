/** The language of one CLI run: `--lang` wherever it is on the command line, else the locale (internal). */
import { type Language, languageFromEnvironment, parseLanguage } from '../../_shared/language.js';
import { type Message, type MessageValue, renderMessage } from '../../_shared/messages.js';
import { frenchTypography } from '../../_shared/typography.js';
import type { CliContext } from '../context.js';

/**
 * The language asked on the command line: the last `--lang x` / `--lang=x` before a `--`, as commander
 * reads it. `undefined` when there is none; `{ invalid }` when its value is neither `fr` nor `en` (the
 * program then reports a usage error, in the locale's language).
 */
export function languageFromArguments(argv: readonly string[]): Language | { invalid: string } | undefined {
  let found: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--') break;
    if (arg === '--lang') found = argv[++index] ?? '';
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  }
  if (found === undefined) return undefined;
  return parseLanguage(found) ?? { invalid: found };
}

/** The language of the run: set by `runCli` from `--lang`, else from the environment's locale. */
export function langOf(ctx: CliContext): Language {
  return ctx.lang ?? languageFromEnvironment(ctx.env);
}

/** Renders a CLI message in the run's language (French typography applied). */
export function say(
  ctx: CliContext,
  message: Message,
  values?: Readonly<Record<string, MessageValue>>,
): string {
  return renderMessage(message, langOf(ctx), values);
}

/** A text from the library or the data in the given language, with French typography in French. */
export function typeset(text: string, lang: Language): string {
  return lang === 'fr' ? frenchTypography(text) : text;
}

/** The `{ fr, en }` texts a package error or issue carries, when it has them (any copy of the package). */
function messagesOf(value: unknown): { fr: string; en: string } | undefined {
  const messages = (value as { messages?: unknown } | null | undefined)?.messages;
  if (typeof messages !== 'object' || messages === null) return undefined;
  const { fr, en } = messages as { fr?: unknown; en?: unknown };
  return typeof fr === 'string' && typeof en === 'string' ? { fr, en } : undefined;
}

/**
 * The message of a caught error in a language: a package error's `messages[lang]` (French typography
 * already applied), else its `message` (an error of a dependency or of Node, as it is).
 */
export function errorText(error: unknown, lang: Language): string {
  const messages = messagesOf(error);
  if (messages) return messages[lang];
  return error instanceof Error ? error.message : String(error);
}

/** The message of a validation issue in a language: its `messages[lang]`, else its (English) `message`. */
export function issueText(issue: { message: string; messages?: unknown }, lang: Language): string {
  return messagesOf(issue)?.[lang] ?? issue.message;
}
