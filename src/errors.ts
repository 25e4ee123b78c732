import { isErrorOf } from './_shared/errorGuard.js';

/**
 * The base class of every error the package throws on purpose.
 *
 * Each subclass has a literal `name` and a stable machine-readable `code`, and its message names the
 * bad value and where it was found.
 *
 * @example
 * ```ts
 * import { CprdfopError } from 'cprdfop';
 * try {
 *   throw new CprdfopError('E_EXAMPLE', 'bad value "x" at input.field');
 * } catch (error) {
 *   if (error instanceof CprdfopError) console.log(error.code); // "E_EXAMPLE"
 * }
 * ```
 * @category Errors
 */
export class CprdfopError extends Error {
  /** A stable, machine-readable error code such as `E_UNKNOWN_COMMUNE`. */
  readonly code: string;

  /**
   * @param code - A stable, machine-readable code.
   * @param message - A message naming the bad value and where it is.
   * @param options - Standard error options (`cause`).
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CprdfopError';
    this.code = code;
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
