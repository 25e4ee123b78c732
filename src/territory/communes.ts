import { getGraph } from './_internal/graph.js';
import type { Commune } from './schemas/Commune.js';

/**
 * Every current commune of the region, sorted by code.
 *
 * @returns A frozen array (3,782 communes in COG 2026).
 * @example
 * ```ts
 * import { communes } from 'cprdfop/territory';
 * communes().length; // 3782
 * ```
 * @category Resolvers
 */
export function communes(): readonly Commune[] {
  return getGraph().communes;
}
