import { z } from 'zod';
import { SIREN } from '../../_shared/inseeCodes.js';

/**
 * An EPCI à fiscalité propre (1,255 in COG 2026), as seen from one region (`region`): `members` are its
 * current communes in that region (sorted); members in another region are listed in `outsideMembers`
 * (with `crossesRegion: true`), never silently dropped. `regions` lists every region with a member;
 * `type` `MET69` is the Métropole de Lyon.
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
  type: z.enum(['CC', 'CA', 'CU', 'METRO', 'MET69']),
  region: z.string(),
  regions: z.array(z.string()),
  members: z.array(z.string()),
  outsideMembers: z.array(z.object({ code: z.string(), name: z.string(), departement: z.string() })),
  crossesRegion: z.boolean(),
  departements: z.array(z.string()),
});
/** @category Schemas */
export type Epci = z.infer<typeof Epci>;
