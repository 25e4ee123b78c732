import { getGraph } from './_internal/graph.js';
import type { Departement } from './schemas/Departement.js';

/**
 * The five départements of the region, sorted by code.
 *
 * @returns A frozen array.
 * @example
 * ```ts
 * import { departements } from 'cprdfop/territory';
 * departements().map((d) => d.name); // ["Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"]
 * ```
 * @category Resolvers
 */
export function departements(): readonly Departement[] {
  return getGraph().departements;
}
