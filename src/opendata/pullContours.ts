import { dependencyReason } from '../_shared/errorReason.js';
import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';
import { FeatureSplitter } from './_internal/featureSplitter.js';
import { isWriteRefusal } from './_internal/fsErrors.js';
import { invalidJson, issueOf } from './_internal/issue.js';
import { removeStaleTemps, writeManifestEntry } from './_internal/manifest.js';
import { env } from './_internal/util.js';
import { CacheWriteError } from './CacheWriteError.js';
import { type ContoursSpec, contoursFileName, contoursPath, contoursUrl } from './contoursPath.js';
import { type ClientOptions, createClient } from './createClient.js';
import { type CachedContours, findCachedContours } from './findCachedContours.js';
import { NetworkError } from './NetworkError.js';
import { OfflineError } from './OfflineError.js';
import { CONTOURS_URLS } from './PRESETS.js';
import { ResponseTooLargeError } from './ResponseTooLargeError.js';
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
  /** Longest wait for the next chunk of the download, in ms (default: `timeout`, 30 s). */
  idleTimeout?: number;
  /** Largest decompressed size of the national file, in bytes (default 8 GiB). */
  maxDecodedBytes?: number;
  /** Largest single feature, in characters (default 256 MiB). */
  maxFeatureBytes?: number;
}

/**
 * The result of {@link pullContours}.
 * @category Contours
 */
export interface PulledContours extends CachedContours {
  /** `true` when served from a verified cache entry without downloading. */
  fromCache: boolean;
}

/**
 * The région filter of a layer, from the properties each layer has upstream: communes
 * (`region`, `departement`), communes associées/déléguées (`commune` code prefix), mairies
 * (`commune`, `nom`, `type`: the commune code's département prefix), départements (`code`, `region`),
 * régions (`code`), EPCI (`code`, `nom` only: membership comes from the France-wide territory graph
 * of `cprdfop/territory`, the EPCI that have a member commune in the région).
 */
async function regionFilter(o: PullContoursOptions): Promise<((f: StreamedFeature) => boolean) | undefined> {
  if (o.filter) return o.filter;
  const region = o.region;
  if (!region) return undefined;
  const deps = o.departements ?? REGION_DEPARTEMENTS[region];
  if (o.layer === 'epci') {
    const territory = await import('../territory/index.js');
    if (!territory.regions().some((known) => known.code === region))
      throw new CprdfopError('E_CONTOURS_NO_FILTER', {
        fr: `la couche des EPCI n’a que « code » et « nom »\u00a0: ses membres viennent du graphe territorial, qui n’a pas de région ${region}\u202f; passez un filtre`,
        en: `the EPCI layer has only "code" and "nom": its members come from the territory graph, which has no région ${region}; pass a filter`,
      });
    // The region's chunk: synchronous in Node, a dynamic import in browsers.
    await territory.loadRegion(region);
    const sirens = new Set(territory.epcis(region).map((e) => e.siren));
    return (f) => typeof f.properties?.code === 'string' && sirens.has(f.properties.code);
  }
  return (f) => {
    const p = f.properties ?? {};
    if (p.region !== undefined) return p.region === region;
    if (o.layer === 'regions') return p.code === region;
    if (!deps) return false;
    if (typeof p.departement === 'string') return deps.includes(p.departement);
    const code =
      o.layer === 'mairies' || o.layer === 'communes-associees-deleguees'
        ? (p.commune ?? p.code)
        : o.layer === 'communes' || o.layer === 'departements'
          ? p.code
          : undefined;
    if (typeof code === 'string') return deps.some((d) => code.startsWith(d));
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
    throw new OfflineError(target, {
      fr: `contours ${options.layer}-${options.resolution} ${options.year} absents du cache`,
      en: `contours ${options.layer}-${options.resolution} ${options.year} not cached`,
    });
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
    ...(options.idleTimeout !== undefined ? { idleTimeout: options.idleTimeout } : {}),
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
          (error.code === 'E_CONTOURS_NO_MATCH' ||
            error.code === 'E_CONTOURS_NO_FILTER' ||
            error.code === 'E_QUOTA_EXCEEDED' ||
            error.code === 'E_CACHE_WRITE' ||
            error.code === 'E_RESPONSE_TOO_LARGE')
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

/** What a failure inside the download pipeline means, as a typed error. */
function typedFailure(error: unknown, url: string, path: string, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof CprdfopError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  // zlib: an unexpected end is a truncated download (retry); other codes are a corrupt file.
  if (code === 'Z_BUF_ERROR' || code === 'ERR_STREAM_PREMATURE_CLOSE')
    return new NetworkError('GET', url, error);
  if (typeof code === 'string' && code.startsWith('Z_'))
    return new ResponseValidationError(url, [
      issueOf(
        [],
        renderBoth(
          { fr: 'données gzip corrompues ({reason})', en: 'corrupt gzip data ({reason})' },
          { reason: dependencyReason((error as Error).message) },
        ),
      ),
    ]);
  if (isWriteRefusal(error)) return new CacheWriteError(path, error);
  return new NetworkError('GET', url, error);
}

/** Runs a file-system step; a refusal (EACCES, EROFS, ENOSPC…) becomes a {@link CacheWriteError}. */
async function fsStep<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw isWriteRefusal(error) ? new CacheWriteError(path, error) : error;
  }
}

/**
 * Reads the first chunk to tell a gzip file (`1f 8b`) from plain GeoJSON (a server or proxy that
 * already decoded it) and from anything else (an HTML error page served with 200 → a typed error).
 */
async function sniff(
  body: ReadableStream<Uint8Array>,
  url: string,
  contentType: string | undefined,
): Promise<{ gzip: boolean; body: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const first = await reader.read();
  if (first.done || first.value.byteLength === 0)
    throw new ResponseValidationError(url, [issueOf([], { fr: 'corps vide', en: 'empty body' })]);
  const head = first.value;
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  if (!gzip) {
    const text = new TextDecoder()
      .decode(head.subarray(0, 256))
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (!text.startsWith('{')) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseValidationError(url, [
        issueOf(
          [],
          renderBoth(
            {
              fr: 'ni un fichier gzip ni un GeoJSON (content-type {type}, commence par {start})',
              en: 'not a gzip nor a GeoJSON file (content-type {type}, starts with {start})',
            },
            {
              type: contentType ?? { fr: 'inconnu', en: 'unknown' },
              start: JSON.stringify(text.slice(0, 40)),
            },
          ),
        ),
      ]);
    }
  }
  let sentFirst = false;
  const rest = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!sentFirst) {
          sentFirst = true;
          controller.enqueue(head);
          return;
        }
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { gzip, body: rest };
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
  const keep = await regionFilter(options);
  const yearDir = target.slice(0, target.length - contoursFileName(options).length - 1);
  await fsStep(yearDir, () => fs.mkdir(yearDir, { recursive: true }));
  await removeStaleTemps(yearDir);
  const response = await http.stream(url);
  const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  let handle: import('node:fs/promises').FileHandle;
  try {
    handle = await fsStep(tmp, () => fs.open(tmp, 'w'));
  } catch (error) {
    await response.body.cancel().catch(() => undefined);
    throw error;
  }
  const outHash = crypto.createHash('sha256');
  const srcHash = crypto.createHash('sha256');
  const maxDecoded = options.maxDecodedBytes ?? 8 * 1024 ** 3;
  const splitter = new FeatureSplitter(options.maxFeatureBytes ?? 256 * 1024 * 1024, url);
  let decoded = 0;
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
      await fsStep(tmp, () => handle.write(buf));
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
    const sniffed = await sniff(response.body, url, response.headers['content-type']);
    const source = stream.Readable.fromWeb(
      sniffed.body as import('node:stream/web').ReadableStream<Uint8Array>,
    );
    // The consumer's own typed error: `pipeline` may report it as an AbortError of the stages before.
    let consumeError: unknown;
    const consume = async (chunks: AsyncIterable<Buffer>) => {
      try {
        await consumeChunks(chunks);
      } catch (error) {
        consumeError = error;
        throw error;
      }
    };
    const consumeChunks = async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) {
        decoded += chunk.length;
        if (decoded > maxDecoded) throw new ResponseTooLargeError(url, maxDecoded, 'decompressed file');
        for (const raw of splitter.push(decoder.decode(chunk, { stream: true }))) {
          let feature: StreamedFeature;
          try {
            feature = JSON.parse(raw) as StreamedFeature;
          } catch (error) {
            throw new ResponseValidationError(url, [
              issueOf(['features', read], invalidJson({ fr: 'JSON invalide', en: 'invalid JSON' }, error)),
            ]);
          }
          read++;
          if (keep && !keep(feature)) continue;
          await write(kept === 0 ? raw : `,\n${raw}`);
          kept++;
        }
      }
    };
    try {
      if (sniffed.gzip) await streamPromises.pipeline(source, counter, zlib.createGunzip(), consume);
      else await streamPromises.pipeline(source, counter, consume);
    } catch (error) {
      throw typedFailure(consumeError ?? error, url, tmp, options.signal);
    }
    splitter.push(decoder.decode());
    if (keep && kept === 0 && read > 0 && !options.filter) {
      throw new CprdfopError('E_CONTOURS_NO_MATCH', {
        fr: `aucune entité de ${url} ne correspond à la région « ${options.region} » (${read} lues)\u00a0: cette couche n’a peut-être pas de propriétés « region »/« departement »\u202f; passez des départements ou un filtre`,
        en: `no feature of ${url} matches région "${options.region}" (${read} read): this layer may lack "region"/"departement" properties; pass departements or a filter`,
      });
    }
    if (!splitter.complete || (read === 0 && splitter.consumed === 0)) {
      throw new ResponseValidationError(url, [
        issueOf(['features', read], {
          fr: 'FeatureCollection tronquée ou vide',
          en: 'truncated or empty FeatureCollection',
        }),
      ]);
    }
    await write('\n]}\n', true);
    await fsStep(tmp, () => handle.close());
    await fsStep(target, () => fs.rename(tmp, target));
    done = true;
    progress();
    const sha256 = outHash.digest('hex');
    const downloadedAt = new Date().toISOString();
    await fsStep(yearDir, () =>
      writeManifestEntry(yearDir, {
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
      }),
    );
    return { path: target, sha256, features: kept, bytes, sourceUrl: url, downloadedAt };
  } finally {
    if (!done) {
      await handle.close().catch(() => undefined);
      await fs.rm(tmp, { force: true });
    }
  }
}
