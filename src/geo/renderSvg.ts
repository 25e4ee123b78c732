import { type GeoProjection, geoConicConformal, geoEquirectangular, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { toD3Winding } from './_internal/rings.js';
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
  { code: string; name?: string | null; label?: string; value?: number | null }
>;

/**
 * A map layer, drawn in order (first below).
 * - `fill` (default): filled shapes; a choropleth when any shape has a value;
 * - `highlight`: shapes outlined boldly on top (e.g. an application's territory);
 * - `lines`: border lines (e.g. {@link unitBorders}).
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
  kind?: 'fill' | 'highlight' | 'lines';
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
}

/**
 * Options of {@link renderSvg}.
 *
 * @example
 * ```ts
 * import type { RenderSvgOptions } from 'cprdfop/geo';
 * const o: RenderSvgOptions = { title: 'EPCI of Somme', classes: 5, classification: 'quantile' };
 * o.classes; // 5
 * ```
 * @category Maps
 */
export interface RenderSvgOptions {
  /** The map title (`<title>`, required for accessibility). */
  title: string;
  /** A longer description (`<desc>`); default: generated from the layers. */
  description?: string;
  /** Width in px (default 800). */
  width?: number;
  /** Height in px (default: from the extent's aspect ratio). */
  height?: number;
  /** Padding in px (default 10). */
  padding?: number;
  /** `lambert93` (default: conic conformal, parallels 44°N/49°N, central meridian 3°E), `mercator` or `equirectangular`. */
  projection?: 'lambert93' | 'mercator' | 'equirectangular';
  /** Number of choropleth classes, 2–9 (default 5). */
  classes?: number;
  /** `quantile` (default: equal counts) or `quantize` (equal intervals). */
  classification?: 'quantile' | 'quantize';
  /** Sequential colours, light to dark (default: ColorBrewer YlGnBu, colour-blind safe). */
  palette?: readonly string[];
  /** The legend title, e.g. `Population` (default `Value`). */
  valueLabel?: string;
  /** Formats values in titles and legend (default: `toLocaleString('fr-FR')` with ≤ 2 decimals). */
  formatValue?: (value: number) => string;
  /** Draw the legend when there are values (default `true`). */
  legend?: boolean;
  /** Prefix of the element ids, to embed several maps in one page (default `map`). */
  idPrefix?: string;
  /** Coordinate decimals in path data (default 1). */
  digits?: number;
}

const YLGNBU = [
  '#ffffd9',
  '#edf8b1',
  '#c7e9b4',
  '#7fcdbb',
  '#41b6c4',
  '#1d91c0',
  '#225ea8',
  '#253494',
  '#081d58',
];
const NO_DATA = '#d9d9d9';
const LEGEND_WIDTH = 190;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
        }
      : (x as MapShape),
  );
}

/** @internal Class upper breaks (length classes-1) for the values. */
function breaksOf(values: number[], classes: number, method: 'quantile' | 'quantize'): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const out: number[] = [];
  for (let k = 1; k < classes; k++) {
    if (method === 'quantize') out.push(min + ((max - min) * k) / classes);
    else {
      const pos = ((sorted.length - 1) * k) / classes;
      const lo = Math.floor(pos);
      const hi = Math.min(sorted.length - 1, lo + 1);
      out.push((sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo));
    }
  }
  return out;
}

/** @internal Evenly picked palette colours. */
function pick(palette: readonly string[], n: number): string[] {
  if (palette.length <= n) return [...palette];
  return Array.from(
    { length: n },
    (_, i) => palette[Math.round((i * (palette.length - 1)) / (n - 1))] as string,
  );
}

/**
 * Renders layers as an accessible SVG map — a pure function returning a string (no DOM), for Node
 * and the browser. The projection (Lambert-93-like conic conformal by default) is fitted to the
 * extent of all layers. Each shape is a `<path>` with `data-code` (and `data-value`) and a
 * `<title>` (name, code, value); the map has `role="img"`, `<title>` and `<desc>`; a choropleth
 * (quantile or equal-interval classes, colour-blind-safe sequential palette) gets a legend;
 * labels sit at label points (polylabel); `highlight` layers are outlined on top.
 *
 * @param layers - The layers, bottom first.
 * @param options - Title (required), size, projection, classes, palette, legend…
 * @returns The SVG document as a string.
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
  const width = options.width ?? 800;
  const padding = options.padding ?? 10;
  const prefix = options.idPrefix ?? 'map';
  const fmt =
    options.formatValue ??
    ((v: number) => v.toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/\u202f|\u00a0/g, ' '));
  const prepared = layers.map((layer) => ({ layer, shapes: shapesOf(layer) }));

  // choropleth classes over every fill shape with a value
  const values: number[] = [];
  for (const { layer, shapes } of prepared) {
    if ((layer.kind ?? 'fill') !== 'fill') continue;
    for (const s of shapes) if (typeof s.value === 'number' && Number.isFinite(s.value)) values.push(s.value);
  }
  const hasValues = values.length > 0;
  const classes = Math.max(2, Math.min(9, Math.round(options.classes ?? 5)));
  const method = options.classification ?? 'quantile';
  const breaks = hasValues ? breaksOf(values, classes, method) : [];
  const colours = pick(options.palette ?? YLGNBU, classes);
  const classOf = (v: number): number => {
    let k = 0;
    while (k < breaks.length && v > (breaks[k] as number)) k++;
    return Math.min(k, colours.length - 1);
  };
  const showLegend = hasValues && options.legend !== false;
  const mapWidth = showLegend ? Math.max(100, width - LEGEND_WIDTH) : width;

  // projection fitted to everything drawn
  const all: Feature[] = [];
  for (const { layer, shapes } of prepared) {
    for (const s of shapes)
      all.push({ type: 'Feature', properties: null, geometry: toD3Winding(s.geometry) });
    if (layer.lines) all.push({ type: 'Feature', properties: null, geometry: layer.lines });
  }
  const extent: FeatureCollection = { type: 'FeatureCollection', features: all };
  const kind = options.projection ?? 'lambert93';
  const projection: GeoProjection =
    kind === 'mercator'
      ? geoMercator()
      : kind === 'equirectangular'
        ? geoEquirectangular()
        : geoConicConformal().parallels([44, 49]).rotate([-3, 0]);
  let height = options.height;
  if (all.length === 0) height ??= Math.round(width / 2);
  else if (height === undefined) {
    projection.fitWidth(mapWidth - 2 * padding, extent);
    const b = geoPath(projection).bounds(extent);
    height = Math.max(1, Math.ceil(b[1][1] - b[0][1] + 2 * padding));
  }
  if (showLegend) height = Math.max(height, 40 + (colours.length + 1) * 22);
  if (all.length)
    projection.fitExtent(
      [
        [padding, padding],
        [mapWidth - padding, (options.height ?? height) - padding],
      ],
      extent,
    );
  const path = geoPath(projection).digits(options.digits ?? 1);

  const out: string[] = [];
  const desc =
    options.description ??
    `${prepared.reduce((n, p) => n + p.shapes.length, 0)} shapes${hasValues ? `; ${options.valueLabel ?? 'value'} from ${fmt(Math.min(...values))} to ${fmt(Math.max(...values))}` : ''}.`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc">`,
    `<title id="${prefix}-title">${esc(options.title)}</title>`,
    `<desc id="${prefix}-desc">${esc(desc)}</desc>`,
  );
  const labels: string[] = [];
  prepared.forEach(({ layer, shapes }, li) => {
    const k = layer.kind ?? 'fill';
    const id = esc(layer.id ?? `${k}-${li}`);
    if (k === 'lines') {
      if (layer.lines) {
        out.push(
          `<g class="layer lines" data-layer="${id}" aria-hidden="true">`,
          `<path d="${path(layer.lines) ?? ''}" fill="none" stroke="${esc(layer.stroke ?? '#444')}" stroke-width="1" stroke-linejoin="round"/>`,
          '</g>',
        );
      }
      return;
    }
    // shared stroke attributes on the layer, not on each of possibly 35,000 paths
    out.push(
      k === 'fill'
        ? `<g class="layer ${k}" data-layer="${id}" stroke="${esc(layer.stroke ?? '#ffffff')}" stroke-width="0.5" stroke-linejoin="round">`
        : `<g class="layer ${k}" data-layer="${id}">`,
    );
    for (const s of shapes) {
      const d = path(toD3Winding(s.geometry)) ?? '';
      const name = s.name ?? s.code;
      const hasValue = typeof s.value === 'number' && Number.isFinite(s.value);
      const title = `${name}${name === s.code ? '' : ` (${s.code})`}${k === 'fill' && hasValues ? `: ${hasValue ? fmt(s.value as number) : 'no data'}` : ''}`;
      const valueAttr = hasValue ? ` data-value="${s.value}"` : '';
      if (k === 'highlight') {
        out.push(
          `<path d="${d}" data-code="${esc(s.code)}"${valueAttr} fill="none" stroke="#ffffff" stroke-width="5" stroke-linejoin="round" aria-hidden="true"/>`,
          `<path d="${d}" data-code="${esc(s.code)}"${valueAttr} fill="none" stroke="${esc(layer.stroke ?? '#d62728')}" stroke-width="2.5" stroke-linejoin="round"><title>${esc(title)}</title></path>`,
        );
      } else {
        const fill = hasValues
          ? hasValue
            ? (colours[classOf(s.value as number)] as string)
            : NO_DATA
          : '#e8e8e8';
        out.push(
          `<path d="${d}" data-code="${esc(s.code)}"${valueAttr} fill="${fill}"><title>${esc(title)}</title></path>`,
        );
      }
      if (layer.labels) {
        const p = projection(labelPoint(s.geometry));
        if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) {
          labels.push(
            `<text x="${p[0].toFixed(1)}" y="${p[1].toFixed(1)}" text-anchor="middle" dominant-baseline="middle">${esc(name)}</text>`,
          );
        }
      }
    }
    out.push('</g>');
  });
  if (labels.length) {
    out.push(
      '<g class="labels" aria-hidden="true" font-family="sans-serif" font-size="10" fill="#111" stroke="#fff" stroke-width="2.5" paint-order="stroke">',
      ...labels,
      '</g>',
    );
  }
  if (showLegend) {
    const x = mapWidth + 10;
    out.push(
      `<g class="legend" font-family="sans-serif" font-size="12" fill="#111" transform="translate(${x},20)">`,
      `<text x="0" y="0" font-weight="bold">${esc(options.valueLabel ?? 'Value')}</text>`,
    );
    const min = Math.min(...values);
    const max = Math.max(...values);
    colours.forEach((c, k) => {
      const lo = k === 0 ? min : (breaks[k - 1] as number);
      const hi = k === colours.length - 1 ? max : (breaks[k] as number);
      const y = 12 + k * 22;
      out.push(
        `<rect x="0" y="${y}" width="18" height="16" fill="${c}" stroke="#888" stroke-width="0.5"/>`,
        `<text x="26" y="${y + 12}">${esc(`${fmt(lo)} – ${fmt(hi)}`)}</text>`,
      );
    });
    const noData = prepared.some(
      ({ layer, shapes }) =>
        (layer.kind ?? 'fill') === 'fill' &&
        shapes.some((s) => !(typeof s.value === 'number' && Number.isFinite(s.value))),
    );
    if (noData) {
      const y = 12 + colours.length * 22;
      out.push(
        `<rect x="0" y="${y}" width="18" height="16" fill="${NO_DATA}" stroke="#888" stroke-width="0.5"/>`,
        `<text x="26" y="${y + 12}">no data</text>`,
      );
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
