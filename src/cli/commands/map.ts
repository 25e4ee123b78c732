import type { Command } from 'commander';
import type { CommuneTopology } from '../../geo/CommuneTopology.js';
import { composeTerritory } from '../../geo/composeTerritory.js';
import { composeUnits } from '../../geo/composeUnits.js';
import { GeoDataError } from '../../geo/GeoDataError.js';
import { joinValues } from '../../geo/joinValues.js';
import { type MapLayer, renderSvg } from '../../geo/renderSvg.js';
import { simplifyTopology } from '../../geo/simplifyTopology.js';
import { unitBorders } from '../../geo/unitBorders.js';
import { loadJoinedTopology, parseBy, readHighlight, readValues } from '../_support/geoInput.js';
import { writeOutput } from '../_support/io.js';
import { say } from '../_support/language.js';
import { MAP } from '../_support/messages/map.js';
import { collectWarnings } from '../_support/warnings.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

/** `cprdfop map`: an accessible SVG map of composed units, optionally a choropleth and a highlighted territory. */
export function registerMap(program: Command, ctx: CliContext): void {
  program
    .command('map')
    .description(say(ctx, MAP.description))
    .requiredOption('--contours <file>', say(ctx, MAP.contoursOption))
    .option('--by <units>', say(ctx, MAP.byOption), 'departement')
    .option('--value <csv>', say(ctx, MAP.valueOption))
    .option('--highlight <application.json>', say(ctx, MAP.highlightOption))
    .option('--title <text>', say(ctx, MAP.titleOption))
    .option('--labels', say(ctx, MAP.labelsOption))
    .option('--width <px>', say(ctx, MAP.widthOption), '800')
    .option('-o, --output <file>', say(ctx, MAP.outputOption))
    .option('--strict', say(ctx, MAP.strictOption))
    .option('--max-size <bytes>', say(ctx, MAP.maxSizeOption), '3000000')
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
        strict?: boolean;
        maxSize: string;
      }) => {
        const warnings = collectWarnings(ctx);
        const width = Number(opts.width);
        if (!Number.isInteger(width) || width < 100 || width > 10000)
          throw new CliError(
            `invalid --width "${opts.width}": expected an integer from 100 to 10000`,
            EXIT.USAGE,
            true,
          );
        const maxSize = Number(opts.maxSize);
        if (!Number.isInteger(maxSize) || maxSize < 10_000)
          throw new CliError(
            `invalid --max-size "${opts.maxSize}": expected a number of bytes, at least 10000`,
            EXIT.USAGE,
            true,
          );
        const topology = await loadJoinedTopology(ctx, opts.contours, warnings.warn);
        const by = await parseBy(ctx, opts.by, topology);
        const units = composeUnits(topology, by);
        const values = opts.value
          ? joinUnitValues(
              await readValues(ctx, opts.value),
              opts.value,
              units.features.map((f) => f.properties.code),
              warnings.warn,
            )
          : undefined;
        const ref = opts.highlight ? await readHighlight(ctx, opts.highlight) : undefined;
        const label = typeof by === 'string' ? by : (by.label ?? by.id ?? 'units');
        const draw = (topo: CommuneTopology, first: boolean): string => {
          const drawn = first ? units : composeUnits(topo, by);
          const shapes = drawn.features.map((f) => ({
            code: f.properties.code,
            name: f.properties.label,
            geometry: f.geometry,
            value: values ? (values.get(f.properties.code) ?? null) : null,
          }));
          const layers: MapLayer[] = [{ id: 'units', shapes, labels: opts.labels === true }];
          if (opts.by !== 'departement')
            layers.push({ id: 'departements', kind: 'lines', lines: unitBorders(topo, 'departement') });
          if (ref) {
            const t = composeTerritory(topo, ref, { code: 'application', label: 'Application territory' });
            if (first) {
              for (const u of t.properties.unresolved)
                warnings.warn(`highlighted territory of ${opts.highlight}: ${u.message}; not drawn`);
              if (t.properties.missing.length)
                warnings.warn(
                  `${t.properties.missing.length} commune(s) of the highlighted territory have no contour: ${t.properties.missing.slice(0, 10).join(', ')}${t.properties.missing.length > 10 ? ', …' : ''}`,
                );
            }
            layers.push({
              id: 'highlight',
              kind: 'highlight',
              shapes: [{ code: 'application', name: 'Application territory', geometry: t.geometry }],
            });
          }
          return renderSvg(layers, {
            title: opts.title ?? `Map by ${label}`,
            width,
            ...(opts.value ? { valueLabel: 'Value' } : {}),
          });
        };
        let svg = draw(topology, true);
        // display simplification (topology-preserving), chosen from the output size
        let size = Buffer.byteLength(svg);
        if (size > maxSize) {
          const full = size;
          let budget = topology.topology.arcs.reduce((n, arc) => n + arc.length, 0);
          let kept = budget;
          for (let attempt = 0; attempt < 6 && size > maxSize; attempt++) {
            budget = Math.max(1, Math.floor((budget * maxSize * 0.95) / size));
            const simplified = simplifyTopology(topology, { maxPoints: budget });
            kept = simplified.points;
            svg = draw(simplified.topology, false);
            size = Buffer.byteLength(svg);
          }
          if (size > maxSize)
            warnings.warn(`the map is ${size} bytes, above --max-size ${maxSize} even simplified`);
          else
            ctx.stderr.write(
              `cprdfop: map simplified for display (topology preserved): ${kept} of ${topology.topology.arcs.reduce((n, arc) => n + arc.length, 0)} points, ${full} → ${size} bytes (--max-size ${maxSize})\n`,
            );
        }
        warnings.failIfStrict(opts.strict === true);
        await writeOutput(ctx, opts.output, svg);
      },
    );
}

/** Joins `--value` codes to the unit codes (former commune codes mapped), warning about what does not join. */
function joinUnitValues(
  raw: Map<string, number>,
  file: string,
  codes: string[],
  warn: (message: string) => void,
): Map<string, number> {
  let joined: ReturnType<typeof joinValues>;
  try {
    joined = joinValues(raw, codes);
  } catch (error) {
    if (error instanceof GeoDataError) throw new CliError(`${file}: ${error.message}`, EXIT.DATAERR);
    throw error;
  }
  for (const m of joined.mapped)
    warn(`${file}: code ${m.from} is a former commune code, its value goes to ${m.code}`);
  for (const c of joined.conflicts)
    warn(
      `${file}: codes ${c.from.join(', ')} all map to ${c.code}; their values cannot be combined, ${c.code} gets no value`,
    );
  if (joined.unmatched.length)
    warn(
      `${file}: ${joined.unmatched.length} code(s) match no unit and are left out: ${joined.unmatched.slice(0, 10).join(', ')}${joined.unmatched.length > 10 ? ', …' : ''}`,
    );
  return joined.values;
}
