import type { Command } from 'commander';
import type { Language } from '../../_shared/language.js';
import { type Message, renderMessage } from '../../_shared/messages.js';
import { createLocator } from '../../geo/createLocator.js';
import { defaultContours, loadJoinedTopology } from '../_support/geoInput.js';
import { langOf, say } from '../_support/language.js';
import { type LocateCsvSummary, locateCsv } from '../_support/locateCsv.js';
import { LOCATE, LOCATE_OUTPUT } from '../_support/messages/locate.js';
import { SUPPORT } from '../_support/messages/support.js';
import { collectWarnings } from '../_support/warnings.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

/** `cprdfop locate <lon> <lat>`: the commune, EPCI, arrondissement and département of a point. */
export function registerLocate(program: Command, ctx: CliContext): void {
  program
    .command('locate')
    .description(say(ctx, LOCATE.description))
    .argument('[lon]', say(ctx, LOCATE.lonArgument))
    .argument('[lat]', say(ctx, LOCATE.latArgument))
    .option('--contours <file>', say(ctx, LOCATE.contoursOption))
    .option('--topology <file>', say(ctx, SUPPORT.topologyOption))
    .option('--csv <file>', say(ctx, LOCATE.csvOption))
    .option('--lon-column <name>', say(ctx, LOCATE.lonColumnOption))
    .option('--lat-column <name>', say(ctx, LOCATE.latColumnOption))
    .option('--code-column <name>', say(ctx, LOCATE.codeColumnOption))
    .option('--out <file>', say(ctx, LOCATE.outOption))
    .option('--json', say(ctx, LOCATE.jsonOption))
    .option('--strict', say(ctx, LOCATE.strictOption))
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
          if (lonText !== undefined) throw new CliError(say(ctx, LOCATE_OUTPUT.csvNoPoint), EXIT.USAGE, true);
          if (opts.json) throw new CliError(say(ctx, LOCATE_OUTPUT.csvNoJson), EXIT.USAGE, true);
          const summary = await locateCsv(
            ctx,
            {
              input: opts.csv,
              out: opts.out,
              lonColumn: opts.lonColumn,
              latColumn: opts.latColumn,
              codeColumn: opts.codeColumn,
              lang: langOf(ctx),
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
          ctx.stderr.write(locateCsvSummary(summary, langOf(ctx)));
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
          throw new CliError(say(ctx, LOCATE_OUTPUT.csvOnlyOptions), EXIT.USAGE, true);
        if (lonText === undefined || latText === undefined)
          throw new CliError(say(ctx, LOCATE_OUTPUT.missingPoint), EXIT.USAGE, true);
        const lon = Number(lonText);
        const lat = Number(latText);
        if (lonText.trim() === '' || !Number.isFinite(lon) || lon < -180 || lon > 180)
          throw new CliError(say(ctx, LOCATE_OUTPUT.badLongitude, { value: lonText }), EXIT.USAGE, true);
        if (latText.trim() === '' || !Number.isFinite(lat) || lat < -90 || lat > 90)
          throw new CliError(say(ctx, LOCATE_OUTPUT.badLatitude, { value: latText }), EXIT.USAGE, true);
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
          ctx.stdout.write(`${say(ctx, LOCATE_OUTPUT.outside, { lon: String(lon), lat: String(lat) })}\n`);
          return;
        }
        const line = (label: Message, u: { code: string; name: string | null } | null): string =>
          `${say(ctx, LOCATE_OUTPUT.line, {
            label,
            unit: u ? `${u.name ?? ''} (${u.code})` : LOCATE_OUTPUT.unknown,
          })}\n`;
        ctx.stdout.write(line(LOCATE_OUTPUT.commune, hit.commune ?? { code: hit.code, name: hit.name }));
        ctx.stdout.write(line(LOCATE_OUTPUT.epci, hit.epci));
        ctx.stdout.write(line(LOCATE_OUTPUT.arrondissement, hit.arrondissement));
        ctx.stdout.write(line(LOCATE_OUTPUT.departement, hit.departement));
      },
    );
}

/** The summary line of `locate --csv` (stderr). */
function locateCsvSummary(summary: LocateCsvSummary, lang: Language): string {
  const problems = summary.invalid + summary.unknown;
  return `${renderMessage(LOCATE_OUTPUT.csvSummary, lang, {
    rows: summary.rows,
    located: summary.located,
    outside: summary.outside,
    invalid: summary.invalid,
    unknown: summary.unknown,
    problems: problems ? LOCATE_OUTPUT.csvSummaryProblems : '',
  })}\n`;
}
