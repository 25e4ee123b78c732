import { DEFAULT_REGION, getGraph } from './_internal/france.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Region } from './schemas/Region.js';

/**
 * A region of France, with its départements (loads that region's chunk).
 *
 * @param code - An INSEE region code (default `"32"`, Hauts-de-France).
 * @returns The region (frozen).
 * @throws {@link InvalidCodeError} when `code` is not a region code of COG 2026.
 * @throws {@link RegionNotLoadedError} when the chunk cannot be read synchronously (browsers).
 * @example
 * ```ts
 * import { region } from 'cprdfop/territory';
 * region().code; // "32"
 * region().departements; // ["02", "59", "60", "62", "80"]
 * region('28').name; // "Normandie"
 * ```
 * @category Resolvers
 */
export function region(code: string = DEFAULT_REGION): Region {
  const r = getGraph(code).region;
  if (r === null) throw new InvalidCodeError(code, 'region');
  return r;
}
