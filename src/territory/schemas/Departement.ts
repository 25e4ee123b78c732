import { z } from 'zod';

/**
 * A département of Hauts-de-France (02, 59, 60, 62, 80).
 *
 * @example
 * ```ts
 * import { Departement, departement } from 'cprdfop/territory';
 * Departement.parse(departement('59')).name; // "Nord"
 * ```
 * @category Schemas
 */
export const Departement = z.object({
  code: z.string(),
  name: z.string().min(1),
  region: z.string(),
  chefLieu: z.string(),
  arrondissements: z.array(z.string()),
  communes: z.array(z.string()),
});
/** @category Schemas */
export type Departement = z.infer<typeof Departement>;
