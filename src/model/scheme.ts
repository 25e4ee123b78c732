import { z } from 'zod';
import { LocalizedText, Provenance } from './provenance.js';

/**
 * The link between a scheme and an ambition it serves, with how sure it is.
 * @example
 * ```ts
 * import { SchemeAmbitionLink, schemes } from 'cprdfop';
 * SchemeAmbitionLink.parse(schemes()[0]?.ambitions[0]).ambition; // 3
 * ```
 * @category Models
 */
export const SchemeAmbitionLink = z.object({
  ambition: z.number().int().min(1).max(4),
  provenance: Provenance,
});
/** @category Models */
export type SchemeAmbitionLink = z.infer<typeof SchemeAmbitionLink>;

/**
 * A regional scheme related to the CPRDFOP (SPRO, Proch'Orientation, Proch'Emploi, PRIC, PRF, ITIE).
 *
 * @example
 * ```ts
 * import { Scheme, schemes } from 'cprdfop';
 * schemes().map((s) => Scheme.parse(s).id); // ["spro", "proch-orientation", "proch-emploi", "pric", "prf", "itie"]
 * ```
 * @category Models
 */
export const Scheme = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  acronym: z.string().min(1),
  name: LocalizedText,
  period: z.string().optional(),
  /** Where `period` comes from, when its provenance differs from the scheme's (e.g. a year inferred from context). */
  periodProvenance: Provenance.optional(),
  description: LocalizedText,
  ambitions: z.array(SchemeAmbitionLink),
  provenance: Provenance,
});
/** @category Models */
export type Scheme = z.infer<typeof Scheme>;
