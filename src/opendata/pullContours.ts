import { CprdfopError } from '../errors.js';
import { FeatureSplitter } from './_internal/featureSplitter.js';
import { writeManifestEntry } from './_internal/manifest.js';
import { env } from './_internal/util.js';
import { type ContoursSpec, contoursFileName, contoursPath, contoursUrl } from './contoursPath.js';
import { type ClientOptions, createClient } from './createClient.js';
import { type CachedContours, findCachedContours } from './findCachedContours.js';
import { OfflineError } from './OfflineError.js';
import { CONTOURS_URLS } from './PRESETS.js';
import { ResponseValidationError } from './ResponseValidationError.js';
import type { StreamedFeature } from './streamFeatures.js';

/** Départements of the régions whose list is confirmed (COG 2026): used to match by code prefix. */
const REGION_DEPARTEMENTS: Record<string, readonly string[]> = { '32': ['02', '59', '60', '62', '80'] };

/**
 * Progress of a contours download.
 * @category Contours
 */
export interface ContoursProgress {
  /** The URL being downloaded. */
  url: string;
  /** Compressed bytes received. */
  receivedBytes: number;
  /** Compressed size, when the server sent `Content-Length`. */
  totalBytes: number | undefined;
  /** Features parsed so far. */
  featuresRead: number;
  /** Features kept (matching the région). */
  featuresKept: number;
}

/**
 * Options of {@link pullContours}.
 * @category Contours
 */
export interface PullContoursOptions
  extends ContoursSpec,
    Pick<ClientOptions, 'fetch' | 'timeout' | 'retry' | 'logger' | 'userAgent'> {
  /** Départements to keep by code prefix / `departement` property (default: known for région 32). */
  departements?: readonly string[];
  /** A custom predicate, replacing the région filter. */
  filter?: (feature: StreamedFeature) => boolean;
  /** Host roots tried in order (default `CPRDFOP_CONTOURS_URL` if set, else {@link CONTOURS_URLS}). */
  urls?: readonly string[];
  /** Never download; fail with {@link OfflineError} when not cached (default `CPRDFOP_OFFLINE=1`). */
  offline?: boolean;
  /** Download again even when a verified copy is cached. */
  force?: boolean;
  /** Whole-download attempts per host (default 2); each attempt already retries until the headers. */
  attempts?: number;
  /** Called as bytes arrive. */
  onProgress?: (progress: ContoursProgress) => void;
  /** Aborts the download (the temp file is removed). */
  signal?: AbortSignal;
}

/**
 * The result of {@link pullContours}.
 * @category Contours
 */
export interface PulledContours extends CachedContours {
  /** `true` when served from a verified cache entry without downloading. */
  fromCache: boolean;
}

function regionFilter(o: PullContoursOptions): ((f: StreamedFeature) => boolean) | undefined {
  if (o.filter) return o.filter;
  const region = o.region;
  if (!region) return undefined;
  const deps = o.departements ?? REGION_DEPARTEMENTS[region];
  const byCode =
    o.layer === 'communes' ||
    o.layer === 'communes-associees-deleguees' ||
    o.layer === 'mairies' ||
    o.layer === 'departements';
  return (f) => {
    const p = f.properties ?? {};
    if (p.region !== undefined) return p.region === region;
    if (o.layer === 'regions') return p.code === region;
    if (!deps) return false;
    if (typeof p.departement === 'string') return deps.includes(p.departement);
    if (byCode && typeof p.code === 'string') {
      const code = p.code;
      return deps.some((d) => code.startsWith(d));
    }
    return false;
  };
}

/**
 * Downloads an Etalab « contours-administratifs » file and keeps one région while reading: streamed
 * gunzip and feature-by-feature JSON parsing (the national file is never held in memory), written to a
 * temp file then renamed into `<cacheDir>/contours/<year>/<layer>-<res>-r<region>.geojson`, with its
 * SHA-256, size, feature count, source URL and date recorded in `manifest.json` next to it. A verified
 * cached copy is returned without downloading. Falls back to the mirror hosts. Node only.
 *
 * Features are kept when `properties.region` equals `region`, else (files without it) when
 * `properties.departement` or the code prefix is one of `departements`.
 *
 * @param options - Year, layer, resolution, région, hosts, progress callback… See {@link PullContoursOptions}.
 * @returns The cached file's path, SHA-256, feature count and size.
 * @throws {OfflineError} In offline mode when the file is not cached.
 * @throws {CprdfopError} `E_CONTOURS_NO_MATCH` when no feature matches the région (nothing is cached).
 * @throws {HttpError} / {@link NetworkError} / {@link ResponseValidationError} When every host fails
 *   (the last error is thrown; no partial file is left).
 * @example
 * ```ts noexec
 * import { pullContours } from 'cprdfop/opendata';
 * const { path, features } = await pullContours({ year: 2026, layer: 'communes', resolution: '100m', region: '32' });
 * ```
 * @category Contours
 */
export async function pullContours(options: PullContoursOptions): Promise<PulledContours> {
  const target = contoursPath(options);
  if (!options.force) {
    const cached = await findCachedContours(options);
    if (cached) return { ...cached, fromCache: true };
  }
  const offline = options.offline ?? env('CPRDFOP_OFFLINE') === '1';
  if (offline)
    throw new OfflineError(
      target,
      `contours ${options.layer}-${options.resolution} ${options.year} not cached`,
    );
  const fromEnv = env('CPRDFOP_CONTOURS_URL');
  const hosts = options.urls ?? (fromEnv ? [fromEnv, ...CONTOURS_URLS] : CONTOURS_URLS);
  const http = createClient({
    cache: false,
    offline: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.retry !== undefined ? { retry: options.retry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const attempts = options.attempts ?? 2;
  let lastError: unknown;
  for (const host of hosts) {
    const url = contoursUrl(options, host);
    for (let n = 0; n < attempts; n++) {
      try {
        const result = await downloadOnce(url, target, options, http);
        return { ...result, fromCache: false };
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (
          error instanceof CprdfopError &&
          (error.code === 'E_CONTOURS_NO_MATCH' || error.code === 'E_QUOTA_EXCEEDED')
        )
          throw error;
        lastError = error;
        options.logger?.warn?.(`contours download from ${url} failed: ${(error as Error).message}`);
        if ((error as { status?: number }).status === 404) break;
      }
    }
  }
  throw lastError;
}

async function downloadOnce(
  url: string,
  target: string,
  options: PullContoursOptions,
  http: ReturnType<typeof createClient>,
): Promise<CachedContours> {
  const [fs, zlib, crypto, stream, streamPromises] = await Promise.all([
    import('node:fs/promises'),
    import('node:zlib'),
    import('node:crypto'),
    import('node:stream'),
    import('node:stream/promises'),
  ]);
  const response = await http.stream(url);
  const yearDir = target.slice(0, target.length - contoursFileName(options).length - 1);
  await fs.mkdir(yearDir, { recursive: true });
  const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'w');
  const outHash = crypto.createHash('sha256');
  const srcHash = crypto.createHash('sha256');
  const keep = regionFilter(options);
  const splitter = new FeatureSplitter();
  const decoder = new TextDecoder();
  let received = 0;
  let bytes = 0;
  let read = 0;
  let kept = 0;
  let pending: string[] = [];
  let pendingLength = 0;
  let lastProgress = 0;
  const write = async (text: string, force = false): Promise<void> => {
    if (text) {
      pending.push(text);
      pendingLength += text.length;
    }
    if (pendingLength >= 1 << 18 || (force && pendingLength > 0)) {
      const buf = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingLength = 0;
      outHash.update(buf);
      bytes += buf.length;
      await handle.write(buf);
    }
  };
  const progress = (): void => {
    options.onProgress?.({
      url,
      receivedBytes: received,
      totalBytes: response.contentLength,
      featuresRead: read,
      featuresKept: kept,
    });
  };
  let done = false;
  try {
    await write('{"type":"FeatureCollection","features":[\n');
    const counter = new stream.Transform({
      transform(chunk: Buffer, _enc, cb) {
        srcHash.update(chunk);
        received += chunk.length;
        if (received - lastProgress >= 256 * 1024) {
          lastProgress = received;
          progress();
        }
        cb(null, chunk);
      },
    });
    const source = stream.Readable.fromWeb(
      response.body as import('node:stream/web').ReadableStream<Uint8Array>,
    );
    await streamPromises.pipeline(
      source,
      counter,
      zlib.createGunzip(),
      async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          for (const raw of splitter.push(decoder.decode(chunk, { stream: true }))) {
            let feature: StreamedFeature;
            try {
              feature = JSON.parse(raw) as StreamedFeature;
            } catch (error) {
              throw new ResponseValidationError(url, [
                { path: ['features', read], message: `invalid JSON (${(error as Error).message})` },
              ]);
            }
            read++;
            if (keep && !keep(feature)) continue;
            await write(kept === 0 ? raw : `,\n${raw}`);
            kept++;
          }
        }
      },
    );
    splitter.push(decoder.decode());
    if (keep && kept === 0 && read > 0 && !options.filter) {
      throw new CprdfopError(
        'E_CONTOURS_NO_MATCH',
        `no feature of ${url} matches région "${options.region}" (${read} read): this layer may lack "region"/"departement" properties; pass departements or a filter`,
      );
    }
    if (!splitter.complete || (read === 0 && splitter.consumed === 0)) {
      throw new ResponseValidationError(url, [
        { path: ['features', read], message: 'truncated or empty FeatureCollection' },
      ]);
    }
    await write('\n]}\n', true);
    await handle.close();
    done = true;
    await fs.rename(tmp, target);
    progress();
    const sha256 = outHash.digest('hex');
    const downloadedAt = new Date().toISOString();
    await writeManifestEntry(yearDir, {
      file: contoursFileName(options),
      year: String(options.year),
      layer: options.layer,
      resolution: options.resolution,
      region: options.region ?? null,
      sha256,
      bytes,
      features: kept,
      sourceUrl: url,
      sourceSha256: srcHash.digest('hex'),
      sourceBytes: received,
      downloadedAt,
    });
    return { path: target, sha256, features: kept, bytes, sourceUrl: url, downloadedAt };
  } finally {
    if (!done) {
      await handle.close().catch(() => undefined);
      await fs.rm(tmp, { force: true });
    }
  }
}
