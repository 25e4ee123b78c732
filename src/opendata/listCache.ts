import { readManifest } from './_internal/manifest.js';
import { cacheDir, joinPath } from './cacheDir.js';

/**
 * One contours file recorded in the cache.
 * @category Cache
 */
export interface CachedContoursInfo {
  year: string;
  layer: string;
  resolution: string;
  region: string | null;
  path: string;
  /** Whether the file is present with the recorded size (checksums are checked by {@link findCachedContours}). */
  present: boolean;
  bytes: number;
  sha256: string;
  features: number;
  sourceUrl: string;
  downloadedAt: string;
}

/**
 * What the cache holds: contours files by vintage (from the manifests) and the HTTP response cache size.
 * Node only.
 *
 * @param options - `cacheDir` (default {@link cacheDir}).
 * @returns The cache root, the contours files and the HTTP cache entry count and size.
 * @example
 * ```ts noexec
 * import { listCache } from 'cprdfop/opendata';
 * const { contours } = await listCache();
 * ```
 * @category Cache
 */
export async function listCache(options: { cacheDir?: string } = {}): Promise<{
  dir: string;
  contours: CachedContoursInfo[];
  http: { entries: number; bytes: number };
}> {
  const fs = await import('node:fs/promises');
  const dir = options.cacheDir ?? cacheDir();
  const contours: CachedContoursInfo[] = [];
  const contoursDir = joinPath(dir, 'contours');
  const years = await fs.readdir(contoursDir).catch(() => [] as string[]);
  for (const year of years.sort()) {
    const yearDir = joinPath(contoursDir, year);
    const manifest = await readManifest(yearDir);
    for (const entry of Object.values(manifest.files).sort((a, b) => a.file.localeCompare(b.file))) {
      const path = joinPath(yearDir, entry.file);
      const size = await fs.stat(path).then(
        (s) => s.size,
        () => -1,
      );
      contours.push({
        year: entry.year,
        layer: entry.layer,
        resolution: entry.resolution,
        region: entry.region,
        path,
        present: size === entry.bytes,
        bytes: entry.bytes,
        sha256: entry.sha256,
        features: entry.features,
        sourceUrl: entry.sourceUrl,
        downloadedAt: entry.downloadedAt,
      });
    }
  }
  let entries = 0;
  let bytes = 0;
  const httpDir = joinPath(dir, 'http');
  for (const name of await fs.readdir(httpDir).catch(() => [] as string[])) {
    if (!name.endsWith('.json')) continue;
    entries++;
    bytes += await fs.stat(joinPath(httpDir, name)).then(
      (s) => s.size,
      () => 0,
    );
  }
  return { dir, contours, http: { entries, bytes } };
}
