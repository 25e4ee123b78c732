/**
 * One cached HTTP response, as stored by a {@link CacheStore}.
 * @category Cache
 */
export interface CacheEntry {
  /** The normalised URL (the key). */
  url: string;
  /** HTTP status (always 2xx). */
  status: number;
  /** Response headers worth keeping (`content-type`, `etag`, `last-modified`). */
  headers: Record<string, string>;
  /** The body, as text. */
  body: string;
  /** When the entry was stored or last revalidated (ms since epoch). */
  storedAt: number;
}

/**
 * Where the client keeps responses: in memory ({@link createMemoryCache}), on disk
 * ({@link createDiskCache}), or anything implementing these three methods.
 * @category Cache
 */
export interface CacheStore {
  /** The entry for a key, or `undefined` (also for a corrupted entry). */
  get(key: string): Promise<CacheEntry | undefined>;
  /** Stores an entry. */
  set(key: string, entry: CacheEntry): Promise<void>;
  /** Removes an entry. */
  delete(key: string): Promise<void>;
}

/**
 * Creates an in-memory response cache (least recently used entries are dropped beyond `maxEntries`).
 * Works in browsers.
 *
 * @param options - `maxEntries` (default 500).
 * @returns A {@link CacheStore}.
 * @example
 * ```ts
 * import { createMemoryCache } from 'cprdfop/opendata';
 * const cache = createMemoryCache({ maxEntries: 2 });
 * await cache.set('a', { url: 'a', status: 200, headers: {}, body: 'x', storedAt: 0 });
 * (await cache.get('a'))?.body; // "x"
 * ```
 * @category Cache
 */
export function createMemoryCache(options: { maxEntries?: number } = {}): CacheStore {
  const max = options.maxEntries ?? 500;
  const map = new Map<string, CacheEntry>();
  return {
    async get(key) {
      const entry = map.get(key);
      if (entry) {
        map.delete(key);
        map.set(key, entry);
      }
      return entry;
    },
    async set(key, entry) {
      map.delete(key);
      map.set(key, entry);
      while (map.size > max) {
        const oldest = map.keys().next().value;
        if (oldest === undefined) break;
        map.delete(oldest);
      }
    },
    async delete(key) {
      map.delete(key);
    },
  };
}
