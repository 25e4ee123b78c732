import { SIREN } from '../_shared/inseeCodes.js';
import { getGraph } from './_internal/graph.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Epci } from './schemas/Epci.js';

/**
 * Looks up an EPCI à fiscalité propre with at least one member in the region, by SIREN.
 *
 * @param siren - The EPCI's 9-digit SIREN, e.g. `"200093201"`.
 * @returns The EPCI (frozen), or `undefined` when no EPCI of the region has this SIREN.
 * @throws {@link InvalidCodeError} when `siren` is not 9 digits.
 * @example
 * ```ts
 * import { epci } from 'cprdfop/territory';
 * epci('200093201')?.name; // "Métropole Européenne de Lille"
 * epci('200069722')?.crossesRegion; // true
 * ```
 * @category Resolvers
 */
export function epci(siren: string): Epci | undefined {
  const e = getGraph().epciBySiren.get(siren);
  if (e !== undefined) return e;
  if (typeof siren !== 'string' || !SIREN.test(siren)) throw new InvalidCodeError(siren, 'EPCI SIREN');
  return undefined;
}
