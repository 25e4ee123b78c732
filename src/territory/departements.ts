import { DEFAULT_REGION, getGraph } from './_internal/france.js';
import type { Departement } from './schemas/Departement.js';

/**
 * The départements of a region (with `"COM"`: the collectivités d'outre-mer), sorted by code.
 *
 * @param region - An INSEE region code (default `"32"`, Hauts-de-France) or `"COM"`.
 * @returns A frozen array.
 * @throws {@link InvalidCodeError} when `region` is not a region code.
 * @throws {@link RegionNotLoadedError} when the chunk cannot be read synchronously (browsers).
 * @example
 * ```ts
 * import { departements } from 'cprdfop/territory';
 * departements().map((d) => d.name); // ["Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"]
 * departements('94').map((d) => d.code); // ["2A", "2B"]
 * ```
 * @category Resolvers
 */
export function departements(region: string = DEFAULT_REGION): readonly Departement[] {
  return getGraph(region).departements;
}
