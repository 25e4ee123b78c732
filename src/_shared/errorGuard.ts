/**
 * The one cross-realm, cross-copy error check behind every exported error guard (`isCprdfopError`,
 * `isHttpError`, …). Internal: not exported by any subpath.
 *
 * `instanceof` alone fails when an error comes from another copy of the package's classes — the ESM and
 * CJS builds loaded in one process (`import` in one file, `require` in another), two installed copies,
 * a bundle next to `node_modules` — or from another realm (`node:vm`, an iframe). So a guard accepts a
 * value that is an instance of its class, or else:
 *
 * - a genuine `Error` object of any realm: its internal `[[ErrorData]]` slot, as reported by
 *   `Object.prototype.toString` (`[object Error]`, with no `Symbol.toStringTag` to fake it), which only
 *   the `Error` constructor (or a subclass's `super()`) of some realm sets;
 * - whose `name` is the class's literal name (for `isCprdfopError`: one of the package's error names);
 * - and whose `code` is a string of the package's shape `E_…` (`E_HTTP`, `E_UNKNOWN_CODE`).
 *
 * A plain object that merely has `name`, `code` and `message` fields (a JSON-decoded error, an object
 * built by hand, `Object.create(Error.prototype)`) is never accepted: a guard narrows to a class whose
 * other fields callers then read, and such an object was never thrown by this package. A guard never
 * throws, even on a hostile proxy.
 */

/** The shape of every `code` of the package's errors. */
const ERROR_CODE_SHAPE = /^E_[A-Z0-9_]+$/;

/** Tells whether a value is a genuine `Error` object of any realm (see the module comment). */
export function isErrorObject(value: unknown): value is Error {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return (
      (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === undefined &&
      Object.prototype.toString.call(value) === '[object Error]'
    );
  } catch {
    return false;
  }
}

/**
 * Tells whether a value is a genuine `Error` (any realm) whose `name` is `names` (or one of them) and
 * whose `code` has the package's shape: an error of this package created by another copy of its classes.
 */
export function hasErrorIdentity(value: unknown, names: string | ReadonlySet<string>): boolean {
  if (!isErrorObject(value)) return false;
  try {
    const { name, code } = value as { name?: unknown; code?: unknown };
    return (
      typeof name === 'string' &&
      (typeof names === 'string' ? name === names : names.has(name)) &&
      typeof code === 'string' &&
      ERROR_CODE_SHAPE.test(code)
    );
  } catch {
    return false;
  }
}

/**
 * The body of every exported error guard: `value instanceof errorClass`, or else an error of another
 * copy or realm with that `name` (or one of `names`) and an `E_…` code. Never throws.
 */
export function isErrorOf(
  value: unknown,
  errorClass: abstract new (...args: never[]) => Error,
  names: string | ReadonlySet<string>,
): boolean {
  try {
    if (value instanceof errorClass) return true;
  } catch {
    return false; // a proxy whose getPrototypeOf trap throws
  }
  return hasErrorIdentity(value, names);
}
