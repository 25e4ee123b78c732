/**
 * The text of an untrusted value for an error message, which never throws. Internal: not exported by
 * any subpath. No `node:` import (browser-capable).
 *
 * `String(value)` is not safe on what users hand over: `String({ toString: false })` and
 * `String(Object.create(null))` throw a `TypeError` (« Cannot convert object to primitive value »), so
 * the error meant to name a bad value became a crash. Objects are shown as JSON instead (cut to
 * `maxLength` characters), and anything JSON cannot show by its tag.
 */

/**
 * The text of `value` for a message: a string as it is, a primitive by `String`, an object as JSON,
 * anything else (cycles, BigInt inside, a throwing `toJSON`, a hostile Proxy) by its type; never throws.
 *
 * @param value - Any value, possibly hostile.
 * @param maxLength - Longest text returned; a longer one is cut and ends with `…`.
 * @returns A short text that names the value.
 */
export function showValue(value: unknown, maxLength = 80): string {
  return cut(textOf(value), maxLength);
}

/**
 * A value named in a message: a string quoted as JSON (`"budget"`, cut like {@link showValue}),
 * anything else as `showValue` shows it (`10n`, `Symbol(x)`…); never throws. `JSON.stringify` alone
 * threw a TypeError on a BigInt or a cycle, and showed a symbol as `undefined`.
 *
 * @param value - Any value, possibly hostile.
 * @returns A short text that names the value.
 */
export function quoteValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(showValue(value)) : showValue(value);
}

function textOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      // `10n`, not `10`: a message refusing 10 where a number is expected would make no sense
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return '[function]';
    default:
      break;
  }
  if (value === null) return 'null';
  try {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    const json = JSON.stringify(value);
    if (typeof json === 'string') return json;
  } catch {
    // A cycle, a BigInt, a throwing toJSON or getter: fall through to the tag.
  }
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return '[object]';
  }
}

function cut(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - 1);
  // Never cut a surrogate pair in two (a lone surrogate is not valid UTF-16 text).
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
