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
          throw new CliError(say(ctx, MAP.badWidth, { value: opts.width }), EXIT.USAGE, true);
        const maxSize = Number(opts.maxSize);
        if (!Number.isInteger(maxSize) || maxSize < 10_000)
          throw new CliError(say(ctx, MAP.badMaxSize, { value: opts.maxSize }), EXIT.USAGE, true);
        const topology = await loadJoinedTopology(ctx, opts.contours, warnings.warn);
        const by = await parseBy(ctx, opts.by, topology);
        const units = composeUnits(topology, by);
        const values = opts.value
          ? joinUnitValues(
              await readValues(ctx, opts.value),
              opts.value,
              units.features.map((f) => f.properties.code),
              warnings.warn,
              ctx,
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
            const t = composeTerritory(topo, ref, {
              code: 'application',
              label: say(ctx, MAP.applicationTerritory),
            });
            if (first) {
              for (const u of t.properties.unresolved)
                warnings.warn(say(ctx, MAP.unresolved, { file: opts.highlight ?? '', message: u.message }));
              if (t.properties.missing.length)
                warnings.warn(
                  say(ctx, MAP.highlightMissing, {
                    count: t.properties.missing.length,
                    codes: `${t.properties.missing.slice(0, 10).join(', ')}${t.properties.missing.length > 10 ? ', …' : ''}`,
                  }),
                );
            }
            layers.push({
              id: 'highlight',
              kind: 'highlight',
              shapes: [
                { code: 'application', name: say(ctx, MAP.applicationTerritory), geometry: t.geometry },
              ],
            });
          }
          return renderSvg(layers, {
            title: opts.title ?? say(ctx, MAP.title, { units: label }),
            width,
            ...(opts.value ? { valueLabel: say(ctx, MAP.value) } : {}),
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
          if (size > maxSize) warnings.warn(say(ctx, MAP.tooLarge, { size, maxSize }));
          else
            ctx.stderr.write(
              `cprdfop: ${say(ctx, MAP.simplified, {
                kept,
                total: topology.topology.arcs.reduce((n, arc) => n + arc.length, 0),
                full,
                size,
                maxSize,
              })}\n`,
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
  ctx: CliContext,
): Map<string, number> {
  let joined: ReturnType<typeof joinValues>;
  try {
    joined = joinValues(raw, codes);
  } catch (error) {
    if (error instanceof GeoDataError) throw new CliError(`${file}: ${error.message}`, EXIT.DATAERR);
    throw error;
  }
  for (const m of joined.mapped) warn(say(ctx, MAP.formerCode, { file, from: m.from, code: m.code }));
  for (const c of joined.conflicts)
    warn(say(ctx, MAP.conflict, { file, from: c.from.join(', '), code: c.code }));
  if (joined.unmatched.length)
    warn(
      say(ctx, MAP.unmatched, {
        file,
        count: joined.unmatched.length,
        codes: `${joined.unmatched.slice(0, 10).join(', ')}${joined.unmatched.length > 10 ? ', …' : ''}`,
      }),
    );
  return joined.values;
}
