/**
 * The user's language, the same way everywhere (CLI commands, server, examples): an explicit choice
 * first, else the POSIX locale variables in their order of precedence (`LC_ALL`, then `LC_MESSAGES`,
 * then `LANG`). A locale that starts with `fr` gives French, any other real locale gives English, and
 * no locale (unset, empty, `C` or `POSIX`) gives the package's default, French. Internal.
 */

/** The languages of every user-facing string. */
export type Language = 'fr' | 'en';

/** The package's default language when nothing says otherwise. */
export const DEFAULT_LANGUAGE: Language = 'fr';

/**
 * Tells which language the environment asks for.
 *
 * @param environment - The process environment (for example `process.env`).
 * @returns `fr` or `en`, following the module comment's rules.
 */
export function languageFromEnvironment(environment: Readonly<Record<string, string | undefined>>): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = environment[name]?.trim();
    if (!value) continue;
    // LANGUAGE-style lists and encodings: `fr_FR.UTF-8`, `fr_CA:en`.
    const locale = value.toLowerCase();
    if (locale === 'c' || locale === 'posix' || locale.startsWith('c.')) return DEFAULT_LANGUAGE;
    return locale.startsWith('fr') ? 'fr' : 'en';
  }
  return DEFAULT_LANGUAGE;
}

/**
 * Checks a language given by a user (`--lang`, `?lang=`).
 *
 * @param value - The raw value.
 * @returns The language, or `undefined` when the value is neither `fr` nor `en`.
 */
export function parseLanguage(value: unknown): Language | undefined {
  return value === 'fr' || value === 'en' ? value : undefined;
}
