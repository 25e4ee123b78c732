import { getGraph } from './_internal/france.js';
import { commune } from './commune.js';
import type { Commune } from './schemas/Commune.js';
import type { Epci } from './schemas/Epci.js';

/**
 * The EPCI of a commune of France, as seen from the commune's region.
 *
 * @param communeOrCode - A commune, or its code (current, old or delegated).
 * @returns The EPCI, or `undefined` when the code is unknown or the commune has no EPCI.
 * @throws {@link InvalidCodeError} when a code is malformed.
 * @example
 * ```ts
 * import { epciOf } from 'cprdfop/territory';
 * epciOf('59350')?.siren; // "200093201"
 * epciOf('14118')?.name; // "CU Caen la Mer"
 * ```
 * @category Resolvers
 */
export function epciOf(communeOrCode: string | Commune): Epci | undefined {
  const c = typeof communeOrCode === 'string' ? commune(communeOrCode)?.commune : communeOrCode;
  if (!c?.epci) return undefined;
  return getGraph(c.region ?? 'COM').epciBySiren.get(c.epci);
}
