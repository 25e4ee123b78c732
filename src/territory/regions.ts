import { getCore } from './_internal/france.js';
import type { Region } from './schemas/Region.js';

let cached: readonly Region[] | undefined;

/**
 * The 18 regions of COG 2026 (13 in metropolitan France, 5 overseas), sorted by code, from the small
 * France-wide index (no region chunk is loaded). The collectivités d'outre-mer are in no region.
 *
 * @returns A frozen array of frozen regions.
 * @example
 * ```ts
 * import { regions } from 'cprdfop/territory';
 * regions().length; // 18
 * regions().find((r) => r.code === '28')?.name; // "Normandie"
 * ```
 * @category Resolvers
 */
export function regions(): readonly Region[] {
  if (cached === undefined) {
    const core = getCore();
    cached = Object.freeze(
      core.regions.map(([code, name, chefLieu]) =>
        Object.freeze({
          code,
          name,
          chefLieu,
          departements: Object.freeze(
            [...core.departements].filter(([, d]) => d.region === code).map(([dep]) => dep),
          ) as string[],
        }),
      ),
    );
  }
  return cached;
}
