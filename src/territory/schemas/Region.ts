import { z } from 'zod';

/**
 * A region of France (18 in COG 2026: 13 in metropolitan France, 5 overseas), by INSEE code.
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
