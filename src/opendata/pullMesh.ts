import { type Message, renderBoth } from '../_shared/messages.js';
import { isWriteRefusal } from './_internal/fsErrors.js';
import { issueOf } from './_internal/issue.js';
import { env } from './_internal/util.js';
import { CacheWriteError } from './CacheWriteError.js';
import { cacheDir as defaultCacheDir, joinPath } from './cacheDir.js';
import { type ClientOptions, createClient } from './createClient.js';
import { OfflineError } from './OfflineError.js';
import { ResponseTooLargeError } from './ResponseTooLargeError.js';
import { ResponseValidationError } from './ResponseValidationError.js';

/**
 * The default maximum size of a mesh table (64 MiB): INSEE's France-wide « table d'appartenance » is a
 * few MB as XLSX or CSV.
 * @example
 * ```ts
 * import { MAX_MESH_TABLE_BYTES } from 'cprdfop/opendata';
 * MAX_MESH_TABLE_BYTES; // 67108864
 * ```
 * @category Meshes
 */
export const MAX_MESH_TABLE_BYTES = 64 * 1024 * 1024;

/** Options of {@link pullMesh}. @category Meshes */
export interface PullMeshOptions
  extends Pick<ClientOptions, 'fetch' | 'timeout' | 'retry' | 'logger' | 'userAgent'> {
  /** The `http:` or `https:` URL of the table (CSV or XLSX, as INSEE publishes it). */
  url: string;
  /** The cache root (default: {@link cacheDir}); the table goes to `<cacheDir>/meshes/`. */
  cacheDir?: string | undefined;
  /** Never download; fail with {@link OfflineError} when not cached (default `CPRDFOP_OFFLINE=1`). */
  offline?: boolean | undefined;
  /** Download again even when a verified copy is cached. */
  force?: boolean | undefined;
  /** Maximum size in bytes (default {@link MAX_MESH_TABLE_BYTES}); a larger body is refused. */
  maxBytes?: number | undefined;
}

/** A mesh table in the cache. @category Meshes */
export interface CachedMesh {
  /** Absolute path of the cached file. */
  path: string;
  /** The URL it was downloaded from. */
  url: string;
  /** `csv` (text) or `xlsx` (a ZIP workbook). */
  format: 'csv' | 'xlsx';
  /** SHA-256 of the file (hex). */
  sha256: string;
  /** Size in bytes. */
  bytes: number;
  /** ISO date-time of the download. */
  downloadedAt: string;
  /** Whether this call found it in the cache rather than downloading it. */
  fromCache: boolean;
}

interface MeshRecord {
  version: 1;
  url: string;
  file: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  bytes: number;
  downloadedAt: string;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

function checkUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new ResponseValidationError(String(url), [
      issueOf([], {
        fr: 'l’URL de la table de maillage doit être en http(s)',
        en: 'the mesh table URL must be http(s)',
      }),
    ]);
  }
}

/** Where the table of `url` is cached: `<root>/meshes/<first 16 hex digits of sha256(url)>`. */
async function locate(root: string, url: string): Promise<{ dir: string; stem: string }> {
  const stem = (await sha256Hex(new TextEncoder().encode(url))).slice(0, 16);
  return { dir: joinPath(root, 'meshes'), stem };
}

/**
 * Why `bytes` is not a table d'appartenance (CSV with a `CODGEO` header, or an XLSX/ZIP workbook), or
 * `undefined` with its format.
 */
function tableFormat(bytes: Uint8Array): { format: 'csv' | 'xlsx' } | { problem: Message } {
  if (bytes.length === 0) return { problem: { fr: 'corps vide', en: 'empty body' } };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return { format: 'xlsx' };
  // Latin-1 reads any byte: enough to find the ASCII header whatever the file's encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256 * 1024));
  if (/^\s*</.test(head))
    return {
      problem: {
        fr: 'une page HTML ou XML, pas une table CSV ou XLSX',
        en: 'an HTML or XML page, not a CSV or XLSX table',
      },
    };
  if (!/(^|[\n\r;,\t"])CODGEO([;,\t"\r\n]|$)/i.test(head)) {
    return {
      problem: {
        fr: 'pas de colonne CODGEO dans les 256 premiers Ko\u00a0: ce n’est pas la «\u00a0table d’appartenance géographique\u00a0» de l’INSEE',
        en: 'no CODGEO column in the first 256 KB: not INSEE’s « table d’appartenance géographique »',
      },
    };
  }
  return { format: 'csv' };
}

/**
 * Finds the mesh table downloaded from `url` in the cache and checks it (size and SHA-256). Node only.
 *
 * @param url - The URL given to {@link pullMesh}.
 * @param options - `cacheDir` (default: {@link cacheDir}).
 * @returns The cached table, or `null` when missing, unrecorded or altered.
 * @example
 * ```ts noexec
 * import { findCachedMesh } from 'cprdfop/opendata';
 * const hit = await findCachedMesh('https://www.insee.fr/…/table-appartenance-geo-communes.xlsx');
 * if (hit) console.log(hit.path, hit.format);
 * ```
 * @category Meshes
 */
export async function findCachedMesh(
  url: string,
  options: { cacheDir?: string | undefined } = {},
): Promise<CachedMesh | null> {
  const fs = await import('node:fs/promises');
  const { dir, stem } = await locate(options.cacheDir ?? defaultCacheDir(), url);
  let record: MeshRecord;
  try {
    record = JSON.parse(await fs.readFile(joinPath(dir, `${stem}.json`), 'utf8')) as MeshRecord;
  } catch {
    return null;
  }
  if (record?.version !== 1 || record.url !== url || (record.format !== 'csv' && record.format !== 'xlsx'))
    return null;
  const path = joinPath(dir, record.file);
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch {
    return null;
  }
  if (bytes.length !== record.bytes || (await sha256Hex(bytes)) !== record.sha256) return null;
  return {
    path,
    url,
    format: record.format,
    sha256: record.sha256,
    bytes: record.bytes,
    downloadedAt: record.downloadedAt,
    fromCache: true,
  };
}

/**
 * Reads a cached mesh table in the form `loadMesh` (`cprdfop/territory`) takes: the bytes of an XLSX
 * workbook, or the text of a CSV (UTF-8; a file that is not valid UTF-8 is read as Windows-1252, the
 * other encoding INSEE's CSV files use). Node only.
 *
 * @param mesh - A table found by {@link findCachedMesh} or returned by {@link pullMesh}.
 * @returns Bytes (XLSX) or text (CSV).
 * @throws {@link ResponseValidationError} when the file changed since it was cached.
 * @example
 * ```ts noexec
 * import { findCachedMesh, readCachedMesh } from 'cprdfop/opendata';
 * import { loadMesh } from 'cprdfop/territory';
 * const hit = await findCachedMesh(url);
 * if (hit) console.log(loadMesh(await readCachedMesh(hit), { unitColumn: 'ZE2020', id: 'ze2020' }).mesh.units.length);
 * ```
 * @category Meshes
 */
export async function readCachedMesh(
  mesh: Pick<CachedMesh, 'path' | 'format' | 'sha256' | 'url'>,
): Promise<string | Uint8Array> {
  const fs = await import('node:fs/promises');
  const bytes = new Uint8Array(await fs.readFile(mesh.path));
  if ((await sha256Hex(bytes)) !== mesh.sha256) {
    throw new ResponseValidationError(mesh.url, [
      issueOf(
        [],
        renderBoth(
          {
            fr: 'la copie en cache {path} a changé depuis son téléchargement (SHA-256 différent)',
            en: 'the cached copy {path} changed since it was downloaded (SHA-256 differs)',
          },
          { path: mesh.path },
        ),
      ),
    ]);
  }
  if (mesh.format === 'xlsx') return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Downloads a mesh table — INSEE's « table d'appartenance géographique des communes » (zones d'emploi
 * `ZE2020`, bassins de vie `BV2022`…), CSV or XLSX — through the open-data client (retries, timeouts,
 * size limit) and caches it under `<cacheDir>/meshes/` with its SHA-256, so that `loadMesh` can read it
 * offline ({@link readCachedMesh}). A verified cached copy is returned without any request unless
 * `force`. The body is checked before it is cached: an empty body, an HTML page or a CSV without a
 * `CODGEO` column is refused. Node only.
 *
 * @param options - URL, cache root, offline and force flags, size limit, HTTP client options.
 * @returns The cached table (`fromCache` tells whether it was downloaded now).
 * @throws {@link OfflineError} offline without a cached copy; {@link ResponseValidationError} for a URL
 * that is not http(s) or a body that is not a table; {@link ResponseTooLargeError} past `maxBytes`;
 * {@link CacheWriteError} when the cache cannot be written; the client's `HttpError`, `NetworkError`,
 * `TimeoutError` for the server's faults.
 * @example
 * ```ts noexec
 * import { pullMesh, readCachedMesh } from 'cprdfop/opendata';
 * import { loadMesh } from 'cprdfop/territory';
 * const table = await pullMesh({ url: 'https://www.insee.fr/…/table-appartenance-geo-communes.xlsx' });
 * const { mesh } = loadMesh(await readCachedMesh(table), { unitColumn: 'ZE2020', id: 'ze2020', region: '28' });
 * ```
 * @category Meshes
 */
export async function pullMesh(options: PullMeshOptions): Promise<CachedMesh> {
  const { url } = options;
  checkUrl(url);
  const root = options.cacheDir ?? defaultCacheDir();
  const offline = options.offline ?? env('CPRDFOP_OFFLINE') === '1';
  if (!options.force) {
    const cached = await findCachedMesh(url, { cacheDir: root });
    if (cached) return cached;
  }
  if (offline)
    throw new OfflineError(url, {
      fr: 'table de maillage absente du cache',
      en: 'mesh table not in the cache',
    });
  const maxBytes = options.maxBytes ?? MAX_MESH_TABLE_BYTES;
  const client = createClient({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    offline: false,
  });
  const response = await client.stream(url, { maxBytes });
  if (response.contentLength !== undefined && response.contentLength > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(url, maxBytes, 'mesh table');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new ResponseTooLargeError(url, maxBytes, 'mesh table');
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  if (response.contentLength !== undefined && size !== response.contentLength) {
    throw new ResponseValidationError(url, [
      issueOf(
        [],
        renderBoth(
          {
            fr: '{size} octets reçus, le serveur en annonçait {announced}',
            en: 'received {size} bytes, the server announced {announced}',
          },
          { size, announced: response.contentLength ?? '?' },
        ),
      ),
    ]);
  }
  const kind = tableFormat(bytes);
  if ('problem' in kind) throw new ResponseValidationError(url, [issueOf([], kind.problem)]);

  const fs = await import('node:fs/promises');
  const { dir, stem } = await locate(root, url);
  const file = `${stem}.${kind.format}`;
  const path = joinPath(dir, file);
  const record: MeshRecord = {
    version: 1,
    url,
    file,
    format: kind.format,
    sha256: await sha256Hex(bytes),
    bytes: size,
    downloadedAt: new Date().toISOString(),
  };
  const suffix = `${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  const writeAtomically = async (target: string, content: Uint8Array | string) => {
    const temp = `${target}.${suffix}`;
    try {
      await fs.writeFile(temp, content);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  };
  try {
    await fs.mkdir(dir, { recursive: true });
    await writeAtomically(path, bytes);
    await writeAtomically(joinPath(dir, `${stem}.json`), `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    if (isWriteRefusal(error)) throw new CacheWriteError(dir, error);
    throw error;
  }
  return {
    path,
    url,
    format: record.format,
    sha256: record.sha256,
    bytes: size,
    downloadedAt: record.downloadedAt,
    fromCache: false,
  };
}
