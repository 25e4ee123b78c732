import { cacheDir, joinPath } from './cacheDir.js';
import type { CacheEntry, CacheStore } from './createMemoryCache.js';

/**
 * Creates an on-disk response cache (Node only; `node:fs` is loaded lazily on first use).
 *
 * One file per cache key (the normalised URL and the credentials' hash), named by its SHA-256, holding
 * the entry and a SHA-256 checksum of it. Writes are atomic (temp file + rename); an entry whose
 * checksum does not match (interrupted or corrupted write) is deleted and reported as a miss, so it is
 * fetched again; `.tmp` files left by a killed process (older than 10 minutes) are removed on the
 * first write. A failing write rejects; the client turns that into a warning and serves the response.
 *
 * @param options - `dir` (default `<cacheDir()>/http`).
 * @returns A {@link CacheStore}.
 * @example
 * ```ts noexec
 * import { createClient, createDiskCache } from 'cprdfop/opendata';
 * const client = createClient({ cache: createDiskCache() });
 * ```
 * @category Cache
 */
export function createDiskCache(options: { dir?: string } = {}): CacheStore & { readonly dir: string } {
  const dir = options.dir ?? joinPath(cacheDir(), 'http');
  const nodeMods = async () => {
    const [fs, crypto] = await Promise.all([import('node:fs/promises'), import('node:crypto')]);
    return { fs, crypto };
  };
  let cleaned = false;
  const fileOf = async (key: string): Promise<string> => {
    const { crypto } = await nodeMods();
    return joinPath(dir, `${crypto.createHash('sha256').update(key).digest('hex')}.json`);
  };
  return {
    dir,
    async get(key) {
      const { fs, crypto } = await nodeMods();
      const file = await fileOf(key);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch {
        return undefined;
      }
      try {
        const stored = JSON.parse(text) as { sha256: string; entry: string };
        const sum = crypto.createHash('sha256').update(stored.entry).digest('hex');
        if (sum !== stored.sha256) throw new Error('checksum mismatch');
        const entry = JSON.parse(stored.entry) as CacheEntry;
        return entry.url === key ? entry : undefined;
      } catch {
        await fs.rm(file, { force: true });
        return undefined;
      }
    },
    async set(key, entry) {
      const { fs, crypto } = await nodeMods();
      const file = await fileOf(key);
      await fs.mkdir(dir, { recursive: true });
      if (!cleaned) {
        // Temp files left by a killed process (a live writer's file is recent): removed once per cache.
        cleaned = true;
        const { removeStaleTemps } = await import('./_internal/manifest.js');
        await removeStaleTemps(dir);
      }
      const payload = JSON.stringify(entry);
      const sha256 = crypto.createHash('sha256').update(payload).digest('hex');
      const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      try {
        await fs.writeFile(tmp, JSON.stringify({ sha256, entry: payload }));
        await fs.rename(tmp, file);
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
    },
    async delete(key) {
      const { fs } = await nodeMods();
      await fs.rm(await fileOf(key), { force: true });
    },
  };
}
