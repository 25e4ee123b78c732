import { assertCommuneCode } from './_internal/codes.js';
import { getGraph } from './_internal/graph.js';
import type { CommuneMatch } from './schemas/Commune.js';

/**
 * Looks up a commune of Hauts-de-France by its current code, an old code (`anciensCodes`) or the code
 * of a delegated/associated commune, and returns the current commune (`mapped: true` when it was
 * mapped). The result is precomputed and frozen (no allocation per call).
 *
 * @param code - An INSEE commune code, e.g. `"59350"`.
 * @returns The match, or `undefined` when the code is unknown or belongs to another region (see
 *   {@link classifyCommuneCode} to tell them apart).
 * @throws {@link InvalidCodeError} when `code` is malformed (not 5 characters `DDNNN`).
 * @example
 * ```ts
 * import { commune } from 'cprdfop/territory';
 * commune('59350')?.commune.name; // "Lille"
 * commune('59350')?.mapped; // false
 * commune('02394')?.commune.code; // "02008"
 * commune('02394')?.via; // "ancien-code"
 * commune('76540') === undefined; // true
 * ```
 * @category Resolvers
 */
export function commune(code: string): CommuneMatch | undefined {
  const match = getGraph().matchByCode.get(code);
  if (match !== undefined) return match;
  assertCommuneCode(code);
  return undefined;
}
