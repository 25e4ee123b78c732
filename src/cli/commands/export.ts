import type { Command } from 'commander';
import { composeUnits } from '../../geo/composeUnits.js';
import { exportTerritories } from '../../geo/exportTerritories.js';
import { loadJoinedTopology, parseBy } from '../_support/geoInput.js';
import { writeOutput } from '../_support/io.js';
import { say } from '../_support/language.js';
import { EXPORT } from '../_support/messages/export.js';
import { SUPPORT } from '../_support/messages/support.js';
import { collectWarnings } from '../_support/warnings.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

/** `cprdfop export`: GeoJSON or TopoJSON of composed units. */
export function registerExport(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(say(ctx, EXPORT.description))
    .requiredOption('--contours <file>', say(ctx, EXPORT.contoursOption))
    .option('--by <units>', say(ctx, EXPORT.byOption), 'departement')
    .option('--format <format>', say(ctx, EXPORT.formatOption), 'geojson')
    .option('-o, --output <file>', say(ctx, EXPORT.outputOption))
    .option('--strict', say(ctx, EXPORT.strictOption))
    .option('--topology <file>', say(ctx, SUPPORT.topologyOption))
    .action(
      async (opts: {
        contours: string;
        topology?: string;
        by: string;
        format: string;
        output?: string;
        strict?: boolean;
      }) => {
        const warnings = collectWarnings(ctx);
        if (opts.format !== 'geojson' && opts.format !== 'topojson') {
          throw new CliError(say(ctx, EXPORT.badFormat, { value: opts.format }), EXIT.USAGE, true);
        }
        const topology = await loadJoinedTopology(ctx, opts.contours, warnings.warn, {
          topology: opts.topology,
        });
        const units = composeUnits(topology, await parseBy(ctx, opts.by, topology, warnings.warn), {
          skipEmpty: false,
        });
        const kept = [];
        for (const f of units.features) {
          if (f.properties.communes.length === 0) {
            warnings.warn(say(ctx, EXPORT.emptyUnit, { code: f.properties.code }));
            continue;
          }
          if (f.properties.missing.length)
            warnings.warn(
              say(ctx, EXPORT.incompleteUnit, {
                code: f.properties.code,
                count: f.properties.missing.length,
                codes: `${f.properties.missing.slice(0, 10).join(', ')}${f.properties.missing.length > 10 ? ', …' : ''}`,
              }),
            );
          kept.push(f);
        }
        units.features = kept;
        warnings.failIfStrict(opts.strict === true);
        await writeOutput(ctx, opts.output, `${JSON.stringify(exportTerritories(units, opts.format))}\n`);
      },
    );
}
