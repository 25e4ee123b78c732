import { getCore, loadChunk } from './_internal/france.js';

/**
 * Loads the data chunk of a region (or `"COM"`, the collectivités d'outre-mer) through a dynamic
 * `import()`, so that the synchronous resolvers can then answer for it. Needed in browsers before the
 * first lookup in a region other than Hauts-de-France (which is always bundled); optional in Node,
 * where chunks load synchronously on first use. Loads once; later calls resolve at once.
 *
 * @param region - An INSEE region code, e.g. `"28"`, or `"COM"`.
 * @returns The chunk key, once loaded.
 * @throws {@link InvalidCodeError} (rejection) when `region` is not a region code.
 * @throws {@link RegionNotLoadedError} (rejection) when the chunk cannot be imported.
 * @example
 * ```ts
 * import { loadRegion } from 'cprdfop/territory';
 * await loadRegion('28'); // "28"
 * ```
 * @category Loading
 */
export async function loadRegion(region: string): Promise<string> {
  const graph = await loadChunk(region);
  return graph.key;
}

/**
 * Loads every chunk (all of France) through dynamic imports: call it once in a browser before a
 * France-wide search or lookups in any region.
 *
 * @returns The chunk keys loaded (the 18 regions and `COM`).
 * @throws {@link RegionNotLoadedError} (rejection) when a chunk cannot be imported.
 * @example
 * ```ts
 * import { ready } from 'cprdfop/territory';
 * (await ready()).length; // 19
 * ```
 * @category Loading
 */
export async function ready(): Promise<string[]> {
  const keys = [...getCore().chunks];
  await Promise.all(keys.map((key) => loadChunk(key)));
  return keys;
}
