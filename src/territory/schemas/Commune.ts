import { z } from 'zod';
import { COMMUNE_CODE, POSTAL_CODE, SIREN } from '../../_shared/inseeCodes.js';

/**
 * A current commune of France (COG 2026: the 18 regions and the collectivités d'outre-mer).
 *
 * `region` is the INSEE code of its region, `null` for a commune of a collectivité d'outre-mer (COM:
 * `departement` is then the code of the collectivité, e.g. `987` for Polynésie française).
 * `arrondissement` is `null` where the COG has none (Mayotte, COM). `epci` is the SIREN of its EPCI à
 * fiscalité propre (`null` for the few communes in none: single-commune islands, COM). `population`
 * is the `population` field of `@etalab/decoupage-administratif` 6.0.0 `communes.json` (see
 * {@link territoryVintage} for its source), `null` where it gives none (e.g. the TAAF districts).
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
  region: z.string().nullable(),
  arrondissement: z.string().nullable(),
  epci: z.string().regex(SIREN).nullable(),
  postalCodes: z.array(z.string().regex(POSTAL_CODE)),
  population: z.number().int().nonnegative().nullable(),
});
/** @category Schemas */
export type Commune = z.infer<typeof Commune>;

/**
 * How a code was resolved to a current commune: directly (`mapped: false`) or through an old code
 * (`anciensCodes`), a delegated commune, an associated commune or a municipal arrondissement of Paris,
 * Lyon or Marseille (`mapped: true`, with `mappedFrom` and `via`; `aliasName` is the name of the
 * delegated/associated commune or arrondissement).
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
  via: z.enum(['ancien-code', 'commune-deleguee', 'commune-associee', 'arrondissement-municipal']).optional(),
  aliasName: z.string().optional(),
});
/** @category Schemas */
export type CommuneMatch = z.infer<typeof CommuneMatch>;
