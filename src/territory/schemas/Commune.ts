import { z } from 'zod';
import { COMMUNE_CODE, POSTAL_CODE, SIREN } from '../../_shared/inseeCodes.js';

/**
 * A current commune of Hauts-de-France (COG 2026).
 *
 * `epci` is the SIREN of its EPCI à fiscalité propre (every commune of the region has one in COG 2026;
 * `null` is kept for future vintages). `population` is the `population` field of
 * `@etalab/decoupage-administratif` 6.0.0 `communes.json` (see {@link territoryVintage} for its source).
 * Objects returned by the resolvers are frozen and shared.
 *
 * @example
 * ```ts
 * import { Commune, commune } from 'cprdfop/territory';
 * Commune.parse(commune('59350')?.commune).name; // "Lille"
 * ```
 * @category Schemas
 */
export const Commune = z.object({
  code: z.string().regex(COMMUNE_CODE),
  name: z.string().min(1),
  departement: z.string(),
  arrondissement: z.string(),
  epci: z.string().regex(SIREN).nullable(),
  postalCodes: z.array(z.string().regex(POSTAL_CODE)),
  population: z.number().int().nonnegative(),
});
/** @category Schemas */
export type Commune = z.infer<typeof Commune>;

/**
 * How a code was resolved to a current commune: directly (`mapped: false`) or through an old code
 * (`anciensCodes`), a delegated commune or an associated commune (`mapped: true`, with `mappedFrom`
 * and `via`; `aliasName` is the name of the delegated/associated commune).
 *
 * @example
 * ```ts
 * import { CommuneMatch, commune } from 'cprdfop/territory';
 * CommuneMatch.parse(commune('02394')).via; // "ancien-code"
 * ```
 * @category Schemas
 */
export const CommuneMatch = z.object({
  commune: Commune,
  mapped: z.boolean(),
  mappedFrom: z.string().optional(),
  via: z.enum(['ancien-code', 'commune-deleguee', 'commune-associee']).optional(),
  aliasName: z.string().optional(),
});
/** @category Schemas */
export type CommuneMatch = z.infer<typeof CommuneMatch>;
