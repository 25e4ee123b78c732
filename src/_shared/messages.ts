/**
 * The message catalogue machinery shared by every layer (internal: not exported by any subpath).
 *
 * A user-facing string is a {@link Message}: one text per language, with `{name}` placeholders. Each
 * layer keeps its own catalogue of messages (the CLI's in `src/cli/_support/messages/`) and renders
 * them with {@link renderMessage}, which fills the placeholders and applies French typography
 * (`frenchTypography`) to the French template — one function, at output time. Numbers, amounts of money
 * and dates are formatted per locale with `Intl` ({@link formatNumber}, {@link formatMoney},
 * {@link formatDay}).
 */
import type { Language } from './language.js';
import { showValue } from './showValue.js';
import { frenchTypography } from './typography.js';

/** One user-facing text in French and in English (`{name}` marks a value filled at output time). */
export interface Message {
  readonly fr: string;
  readonly en: string;
}

/** A value filled into a message: text as is, a number formatted per locale, a message rendered. */
export type MessageValue = string | number | Message;

const LOCALE: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const isMessage = (value: MessageValue): value is Message =>
  typeof value === 'object' && value !== null && 'fr' in value && 'en' in value;

/**
 * Renders a message in a language: fills its `{name}` placeholders and, in French, applies French
 * typography to the template (values are inserted as they are; a value that is itself a message is
 * rendered in the same language first).
 *
 * @param message - The message.
 * @param lang - `fr` or `en`.
 * @param values - The values of the placeholders.
 * @returns The text.
 * @throws Error when a placeholder has no value (a bug in the caller, reported as an internal error).
 */
export function renderMessage(
  message: Message,
  lang: Language,
  values: Readonly<Record<string, MessageValue>> = {},
): string {
  const template = lang === 'fr' ? frenchTypography(message.fr) : message.en;
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`message "${message.en}" rendered without a value for {${name}}`);
    }
    if (typeof value === 'number') return formatNumber(value, lang);
    if (isMessage(value)) return renderMessage(value, lang);
    // A value from an untyped caller may be any object: shown without ever throwing.
    return typeof value === 'string' ? value : showValue(value);
  });
}

/** The placeholder names of a template, sorted (to check that both languages use the same ones). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

/**
 * Formats a number per locale (fr-FR: narrow no-break space between thousands, decimal comma).
 *
 * @param value - The number.
 * @param lang - `fr` or `en`.
 * @returns The formatted number (`1 234,5` in French, `1,234.5` in English).
 */
export function formatNumber(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 20 }).format(value);
}

/**
 * Formats a number with a fixed number of decimals per locale (`0,5` in French, `0.5` in English).
 *
 * @param value - The number.
 * @param digits - The number of decimals (0 to 20).
 * @param lang - `fr` or `en`.
 * @returns The formatted number.
 */
export function formatFixed(value: number, digits: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * Formats an amount of money in euros per locale (`1 234,50 €` in French, `€1,234.50` in English).
 *
 * @param value - The amount in euros.
 * @param lang - `fr` or `en`.
 * @returns The formatted amount.
 */
export function formatMoney(value: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'EUR' }).format(value);
}

/**
 * Formats a calendar day `YYYY-MM-DD` per locale, in words (`3 avril 2023`, `3 April 2023`). The day
 * is read as a calendar date (UTC), never shifted by the machine's time zone.
 *
 * @param isoDay - A valid ISO day `YYYY-MM-DD`.
 * @param lang - `fr` or `en`.
 * @returns The formatted day.
 */
export function formatDay(isoDay: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00Z`),
  );
}

/**
 * Lower-cases the first letter of a label to fit it into a sentence, unless the label starts with an
 * acronym or a proper name in capitals (`SIRET valide` stays as is, never « sIRET valide »).
 *
 * @param label - A label that starts a sentence.
 * @returns The label as it reads inside a sentence.
 */
export function lowerFirst(label: string): string {
  const [first = '', second = ''] = [...label];
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(first.length);
}

/**
 * Renders a message in both languages: what an error or an issue carries as its `messages`. The French
 * template gets French typography (as {@link renderMessage}); values are inserted as they are — a
 * `{ fr, en }` value gives its text in each language, already typeset (never retypeset: it may hold
 * quoted input). Numbers given as numbers are formatted per locale; give a string to keep digits as
 * they are (an English `message` that must stay byte-identical).
 *
 * @param message - The message.
 * @param values - The values of the placeholders.
 * @returns `{ fr, en }`, each rendered in its language.
 */
export function renderBoth(message: Message, values: Readonly<Record<string, MessageValue>> = {}): Message {
  const inLanguage = (lang: Language) =>
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => [name, isMessage(value) ? value[lang] : value]),
    );
  return {
    fr: renderMessage(message, 'fr', inLanguage('fr')),
    en: renderMessage(message, 'en', inLanguage('en')),
  };
}

/** A text in both languages, or one string that is the same in both (a code, a path, a value). */
export type TextValue = string | Message;

/** The text in a language: a string as it is, a message's text in that language. */
export function textIn(text: TextValue, lang: Language): string {
  return typeof text === 'string' ? text : text[lang];
}
