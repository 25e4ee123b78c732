import { isDeepStrictEqual } from 'node:util';

/**
 * Throws when `actual` does not deep-equal `expected` (used by the doc example runner); records the
 * assertion site as run (see `assertionSitesHit` in doctest.ts). `actual` is also compared after a
 * JSON round trip (class instances, frozen objects), except that `undefined` only equals `undefined`.
 */
export function __expectEqual(actual: unknown, expected: unknown, where: string): void {
  const ok =
    expected === undefined || actual === undefined
      ? actual === expected
      : isDeepStrictEqual(actual, expected) ||
        isDeepStrictEqual(JSON.parse(JSON.stringify(actual)) as unknown, expected);
  if (!ok) {
    throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  const registry = globalThis as { __cprdfopDoctestHits?: Set<string> };
  registry.__cprdfopDoctestHits ??= new Set();
  registry.__cprdfopDoctestHits.add(where);
}
