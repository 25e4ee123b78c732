import { POSTAL_CODE } from '../_shared/inseeCodes.js';
import { getGraph } from './_internal/graph.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Commune } from './schemas/Commune.js';

const EMPTY: readonly Commune[] = Object.freeze([]);

/**
 * The current communes of the region served by a postal code, most populated first. A postal code
 * often covers several communes, and a commune may have several postal codes.
 *
 * @param postalCode - A French postal code, e.g. `"59000"`.
 * @returns The communes (a frozen array; empty when no commune of the region has this postal code).
 * @throws {@link InvalidCodeError} when `postalCode` is not 5 digits.
 * @example
 * ```ts
 * import { communesByPostalCode } from 'cprdfop/territory';
 * communesByPostalCode('59000').map((c) => c.code); // ["59350"]
 * communesByPostalCode('76000').length; // 0
 * ```
 * @category Resolvers
 */
export function communesByPostalCode(postalCode: string): readonly Commune[] {
  const list = getGraph().byPostalCode.get(postalCode);
  if (list !== undefined) return list;
  if (typeof postalCode !== 'string' || !POSTAL_CODE.test(postalCode)) {
    throw new InvalidCodeError(postalCode, 'postal code');
  }
  return EMPTY;
}
