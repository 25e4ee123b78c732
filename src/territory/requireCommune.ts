import { classifyCommuneCode, type RegionOptions } from './classifyCommuneCode.js';
import type { CommuneMatch } from './schemas/Commune.js';
import { UnknownCodeError } from './UnknownCodeError.js';

/**
 * Like {@link commune}, but throws when the code is not a commune of the region.
 *
 * @param code - An INSEE commune code (current, old or delegated).
 * @param options - `region` (default `"32"`, Hauts-de-France).
 * @returns The match (never `undefined`).
 * @throws {@link InvalidCodeError} when `code` is malformed.
 * @throws {@link UnknownCodeError} when it is unknown (`reason: 'unknown'`) or in another region
 *   (`reason: 'outside-region'`); the message names the code and its département.
 * @example
 * ```ts
 * import { requireCommune } from 'cprdfop/territory';
 * requireCommune('59350').commune.name; // "Lille"
 * requireCommune('14118', { region: '28' }).commune.name; // "Caen"
 * ```
 * @category Resolvers
 */
export function requireCommune(code: string, options: RegionOptions = {}): CommuneMatch {
  const c = classifyCommuneCode(code, options);
  if (c.kind === 'in-region') return c.match;
  throw new UnknownCodeError(code, 'commune', c.kind, c.messages);
}
