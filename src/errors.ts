import { isErrorOf } from './_shared/errorGuard.js';

/**
 * The base class of every error the package throws on purpose.
 *
 * Each subclass has a literal `name` and a stable machine-readable `code`, and its message names the
 * bad value and where it was found. `message` is English (as it always was); `messages` holds the same
 * text in French and in English, built from the same code and values, French typography applied
 * (no-break spaces, « guillemets », apostrophe ’): print `error.localizedMessage(lang)` to a user.
 *
 * @example
 * ```ts
 * import { CprdfopError } from 'cprdfop';
 * try {
 *   throw new CprdfopError('E_EXAMPLE', { en: 'bad value "x" at input.field', fr: 'valeur «\u202fx\u202f» invalide en input.field' });
 * } catch (error) {
 *   if (error instanceof CprdfopError) console.log(error.code); // "E_EXAMPLE"
 * }
 * new CprdfopError('E_X', { en: 'bad: x', fr: 'mauvais\u00a0: x' }).localizedMessage('fr'); // "mauvais\u00a0: x"
 * new CprdfopError('E_X', { en: 'bad: x', fr: 'mauvais\u00a0: x' }).message; // "bad: x"
 * ```
 * @category Errors
 */
export class CprdfopError extends Error {
  /** A stable, machine-readable error code such as `E_UNKNOWN_COMMUNE`. */
  readonly code: string;

  /**
   * The message in French and in English (`en` is `message`, or its start for the few errors whose
   * `message` has always ended with a French note after ` / `; `fr` is printed as given, its typography
   * set by the thrower: the package renders its templates with French typography). An
   * error made with one English string only has that string in both (it says so in no other way: the
   * package's own errors always give both languages).
   */
  readonly messages: { readonly fr: string; readonly en: string };

  /**
   * @param code - A stable, machine-readable code.
   * @param message - A message naming the bad value and where it is: `{ fr, en }` (the French with its
   *   typography set), or one English string (then used for both).
   * @param options - Standard error options (`cause`).
   */
  constructor(code: string, message: string | { fr: string; en: string }, options?: { cause?: unknown }) {
    const messages =
      typeof message === 'string' ? { fr: message, en: message } : { fr: message.fr, en: message.en };
    super(messages.en, options);
    this.name = 'CprdfopError';
    this.code = code;
    this.messages = Object.freeze(messages);
  }

  /**
   * The message in a language.
   *
   * @param lang - `fr` or `en`.
   * @returns `messages.fr` for `fr`, `messages.en` (the `message`) for `en`.
   * @example
   * ```ts
   * import { InvalidDateError } from 'cprdfop';
   * new InvalidDateError('2023-02-30', 'asOf').localizedMessage('fr'); // "date «\u202f2023-02-30\u202f» invalide pour asOf\u00a0: une Date valide ou AAAA-MM-JJ est attendue"
   * ```
   */
  localizedMessage(lang: 'fr' | 'en'): string {
    return lang === 'fr' ? this.messages.fr : this.messages.en;
  }
}

/**
 * Tells whether a value is an error thrown by this package, from any copy of it.
 *
 * Recognises the package's errors across realms and module copies (the ESM and CJS builds loaded in one
 * process, a `node:vm` context): an instance of {@link CprdfopError}, or a genuine `Error` object whose
 * `name` is one of the package's error names and whose `code` is a string `E_…`. A plain object with
 * those fields was not thrown by the package: `false`.
 *
 * @param value - Anything caught.
 * @returns `true` when `value` is a {@link CprdfopError} (or a subclass), from any copy of the package.
 * @example
 * ```ts
 * import { CprdfopError, isCprdfopError } from 'cprdfop';
 * isCprdfopError(new CprdfopError('E_X', 'x')); // true
 * isCprdfopError(new Error('x')); // false
 * isCprdfopError({ name: 'CprdfopError', code: 'E_X', message: 'x' }); // false
 * ```
 * @category Errors
 */
export function isCprdfopError(value: unknown): value is CprdfopError {
  return isErrorOf(value, CprdfopError, CPRDFOP_ERROR_NAMES);
}

/**
 * The literal `name` of {@link CprdfopError} and of each of its subclasses in the package (a test checks
 * the list is complete), by which {@link isCprdfopError} recognises an error of another copy.
 * @internal
 */
export const CPRDFOP_ERROR_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'CprdfopError',
  'ApplicationError',
  'CacheWriteError',
  'GeoDataError',
  'HttpError',
  'IncompleteResultError',
  'InvalidCodeError',
  'InvalidDateError',
  'MeshError',
  'NetworkError',
  'NoRuleSetInForceError',
  'OfflineError',
  'QuotaExceededError',
  'RegionNotLoadedError',
  'ResponseTooLargeError',
  'ResponseValidationError',
  'RuleSetError',
  'RuleSetNotInForceError',
  'TimeoutError',
  'UnknownCodeError',
]);
