import type { PartnerCategory } from '../model/partnerCategory.js';
import { planData } from './_data.js';

/**
 * Options of {@link partnerCategories}.
 * @category Plan
 */
export interface PartnerCategoriesOptions {
  /** Only the categories attested by the sources (default `false`: all, inferred ones included). */
  attestedOnly?: boolean;
}

/**
 * Returns the categories of partners of the plan: those attested by the sources, then finer
 * categories marked `attested: false` (provenance `inferred`).
 *
 * @param options - Filter options.
 * @returns The categories (a frozen array when unfiltered).
 * @example
 * ```ts
 * import { partnerCategories } from 'cprdfop';
 * partnerCategories({ attestedOnly: true }).map((c) => c.id).slice(0, 2); // ["etat", "region"]
 * partnerCategories().find((c) => c.id === 'france-travail')?.provenance.mark; // "inferred"
 * ```
 * @category Plan
 */
export function partnerCategories(options: PartnerCategoriesOptions = {}): readonly PartnerCategory[] {
  const all = planData().partnerCategories;
  return options.attestedOnly ? all.filter((c) => c.attested) : all;
}
