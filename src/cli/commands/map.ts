import { stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Language } from '../../_shared/language.js';
import { type Message, renderMessage } from '../../_shared/messages.js';
import type { CommuneTopology } from '../../geo/CommuneTopology.js';
import {
  CLASSIFICATION_METHODS,
  type Classification,
  type ClassificationMethod,
  type PaletteName,
  paletteNames,
} from '../../geo/classify.js';
import { composeTerritory } from '../../geo/composeTerritory.js';
import { composeUnits } from '../../geo/composeUnits.js';
import { GeoDataError } from '../../geo/GeoDataError.js';
import { joinValues } from '../../geo/joinValues.js';
import { type MapLayer, type MapShape, type RenderedMap, renderMap } from '../../geo/renderSvg.js';
import { simplifyTopology } from '../../geo/simplifyTopology.js';
import { unitBorders } from '../../geo/unitBorders.js';
import { commune } from '../../territory/index.js';
import { loadJoinedTopology, parseBy, readHighlight, readValues } from '../_support/geoInput.js';
import { readInput, resolvePath, writeOutput } from '../_support/io.js';
import { errorText, langOf, say } from '../_support/language.js';
import { COMMON } from '../_support/messages/common.js';
import { MAP } from '../_support/messages/map.js';
import { SUPPORT } from '../_support/messages/support.js';
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
    .option('--subtitle <text>', say(ctx, MAP.subtitleOption))
    .option('--source <text>', say(ctx, MAP.sourceOption))
    .option('--legend-title <text>', say(ctx, MAP.legendTitleOption))
    .option('--unit <text>', say(ctx, MAP.unitOption))
    .option('--classes <n>', say(ctx, MAP.classesOption), '5')
    .option('--method <method>', say(ctx, MAP.methodOption), 'quantile')
    .option('--breaks <list>', say(ctx, MAP.breaksOption))
    .option('--palette <name>', say(ctx, MAP.paletteOption, { names: paletteNames().join(', ') }), 'YlGnBu')
    .option('--context <geojson>', say(ctx, MAP.contextOption))
    .option('--labels', say(ctx, MAP.labelsOption))
    .option('--insets <mode>', say(ctx, MAP.insetsOption), 'auto')
    .option('--width <px>', say(ctx, MAP.widthOption), '800')
    .option('--format <format>', say(ctx, MAP.formatOption))
    .option('--scale <ratio>', say(ctx, MAP.scaleOption), '1')
    .option('-o, --output <file>', say(ctx, MAP.outputOption))
    .option('--table <file>', say(ctx, MAP.tableOption))
    .option('--data <file>', say(ctx, MAP.dataOption))
    .option('--strict', say(ctx, MAP.strictOption))
    .option('--max-size <bytes>', say(ctx, MAP.maxSizeOption), '3000000')
    .option('--topology <file>', say(ctx, SUPPORT.topologyOption))
    .action(
      async (opts: {
        contours: string;
        topology?: string;
        by: string;
        value?: string;
        highlight?: string;
        title?: string;
        subtitle?: string;
        source?: string;
        legendTitle?: string;
        unit?: string;
        classes: string;
        method: string;
        breaks?: string;
        palette: string;
        context?: string;
        labels?: boolean;
        insets: string;
        width: string;
        format?: string;
        scale: string;
        output?: string;
        table?: string;
        data?: string;
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
        if (opts.insets !== 'auto' && opts.insets !== 'none')
          throw new CliError(say(ctx, MAP.badInsets, { value: opts.insets }), EXIT.USAGE, true);
        const insets = opts.insets;
        const lang = langOf(ctx);
        const style = parseStyle(ctx, opts);
        const topology = await loadJoinedTopology(ctx, opts.contours, warnings.warn, {
          topology: opts.topology,
        });
        const context = opts.context ? await readContext(ctx, opts.context) : undefined;
        const source = opts.source ?? (await defaultSource(ctx, lang, opts.contours, opts.value));
        const by = await parseBy(ctx, opts.by, topology, warnings.warn);
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
        let rendered: RenderedMap | undefined;
        const draw = (topo: CommuneTopology, first: boolean): string => {
          const drawn = first ? units : composeUnits(topo, by);
          const shapes = drawn.features.map((f) => ({
            code: f.properties.code,
            name: f.properties.label,
            geometry: f.geometry,
            value: values ? (values.get(f.properties.code) ?? null) : null,
            priority: populationOf(f.properties.communes),
          }));
          const layers: MapLayer[] = [];
          if (context) layers.push({ id: 'context', kind: 'context', shapes: context });
          layers.push({ id: 'units', shapes, labels: opts.labels === true });
          if (opts.by !== 'departement')
            layers.push({ id: 'departements', kind: 'lines', lines: unitBorders(topo, 'departement') });
          // the outline of everything drawn, above the units, so that the edge never vanishes
          layers.push({
            id: 'outline',
            kind: 'lines',
            stroke: '#252525',
            strokeWidth: 1.4,
            lines: unitBorders(
              topo,
              { id: 'outline', units: [{ code: 'all', communes: topo.codes }] },
              { outer: true },
            ),
          });
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
          try {
            rendered = renderMap(layers, {
              title: opts.title ?? say(ctx, MAP.title, { units: label }),
              lang,
              width,
              source,
              insets,
              ...(opts.subtitle ? { subtitle: opts.subtitle } : {}),
              ...(opts.legendTitle ? { valueLabel: opts.legendTitle } : {}),
              ...(opts.unit ? { unit: opts.unit } : {}),
              ...style,
            });
          } catch (error) {
            if (error instanceof GeoDataError)
              throw new CliError(errorText(error, langOf(ctx)), EXIT.DATAERR);
            throw error;
          }
          return rendered.svg;
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
        const drawn = rendered as RenderedMap;
        const names = new Map(
          units.features.map((f) => [f.properties.code, f.properties.label ?? f.properties.code]),
        );
        reportMap(ctx, drawn, units.features.length, names);
        for (const warning of drawn.warnings)
          warnings.warn(
            say(ctx, MAP.overseasOmitted, {
              count: warning.codes.length,
              list: `${warning.codes
                .slice(0, 10)
                .map((code) => names.get(code) ?? code)
                .join(', ')}${warning.codes.length > 10 ? ', …' : ''}`,
            }),
          );
        warnings.failIfStrict(opts.strict === true);
        const format = outputFormat(ctx, opts.format, opts.output);
        if (format === 'png') {
          if (!opts.output || opts.output === '-')
            throw new CliError(say(ctx, MAP.pngNeedsFile), EXIT.USAGE, true);
          const scale = Number(opts.scale);
          if (!Number.isFinite(scale) || scale < 0.1 || scale > 8)
            throw new CliError(say(ctx, MAP.badScale, { value: opts.scale }), EXIT.USAGE, true);
          const { renderPng } = await import('../../geo/renderPng.js');
          let png: Uint8Array;
          try {
            png = await renderPng(svg, { scale });
          } catch (error) {
            if (error instanceof GeoDataError)
              throw new CliError(errorText(error, langOf(ctx)), EXIT.SOFTWARE);
            throw error;
          }
          await writeBinary(ctx, opts.output, png);
        } else await writeOutput(ctx, opts.output, svg);
        const rows = units.features.map((f) => ({
          code: f.properties.code,
          name: f.properties.label ?? f.properties.code,
          value: values ? (values.get(f.properties.code) ?? null) : null,
          geometry: f.geometry,
        }));
        const title = opts.title ?? say(ctx, MAP.title, { units: label });
        const indicator = `${opts.legendTitle ?? say(ctx, MAP.value)}${opts.unit ? ` (${opts.unit})` : ''}`;
        if (opts.table)
          await writeOutput(
            ctx,
            opts.table,
            /\.csv$/i.test(opts.table)
              ? tableCsv(rows, drawn.classification, lang)
              : tableHtml(rows, drawn.classification, lang, title, indicator, source),
          );
        if (opts.data)
          await writeOutput(
            ctx,
            opts.data,
            /\.csv$/i.test(opts.data)
              ? tableCsv(rows, drawn.classification, lang)
              : dataGeoJson(rows, drawn.classification, lang),
          );
      },
    );
}

/** The classification options of the command line, checked (exit 64 naming the bad value). */
function parseStyle(
  ctx: CliContext,
  opts: { classes: string; method: string; breaks?: string; palette: string },
): {
  classes: number;
  classification: ClassificationMethod;
  breaks?: number[];
  palette: PaletteName;
} {
  const classes = Number(opts.classes);
  if (!Number.isInteger(classes) || classes < 2 || classes > 9)
    throw new CliError(say(ctx, MAP.badClasses, { value: opts.classes }), EXIT.USAGE, true);
  if (!(CLASSIFICATION_METHODS as readonly string[]).includes(opts.method))
    throw new CliError(
      say(ctx, MAP.badMethod, { value: opts.method, methods: CLASSIFICATION_METHODS.join(', ') }),
      EXIT.USAGE,
      true,
    );
  if (!(paletteNames() as string[]).includes(opts.palette))
    throw new CliError(
      say(ctx, MAP.badPalette, { value: opts.palette, names: paletteNames().join(', ') }),
      EXIT.USAGE,
      true,
    );
  const method = opts.method as ClassificationMethod;
  if (method === 'manual' && !opts.breaks)
    throw new CliError(say(ctx, MAP.manualNeedsBreaks), EXIT.USAGE, true);
  if (opts.breaks && method !== 'manual')
    throw new CliError(say(ctx, MAP.breaksNotManual, { method }), EXIT.USAGE, true);
  let breaks: number[] | undefined;
  if (opts.breaks) {
    breaks = opts.breaks.split(',').map((part, index) => {
      const value = Number(part.trim());
      if (part.trim() === '' || !Number.isFinite(value))
        throw new CliError(
          say(ctx, MAP.badBreak, { value: opts.breaks ?? '', position: index + 1, part }),
          EXIT.USAGE,
          true,
        );
      return value;
    });
    breaks.forEach((value, index) => {
      if (index > 0 && value <= (breaks?.[index - 1] as number))
        throw new CliError(say(ctx, MAP.breaksNotIncreasing, { value: opts.breaks ?? '' }), EXIT.USAGE, true);
    });
  }
  return {
    classes,
    classification: method,
    palette: opts.palette as PaletteName,
    ...(breaks ? { breaks } : {}),
  };
}

/** `--format`, or the output file's extension. */
function outputFormat(
  ctx: CliContext,
  format: string | undefined,
  output: string | undefined,
): 'svg' | 'png' {
  if (format === undefined) return output && /\.png$/i.test(output) ? 'png' : 'svg';
  if (format !== 'svg' && format !== 'png')
    throw new CliError(say(ctx, MAP.badFormat, { value: format }), EXIT.USAGE, true);
  return format;
}

/** The default source line: the contours and values files with their modification dates. */
async function defaultSource(
  ctx: CliContext,
  lang: Language,
  contours: string,
  values: string | undefined,
): Promise<string> {
  const dated = async (file: string): Promise<string> => {
    if (file === '-') return renderMessage(MAP.standardInput, lang);
    try {
      const day = (await stat(resolvePath(ctx, file))).mtime.toISOString().slice(0, 10);
      return renderMessage(MAP.fileOf, lang, { file: basename(file), day });
    } catch {
      return basename(file);
    }
  };
  const contoursPart = renderMessage(MAP.sourceContours, lang, { file: await dated(contours) });
  if (!values) return contoursPart;
  return renderMessage(MAP.sourceWithValues, lang, {
    contours: contoursPart,
    file: await dated(values),
  });
}

/** `--context <geojson>`: polygons drawn in grey (a FeatureCollection, a Feature or a geometry). */
async function readContext(ctx: CliContext, file: string): Promise<MapShape[]> {
  const text = await readInput(ctx, file, MAP.contextFile);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      say(ctx, COMMON.invalidJson, { file, reason: (error as Error).message }),
      EXIT.DATAERR,
    );
  }
  const object = json as { type?: string; features?: unknown[]; geometry?: unknown } | null;
  const features: unknown[] =
    object?.type === 'FeatureCollection' && Array.isArray(object.features)
      ? object.features
      : object?.type === 'Feature'
        ? [object]
        : [{ type: 'Feature', geometry: object }];
  return features.map((feature, index) => {
    const geometry = (feature as Feature | null)?.geometry as Polygon | MultiPolygon | null | undefined;
    if (
      !geometry ||
      (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') ||
      !Array.isArray(geometry.coordinates)
    )
      throw new CliError(say(ctx, MAP.contextNotPolygon, { file, index: String(index) }), EXIT.DATAERR);
    return { code: `context-${index}`, geometry };
  });
}

/** Notes on stderr about what the legend and labels could not show as asked. */
function reportMap(ctx: CliContext, drawn: RenderedMap, total: number, names: Map<string, string>): void {
  const note = (text: string) => ctx.stderr.write(`cprdfop: ${text}\n`);
  const reduced = drawn.classification?.reduced;
  if (reduced) note(say(ctx, MAP.legendNote, { note: reduced.note }));
  const dropped = drawn.labels.dropped;
  if (dropped.length) {
    const list = `${dropped
      .slice(0, 10)
      .map((code) => names.get(code) ?? code)
      .join(', ')}${dropped.length > 10 ? ', …' : ''}`;
    note(say(ctx, MAP.labelsDropped, { count: dropped.length, total, list }));
  }
}

/** The municipal population of a unit (label priority), or `null` when a commune's is unknown. */
function populationOf(codes: readonly string[]): number | null {
  let total = 0;
  for (const code of codes) {
    const population = commune(code)?.commune.population;
    if (typeof population !== 'number') return null;
    total += population;
  }
  return codes.length ? total : null;
}

interface Row {
  code: string;
  name: string;
  value: number | null;
  geometry: Polygon | MultiPolygon;
}

const csvCell = (text: string): string => (/[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const htmlEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The class label of a row's value, or the no-data label. */
function classLabel(classification: Classification | null, value: number | null, lang: 'fr' | 'en'): string {
  if (!classification) return '';
  const index = classification.classOf(value);
  return index < 0 ? classification.noData.label[lang] : (classification.classes[index]?.label[lang] ?? '');
}

/** The data behind the map as CSV: code, name, value, class index and label, colour. */
function tableCsv(rows: Row[], classification: Classification | null, lang: 'fr' | 'en'): string {
  const header = ['code', 'name', 'value', 'class', 'class_label', 'colour'];
  const lines = rows.map((row) => {
    const index = classification ? classification.classOf(row.value) : -1;
    return [
      row.code,
      row.name,
      row.value === null ? '' : String(row.value),
      classification ? String(index) : '',
      classLabel(classification, row.value, lang),
      classification ? classification.colourOf(row.value) : '',
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** The values drawn as GeoJSON (the units' full geometry, with value and class). */
function dataGeoJson(rows: Row[], classification: Classification | null, lang: 'fr' | 'en'): string {
  return `${JSON.stringify({
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.code,
      properties: {
        code: row.code,
        name: row.name,
        value: row.value,
        class: classification ? classification.classOf(row.value) : null,
        classLabel: classification ? classLabel(classification, row.value, lang) : null,
        colour: classification ? classification.colourOf(row.value) : null,
      },
      geometry: row.geometry,
    })),
  })}\n`;
}

/** An accessible HTML table: the data-table alternative of the map. */
function tableHtml(
  rows: Row[],
  classification: Classification | null,
  lang: 'fr' | 'en',
  title: string,
  indicator: string,
  source: string,
): string {
  const word = (message: Message) => renderMessage(message, lang);
  const t = {
    code: word(MAP.tableCode),
    name: word(MAP.tableName),
    classe: word(MAP.tableClass),
    legend: word(MAP.tableLegend),
    count: word(MAP.tableCount),
  };
  const format = (value: number | null): string =>
    value === null
      ? (classification?.noData.label[lang] ?? '')
      : value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 6 });
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${htmlEscape(row.name)}</th><td>${htmlEscape(row.code)}</td><td class="number">${htmlEscape(format(row.value))}</td><td>${htmlEscape(classLabel(classification, row.value, lang))}</td></tr>`,
    )
    .join('\n');
  const legend = classification
    ? `<table>\n<caption>${htmlEscape(t.legend)}${classification.reduced ? ` — ${htmlEscape(classification.reduced.note[lang])}` : ''}</caption>\n<thead><tr><th scope="col">${t.classe}</th><th scope="col">${t.count}</th></tr></thead>\n<tbody>\n${classification.classes
        .map((bin) => `<tr><td>${htmlEscape(bin.label[lang])}</td><td class="number">${bin.count}</td></tr>`)
        .join(
          '\n',
        )}${classification.noDataCount ? `\n<tr><td>${htmlEscape(classification.noData.label[lang])}</td><td class="number">${classification.noDataCount}</td></tr>` : ''}\n</tbody>\n</table>\n`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${htmlEscape(title)}</title>
<style>table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left}.number{text-align:right}</style></head>
<body>
<h1>${htmlEscape(title)}</h1>
<table>
<caption>${htmlEscape(indicator)} — ${htmlEscape(source)}</caption>
<thead><tr><th scope="col">${t.name}</th><th scope="col">${t.code}</th><th scope="col">${htmlEscape(indicator)}</th><th scope="col">${t.classe}</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
${legend}</body>
</html>
`;
}

/** Writes binary output to a file; an unwritable file is exit 73. */
async function writeBinary(ctx: CliContext, out: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(resolvePath(ctx, out), bytes);
  } catch (error) {
    throw new CliError(
      say(ctx, COMMON.cannotWrite, {
        file: out,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
      EXIT.CANTCREAT,
    );
  }
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
    if (error instanceof GeoDataError)
      throw new CliError(
        say(ctx, COMMON.inFile, { file, message: errorText(error, langOf(ctx)) }),
        EXIT.DATAERR,
      );
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
