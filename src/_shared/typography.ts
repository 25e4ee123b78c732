/**
 * French typography, applied by one function to every French user-facing string (CLI output, messages,
 * web page). Internal: not exported by any subpath.
 *
 * Rules (Lexique des règles typographiques en usage à l’Imprimerie nationale, as commonly applied on
 * screen):
 * - a no-break space (U+00A0) before `:`;
 * - a narrow no-break space (U+202F) before `;`, `!`, `?` and `%`, and inside « guillemets »;
 * - the typographic apostrophe `’` (U+2019) instead of `'` between letters;
 * - an existing ordinary or no-break space at those places is replaced, never doubled.
 *
 * Left alone: URLs (`http://…`, `https://…`, `mailto:…`), inline code between backquotes, times and
 * ratios between digits (`10:30`, `1:2`), punctuation that follows no word (`?!`, `::`) and a colon
 * followed by `/` or `\` (paths, drive letters). The function is idempotent.
 */

/** No-break space (before a colon). */
export const NBSP = '\u00a0';
/** Narrow no-break space (before ; ! ? % and inside guillemets). */
export const NNBSP = '\u202f';

const PROTECTED = /`[^`]*`|\b(?:https?:\/\/|mailto:)[^\s«»"'’<>]*[^\s«»"'’<>.,;:!?)]/g;

function typesetText(text: string): string {
  return (
    text
      // Apostrophe between letters (l'État, aujourd'hui): typographic.
      .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
      // Inside guillemets: one narrow no-break space.
      .replace(/«[ \u00a0\u202f]*/g, `«${NNBSP}`)
      .replace(/[ \u00a0\u202f]*»/g, `${NNBSP}»`)
      // Before ; ! ? % after a word, a closing bracket or a guillemet.
      .replace(/([^\s;!?%:«])[ \u00a0\u202f]*([;!?%])/gu, (match, before: string, mark: string) =>
        mark === '%' && !/\d/.test(before) ? match : `${before}${NNBSP}${mark}`,
      )
      // Before a colon, unless between digits (10:30) or before a path separator (C:\, a:/).
      .replace(
        /([^\s;!?%:«])[ \u00a0\u202f]*:(?![/\\])/gu,
        (match, before: string, offset: number, whole: string) => {
          const after = whole.charAt(offset + match.length);
          if (/\d/.test(before) && /\d/.test(after) && !/[ \u00a0\u202f]/.test(match)) return match;
          return `${before}${NBSP}:`;
        },
      )
  );
}

/**
 * Applies French typography to a French text (see the module comment for the rules and what is left
 * alone). Idempotent: `frenchTypography(frenchTypography(x)) === frenchTypography(x)`.
 *
 * @param text - A French text.
 * @returns The same text with no-break spaces and apostrophes set.
 */
export function frenchTypography(text: string): string {
  // Protected parts become one placeholder (a private-use character absent from the text, read as a
  // word), then come back in order.
  let code = 0xe000;
  while (code < 0xf8ff && text.includes(String.fromCharCode(code))) code++;
  const placeholder = String.fromCharCode(code);
  const kept: string[] = [];
  const placeheld = text.replace(PROTECTED, (part) => {
    kept.push(part);
    return placeholder;
  });
  if (kept.length === 0) return typesetText(placeheld);
  let index = 0;
  return typesetText(placeheld).replaceAll(placeholder, () => kept[index++] ?? '');
}
