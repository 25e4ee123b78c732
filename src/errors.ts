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
 * Tells whether a value is an error thrown by this package.
 *
 * @param value - Anything caught.
 * @returns `true` when `value` is a {@link CprdfopError} (or a subclass).
 * @example
 * ```ts
 * import { CprdfopError, isCprdfopError } from 'cprdfop';
 * isCprdfopError(new CprdfopError('E_X', 'x')); // true
 * isCprdfopError(new Error('x')); // false
 * ```
 * @category Errors
 */
export function isCprdfopError(value: unknown): value is CprdfopError {
  return value instanceof CprdfopError;
}
