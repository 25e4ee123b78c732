/**
 * Reading and writing plain JSON objects at a dotted path (`budget.total`). Internal to the package:
 * the rules (`nextQuestions`), the ITIE checks and the CLI's interactive check share it.
 */

/**
 * The value at a dotted path of a plain object, or `undefined` when a segment is absent or crosses a
 * non-object (own properties only: `__proto__` and inherited names are never read).
 *
 * @param root - Any JSON value.
 * @param path - Segments joined by `.`.
 * @returns The value, or `undefined`.
 */
export function valueAtPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value;
}

/**
 * A copy of `root` with `value` at the dotted `path`: the objects on the way are copied, never mutated;
 * a missing or non-object step becomes a new object.
 *
 * @param root - A plain object.
 * @param path - Segments joined by `.`.
 * @param value - The value to set.
 * @returns The new object.
 */
export function withValueAtPath(
  root: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const dot = path.indexOf('.');
  if (dot < 0) return { ...root, [path]: value };
  const head = path.slice(0, dot);
  const inner = root[head];
  const object = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? inner : {};
  return { ...root, [head]: withValueAtPath(object as Record<string, unknown>, path.slice(dot + 1), value) };
}
