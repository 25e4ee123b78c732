import { loadedChunks } from './_internal/france.js';

/**
 * Whether territory data has been parsed yet: any chunk, or the chunk of one region (chunks are parsed
 * on the first lookup that needs them).
 *
 * @param region - An INSEE region code (or `"COM"`); omitted: any chunk.
 * @returns `true` once the chunk (any chunk) is loaded.
 * @example
 * ```ts
 * import { isLoaded, region } from 'cprdfop/territory';
 * region();
 * isLoaded(); // true
 * isLoaded('32'); // true
 * ```
 * @internal
 * @category Internals
 */
export function isLoaded(region?: string): boolean {
  const loaded = loadedChunks();
  return region === undefined ? loaded.length > 0 : loaded.includes(region);
}
