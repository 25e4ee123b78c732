import { isLoaded as loaded } from './_internal/graph.js';

/**
 * Whether the territory data has been parsed yet (it is parsed on the first call of a resolver).
 *
 * @returns `true` once the graph is loaded.
 * @example
 * ```ts
 * import { isLoaded, region } from 'cprdfop/territory';
 * region();
 * isLoaded(); // true
 * ```
 * @internal
 * @category Internals
 */
export function isLoaded(): boolean {
  return loaded();
}
