import type { Command } from 'commander';
import { composeTerritory } from '../../geo/composeTerritory.js';
import { composeUnits } from '../../geo/composeUnits.js';
import { type MapLayer, renderSvg } from '../../geo/renderSvg.js';
import { unitBorders } from '../../geo/unitBorders.js';
import { loadJoinedTopology, parseBy, readHighlight, readValues } from '../_support/geoInput.js';
import { writeOutput } from '../_support/io.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

/** `cprdfop map`: an accessible SVG map of composed units, optionally a choropleth and a highlighted territory. */
export function registerMap(program: Command, ctx: CliContext): void {
  program
    .command('map')
    .description('draw an SVG map of départements, arrondissements, EPCI or a mesh from commune contours')
    .requiredOption(
      '--contours <file>',
      'commune contours (GeoJSON or TopoJSON; older COG years are joined to the current graph)',
    )
    .option(
      '--by <units>',
      'departement, arrondissement, epci, commune, or a mesh file (JSON/CSV)',
      'departement',
    )
    .option('--value <csv>', 'choropleth values: a CSV of "code,value" lines (unit codes)')
    .option('--highlight <application.json>', 'outline an application\'s territory (its "territory" field)')
    .option('--title <text>', 'map title')
    .option('--labels', 'label each unit')
    .option('--width <px>', 'width in pixels', '800')
    .option('-o, --output <file>', 'output SVG file (default: stdout)')
    .action(
      async (opts: {
        contours: string;
        by: string;
        value?: string;
        highlight?: string;
        title?: string;
        labels?: boolean;
        width: string;
        output?: string;
      }) => {
        const width = Number(opts.width);
        if (!Number.isInteger(width) || width < 100 || width > 10000)
          throw new CliError(
            `invalid --width "${opts.width}": expected an integer from 100 to 10000`,
            EXIT.USAGE,
            true,
          );
        const topology = await loadJoinedTopology(ctx, opts.contours);
        const by = await parseBy(ctx, opts.by, topology);
        const units = composeUnits(topology, by);
        const values = opts.value ? await readValues(ctx, opts.value) : undefined;
        const shapes = units.features.map((f) => ({
          code: f.properties.code,
          name: f.properties.label,
          geometry: f.geometry,
          value: values ? (values.get(f.properties.code) ?? null) : null,
        }));
        const layers: MapLayer[] = [{ id: 'units', shapes, labels: opts.labels === true }];
        if (opts.by !== 'departement')
          layers.push({ id: 'departements', kind: 'lines', lines: unitBorders(topology, 'departement') });
        if (opts.highlight) {
          const ref = await readHighlight(ctx, opts.highlight);
          const t = composeTerritory(topology, ref, { code: 'application', label: 'Application territory' });
          if (t.properties.missing.length)
            ctx.stderr.write(
              `cprdfop: warning: ${t.properties.missing.length} commune(s) of the highlighted territory have no contour\n`,
            );
          layers.push({
            id: 'highlight',
            kind: 'highlight',
            shapes: [{ code: 'application', name: 'Application territory', geometry: t.geometry }],
          });
        }
        const label = typeof by === 'string' ? by : (by.label ?? by.id ?? 'units');
        const svg = renderSvg(layers, {
          title: opts.title ?? `Map by ${label}`,
          width,
          ...(opts.value ? { valueLabel: 'Value' } : {}),
        });
        await writeOutput(ctx, opts.output, svg);
      },
    );
}
