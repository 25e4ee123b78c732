import { z } from 'zod';

/**
 * What the territory data is and where it comes from: COG year, source package and version, and how
 * populations were taken (`population.year` is `null`: the source does not state the census year).
 *
 * @example
 * ```ts
 * import { TerritoryVintage, territoryVintage } from 'cprdfop/territory';
 * TerritoryVintage.parse(territoryVintage()).cog; // 2026
 * ```
 * @category Schemas
 */
export const TerritoryVintage = z.object({
  cog: z.number().int(),
  source: z.string(),
  sourceVersion: z.string(),
  license: z.string(),
  generatedBy: z.string(),
  population: z.object({
    field: z.string(),
    file: z.string(),
    source: z.string(),
    year: z.number().int().nullable(),
    note: z.string(),
  }),
});
/** @category Schemas */
export type TerritoryVintage = z.infer<typeof TerritoryVintage>;
