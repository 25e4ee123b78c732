import type { Command } from 'commander';
import { REGION_CODE } from '../../_shared/inseeCodes.js';
import type { Language } from '../../_shared/language.js';
import { formatFixed, renderMessage } from '../../_shared/messages.js';
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
import { errorText, langOf, say } from '../_support/language.js';
import { COMMON } from '../_support/messages/common.js';
import { DATA } from '../_support/messages/data.js';
import { cachedTopologyPath, writeSavedTopology } from '../_support/topologyFile.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

function mb(bytes: number, lang: Language): string {
  return renderMessage(DATA.megabytes, lang, { value: formatFixed(bytes / 1024 / 1024, 1, lang) });
}

function resolveCacheDir(ctx: CliContext): string {
  try {
    return cacheDir(ctx.env);
  } catch (error) {
    throw new CliError(errorText(error, langOf(ctx)), EXIT.UNAVAILABLE);
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
        const payload = { received: mb(p.receivedBytes, langOf(ctx)), kept: p.featuresKept };
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
      const lang = langOf(ctx);
      const total = p.totalBytes
        ? say(ctx, DATA.progressTotal, { total: mb(p.totalBytes, lang), percent: pct ?? 0 })
        : '';
      ctx.stderr.write(
        `${say(ctx, DATA.progress, { received: mb(p.receivedBytes, lang), total, features: p.featuresKept })}\n`,
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
function failure(error: unknown, lang: Language): CliError {
  if (
    isOfflineError(error) ||
    isNetworkError(error) ||
    isTimeoutError(error) ||
    isHttpError(error) ||
    isQuotaExceededError(error)
  ) {
    return new CliError(errorText(error, lang), EXIT.UNAVAILABLE);
  }
  if (isCacheWriteError(error)) return new CliError(errorText(error, lang), EXIT.CANTCREAT);
  const code = (error as { code?: string }).code;
  if (code === 'E_CONTOURS_SPEC') return new CliError(errorText(error, lang), EXIT.USAGE);
  if (
    isResponseValidationError(error) ||
    isResponseTooLargeError(error) ||
    code === 'E_CONTOURS_NO_FILTER' ||
    isIncompleteResultError(error) ||
    (error as { code?: string }).code === 'E_CONTOURS_NO_MATCH'
  ) {
    return new CliError(errorText(error, lang), EXIT.DATAERR);
  }
  if (error instanceof CliError) return error;
  return new CliError(errorText(error, lang), EXIT.SOFTWARE);
}

/**
 * `cprdfop data`: open-data cache commands (`pull contours`, `ls`, `where`, `topo`).
 */
export function registerData(program: Command, ctx: CliContext): void {
  const data = program.command('data').description(say(ctx, DATA.description));

  data
    .command('where')
    .description(say(ctx, DATA.whereDescription))
    .action(() => {
      ctx.stdout.write(`${resolveCacheDir(ctx)}\n`);
    });

  data
    .command('ls')
    .description(say(ctx, DATA.lsDescription))
    .option('--json', say(ctx, DATA.jsonOption))
    .action(async (opts: { json?: boolean }) => {
      const listing = await listCache({ cacheDir: resolveCacheDir(ctx) });
      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      const lang = langOf(ctx);
      ctx.stdout.write(`${say(ctx, DATA.cacheLine, { dir: listing.dir })}\n`);
      if (listing.contours.length === 0) ctx.stdout.write(`${say(ctx, DATA.noContours)}\n`);
      for (const c of listing.contours) {
        ctx.stdout.write(
          `${say(ctx, DATA.contoursLine, {
            year: String(c.year),
            name: `${c.layer}-${c.resolution}${c.region ? ` r${c.region}` : ''}`,
            features: c.features,
            size: mb(c.bytes, lang),
            hash: c.sha256.slice(0, 16),
            missing: c.present ? '' : DATA.missingOrAltered,
          })}\n`,
        );
      }
      ctx.stdout.write(
        `${say(ctx, DATA.httpLine, { entries: listing.http.entries, size: mb(listing.http.bytes, lang) })}\n`,
      );
    });

  const pull = data.command('pull').description(say(ctx, DATA.pullDescription));
  pull
    .command('contours')
    .description(say(ctx, DATA.contoursDescription))
    .requiredOption('--year <year>', say(ctx, DATA.yearOption))
    .requiredOption('--layer <layer>', say(ctx, DATA.oneOf, { values: CONTOURS_LAYERS.join(', ') }))
    .requiredOption('--resolution <res>', say(ctx, DATA.oneOf, { values: CONTOURS_RESOLUTIONS.join(', ') }))
    .option('--region <code>', say(ctx, DATA.regionOption))
    .option('--base-url <url...>', say(ctx, DATA.baseUrlOption))
    .option('--offline', say(ctx, DATA.offlineOption))
    .option('--force', say(ctx, DATA.forceOption))
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
          throw new CliError(say(ctx, DATA.badYear, { value: opts.year }), EXIT.USAGE, true);
        if (!CONTOURS_LAYERS.includes(opts.layer as ContoursLayer)) {
          throw new CliError(
            say(ctx, DATA.badLayer, { value: opts.layer, values: CONTOURS_LAYERS.join(', ') }),
            EXIT.USAGE,
            true,
          );
        }
        if (!CONTOURS_RESOLUTIONS.includes(opts.resolution as ContoursResolution)) {
          throw new CliError(
            say(ctx, DATA.badResolution, {
              value: opts.resolution,
              values: CONTOURS_RESOLUTIONS.join(', '),
            }),
            EXIT.USAGE,
            true,
          );
        }
        if (opts.region !== undefined && !REGION_CODE.test(opts.region)) {
          throw new CliError(say(ctx, DATA.badRegion, { value: opts.region }), EXIT.USAGE, true);
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
            `${say(ctx, DATA.pulled, {
              how: result.fromCache ? DATA.fromCache : DATA.downloaded,
              path: result.path,
              features: result.features,
              size: mb(result.bytes, langOf(ctx)),
              hash: result.sha256,
            })}\n`,
          );
        } catch (error) {
          reporter.stop();
          throw failure(error, langOf(ctx));
        }
      },
    );

  pull
    .command('mesh')
    .description(say(ctx, DATA.meshDescription))
    .argument('<url>', say(ctx, DATA.urlArgument))
    .option('--offline', say(ctx, DATA.offlineOption))
    .option('--force', say(ctx, DATA.forceOption))
    .action(async (url: string, opts: { offline?: boolean; force?: boolean }) => {
      if (!/^https?:\/\//i.test(url)) {
        throw new CliError(say(ctx, DATA.badUrl, { value: url }), EXIT.USAGE, true);
      }
      try {
        const result = await pullMesh({
          url,
          cacheDir: resolveCacheDir(ctx),
          offline: opts.offline === true || ctx.env.CPRDFOP_OFFLINE === '1',
          force: opts.force === true,
        });
        ctx.stdout.write(
          `${say(ctx, DATA.meshPulled, {
            how: result.fromCache ? DATA.fromCache : DATA.downloaded,
            path: result.path,
            format: result.format.toUpperCase(),
            bytes: String(result.bytes),
            hash: result.sha256,
          })}\n`,
        );
      } catch (error) {
        throw failure(error, langOf(ctx));
      }
    });

  data
    .command('topo')
    .description(say(ctx, DATA.topoDescription))
    .option('--contours <file>', say(ctx, DATA.topoContoursOption))
    .option('--out <file>', say(ctx, DATA.topoOutOption))
    .option('--json', say(ctx, DATA.jsonOption))
    .action(async (opts: { contours?: string; out?: string; json?: boolean }) => {
      const lang = langOf(ctx);
      const file = opts.contours ?? (await defaultContours(ctx));
      const started = performance.now();
      const built = await joinedTopology(
        ctx,
        file,
        (message) => ctx.stderr.write(`cprdfop: ${say(ctx, COMMON.warning, { message })}\n`),
        { cache: false },
      );
      const buildMs = performance.now() - started;
      const out = opts.out ?? cachedTopologyPath(ctx, built.stamp.source.sha256);
      if (!out) throw new CliError(say(ctx, DATA.noCacheDir), EXIT.CANTCREAT);
      const bytes = await writeSavedTopology(ctx, out, built.topology, built.stamp);
      if (opts.json) {
        ctx.stdout.write(
          `${JSON.stringify({ path: out, communes: built.topology.size, bytes, buildMs: Math.round(buildMs), source: built.stamp.source, vintage: built.stamp.vintage, warnings: built.stamp.warnings?.length ?? 0 }, null, 2)}\n`,
        );
        return;
      }
      ctx.stdout.write(
        `${say(ctx, DATA.topoSaved, {
          communes: built.topology.size,
          file,
          hash: built.stamp.source.sha256.slice(0, 16),
          out,
          size: mb(bytes, lang),
          ms: Math.round(buildMs),
        })}\n`,
      );
    });
}
