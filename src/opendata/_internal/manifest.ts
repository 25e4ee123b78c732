import { joinPath } from '../cacheDir.js';

/** One entry of `<cacheDir>/contours/<year>/manifest.json`. */
export interface ContoursManifestEntry {
  file: string;
  year: string;
  layer: string;
  resolution: string;
  region: string | null;
  /** SHA-256 of the regional file. */
  sha256: string;
  bytes: number;
  features: number;
  sourceUrl: string;
  /** SHA-256 of the downloaded `.geojson.gz`. */
  sourceSha256: string;
  sourceBytes: number;
  /** ISO date-time of the download. */
  downloadedAt: string;
}

export interface ContoursManifest {
  version: 1;
  files: Record<string, ContoursManifestEntry>;
}

export async function readManifest(yearDir: string): Promise<ContoursManifest> {
  const fs = await import('node:fs/promises');
  try {
    const m = JSON.parse(await fs.readFile(joinPath(yearDir, 'manifest.json'), 'utf8')) as ContoursManifest;
    if (m && m.version === 1 && typeof m.files === 'object') return m;
  } catch {
    // missing or corrupt: start afresh
  }
  return { version: 1, files: {} };
}

/** A lock older than this is left over by a killed process and is broken. */
const STALE_LOCK_MS = 30_000;

/**
 * Adds or replaces one entry, atomically across processes: an exclusive lock file
 * (`manifest.json.lock`, created with `wx`, so only one process holds it), then read, modify, write to a
 * temp file and rename, then unlock. A lock left by a killed process is broken after 30 s.
 */
export async function writeManifestEntry(yearDir: string, entry: ContoursManifestEntry): Promise<void> {
  const fs = await import('node:fs/promises');
  const file = joinPath(yearDir, 'manifest.json');
  const lock = `${file}.lock`;
  const deadline = Date.now() + 60_000;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    try {
      const handle = await fs.open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const stat = await fs.stat(lock).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > STALE_LOCK_MS) {
        await fs.rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
    }
  }
  try {
    const manifest = await readManifest(yearDir);
    manifest.files[entry.file] = entry;
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
      await fs.rename(tmp, file);
    } catch (error) {
      await fs.rm(tmp, { force: true });
      throw error;
    }
  } finally {
    await fs.rm(lock, { force: true });
  }
}

/**
 * Removes `*.tmp` files of `dir` not modified for `olderThanMs` (left by a killed process: a live
 * download writes its temp file continuously, so its modification time stays recent).
 */
export async function removeStaleTemps(dir: string, olderThanMs = 10 * 60_000): Promise<number> {
  const fs = await import('node:fs/promises');
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.tmp')) continue;
    const path = joinPath(dir, name);
    const stat = await fs.stat(path).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
      await fs.rm(path, { force: true }).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

export async function sha256File(path: string): Promise<string> {
  const [{ createReadStream }, { createHash }] = await Promise.all([
    import('node:fs'),
    import('node:crypto'),
  ]);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
