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

export async function writeManifestEntry(yearDir: string, entry: ContoursManifestEntry): Promise<void> {
  const fs = await import('node:fs/promises');
  const manifest = await readManifest(yearDir);
  manifest.files[entry.file] = entry;
  const file = joinPath(yearDir, 'manifest.json');
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.rename(tmp, file);
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
