/**
 * The `lang` option of the library's functions, checked. Internal: not exported by any subpath. No
 * `node:` import (browser-capable).
 *
 * A `lang` other than `fr` or `en` used to pick no text at all (`'de'` gave `undefined` labels) or a
 * property every object has (`'toString'` gave a function where a text was expected): plausible wrong
 * answers. It is now a typed error naming the value and the option.
 */
import { CprdfopError } from '../errors.js';
import type { Language } from './language.js';
import { renderBoth } from './messages.js';
import { showValue } from './showValue.js';

/**
 * Checks a `lang` option.
 *
 * @param value - The option as given (possibly absent or hostile).
 * @param where - Which function's option it is, for the message (`fieldsOf`, `renderMap`…).
 * @param fallback - The language when the option is absent (`undefined`).
 * @returns `fr` or `en`.
 * @throws CprdfopError `E_INVALID_LANGUAGE` when the value is neither `fr`, `en` nor absent.
 */
export function languageOption(value: unknown, where: string, fallback: Language): Language {
  if (value === undefined) return fallback;
  if (value === 'fr' || value === 'en') return value;
  throw new CprdfopError(
    'E_INVALID_LANGUAGE',
    renderBoth(
      {
        fr: 'option lang « {value} » de {where} invalide : fr ou en est attendu',
        en: 'invalid lang option "{value}" of {where}: expected fr or en',
      },
      { value: showValue(value), where },
    ),
  );
}
