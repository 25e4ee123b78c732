import { z } from 'zod';

/**
 * The region the package covers: Hauts-de-France, INSEE code 32.
 *
 * @example
 * ```ts
 * import { Region, region } from 'cprdfop/territory';
 * Region.parse(region()).chefLieu; // "59350"
 * ```
 * @category Schemas
 */
export const Region = z.object({
  code: z.string(),
  name: z.string().min(1),
  chefLieu: z.string(),
  departements: z.array(z.string()),
});
/** @category Schemas */
export type Region = z.infer<typeof Region>;
