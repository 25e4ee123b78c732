/**
 * Writing own properties of objects built from user-given keys (field paths, criterion ids). Internal:
 * not exported by any subpath. No `node:` import (browser-capable).
 *
 * `object[key] = value` with `key` = `__proto__` calls the prototype setter, and `object[key] ??= {}`
 * with `key` = `toString` finds `Object.prototype.toString`: both read or write what every object
 * shares. These helpers define and read own, ordinary data properties only.
 */

/**
 * Defines an own, ordinary data property (writable, enumerable, configurable): never the `__proto__`
 * setter, never an inherited value.
 *
 * @param target - The object.
 * @param key - Any key, `__proto__` included.
 * @param value - The value.
 * @returns `value`.
 */
export function defineOwn<T>(target: object, key: string | number, value: T): T {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * The own value of `key` in `target`, or `value` defined there when `target` has no such own property.
 *
 * @param target - The object.
 * @param key - Any key.
 * @param value - The value to define when there is none.
 * @returns The own value, existing or new.
 */
export function ownOrDefine<T>(target: object, key: string | number, value: T): T {
  if (Object.hasOwn(target, key)) return (target as Record<string | number, T>)[key]!;
  return defineOwn(target, key, value);
}
