/**
 * The reason given by a dependency (`JSON.parse`, an unzipper, a renderer) as a message value in both
 * languages (internal: not exported by any subpath). The dependency speaks English: the English is its
 * text as it is; the French says what can be said in French (a JSON syntax error's position) and
 * otherwise quotes the dependency's text verbatim between backquotes, as a technical detail — never an
 * invented translation, never dropped.
 */
import type { Message } from './messages.js';

const asText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The dependency's text as a technical detail: between backquotes (a backquote inside becomes `'`). */
const verbatim = (text: string): string => `\`${text.replaceAll('`', "'")}\``;

/**
 * The reason of a failure reported by a dependency, in both languages.
 *
 * @param text - The dependency's text (`error.message`, or `String(error)`: the English as it was shown).
 * @returns `{ fr, en }`: `en` the text as it is, `fr` the same quoted as a technical detail.
 */
export function dependencyReason(text: string): Message {
  return { fr: `erreur signalée\u00a0: ${verbatim(text)}`, en: text };
}

/**
 * The reason `JSON.parse` gives for a text that is not JSON, in both languages: in French, the position
 * of the syntax error when `JSON.parse` names it, else its message quoted as a technical detail.
 *
 * @param error - What `JSON.parse` threw.
 * @returns `{ fr, en }`: `en` the message of `JSON.parse` as it is.
 */
export function jsonSyntaxReason(error: unknown): Message {
  const text = asText(error);
  const position = /\bposition (\d+)/.exec(text)?.[1];
  return {
    fr:
      position === undefined
        ? `erreur de syntaxe\u00a0: ${verbatim(text)}`
        : `erreur de syntaxe à la position ${position}`,
    en: text,
  };
}
