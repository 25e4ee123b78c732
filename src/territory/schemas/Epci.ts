import { z } from 'zod';
import { SIREN } from '../../_shared/inseeCodes.js';

/**
 * An EPCI à fiscalité propre with at least one member in Hauts-de-France (92 in COG 2026).
 *
 * `members` are its current communes in the region (sorted); members in another region are listed in
 * `outsideMembers` (with `crossesRegion: true`), never silently dropped.
 *
 * @example
 * ```ts
 * import { Epci, epci } from 'cprdfop/territory';
 * Epci.parse(epci('200093201')).type; // "METRO"
 * ```
 * @category Schemas
 */
export const Epci = z.object({
  siren: z.string().regex(SIREN),
  name: z.string().min(1),
  type: z.enum(['CC', 'CA', 'CU', 'METRO']),
  members: z.array(z.string()),
  outsideMembers: z.array(z.object({ code: z.string(), name: z.string(), departement: z.string() })),
  crossesRegion: z.boolean(),
  departements: z.array(z.string()),
});
/** @category Schemas */
export type Epci = z.infer<typeof Epci>;
