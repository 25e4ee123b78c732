import { readManifest, sha256File } from './_internal/manifest.js';
import { type ContoursSpec, contoursFileName, contoursPath } from './contoursPath.js';

/**
 * A verified contours file in the cache.
 * @category Contours
 */
export interface CachedContours {
  /** Absolute path of the regional GeoJSON FeatureCollection. */
  path: string;
  /** SHA-256 of the file (hex). */
  sha256: string;
  /** Number of features. */
  features: number;
  /** File size in bytes. */
  bytes: number;
  /** Where it was downloaded from. */
  sourceUrl: string;
  /** ISO date-time of the download. */
  downloadedAt: string;
}

/**
 * Finds a contours file in the cache and checks it against its manifest entry (size and, unless
 * `verify: false`, SHA-256). Node only (`node:fs` is loaded lazily).
 *
 * @param spec - Year, layer, resolution, optional région and cache root; `verify` (default true).
 * @returns The cached file, or `null` when missing, unrecorded or corrupted.
 * @example
 * ```ts noexec
 * import { findCachedContours } from 'cprdfop/opendata';
 * const hit = await findCachedContours({ year: 2026, layer: 'communes', resolution: '100m', region: '32' });
 * if (hit) console.log(hit.path);
 * ```
 * @category Contours
 */
export async function findCachedContours(
  spec: ContoursSpec & { verify?: boolean },
): Promise<CachedContours | null> {
  const fs = await import('node:fs/promises');
  const path = contoursPath(spec);
  const yearDir = path.slice(0, path.length - contoursFileName(spec).length - 1);
  const entry = (await readManifest(yearDir)).files[contoursFileName(spec)];
  if (!entry) return null;
  let size: number;
  try {
    size = (await fs.stat(path)).size;
  } catch {
    return null;
  }
  if (size !== entry.bytes) return null;
  if (spec.verify !== false && (await sha256File(path)) !== entry.sha256) return null;
  return {
    path,
    sha256: entry.sha256,
    features: entry.features,
    bytes: entry.bytes,
    sourceUrl: entry.sourceUrl,
    downloadedAt: entry.downloadedAt,
  };
}
