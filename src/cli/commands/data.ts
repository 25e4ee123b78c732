import type { Command } from 'commander';
import { REGION_CODE } from '../../_shared/inseeCodes.js';
import { languageFromEnvironment } from '../../_shared/language.js';
import { frenchTypography } from '../../_shared/typography.js';
import {
  CONTOURS_LAYERS,
  CONTOURS_RESOLUTIONS,
  CONTOURS_URLS,
  type ContoursLayer,
  type ContoursProgress,
  type ContoursResolution,
  cacheDir,
  isCacheWriteError,
  isHttpError,
  isIncompleteResultError,
  isNetworkError,
  isOfflineError,
  isQuotaExceededError,
  isResponseTooLargeError,
  isResponseValidationError,
  isTimeoutError,
  listCache,
  pullContours,
  pullMesh,
} from '../../opendata/index.js';
import { defaultContours, joinedTopology } from '../_support/geoInput.js';
import { cachedTopologyPath, writeSavedTopology } from '../_support/topologyFile.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function resolveCacheDir(ctx: CliContext): string {
  try {
    return cacheDir(ctx.env);
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.UNAVAILABLE);
  }
}

/** A progress reporter: a cli-progress bar on a TTY, plain lines otherwise. */
async function progressReporter(
  ctx: CliContext,
): Promise<{ update(p: ContoursProgress): void; stop(): void }> {
  if (ctx.stderr.isTTY) {
    const { default: cliProgress } = await import('cli-progress');
    const bar = new cliProgress.SingleBar(
      {
        stream: ctx.stderr as unknown as NodeJS.WritableStream,
        format: 'contours [{bar}] {percentage}% | {received} | {kept} features kept',
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const total = p.totalBytes ?? Math.max(p.receivedBytes, 1);
        const payload = { received: mb(p.receivedBytes), kept: p.featuresKept };
        if (!started) {
          bar.start(total, p.receivedBytes, payload);
          started = true;
        } else bar.update(p.receivedBytes, payload);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let nextReport = 0;
  return {
    update(p) {
      const pct = p.totalBytes ? Math.floor((p.receivedBytes / p.totalBytes) * 100) : undefined;
      const step = pct ?? Math.floor(p.receivedBytes / (5 * 1024 * 1024));
      if (step < nextReport) return;
      nextReport = step + (pct !== undefined ? 10 : 1);
      ctx.stderr.write(
        `downloaded ${mb(p.receivedBytes)}${p.totalBytes ? ` / ${mb(p.totalBytes)} (${pct}%)` : ''}, ${p.featuresKept} features kept\n`,
      );
    },
    stop() {},
  };
}

/**
 * The documented exit code of a pull failure: 69 the service (network, timeout, HTTP, quota, offline
 * without a copy), 65 the data (not GeoJSON, an HTML page, too large, incomplete, no match), 64 a bad
 * spec, 73 an unwritable cache.
 */
function failure(error: unknown): CliError {
  if (
    isOfflineError(error) ||
    isNetworkError(error) ||
    isTimeoutError(error) ||
    isHttpError(error) ||
    isQuotaExceededError(error)
  ) {
    return new CliError((error as Error).message, EXIT.UNAVAILABLE);
  }
  if (isCacheWriteError(error)) return new CliError((error as Error).message, EXIT.CANTCREAT);
  const code = (error as { code?: string }).code;
  if (code === 'E_CONTOURS_SPEC') return new CliError((error as Error).message, EXIT.USAGE);
  if (
    isResponseValidationError(error) ||
    isResponseTooLargeError(error) ||
    code === 'E_CONTOURS_NO_FILTER' ||
    isIncompleteResultError(error) ||
    (error as { code?: string }).code === 'E_CONTOURS_NO_MATCH'
  ) {
    return new CliError((error as Error).message, EXIT.DATAERR);
  }
  if (error instanceof CliError) return error;
  return new CliError(error instanceof Error ? error.message : String(error), EXIT.SOFTWARE);
}

/**
 * `cprdfop data`: open-data cache commands (`pull contours`, `ls`, `where`, `topo`).
 */
export function registerData(program: Command, ctx: CliContext): void {
  const data = program
    .command('data')
    .description('download and inspect cached open data (contours, API responses)');

  data
    .command('where')
    .description('print the cache directory (CPRDFOP_CACHE_DIR overrides it)')
    .action(() => {
      ctx.stdout.write(`${resolveCacheDir(ctx)}\n`);
    });

  data
    .command('ls')
    .description('list the cache contents: contours by vintage, sizes, checksums')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const listing = await listCache({ cacheDir: resolveCacheDir(ctx) });
      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      ctx.stdout.write(`cache: ${listing.dir}\n`);
      if (listing.contours.length === 0) ctx.stdout.write('contours: none\n');
      for (const c of listing.contours) {
        ctx.stdout.write(
          `${c.year}  ${c.layer}-${c.resolution}${c.region ? ` r${c.region}` : ''}  ${c.features} features  ${mb(c.bytes)}  sha256:${c.sha256.slice(0, 16)}${c.present ? '' : '  (missing or altered)'}\n`,
        );
      }
      ctx.stdout.write(`http responses: ${listing.http.entries} entries, ${mb(listing.http.bytes)}\n`);
    });

  const pull = data.command('pull').description('download open data into the cache');
  pull
    .command('contours')
    .description('download Etalab contours-administratifs, keep one région, cache them with a checksum')
    .requiredOption('--year <year>', 'vintage (COG year), e.g. 2026')
    .requiredOption('--layer <layer>', `one of ${CONTOURS_LAYERS.join(', ')}`)
    .requiredOption('--resolution <res>', `one of ${CONTOURS_RESOLUTIONS.join(', ')}`)
    .option('--region <code>', 'INSEE région code to keep (e.g. 32); omit for the national file')
    .option(
      '--base-url <url...>',
      'host root(s) to download from, tried in order (default: CPRDFOP_CONTOURS_URL, then the Etalab hosts)',
    )
    .option('--offline', 'never download: succeed only from the cache (also CPRDFOP_OFFLINE=1)')
    .option('--force', 'download again even when a verified copy is cached')
    .action(
      async (opts: {
        year: string;
        layer: string;
        resolution: string;
        region?: string;
        baseUrl?: string[];
        offline?: boolean;
        force?: boolean;
      }) => {
        if (!/^\d{4}$/.test(opts.year))
          throw new CliError(`invalid --year "${opts.year}": expected a 4-digit year`, EXIT.USAGE, true);
        if (!CONTOURS_LAYERS.includes(opts.layer as ContoursLayer)) {
          throw new CliError(
            `invalid --layer "${opts.layer}": expected one of ${CONTOURS_LAYERS.join(', ')}`,
            EXIT.USAGE,
            true,
          );
        }
        if (!CONTOURS_RESOLUTIONS.includes(opts.resolution as ContoursResolution)) {
          throw new CliError(
            `invalid --resolution "${opts.resolution}": expected one of ${CONTOURS_RESOLUTIONS.join(', ')}`,
            EXIT.USAGE,
            true,
          );
        }
        if (opts.region !== undefined && !REGION_CODE.test(opts.region)) {
          throw new CliError(
            `invalid --region "${opts.region}": expected a 2-digit INSEE région code`,
            EXIT.USAGE,
            true,
          );
        }
        const fromEnv = ctx.env.CPRDFOP_CONTOURS_URL;
        const urls = opts.baseUrl ?? (fromEnv ? [fromEnv, ...CONTOURS_URLS] : CONTOURS_URLS);
        const reporter = await progressReporter(ctx);
        try {
          const result = await pullContours({
            year: opts.year,
            layer: opts.layer as ContoursLayer,
            resolution: opts.resolution as ContoursResolution,
            region: opts.region,
            cacheDir: resolveCacheDir(ctx),
            urls,
            offline: opts.offline === true || ctx.env.CPRDFOP_OFFLINE === '1',
            force: opts.force === true,
            onProgress: (p) => reporter.update(p),
          });
          reporter.stop();
          ctx.stdout.write(
            `${result.fromCache ? 'cached' : 'downloaded'}: ${result.path}\n${result.features} features, ${mb(result.bytes)}, sha256 ${result.sha256}\n`,
          );
        } catch (error) {
          reporter.stop();
          throw failure(error);
        }
      },
    );

  pull
    .command('mesh')
    .description(
      "download a mesh table (INSEE's « table d'appartenance géographique des communes », CSV or XLSX) into the cache, with a checksum",
    )
    .argument('<url>', 'the http(s) URL of the table')
    .option('--offline', 'never download: succeed only from the cache (also CPRDFOP_OFFLINE=1)')
    .option('--force', 'download again even when a verified copy is cached')
    .action(async (url: string, opts: { offline?: boolean; force?: boolean }) => {
      if (!/^https?:\/\//i.test(url)) {
        throw new CliError(`invalid <url> "${url}": expected an http(s) URL`, EXIT.USAGE, true);
      }
      try {
        const result = await pullMesh({
          url,
          cacheDir: resolveCacheDir(ctx),
          offline: opts.offline === true || ctx.env.CPRDFOP_OFFLINE === '1',
          force: opts.force === true,
        });
        ctx.stdout.write(
          `${result.fromCache ? 'cached' : 'downloaded'}: ${result.path}\n${result.format.toUpperCase()}, ${result.bytes} bytes, sha256 ${result.sha256}\n`,
        );
      } catch (error) {
        throw failure(error);
      }
    });

  data
    .command('topo')
    .description(
      'build the commune topology of contours once (joined to the territory graph) and save it, stamped with the contours’ SHA-256; the geo commands reuse it',
    )
    .option(
      '--contours <file>',
      'commune contours (default: the cached contours, see `cprdfop data pull contours`)',
    )
    .option(
      '--out <file>',
      'where to save it (default: the cache, where locate, check, map and export find it)',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { contours?: string; out?: string; json?: boolean }) => {
      const lang = languageFromEnvironment(ctx.env);
      const file = opts.contours ?? (await defaultContours(ctx));
      const started = performance.now();
      const built = await joinedTopology(
        ctx,
        file,
        (message) =>
          ctx.stderr.write(`cprdfop: ${lang === 'fr' ? 'avertissement' : 'warning'}: ${message}\n`),
        { cache: false },
      );
      const buildMs = performance.now() - started;
      const out = opts.out ?? cachedTopologyPath(ctx, built.stamp.source.sha256);
      if (!out)
        throw new CliError(
          lang === 'fr'
            ? frenchTypography('pas de répertoire de cache : passez --out <fichier>')
            : 'no cache directory: pass --out <file>',
          EXIT.CANTCREAT,
        );
      const bytes = await writeSavedTopology(ctx, out, built.topology, built.stamp);
      if (opts.json) {
        ctx.stdout.write(
          `${JSON.stringify({ path: out, communes: built.topology.size, bytes, buildMs: Math.round(buildMs), source: built.stamp.source, vintage: built.stamp.vintage, warnings: built.stamp.warnings?.length ?? 0 }, null, 2)}\n`,
        );
        return;
      }
      ctx.stdout.write(
        lang === 'fr'
          ? frenchTypography(
              `topologie de ${built.topology.size} communes (${file}, sha256 ${built.stamp.source.sha256.slice(0, 16)}…) enregistrée : ${out} (${mb(bytes)}, construite en ${Math.round(buildMs)} ms)\n`,
            )
          : `topology of ${built.topology.size} communes (${file}, sha256 ${built.stamp.source.sha256.slice(0, 16)}…) saved: ${out} (${mb(bytes)}, built in ${Math.round(buildMs)} ms)\n`,
      );
    });
}
