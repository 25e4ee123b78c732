import { getGraph } from './_internal/graph.js';
import { commune } from './commune.js';
import type { Commune } from './schemas/Commune.js';
import type { Epci } from './schemas/Epci.js';

/**
 * The EPCI of a commune of the region.
 *
 * @param communeOrCode - A commune, or its code (current, old or delegated).
 * @returns The EPCI, or `undefined` when the commune is not in the region or has no EPCI.
 * @throws {@link InvalidCodeError} when a code is malformed.
 * @example
 * ```ts
 * import { epciOf } from 'cprdfop/territory';
 * epciOf('59350')?.siren; // "200093201"
 * ```
 * @category Resolvers
 */
export function epciOf(communeOrCode: string | Commune): Epci | undefined {
  const c = typeof communeOrCode === 'string' ? commune(communeOrCode)?.commune : communeOrCode;
  if (!c?.epci) return undefined;
  return getGraph().epciBySiren.get(c.epci);
}
