import { z } from 'zod';
import { ARRONDISSEMENT_CODE } from '../../_shared/inseeCodes.js';

/**
 * An arrondissement of Hauts-de-France (26 in COG 2026) — since 2016 also the mesh of the local public
 * employment service (SPEL).
 *
 * @example
 * ```ts
 * import { Arrondissement, arrondissement } from 'cprdfop/territory';
 * Arrondissement.parse(arrondissement('595')).name; // "Lille"
 * ```
 * @category Schemas
 */
export const Arrondissement = z.object({
  code: z.string().regex(ARRONDISSEMENT_CODE),
  name: z.string().min(1),
  departement: z.string(),
  chefLieu: z.string(),
  communes: z.array(z.string()),
});
/** @category Schemas */
export type Arrondissement = z.infer<typeof Arrondissement>;
