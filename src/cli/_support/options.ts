/** Option checks shared by several CLI commands (not part of the public API). */
import { CliError, EXIT } from '../exitCodes.js';

/** Validates `--lang`. */
export function checkLang(lang: string): 'fr' | 'en' {
  if (lang !== 'fr' && lang !== 'en')
    throw new CliError(`--lang must be fr or en, not "${lang}"`, EXIT.USAGE, true);
  return lang;
}
