import { assertCommuneCode } from './_internal/codes.js';
import {
  chunkOfDepartement,
  crossAliases,
  departementOfCommune,
  getGraph,
  isAtHand,
  isKnownCommuneCode,
  loadedMatch,
} from './_internal/france.js';
import type { CommuneMatch } from './schemas/Commune.js';

/**
 * Looks up a commune of France (any region, overseas included) by its current code, an old code
 * (`anciensCodes`), the code of a delegated/associated commune or of a municipal arrondissement of
 * Paris, Lyon or Marseille, and returns the current commune (`mapped: true` when it was mapped). Only
 * the data chunk of the code's region is loaded (synchronously in Node; in a browser, regions other
 * than Hauts-de-France need `await loadRegion(code)` first). The result is precomputed and frozen.
 *
 * @param code - An INSEE commune code, e.g. `"59350"`.
 * @returns The match, or `undefined` when no commune of COG 2026 has this code (use
 *   {@link classifyCommuneCode} for where a code stands relative to one region).
 * @throws {@link InvalidCodeError} when `code` is malformed (not 5 characters `DDNNN`).
 * @throws {@link RegionNotLoadedError} when the region's chunk is not loaded and cannot be read
 *   synchronously (browsers).
 * @example
 * ```ts
 * import { commune } from 'cprdfop/territory';
 * commune('59350')?.commune.name; // "Lille"
 * commune('59350')?.mapped; // false
 * commune('02394')?.commune.code; // "02008"
 * commune('02394')?.via; // "ancien-code"
 * commune('14118')?.commune.region; // "28"
 * commune('13201')?.commune.name; // "Marseille"
 * commune('76999') === undefined; // true
 * ```
 * @category Resolvers
 */
export function commune(code: string): CommuneMatch | undefined {
  const match = loadedMatch(code);
  if (match !== undefined) return match;
  assertCommuneCode(code);
  const home = chunkOfDepartement(departementOfCommune(code));
  if (home !== undefined && isAtHand(home)) {
    const found = getGraph(home).matchByCode.get(code);
    if (found !== undefined) return found;
  }
  if (!isKnownCommuneCode(code)) return undefined;
  const cross = crossAliases().get(code);
  const chunk = cross ? cross.chunk : home;
  if (chunk === undefined) return undefined;
  return getGraph(chunk).matchByCode.get(code);
}
