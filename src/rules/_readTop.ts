type Rec = Record<string, unknown>;
const own = Object.prototype.hasOwnProperty;

const prototypeIsClean = (): boolean => {
  for (const _ in Object.prototype) return false;
  return true;
};

/**
 * Reads the top-level own properties `keys` of `application` (`undefined` when absent or `null`). An
 * ordinary object is read in one `for…in` pass when no enumerable property was added to
 * `Object.prototype` (then `for…in` yields exactly the own enumerable keys); any key not found that way
 * (absent, non-enumerable, or another kind of object) is checked with `hasOwnProperty`.
 *
 * `seen` caches, by position, the last key order met and its slots (`-1` for an unread key):
 * applications built alike enumerate their keys alike, so a position hit skips the map lookup.
 */
export function readTop(
  application: unknown,
  keys: readonly string[],
  index: ReadonlyMap<string, number>,
  seen: (string | number | undefined)[],
): unknown[] {
  const values: unknown[] = new Array(keys.length);
  if (application === null || typeof application !== 'object') return values;
  let found = 0;
  let position = 0;
  if (Object.getPrototypeOf(application) === Object.prototype && prototypeIsClean())
    for (const key in application) {
      let slot = seen[position] === key ? (seen[position + 1] as number) : -2;
      if (slot === -2) {
        slot = index.get(key) ?? -1;
        if (position < 256) {
          seen[position] = key;
          seen[position + 1] = slot;
        }
      }
      position += 2;
      if (slot >= 0) {
        values[slot] = (application as Rec)[key] ?? undefined;
        found++;
      }
    }
  if (found < keys.length)
    for (let slot = 0; slot < keys.length; slot++)
      if (values[slot] === undefined && own.call(application, keys[slot]!))
        values[slot] = (application as Rec)[keys[slot]!] ?? undefined;
  return values;
}
