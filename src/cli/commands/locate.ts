import type { Command } from 'commander';
import { createLocator } from '../../geo/createLocator.js';
import { cacheDir, findCachedContours } from '../../opendata/index.js';
import { loadJoinedTopology } from '../_support/geoInput.js';
import { say } from '../_support/language.js';
import { LOCATE } from '../_support/messages/locate.js';
import { collectWarnings } from '../_support/warnings.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

const HOW_TO =
  'no cached commune contours: run `cprdfop data pull contours --year 2026 --layer communes --resolution 50m --region 32`, or pass --contours <file>';

/** `cprdfop locate <lon> <lat>`: the commune, EPCI, arrondissement and département of a point. */
export function registerLocate(program: Command, ctx: CliContext): void {
  program
    .command('locate')
    .description(say(ctx, LOCATE.description))
    .argument('<lon>', say(ctx, LOCATE.lonArgument))
    .argument('<lat>', say(ctx, LOCATE.latArgument))
    .option('--contours <file>', say(ctx, LOCATE.contoursOption))
    .option('--json', say(ctx, LOCATE.jsonOption))
    .option('--strict', say(ctx, LOCATE.strictOption))
    .action(
      async (
        lonText: string,
        latText: string,
        opts: { contours?: string; json?: boolean; strict?: boolean },
      ) => {
        const warnings = collectWarnings(ctx);
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
        let file = opts.contours;
        if (!file) {
          let dir: string;
          try {
            dir = cacheDir(ctx.env);
          } catch {
            throw new CliError(HOW_TO, EXIT.UNAVAILABLE);
          }
          for (const resolution of ['5m', '50m', '100m', '1000m'] as const) {
            for (const region of ['32', undefined]) {
              const hit = await findCachedContours({
                year: 2026,
                layer: 'communes',
                resolution,
                region,
                cacheDir: dir,
                verify: false,
              });
              if (hit) {
                file = hit.path;
                break;
              }
            }
            if (file) break;
          }
          if (!file) throw new CliError(HOW_TO, EXIT.UNAVAILABLE);
        }
        const locator = createLocator(await loadJoinedTopology(ctx, file, warnings.warn));
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
