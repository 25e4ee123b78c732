import { DEFAULT_REGION, getGraph } from './_internal/france.js';
import type { Commune } from './schemas/Commune.js';

/**
 * Every current commune of a region (or, with `"COM"`, of the collectivités d'outre-mer), sorted by code.
 *
 * @param region - An INSEE region code (default `"32"`, Hauts-de-France) or `"COM"`.
 * @returns A frozen array (3,782 communes in Hauts-de-France in COG 2026).
 * @throws {@link InvalidCodeError} when `region` is not a region code.
 * @throws {@link RegionNotLoadedError} when the chunk cannot be read synchronously (browsers).
 * @example
 * ```ts
 * import { communes } from 'cprdfop/territory';
 * communes().length; // 3782
 * communes('28').length; // 2644
 * ```
 * @category Resolvers
 */
export function communes(region: string = DEFAULT_REGION): readonly Commune[] {
  return getGraph(region).communes;
}
