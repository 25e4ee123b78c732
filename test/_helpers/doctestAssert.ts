import { isDeepStrictEqual } from 'node:util';

/** Throws when `actual` does not deep-equal `expected` (used by the TSDoc example runner). */
export function __expectEqual(actual: unknown, expected: unknown, where: string): void {
  const normal = JSON.parse(JSON.stringify(actual ?? null)) as unknown;
  const ok =
    expected === undefined
      ? actual === undefined
      : isDeepStrictEqual(actual, expected) || isDeepStrictEqual(normal, expected);
  if (!ok) {
    throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
