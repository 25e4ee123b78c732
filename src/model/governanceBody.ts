import { z } from 'zod';
import { LocalizedText, Provenance } from './provenance.js';

/**
 * A fact about a governance body's composition or role, with its provenance.
 * @example
 * ```ts
 * import { GovernanceFact, governanceBodies } from 'cprdfop';
 * GovernanceFact.parse(governanceBodies()[0]?.roles[1]).provenance.mark; // "confirmed"
 * ```
 * @category Models
 */
export const GovernanceFact = z.object({ text: LocalizedText, provenance: Provenance });
/** @category Models */
export type GovernanceFact = z.infer<typeof GovernanceFact>;

/**
 * A governance body of the CPRDFOP: the CREFOP, its bureau, the comité régional pour l'emploi.
 *
 * @example
 * ```ts
 * import { GovernanceBody, governanceBodies } from 'cprdfop';
 * GovernanceBody.parse(governanceBodies()[0]).acronym; // "CREFOP"
 * ```
 * @category Models
 */
export const GovernanceBody = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  acronym: z.string().optional(),
  /** The body this one sits within. */
  parent: z.string().optional(),
  legalBasis: z.string().optional(),
  chairs: z.array(LocalizedText),
  composition: z.array(GovernanceFact),
  roles: z.array(GovernanceFact),
  provenance: Provenance,
});
/** @category Models */
export type GovernanceBody = z.infer<typeof GovernanceBody>;
