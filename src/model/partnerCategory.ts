import { z } from 'zod';
import { LocalizedText, Provenance } from './provenance.js';

/**
 * A category of partners of the CPRDFOP.
 *
 * `attested` categories are named by the sources as signatories or parties; finer categories are
 * real institutions not attested as signatories (`attested: false`, provenance mark `inferred`).
 *
 * @example
 * ```ts
 * import { PartnerCategory, partnerCategories } from 'cprdfop';
 * PartnerCategory.parse(partnerCategories()[0]);
 * ```
 * @category Models
 */
export const PartnerCategory = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  label: LocalizedText,
  /** The broader category this one belongs to. */
  parent: z.string().optional(),
  attested: z.boolean(),
  provenance: Provenance,
});
/** @category Models */
export type PartnerCategory = z.infer<typeof PartnerCategory>;
