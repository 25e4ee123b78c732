/**
 * One cached HTTP response, as stored by a {@link CacheStore}.
 * @category Cache
 */
export interface CacheEntry {
  /** The normalised URL (the key). */
  url: string;
  /** HTTP status (always 2xx). */
  status: number;
  /** Response headers worth keeping (content type, validators and caching headers). */
  headers: Record<string, string>;
  /** The body, as text. */
  body: string;
  /** When the entry was stored or last revalidated (ms since epoch). */
  storedAt: number;
  /** The HTTP caching policy (`http-cache-semantics` `toObject()`), when recorded. */
  policy?: object | undefined;
  /** The request's values of the headers named by the response's `Vary`. */
  vary?: Record<string, string> | undefined;
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
 * Creates an in-memory response cache bounded in entries and in bytes: least recently used entries
 * are dropped beyond `maxEntries` or `maxBytes` (bodies and headers, counted as UTF-16, 2 bytes per
 * character; an entry larger than `maxBytes` alone is not kept). Works in browsers.
 *
 * @param options - `maxEntries` (default 500), `maxBytes` (default 32 MiB).
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
export function createMemoryCache(options: { maxEntries?: number; maxBytes?: number } = {}): CacheStore {
  const max = options.maxEntries ?? 500;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const map = new Map<string, CacheEntry>();
  const sizes = new Map<string, number>();
  let total = 0;
  const sizeOf = (key: string, entry: CacheEntry): number => {
    let chars = key.length + entry.url.length + entry.body.length;
    for (const name in entry.headers) chars += name.length + (entry.headers[name]?.length ?? 0);
    return chars * 2 + 256;
  };
  const drop = (key: string): void => {
    total -= sizes.get(key) ?? 0;
    sizes.delete(key);
    map.delete(key);
  };
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
      drop(key);
      const size = sizeOf(key, entry);
      if (size > maxBytes) return;
      map.set(key, entry);
      sizes.set(key, size);
      total += size;
      while (map.size > max || total > maxBytes) {
        const oldest = map.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest);
      }
    },
    async delete(key) {
      drop(key);
    },
  };
}
