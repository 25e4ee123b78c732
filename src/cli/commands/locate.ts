import type { Command } from 'commander';
import { type Language, languageFromEnvironment } from '../../_shared/language.js';
import { frenchTypography } from '../../_shared/typography.js';
import { createLocator } from '../../geo/createLocator.js';
import { defaultContours, loadJoinedTopology } from '../_support/geoInput.js';
import { type LocateCsvSummary, locateCsv } from '../_support/locateCsv.js';
import { collectWarnings } from '../_support/warnings.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

/** `cprdfop locate <lon> <lat>`: the commune, EPCI, arrondissement and département of a point. */
export function registerLocate(program: Command, ctx: CliContext): void {
  program
    .command('locate')
    .description(
      'find the commune, EPCI, arrondissement and département of a point (WGS84 lon/lat), or of every row of a CSV (--csv)',
    )
    .argument('[lon]', 'longitude in degrees, e.g. 3.0573')
    .argument('[lat]', 'latitude in degrees, e.g. 50.6292')
    .option(
      '--contours <file>',
      'commune contours (default: the cached contours, see `cprdfop data pull contours`)',
    )
    .option(
      '--topology <file>',
      'a topology saved by `cprdfop data topo` for these contours (default: the one in the cache, if any)',
    )
    .option(
      '--csv <file>',
      'locate every row of a CSV (`-` for stdin): lon,lat columns or a commune code column; writes the rows with commune, EPCI, arrondissement, département, région, status and message (exit 1 when a row is invalid or unknown)',
    )
    .option('--lon-column <name>', 'with --csv: the longitude column (default: lon, lng, longitude or x)')
    .option('--lat-column <name>', 'with --csv: the latitude column (default: lat, latitude or y)')
    .option(
      '--code-column <name>',
      'with --csv: locate by commune code (no contours needed) from this column (default when there are no lon/lat columns: code, code_insee, insee, codgeo, depcom or com)',
    )
    .option('--out <file>', 'with --csv: write the CSV there instead of stdout')
    .option('--json', 'print JSON')
    .option('--strict', 'exit 1 when there is a warning (e.g. contours that do not join the territory graph)')
    .action(
      async (
        lonText: string | undefined,
        latText: string | undefined,
        opts: {
          contours?: string;
          topology?: string;
          json?: boolean;
          strict?: boolean;
          csv?: string;
          lonColumn?: string;
          latColumn?: string;
          codeColumn?: string;
          out?: string;
        },
      ) => {
        const warnings = collectWarnings(ctx);
        if (opts.csv !== undefined) {
          if (lonText !== undefined)
            throw new CliError('--csv locates the rows of a file: give no <lon> <lat>', EXIT.USAGE, true);
          if (opts.json) throw new CliError('--csv writes CSV: --json does not apply', EXIT.USAGE, true);
          const summary = await locateCsv(
            ctx,
            {
              input: opts.csv,
              out: opts.out,
              lonColumn: opts.lonColumn,
              latColumn: opts.latColumn,
              codeColumn: opts.codeColumn,
              lang: languageFromEnvironment(ctx.env),
            },
            async () => {
              const file = opts.contours ?? (await defaultContours(ctx));
              const topology = await loadJoinedTopology(ctx, file, warnings.warn, {
                topology: opts.topology,
              });
              warnings.failIfStrict(opts.strict === true);
              return createLocator(topology);
            },
          );
          ctx.stderr.write(locateCsvSummary(summary, languageFromEnvironment(ctx.env)));
          const failed = summary.invalid + summary.unknown + (opts.strict ? summary.outside : 0);
          ctx.exitCode = failed > 0 ? EXIT.FAILURE : EXIT.OK;
          return;
        }
        if (
          opts.out !== undefined ||
          opts.lonColumn !== undefined ||
          opts.latColumn !== undefined ||
          opts.codeColumn !== undefined
        )
          throw new CliError(
            '--out, --lon-column, --lat-column and --code-column go with --csv',
            EXIT.USAGE,
            true,
          );
        if (lonText === undefined || latText === undefined)
          throw new CliError('missing <lon> <lat> (or --csv <file>)', EXIT.USAGE, true);
        const lon = Number(lonText);
        const lat = Number(latText);
        if (lonText.trim() === '' || !Number.isFinite(lon) || lon < -180 || lon > 180)
          throw new CliError(
            `invalid longitude "${lonText}": expected a number in [-180, 180]`,
            EXIT.USAGE,
            true,
          );
        if (latText.trim() === '' || !Number.isFinite(lat) || lat < -90 || lat > 90)
          throw new CliError(
            `invalid latitude "${latText}": expected a number in [-90, 90]`,
            EXIT.USAGE,
            true,
          );
        const file = opts.contours ?? (await defaultContours(ctx));
        const locator = createLocator(
          await loadJoinedTopology(ctx, file, warnings.warn, { topology: opts.topology }),
        );
        warnings.failIfStrict(opts.strict === true);
        const hit = locator.locate([lon, lat]);
        if (opts.json) {
          ctx.stdout.write(`${JSON.stringify({ point: [lon, lat], location: hit }, null, 2)}\n`);
          return;
        }
        if (!hit) {
          ctx.stdout.write(`[${lon}, ${lat}] is outside every commune of the contours\n`);
          return;
        }
        const line = (label: string, u: { code: string; name: string | null } | null): string =>
          `${label}: ${u ? `${u.name ?? ''} (${u.code})` : 'unknown'}\n`;
        ctx.stdout.write(line('commune', hit.commune ?? { code: hit.code, name: hit.name }));
        ctx.stdout.write(line('epci', hit.epci));
        ctx.stdout.write(line('arrondissement', hit.arrondissement));
        ctx.stdout.write(line('departement', hit.departement));
      },
    );
}

/** The summary line of `locate --csv` (stderr). */
function locateCsvSummary(summary: LocateCsvSummary, lang: Language): string {
  const problems = summary.invalid + summary.unknown;
  return lang === 'fr'
    ? frenchTypography(
        `${summary.rows} lignes : ${summary.located} localisées, ${summary.outside} hors des contours, ${summary.invalid} invalides, ${summary.unknown} inconnues${problems ? ' (voir les colonnes status et message) : code de sortie 1' : ''}\n`,
      )
    : `${summary.rows} rows: ${summary.located} located, ${summary.outside} outside the contours, ${summary.invalid} invalid, ${summary.unknown} unknown${problems ? ' (see the status and message columns): exit code 1' : ''}\n`;
}
