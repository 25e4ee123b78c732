import { z } from 'zod';

/**
 * A département of France (101 in COG 2026) or a collectivité d'outre-mer (8: 975, 977, 978, 984, 986,
 * 987, 988, 989), with `region` `null` for the latter (the COG puts them in no region).
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
  region: z.string().nullable(),
  chefLieu: z.string(),
  arrondissements: z.array(z.string()),
  communes: z.array(z.string()),
});
/** @category Schemas */
export type Departement = z.infer<typeof Departement>;
