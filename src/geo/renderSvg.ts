import {
  type GeoPath,
  type GeoProjection,
  geoConicConformal,
  geoEquirectangular,
  geoMercator,
  geoPath,
} from 'd3-geo';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { languageOption } from '../_shared/languageOption.js';
import { showValue } from '../_shared/showValue.js';
import { frenchTypography } from '../_shared/typography.js';
import {
  insetsHeight,
  layoutInsets,
  OVERSEAS_REGIONS,
  type OverseasRegion,
  overseasRegionOf,
  type PixelBox,
  splitLines,
} from './_insets.js';
import { toD3Winding } from './_internal/rings.js';
import { type Classification, type ClassificationMethod, classify, type PaletteName } from './classify.js';
import { GeoDataError } from './GeoDataError.js';
import { EARTH_RADIUS_M } from './geodesicArea.js';
import { labelPoint } from './labelPoint.js';

/**
 * One shape of a map layer.
 *
 * @example
 * ```ts
 * import type { MapShape } from 'cprdfop/geo';
 * const s: MapShape = { code: 'A', name: 'Alpha', value: 3,
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } };
 * s.value; // 3
 * ```
 * @category Maps
 */
export interface MapShape {
  /** The code, written as `data-code` (the browser page wires clicks with it). */
  code: string;
  /** The name shown in the shape's `<title>` and label (defaults to the code). */
  name?: string | null;
  /** RFC 7946 winding, lon/lat degrees. */
  geometry: Polygon | MultiPolygon;
  /** The value for the choropleth (`null`/absent: no data). */
  value?: number | null;
  /** Label priority (e.g. the population): labels that collide are dropped, lowest priority first (default: the drawn area). */
  priority?: number | null;
}

/**
 * A GeoJSON feature usable as a map shape: properties with `code` and `name` or `label` (as made
 * by {@link composeUnits}), and an optional `value`.
 *
 * @example
 * ```ts
 * import type { ShapeFeature } from 'cprdfop/geo';
 * const f: ShapeFeature = { type: 'Feature', properties: { code: 'A', label: 'Alpha' },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } };
 * f.properties.code; // "A"
 * ```
 * @category Maps
 */
export type ShapeFeature = Feature<
  Polygon | MultiPolygon,
  { code: string; name?: string | null; label?: string; value?: number | null; priority?: number | null }
>;

/**
 * A map layer, drawn in order (first below).
 * - `fill` (default): filled shapes; a choropleth when any shape has a value;
 * - `highlight`: shapes outlined boldly on top (e.g. an application's territory);
 * - `lines`: border lines (e.g. {@link unitBorders}), e.g. the region outline above the units;
 * - `context`: shapes drawn in grey below everything (e.g. neighbouring regions), clipped to the
 *   frame and left out of the fitted extent.
 *
 * @example
 * ```ts
 * import type { MapLayer } from 'cprdfop/geo';
 * const layer: MapLayer = { kind: 'lines', lines: { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] } };
 * layer.kind; // "lines"
 * ```
 * @category Maps
 */
export interface MapLayer {
  kind?: 'fill' | 'highlight' | 'lines' | 'context';
  /** Layer id, written as `data-layer`. */
  id?: string;
  /** Shapes (for `fill` and `highlight`): {@link MapShape}s or a FeatureCollection whose properties have `code` and `name` or `label`. */
  shapes?:
    | readonly (MapShape | ShapeFeature)[]
    | { type: 'FeatureCollection'; features: readonly ShapeFeature[] };
  /** Lines (for `lines`). */
  lines?: LineString | MultiLineString;
  /** Draw a label (the name) at each shape's label point. Default `false`. */
  labels?: boolean;
  /** Stroke colour override. */
  stroke?: string;
  /** Stroke width in px (default 1 for lines, 0.4 for fills, 2.5 for highlights). */
  strokeWidth?: number;
}

/**
 * Options of {@link renderSvg} and {@link renderMap}.
 *
 * @example
 * ```ts
 * import type { RenderSvgOptions } from 'cprdfop/geo';
 * const o: RenderSvgOptions = { title: 'EPCI de la Somme', classes: 5, classification: 'jenks', unit: 'hab.' };
 * o.classes; // 5
 * ```
 * @category Maps
 */
export interface RenderSvgOptions {
  /** The map title (`<title>`, required for accessibility), also drawn at the top. */
  title: string;
  /** A subtitle drawn under the title (e.g. the year and the mesh). */
  subtitle?: string;
  /** The source and date line(s) drawn at the bottom (`\n` separates lines), e.g. `Source : IGN, Admin Express 2024`. */
  source?: string;
  /** A longer description (`<desc>`); default: generated (indicator, classes, extremes, source). */
  description?: string;
  /** Language of the legend, the no-data label, the description and the tooltips (default `fr`). */
  lang?: 'fr' | 'en';
  /** Width in px (default 800). */
  width?: number;
  /** Height in px (default: from the extent's aspect ratio). */
  height?: number;
  /** Padding in px (default 10). */
  padding?: number;
  /** `lambert93` (default: conic conformal, parallels 44°N/49°N, central meridian 3°E), `mercator` or `equirectangular`. */
  projection?: 'lambert93' | 'mercator' | 'equirectangular';
  /** Number of choropleth classes asked, 2–9 (default 5); fewer when values tie (the legend says so). */
  classes?: number;
  /** The classification method (see {@link classify}; default `quantile`; `quantize` is the former name of `equal`). */
  classification?: ClassificationMethod | 'quantize';
  /** Breaks for the `manual` method. */
  breaks?: readonly number[];
  /** Round the breaks to nice numbers (default `true`). */
  nice?: boolean;
  /** A palette name of {@link classify} (default `YlGnBu`), or your own colours light to dark (not checked for colour blindness). */
  palette?: PaletteName | readonly string[];
  /** The neutral value of a diverging palette (default 0). */
  midpoint?: number;
  /** The legend title, i.e. the indicator, e.g. `Population` (default « Valeur » / "Value"). */
  valueLabel?: string;
  /** The indicator's unit, shown in the legend title, e.g. `hab./km²`. */
  unit?: string;
  /** Formats values in the shapes' tooltips (default: the language's number format, ≤ 2 decimals). */
  formatValue?: (value: number) => string;
  /** Draw the legend when there are values (default `true`). */
  legend?: boolean;
  /** Draw a scale bar (default `true` with the conformal projections `lambert93` and `mercator`). */
  scaleBar?: boolean;
  /** Draw a north arrow (default: like the scale bar). */
  northArrow?: boolean;
  /** Font size of the unit labels in px (default 10). */
  labelSize?: number;
  /** Prefix of the element ids, to embed several maps in one page (default `map`). */
  idPrefix?: string;
  /** Coordinate decimals in path data (default 1). */
  digits?: number;
  /**
   * Overseas regions (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte) and collectivities
   * (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin) when the map also has metropolitan units: `auto` (default) draws each in its own labelled inset under the main map,
   * with its own projection and scale bar; `none` draws them nowhere and reports them in
   * {@link RenderedMap.warnings}. A map of overseas units alone is drawn in the main frame.
   */
  insets?: 'auto' | 'none';
}

/**
 * An overseas region drawn in an inset by {@link renderMap}.
 *
 * @example
 * ```ts
 * import type { MapInset } from 'cprdfop/geo';
 * const inset: MapInset = { code: '974', region: '04', name: { fr: 'La Réunion', en: 'Réunion' },
 *   box: [10, 300, 190, 430], codes: ['97411'] };
 * inset.name.fr; // "La Réunion"
 * ```
 * @category Maps
 */
export interface MapInset {
  /** INSEE code of the overseas département (`971`–`974`, `976`) or collectivity (`975`, `977`, `978`). */
  code: string;
  /** INSEE region code, `null` for a collectivité d’outre-mer. */
  region: string | null;
  /** The region's name, French and English (the inset's title). */
  name: { fr: string; en: string };
  /** The inset's box in px: left, top, right, bottom. */
  box: [number, number, number, number];
  /** Codes of the fill and highlight shapes drawn in it. */
  codes: string[];
}

/**
 * A warning of {@link renderMap}: something asked for that the map does not show.
 *
 * @example
 * ```ts
 * import type { MapWarning } from 'cprdfop/geo';
 * const warning: MapWarning = { code: 'W_OVERSEAS_OMITTED', codes: ['97411'],
 *   message: { fr: '1 unité d’outre-mer non dessinée', en: '1 overseas unit not drawn' } };
 * warning.codes; // ["97411"]
 * ```
 * @category Maps
 */
export interface MapWarning {
  /** `W_OVERSEAS_OMITTED`: overseas shapes not drawn because `insets` is `none`. */
  code: 'W_OVERSEAS_OMITTED';
  /** The codes of the shapes concerned. */
  codes: string[];
  /** What happened, French and English. */
  message: { fr: string; en: string };
}

/**
 * What {@link renderMap} drew: the SVG, the classification used for the choropleth (`null` when
 * no shape has a value), which labels were placed and which were left out for lack of room.
 *
 * @example
 * ```ts
 * import type { RenderedMap } from 'cprdfop/geo';
 * const report: RenderedMap['labels'] = { shown: ['59'], dropped: [] };
 * report.shown; // ["59"]
 * ```
 * @category Maps
 */
export interface RenderedMap {
  /** The SVG document. */
  svg: string;
  /** Width and height in px. */
  width: number;
  height: number;
  /** The classes drawn, or `null` without values. */
  classification: Classification | null;
  /** Codes of the shapes labelled, and of those whose label was left out (collision, or no room in the frame). */
  labels: { shown: string[]; dropped: string[] };
  /** The overseas regions and collectivities drawn in insets (empty when none). */
  insets: MapInset[];
  /** What the map does not show (e.g. overseas units with `insets: 'none'`). */
  warnings: MapWarning[];
}

/** Font stack of every text: Noto Sans is the font bundled for the PNG output. @internal */
export const MAP_FONT_FAMILY = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const FONT = MAP_FONT_FAMILY;
const LEGEND_WIDTH = 220;
const BORDER = '#8a8a8a';
/** Average advance of a Noto Sans character in em, rounded up (for label boxes). */
const CHAR_EM = 0.6;

const TEXT = {
  fr: {
    value: 'Valeur',
    noData: 'pas de donnée',
    methods: {
      quantile: 'quantiles (effectifs égaux)',
      equal: 'intervalles égaux',
      jenks: 'seuils naturels (Jenks)',
      manual: 'seuils choisis',
    },
    method: 'Classes',
    north: 'N',
    units: (count: number) => `${count} unité${count > 1 ? 's' : ''}`,
    map: (count: number) => `Carte de ${count} unité${count > 1 ? 's' : ''}.`,
    choropleth: (indicator: string, count: number, classes: number, method: string) =>
      `Carte choroplèthe « ${indicator} » sur ${count} unité${count > 1 ? 's' : ''}, en ${classes} classe${classes > 1 ? 's' : ''} (${method}) : `,
    extremes: (min: string, minName: string, max: string, maxName: string) =>
      `minimum ${min} (${minName}), maximum ${max} (${maxName})`,
    noDataCount: (count: number) => `${count} sans donnée`,
    labels: (shown: number, total: number) => `${shown} noms affichés sur ${total}`,
    differentScale: 'échelle différente',
    insets: (list: string) => `Encarts à une échelle différente : ${list}`,
    omitted: (count: number, list: string) =>
      `${count} unité${count > 1 ? 's' : ''} d’outre-mer non dessinée${count > 1 ? 's' : ''} (encarts désactivés) : ${list}`,
  },
  en: {
    value: 'Value',
    noData: 'no data',
    methods: {
      quantile: 'quantiles (equal counts)',
      equal: 'equal intervals',
      jenks: 'natural breaks (Jenks)',
      manual: 'chosen breaks',
    },
    method: 'Classes',
    north: 'N',
    units: (count: number) => `${count} unit${count > 1 ? 's' : ''}`,
    map: (count: number) => `Map of ${count} unit${count > 1 ? 's' : ''}.`,
    choropleth: (indicator: string, count: number, classes: number, method: string) =>
      `Choropleth map of "${indicator}" over ${count} unit${count > 1 ? 's' : ''}, in ${classes} class${classes > 1 ? 'es' : ''} (${method}): `,
    extremes: (min: string, minName: string, max: string, maxName: string) =>
      `minimum ${min} (${minName}), maximum ${max} (${maxName})`,
    noDataCount: (count: number) => `${count} without data`,
    labels: (shown: number, total: number) => `${shown} of ${total} names shown`,
    differentScale: 'different scale',
    insets: (list: string) => `Insets at a different scale: ${list}`,
    omitted: (count: number, list: string) =>
      `${count} overseas unit${count > 1 ? 's' : ''} not drawn (insets turned off): ${list}`,
  },
} as const;

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** @internal French typography for French text only. */
const typeset = (text: string, lang: 'fr' | 'en'): string => (lang === 'fr' ? frenchTypography(text) : text);

/** @internal Wraps a text at spaces into lines of at most `max` characters (a longer word stays whole). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > max) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** @internal Shapes of a layer. */
function shapesOf(layer: MapLayer): MapShape[] {
  const s = layer.shapes;
  if (!s) return [];
  const list = (Array.isArray(s) ? s : (s as unknown as { features: unknown[] }).features) as Array<
    MapShape | ShapeFeature
  >;
  return list.map((x) =>
    'type' in x && x.type === 'Feature'
      ? {
          code: x.properties.code,
          name: x.properties.name ?? x.properties.label ?? null,
          geometry: x.geometry,
          value: x.properties.value ?? null,
          priority: x.properties.priority ?? null,
        }
      : (x as MapShape),
  );
}

/** @internal Evenly picked palette colours. */
function pick(palette: readonly string[], count: number): string[] {
  if (palette.length <= count) return [...palette];
  if (count === 1) return [palette[Math.floor(palette.length / 2)] as string];
  return Array.from(
    { length: count },
    (_, index) => palette[Math.round((index * (palette.length - 1)) / (count - 1))] as string,
  );
}

const isValue = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** @internal A 1-2-5 number not above `value`. */
function niceFloor(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const factor of [5, 2, 1]) if (factor * power <= value) return factor * power;
  return power;
}

/** @internal The first codes of a list, for a message. */
const listCodes = (codes: readonly string[]): string =>
  `${codes.slice(0, 10).join(', ')}${codes.length > 10 ? ', …' : ''}`;

/** A label's box in px: left, top, right, bottom. */
type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box): boolean => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Renders layers as an accessible thematic map — a pure function (no DOM), for Node and the
 * browser — and tells what it drew. The projection (Lambert-93-like conic conformal by default) is
 * fitted to the extent of every layer but `context` ones. The map has a title and subtitle, the
 * source line, a scale bar and a north arrow (conformal projections), a legend titled with the
 * indicator and its unit whose classes come from {@link classify} (rounded breaks, no empty class,
 * fewer classes said, a hatched « Pas de donnée » / "No data" box), borders visible on light
 * classes, and a `<desc>` summarising the indicator, classes and extremes. Labels sit at each
 * shape's pole of inaccessibility (polylabel), with a halo; when two would overlap the one of lower
 * priority (population if given, else drawn area) is left out, and none is cut by the frame.
 *
 * @param layers - The layers, bottom first.
 * @param options - Title (required), subtitle, source, classes, method, palette, legend title, unit…
 * @returns The SVG, its size, the classification and the labels shown and left out.
 * @throws {GeoDataError} `E_INVALID_CLASSIFICATION` for invalid classification options (see {@link classify}),
 *   `E_INVALID_MAP_OPTION` for an `insets` option other than `auto` or `none`.
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en`.
 * @example
 * ```ts
 * import { renderMap } from 'cprdfop/geo';
 * const sq = (code: string, x: number, value: number) => ({ code, value, name: `Zone ${code}`,
 *   geometry: { type: 'Polygon' as const, coordinates: [[[x, 50], [x + 0.2, 50], [x + 0.2, 50.2], [x, 50.2], [x, 50]]] } });
 * const map = renderMap([{ shapes: [sq('A', 3, 1), sq('B', 3.2, 2), sq('C', 3.4, 2)], labels: true }],
 *   { title: 'Trois zones', valueLabel: 'Score', classes: 3, width: 400 });
 * map.classification?.classes.length; // 2
 * map.classification?.reduced?.note.en; // "2 classes instead of 3: the values tie"
 * map.labels.shown; // ["A","B","C"]
 * ```
 * @category Maps
 */
export function renderMap(layers: readonly MapLayer[], options: RenderSvgOptions): RenderedMap {
  const lang = languageOption(options.lang, 'renderMap', 'fr');
  const text = TEXT[lang];
  const insetsMode: unknown = options.insets ?? 'auto';
  if (insetsMode !== 'auto' && insetsMode !== 'none')
    throw new GeoDataError('E_INVALID_MAP_OPTION', {
      fr: frenchTypography(`option insets « ${showValue(insetsMode)} » invalide : auto ou none est attendu`),
      en: `invalid insets option "${showValue(insetsMode)}": expected auto or none`,
    });
  const width = options.width ?? 800;
  const padding = options.padding ?? 10;
  const prefix = options.idPrefix ?? 'map';
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const formatTooltip =
    options.formatValue ?? ((value: number) => value.toLocaleString(locale, { maximumFractionDigits: 2 }));
  const all = layers.map((layer) => ({ layer, kind: layer.kind ?? 'fill', shapes: shapesOf(layer) }));

  // overseas regions: the main frame shows metropolitan France (or, without it, the overseas
  // region with the most shapes); each other region present goes to an inset, or nowhere with a warning
  const groupOf = (s: MapShape): string => overseasRegionOf(s.code, s.geometry)?.code ?? '';
  const grouped = all.map(({ layer, kind, shapes }) => {
    const shapeGroups = new Map<string, MapShape[]>();
    for (const s of shapes) {
      const group = groupOf(s);
      const list = shapeGroups.get(group) ?? [];
      list.push(s);
      shapeGroups.set(group, list);
    }
    const lineGroups =
      kind === 'lines' && layer.lines ? splitLines(layer.lines) : new Map<string, MultiLineString>();
    return { layer, kind, shapeGroups, lineGroups };
  });
  const weight = new Map<string, number>();
  for (const { kind, shapeGroups, lineGroups } of grouped) {
    if (kind === 'context') continue;
    for (const [group, list] of shapeGroups) weight.set(group, (weight.get(group) ?? 0) + list.length);
    for (const group of lineGroups.keys()) weight.set(group, weight.get(group) ?? 0);
  }
  const overseasPresent = OVERSEAS_REGIONS.filter((region) => weight.has(region.code));
  const mainGroup = weight.has('')
    ? ''
    : (overseasPresent.reduce<OverseasRegion | null>(
        (best, region) =>
          best === null || (weight.get(region.code) ?? 0) > (weight.get(best.code) ?? 0) ? region : best,
        null,
      )?.code ?? '');
  const insetRegions =
    insetsMode === 'auto' ? overseasPresent.filter((region) => region.code !== mainGroup) : [];
  const drawnGroups = new Set([mainGroup, ...insetRegions.map((region) => region.code)]);
  const omittedCodes: string[] = [];
  for (const { kind, shapeGroups } of grouped)
    if (kind === 'fill' || kind === 'highlight')
      for (const [group, list] of shapeGroups)
        if (!drawnGroups.has(group)) for (const s of list) omittedCodes.push(s.code);
  type Prepared = {
    layer: MapLayer;
    kind: NonNullable<MapLayer['kind']>;
    shapes: MapShape[];
    lines?: MultiLineString;
  };
  const partOf = (group: string): Prepared[] =>
    grouped.map(({ layer, kind, shapeGroups, lineGroups }) => {
      const shapes =
        kind === 'context' && group === mainGroup
          ? [...shapeGroups]
              .filter(([key]) => key === group || !drawnGroups.has(key))
              .flatMap(([, list]) => list)
          : (shapeGroups.get(group) ?? []);
      const lines = lineGroups.get(group);
      return { layer, kind, shapes, ...(lines ? { lines } : {}) };
    });
  const prepared = partOf(mainGroup);
  const insetParts = insetRegions.map((region) => ({ region, prepared: partOf(region.code) }));
  const warnings: MapWarning[] = omittedCodes.length
    ? [
        {
          code: 'W_OVERSEAS_OMITTED',
          codes: omittedCodes,
          message: {
            fr: frenchTypography(TEXT.fr.omitted(omittedCodes.length, listCodes(omittedCodes))),
            en: TEXT.en.omitted(omittedCodes.length, listCodes(omittedCodes)),
          },
        },
      ]
    : [];

  // choropleth classes over every fill shape drawn, main frame and insets alike (no data counted, never dropped)
  const fillValues: Array<number | null | undefined> = [];
  for (const part of [prepared, ...insetParts.map((inset) => inset.prepared)])
    for (const { kind, shapes } of part)
      if (kind === 'fill') for (const s of shapes) fillValues.push(s.value);
  const hasValues = fillValues.some(isValue);
  const paletteOption = options.palette;
  const classification = hasValues
    ? classify(fillValues, {
        method: options.classification === 'quantize' ? 'equal' : (options.classification ?? 'quantile'),
        classes: options.classes ?? 5,
        ...(options.breaks ? { breaks: options.breaks } : {}),
        ...(options.nice === false ? { nice: false } : {}),
        ...(typeof paletteOption === 'string' ? { palette: paletteOption } : {}),
        ...(options.midpoint === undefined ? {} : { midpoint: options.midpoint }),
      })
    : null;
  const colours = classification
    ? Array.isArray(paletteOption)
      ? pick(paletteOption as readonly string[], classification.classes.length)
      : classification.classes.map((bin) => bin.colour)
    : [];
  const colourOf = (value: number | null | undefined): string => {
    const index = classification ? classification.classOf(value) : -1;
    return index < 0 ? `url(#${prefix}-nodata)` : (colours[index] as string);
  };
  const showLegend = classification !== null && options.legend !== false;
  const kindOfProjection = options.projection ?? 'lambert93';
  const conformal = kindOfProjection !== 'equirectangular';

  // layout: header, map frame (and legend column), footer
  const titleSize = 18;
  const titleLines = wrap(
    options.title,
    Math.max(10, Math.floor((width - 2 * padding) / (titleSize * 0.58))),
  );
  const subtitleLines = options.subtitle
    ? wrap(options.subtitle, Math.floor((width - 2 * padding) / (13 * 0.56)))
    : [];
  const headerHeight = padding + titleLines.length * 23 + subtitleLines.length * 17 + 6;
  const sourceLines = options.source
    ? wrap(options.source, Math.floor((width - 2 * padding) / (10 * 0.56)))
    : [];
  const legendWidth = showLegend ? LEGEND_WIDTH : 0;
  const mapLeft = padding;
  const mapRight = Math.max(mapLeft + 100, width - legendWidth - padding);
  const frameWidth = mapRight - mapLeft;
  const inner = 6;

  const extentOf = (part: readonly Prepared[]): FeatureCollection => {
    const features: Feature[] = [];
    for (const { kind, shapes, lines } of part) {
      if (kind === 'context') continue;
      for (const s of shapes)
        features.push({ type: 'Feature', properties: null, geometry: toD3Winding(s.geometry) });
      if (lines) features.push({ type: 'Feature', properties: null, geometry: lines });
    }
    return { type: 'FeatureCollection', features };
  };
  const extent = extentOf(prepared);
  const hasShapes = extent.features.length > 0;
  const scaleBar = hasShapes && (options.scaleBar ?? conformal);
  const northArrow = hasShapes && (options.northArrow ?? conformal);
  const footerHeight =
    (scaleBar || northArrow ? 34 : 0) + sourceLines.length * 13 + (sourceLines.length ? 6 : 0) + 4;
  // the conic projection suits metropolitan France only: an overseas region alone is drawn in Mercator
  const projection: GeoProjection =
    kindOfProjection === 'mercator' || (kindOfProjection === 'lambert93' && mainGroup !== '')
      ? geoMercator()
      : kindOfProjection === 'equirectangular'
        ? geoEquirectangular()
        : geoConicConformal().parallels([44, 49]).rotate([-3, 0]);

  // legend content first: it sets the minimum height of the body
  const legendTitle = `${options.valueLabel ?? text.value}${options.unit ? ` (${options.unit})` : ''}`;
  const legendTitleLines = wrap(typeset(legendTitle, lang), 30);
  const noteLines = classification?.reduced ? wrap(classification.reduced.note[lang], 36) : [];
  const methodLine = classification
    ? typeset(`${text.method}${lang === 'fr' ? ' :' : ':'} ${text.methods[classification.method]}`, lang)
    : '';
  const noDataShown = classification !== null && classification.noDataCount > 0;
  const classRows = classification ? classification.classes.length + (noDataShown ? 1 : 0) : 0;
  const legendHeight = showLegend
    ? 8 + legendTitleLines.length * 15 + 4 + classRows * 20 + 6 + noteLines.length * 13 + 16
    : 0;

  // the row of insets under the main map
  const insetRow = insetsHeight(insetParts.length, frameWidth);
  let frameHeight: number;
  if (options.height !== undefined)
    frameHeight = Math.max(50 + insetRow, options.height - headerHeight - footerHeight);
  else if (!hasShapes) frameHeight = Math.round(frameWidth / 2) + insetRow;
  else {
    projection.fitWidth(frameWidth - 2 * inner, extent);
    const bounds = geoPath(projection).bounds(extent);
    frameHeight = Math.max(50, Math.ceil(bounds[1][1] - bounds[0][1] + 2 * inner)) + insetRow;
  }
  const bodyHeight = Math.max(frameHeight, legendHeight);
  const height = options.height ?? headerHeight + bodyHeight + footerHeight;
  const mapTop = headerHeight;
  const mapBottom = mapTop + frameHeight;
  /** The main map's part of the frame (all of it without insets). */
  const mainArea: PixelBox = [mapLeft, mapTop, mapRight, mapBottom - insetRow];
  if (hasShapes)
    projection.fitExtent(
      [
        [mapLeft + inner, mapTop + inner],
        [mapRight - inner, mainArea[3] - inner],
      ],
      extent,
    );
  const digits = options.digits ?? 1;
  const path = geoPath(projection).digits(digits);

  // each inset: a box in the row, its title, a map area with its own projection, its scale bar
  const insetTitleHeight = 16;
  const insetFooterHeight = 30;
  const insets = layoutInsets(insetParts.length, [mapLeft, mapTop, mapRight, mapBottom]).map((box, index) => {
    const { region, prepared: part } = insetParts[index] as (typeof insetParts)[number];
    const area: PixelBox = [
      box[0] + 4,
      box[1] + insetTitleHeight + 2,
      box[2] - 4,
      box[3] - insetFooterHeight,
    ];
    const insetProjection: GeoProjection =
      kindOfProjection === 'equirectangular' ? geoEquirectangular() : geoMercator();
    insetProjection.fitExtent(
      [
        [area[0] + 2, area[1] + 2],
        [Math.max(area[0] + 3, area[2] - 2), Math.max(area[1] + 3, area[3] - 2)],
      ],
      extentOf(part),
    );
    const codes = part
      .filter((p) => p.kind === 'fill' || p.kind === 'highlight')
      .flatMap((p) => p.shapes.map((s) => s.code));
    return { region, part, box, area, projection: insetProjection, codes };
  });
  const panels: Array<{ part: Prepared[]; projection: GeoProjection; area: PixelBox }> = [
    { part: prepared, projection, area: mainArea },
    ...insets.map((inset) => ({ part: inset.part, projection: inset.projection, area: inset.area })),
  ];

  // labels: candidates by priority, greedy collision removal, kept inside the frame
  const labelSize = options.labelSize ?? 10;
  const halo = 2;
  type Candidate = {
    code: string;
    name: string;
    x: number;
    y: number;
    priority: number;
    order: number;
    area: PixelBox;
  };
  const candidates: Candidate[] = [];
  let order = 0;
  for (const panel of panels) {
    const pixelArea = geoPath(panel.projection);
    for (const { layer, kind, shapes } of panel.part) {
      if (!layer.labels || kind === 'lines' || kind === 'context') continue;
      for (const s of shapes) {
        const point = panel.projection(labelPoint(s.geometry));
        const name = s.name ?? s.code;
        const priority = isValue(s.priority) ? s.priority : pixelArea.area(toD3Winding(s.geometry));
        const found = point && Number.isFinite(point[0]) && Number.isFinite(point[1]);
        candidates.push({
          code: s.code,
          name,
          x: found ? point[0] : Number.NaN,
          y: found ? point[1] : Number.NaN,
          priority,
          order: order++,
          area: panel.area,
        });
      }
    }
  }
  candidates.sort((a, b) => b.priority - a.priority || a.order - b.order);
  const placed: Array<{ candidate: Candidate; box: Box; x: number; y: number }> = [];
  const dropped: string[] = [];
  for (const candidate of candidates) {
    if (!Number.isFinite(candidate.x)) {
      dropped.push(candidate.code);
      continue;
    }
    const halfWidth = (candidate.name.length * labelSize * CHAR_EM) / 2 + halo;
    const halfHeight = (labelSize * 1.25) / 2 + halo;
    // shift the label inside its panel (the main map or its inset), at most half its width (else it
    // would float away from its shape)
    const [left, top, right, bottom] = candidate.area;
    let x = candidate.x;
    let y = candidate.y;
    x = Math.min(Math.max(x, left + halfWidth), right - halfWidth);
    y = Math.min(Math.max(y, top + halfHeight), bottom - halfHeight);
    const box: Box = [x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight];
    const tooFar = Math.abs(x - candidate.x) > halfWidth || Math.abs(y - candidate.y) > halfHeight;
    const outside = box[0] < left || box[2] > right || box[1] < top || box[3] > bottom;
    if (tooFar || outside || placed.some((other) => overlaps(other.box, box))) {
      dropped.push(candidate.code);
      continue;
    }
    placed.push({ candidate, box, x, y });
  }
  placed.sort((a, b) => a.candidate.order - b.candidate.order);

  // description: indicator, classes, extremes, no data, source
  const drawnParts = [prepared, ...insets.map((inset) => inset.part)];
  const fillShapes = drawnParts.flatMap((part) =>
    part.filter((p) => p.kind === 'fill').flatMap((p) => p.shapes),
  );
  let desc = options.description;
  if (desc === undefined) {
    if (classification) {
      const withValues = fillShapes.filter((s) => isValue(s.value));
      const lowest = withValues.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
      const highest = withValues.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
      const classesText = classification.classes
        .map((bin) => `${bin.label[lang]} (${text.units(bin.count)})`)
        .join(' ; ');
      desc =
        text.choropleth(
          legendTitle,
          fillShapes.length,
          classification.classes.length,
          text.methods[classification.method],
        ) +
        `${classesText}. ` +
        `${text.extremes(formatTooltip(lowest.value as number), lowest.name ?? lowest.code, formatTooltip(highest.value as number), highest.name ?? highest.code)}` +
        `${classification.noDataCount ? ` ; ${text.noDataCount(classification.noDataCount)}` : ''}.` +
        `${classification.reduced ? ` ${classification.reduced.note[lang]}.` : ''}`;
    } else
      desc = text.map(
        fillShapes.length +
          drawnParts
            .flatMap((part) => part.filter((p) => p.kind === 'highlight'))
            .reduce((n, p) => n + p.shapes.length, 0),
      );
    if (insets.length)
      desc += ` ${text.insets(insets.map((inset) => `${inset.region.name[lang]} (${text.units(inset.codes.length)})`).join(', '))}.`;
    if (warnings.length) desc += ` ${text.omitted(omittedCodes.length, listCodes(omittedCodes))}.`;
    if (candidates.length) desc += ` ${text.labels(placed.length, candidates.length)}.`;
    if (options.subtitle) desc = `${options.subtitle}. ${desc}`;
    if (options.source) desc += ` ${options.source.replace(/\n/g, ' ')}`;
    desc = typeset(desc, lang);
  }

  /** A scale bar of about `length` px at the centre of `area`: nice kilometres, their px, the label. */
  const scaleOf = (
    scaleProjection: GeoProjection,
    area: PixelBox,
    length: number,
  ): { km: number; bar: number; unit: string } | null => {
    const lonLat = scaleProjection.invert?.([(area[0] + area[2]) / 2, (area[1] + area[3]) / 2]);
    if (!lonLat || !Number.isFinite(lonLat[0]) || !Number.isFinite(lonLat[1])) return null;
    const kilometre = (1000 / (EARTH_RADIUS_M * Math.cos((lonLat[1] * Math.PI) / 180))) * (180 / Math.PI);
    const a = scaleProjection(lonLat);
    const b = scaleProjection([lonLat[0] + kilometre, lonLat[1]]);
    if (!a || !b) return null;
    const pxPerKm = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (!(pxPerKm > 0) || !Number.isFinite(pxPerKm)) return null;
    const km = niceFloor(length / pxPerKm);
    const unit = km >= 1 ? `${km.toLocaleString(locale)} km` : `${(km * 1000).toLocaleString(locale)} m`;
    return { km, bar: km * pxPerKm, unit };
  };

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc">`,
    `<title id="${prefix}-title">${esc(options.title)}</title>`,
    `<desc id="${prefix}-desc">${esc(desc)}</desc>`,
    '<defs>',
    `<clipPath id="${prefix}-frame"><rect x="${mapLeft}" y="${mapTop}" width="${frameWidth}" height="${frameHeight}"/></clipPath>`,
    ...(insets.length
      ? [
          `<clipPath id="${prefix}-main"><rect x="${mainArea[0]}" y="${mainArea[1]}" width="${mainArea[2] - mainArea[0]}" height="${mainArea[3] - mainArea[1]}"/></clipPath>`,
          ...insets.map(
            (inset) =>
              `<clipPath id="${prefix}-inset-${inset.region.code}"><rect x="${inset.area[0]}" y="${inset.area[1]}" width="${inset.area[2] - inset.area[0]}" height="${inset.area[3] - inset.area[1]}"/></clipPath>`,
          ),
        ]
      : []),
    `<pattern id="${prefix}-nodata" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="${classification?.noData.colour ?? '#e9e4dc'}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${classification?.noData.hatch ?? '#8c8c8c'}" stroke-width="1.5"/></pattern>`,
    '</defs>',
    `<rect class="background" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  // header
  out.push(`<g class="header" font-family="${FONT}" fill="#111111" aria-hidden="true">`);
  titleLines.forEach((line, index) => {
    out.push(
      `<text class="map-title" x="${padding}" y="${padding + 17 + index * 23}" font-size="${titleSize}" font-weight="bold">${esc(line)}</text>`,
    );
  });
  subtitleLines.forEach((line, index) => {
    out.push(
      `<text class="map-subtitle" x="${padding}" y="${padding + titleLines.length * 23 + 12 + index * 17}" font-size="13" fill="#444444">${esc(line)}</text>`,
    );
  });
  out.push('</g>');

  const drawPart = (part: readonly Prepared[], draw: GeoPath): void =>
    part.forEach(({ layer, kind, shapes, lines }, layerIndex) => {
      const id = esc(layer.id ?? `${kind}-${layerIndex}`);
      if (kind === 'lines') {
        if (lines)
          out.push(
            `<g class="layer lines" data-layer="${id}" aria-hidden="true">`,
            `<path d="${draw(lines) ?? ''}" fill="none" stroke="${esc(layer.stroke ?? '#444444')}" stroke-width="${layer.strokeWidth ?? 1}" stroke-linejoin="round" stroke-linecap="round"/>`,
            '</g>',
          );
        return;
      }
      if (kind === 'context') {
        out.push(
          `<g class="layer context" data-layer="${id}" fill="#eeeeee" stroke="${esc(layer.stroke ?? '#bdbdbd')}" stroke-width="${layer.strokeWidth ?? 0.6}" stroke-linejoin="round" aria-hidden="true">`,
        );
        for (const s of shapes)
          out.push(`<path d="${draw(toD3Winding(s.geometry)) ?? ''}" data-code="${esc(s.code)}"/>`);
        out.push('</g>');
        return;
      }
      // shared stroke attributes on the layer, not on each of possibly 35,000 paths
      out.push(
        kind === 'fill'
          ? `<g class="layer fill" data-layer="${id}" stroke="${esc(layer.stroke ?? BORDER)}" stroke-width="${layer.strokeWidth ?? 0.4}" stroke-linejoin="round">`
          : `<g class="layer highlight" data-layer="${id}">`,
      );
      for (const s of shapes) {
        const d = draw(toD3Winding(s.geometry)) ?? '';
        const name = s.name ?? s.code;
        const hasValue = isValue(s.value);
        const tooltip = `${name}${name === s.code ? '' : ` (${s.code})`}${kind === 'fill' && classification ? `: ${hasValue ? formatTooltip(s.value as number) : text.noData}` : ''}`;
        const title = typeset(tooltip, lang);
        const valueAttr = hasValue ? ` data-value="${s.value}"` : '';
        if (kind === 'highlight') {
          out.push(
            `<path d="${d}" data-code="${esc(s.code)}"${valueAttr} fill="none" stroke="#ffffff" stroke-width="${(layer.strokeWidth ?? 2.5) * 2}" stroke-linejoin="round" aria-hidden="true"/>`,
            `<path d="${d}" data-code="${esc(s.code)}"${valueAttr} fill="none" stroke="${esc(layer.stroke ?? '#d62728')}" stroke-width="${layer.strokeWidth ?? 2.5}" stroke-linejoin="round"><title>${esc(title)}</title></path>`,
          );
        } else {
          const fill = classification ? colourOf(s.value) : '#e8e8e8';
          const classAttr = classification ? ` data-class="${classification.classOf(s.value)}"` : '';
          out.push(
            `<path d="${d}" data-code="${esc(s.code)}"${valueAttr}${classAttr} fill="${fill}"><title>${esc(title)}</title></path>`,
          );
        }
      }
      out.push('</g>');
    });

  out.push(`<g class="frame" clip-path="url(#${prefix}-frame)">`);
  if (insets.length) {
    out.push(`<g class="main" clip-path="url(#${prefix}-main)">`);
    drawPart(prepared, path);
    out.push('</g>');
  } else drawPart(prepared, path);
  for (const inset of insets) {
    const [left, top, right, bottom] = inset.box;
    const name = inset.region.name[lang];
    out.push(
      `<g class="inset" data-inset="${inset.region.code}"${inset.region.region ? ` data-region="${inset.region.region}"` : ''} data-box="${inset.box.join(' ')}" data-area="${inset.area.join(' ')}">`,
      `<rect class="inset-border" x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="#ffffff" stroke="#8a8a8a" stroke-width="0.8"/>`,
      `<text class="inset-title" x="${left + 5}" y="${top + 12}" font-family="${FONT}" font-size="11" font-weight="bold" fill="#111111">${esc(name)}</text>`,
      `<g class="inset-map" clip-path="url(#${prefix}-inset-${inset.region.code})">`,
    );
    drawPart(inset.part, geoPath(inset.projection).digits(digits));
    out.push('</g>');
    const scale = scaleBar ? scaleOf(inset.projection, inset.area, (right - left) / 3) : null;
    out.push(
      `<g class="inset-scale" font-family="${FONT}" font-size="9" fill="#111111" transform="translate(${left + 5},${bottom - insetFooterHeight + 2})"${scale ? ` data-km="${scale.km}" data-px="${scale.bar.toFixed(2)}"` : ''}>`,
    );
    if (scale)
      out.push(
        `<rect x="0" y="6" width="${scale.bar.toFixed(1)}" height="3" fill="#111111"/>`,
        `<text x="${(scale.bar + 4).toFixed(1)}" y="10">${esc(scale.unit)}</text>`,
      );
    out.push(
      `<text class="inset-note" x="0" y="23" font-size="8" font-style="italic" fill="#444444">${esc(text.differentScale)}</text>`,
      '</g>',
      '</g>',
    );
  }
  if (placed.length)
    out.push(
      `<g class="labels" aria-hidden="true" font-family="${FONT}" font-size="${labelSize}" fill="#111111" stroke="#ffffff" stroke-width="${2 * halo}" stroke-linejoin="round" paint-order="stroke">`,
      ...placed.map(
        (label) =>
          `<text x="${label.x.toFixed(1)}" y="${(label.y + labelSize * 0.35).toFixed(1)}" text-anchor="middle" data-code="${esc(label.candidate.code)}" data-box="${label.box.map((n) => n.toFixed(1)).join(' ')}">${esc(label.candidate.name)}</text>`,
      ),
      '</g>',
    );
  out.push('</g>');
  out.push(
    `<rect class="frame-border" x="${mapLeft}" y="${mapTop}" width="${frameWidth}" height="${frameHeight}" fill="none" stroke="#d0d0d0" stroke-width="0.5"/>`,
  );

  if (showLegend && classification) {
    const x = mapRight + 16;
    out.push(
      `<g class="legend" font-family="${FONT}" font-size="12" fill="#111111" transform="translate(${x},${mapTop + 8})">`,
    );
    legendTitleLines.forEach((line, index) => {
      out.push(
        `<text class="legend-title" x="0" y="${10 + index * 15}" font-weight="bold">${esc(line)}</text>`,
      );
    });
    let y = 10 + (legendTitleLines.length - 1) * 15 + 10;
    classification.classes.forEach((bin, index) => {
      out.push(
        `<rect x="0" y="${y}" width="22" height="14" fill="${colours[index]}" stroke="${BORDER}" stroke-width="0.5" data-class="${index}"/>`,
        `<text x="30" y="${y + 11}" data-class="${index}" data-lower="${bin.lower}" data-upper="${bin.upper}">${esc(bin.label[lang])}</text>`,
      );
      y += 20;
    });
    if (noDataShown) {
      out.push(
        `<rect x="0" y="${y}" width="22" height="14" fill="url(#${prefix}-nodata)" stroke="${BORDER}" stroke-width="0.5" data-class="-1"/>`,
        `<text x="30" y="${y + 11}" data-class="-1">${esc(classification.noData.label[lang])}</text>`,
      );
      y += 20;
    }
    y += 4;
    for (const line of noteLines) {
      out.push(
        `<text class="legend-note" x="0" y="${y + 8}" font-size="10" font-style="italic" fill="#444444">${esc(line)}</text>`,
      );
      y += 13;
    }
    out.push(
      `<text class="legend-method" x="0" y="${y + 10}" font-size="10" fill="#444444">${esc(methodLine)}</text>`,
    );
    out.push('</g>');
  }

  // footer: scale bar, north arrow, source
  const footerTop = Math.max(mapBottom, mapTop + bodyHeight) + 6;
  if (scaleBar || northArrow) {
    const centre: [number, number] = [(mapLeft + mapRight) / 2, (mainArea[1] + mainArea[3]) / 2];
    const lonLat = projection.invert?.(centre);
    let cursor = mapLeft;
    if (lonLat && Number.isFinite(lonLat[0]) && Number.isFinite(lonLat[1])) {
      if (scaleBar) {
        const kilometre = (1000 / (EARTH_RADIUS_M * Math.cos((lonLat[1] * Math.PI) / 180))) * (180 / Math.PI);
        const a = projection(lonLat);
        const b = projection([lonLat[0] + kilometre, lonLat[1]]);
        if (a && b) {
          const pxPerKm = Math.hypot(b[0] - a[0], b[1] - a[1]);
          const km = niceFloor(frameWidth / 4 / pxPerKm);
          const bar = km * pxPerKm;
          const unit =
            km >= 1 ? `${km.toLocaleString(locale)} km` : `${(km * 1000).toLocaleString(locale)} m`;
          out.push(
            `<g class="scale-bar" font-family="${FONT}" font-size="10" fill="#111111" transform="translate(${mapLeft},${footerTop})" data-km="${km}" data-px="${bar.toFixed(2)}">`,
            `<rect x="0" y="14" width="${(bar / 2).toFixed(1)}" height="4" fill="#111111"/>`,
            `<rect x="${(bar / 2).toFixed(1)}" y="14" width="${(bar / 2).toFixed(1)}" height="4" fill="#ffffff" stroke="#111111" stroke-width="0.8"/>`,
            `<rect x="0" y="14" width="${bar.toFixed(1)}" height="4" fill="none" stroke="#111111" stroke-width="0.8"/>`,
            `<text x="0" y="10">0</text>`,
            `<text x="${(bar + 4).toFixed(1)}" y="19">${esc(unit)}</text>`,
            '</g>',
          );
          cursor = mapLeft + bar + 60;
        }
      }
      if (northArrow) {
        const a = projection(lonLat);
        const b = projection([lonLat[0], lonLat[1] + 0.1]);
        if (a && b) {
          const angle = (Math.atan2(b[0] - a[0], a[1] - b[1]) * 180) / Math.PI;
          out.push(
            `<g class="north-arrow" font-family="${FONT}" font-size="10" font-weight="bold" fill="#111111" transform="translate(${cursor.toFixed(1)},${footerTop + 16}) rotate(${angle.toFixed(2)})" data-angle="${angle.toFixed(2)}">`,
            '<path d="M0,-13 L5,3 L0,0 L-5,3 Z" stroke="#111111" stroke-width="0.6"/>',
            `<text x="-3.5" y="14">${text.north}</text>`,
            '</g>',
          );
        }
      }
    }
  }
  if (sourceLines.length) {
    const top = footerTop + (scaleBar || northArrow ? 34 : 0);
    out.push(`<g class="source" font-family="${FONT}" font-size="10" fill="#444444">`);
    sourceLines.forEach((line, index) => {
      out.push(`<text x="${padding}" y="${top + 9 + index * 13}">${esc(typeset(line, lang))}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return {
    svg: `${out.join('\n')}\n`,
    width,
    height,
    classification,
    labels: { shown: placed.map((label) => label.candidate.code), dropped },
    insets: insets.map((inset) => ({
      code: inset.region.code,
      region: inset.region.region,
      name: { ...inset.region.name },
      box: [...inset.box],
      codes: inset.codes,
    })),
    warnings,
  };
}

/**
 * Renders layers as an accessible SVG map — {@link renderMap}'s SVG (title, subtitle, source,
 * scale bar, north arrow, legend from {@link classify}, labels without collisions, `<desc>`).
 * Each shape is a `<path>` with `data-code` (and `data-value`, `data-class`) and a `<title>`.
 *
 * @param layers - The layers, bottom first.
 * @param options - Title (required), size, projection, classes, palette, legend…
 * @returns The SVG document as a string.
 * @throws {GeoDataError} `E_INVALID_CLASSIFICATION` for invalid classification options,
 *   `E_INVALID_MAP_OPTION` for a bad `insets` option.
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en`.
 * @example
 * ```ts
 * import { renderSvg } from 'cprdfop/geo';
 * const sq = (code: string, x: number, value: number) => ({ code, value,
 *   geometry: { type: 'Polygon' as const, coordinates: [[[x, 50], [x + 0.1, 50], [x + 0.1, 50.1], [x, 50.1], [x, 50]]] } });
 * const svg = renderSvg([{ shapes: [sq('A', 3, 1), sq('B', 3.1, 2)] }], { title: 'Two squares', width: 200 });
 * svg.includes('data-code="A"'); // true
 * svg.includes('role="img"'); // true
 * ```
 * @category Maps
 */
export function renderSvg(layers: readonly MapLayer[], options: RenderSvgOptions): string {
  languageOption(options.lang, 'renderSvg', 'fr'); // named as this function in the error
  return renderMap(layers, options).svg;
}
