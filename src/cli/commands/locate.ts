import type { Command } from 'commander';
import type { Message } from '../../_shared/messages.js';
import { createLocator } from '../../geo/createLocator.js';
import { cacheDir, findCachedContours } from '../../opendata/index.js';
import { loadJoinedTopology } from '../_support/geoInput.js';
import { say } from '../_support/language.js';
import { LOCATE, LOCATE_OUTPUT } from '../_support/messages/locate.js';
import { collectWarnings } from '../_support/warnings.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

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
          throw new CliError(say(ctx, LOCATE_OUTPUT.badLongitude, { value: lonText }), EXIT.USAGE, true);
        if (latText.trim() === '' || !Number.isFinite(lat) || lat < -90 || lat > 90)
          throw new CliError(say(ctx, LOCATE_OUTPUT.badLatitude, { value: latText }), EXIT.USAGE, true);
        let file = opts.contours;
        if (!file) {
          let dir: string;
          try {
            dir = cacheDir(ctx.env);
          } catch {
            throw new CliError(say(ctx, LOCATE_OUTPUT.howTo), EXIT.UNAVAILABLE);
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
          if (!file) throw new CliError(say(ctx, LOCATE_OUTPUT.howTo), EXIT.UNAVAILABLE);
        }
        const locator = createLocator(await loadJoinedTopology(ctx, file, warnings.warn));
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
