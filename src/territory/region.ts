import { getGraph } from './_internal/graph.js';
import type { Region } from './schemas/Region.js';

/**
 * The region: Hauts-de-France.
 *
 * @returns The region (frozen), with its five départements.
 * @example
 * ```ts
 * import { region } from 'cprdfop/territory';
 * region().code; // "32"
 * region().departements; // ["02", "59", "60", "62", "80"]
 * ```
 * @category Resolvers
 */
export function region(): Region {
  return getGraph().region;
}
