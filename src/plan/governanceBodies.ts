import type { GovernanceBody } from '../model/governanceBody.js';
import { planData } from './_data.js';

/**
 * Returns the governance bodies of the plan: the CREFOP, its bureau and the comité régional pour l'emploi.
 *
 * @returns The bodies (a frozen array).
 * @example
 * ```ts
 * import { governanceBodies } from 'cprdfop';
 * governanceBodies().map((b) => b.id); // ["crefop", "crefop-bureau", "comite-regional-emploi"]
 * ```
 * @category Plan
 */
export function governanceBodies(): readonly GovernanceBody[] {
  return planData().governanceBodies;
}
