import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { signedArea2 } from './_internal/rings.js';

/**
 * One problem found in commune contours.
 *
 * @example
 * ```ts
 * import { validateContours } from 'cprdfop/geo';
 * const r = validateContours({ type: 'FeatureCollection', features: [] });
 * r.errors[0]?.code; // "E_EMPTY"
 * ```
 * @category Contours
 */
export interface ContourIssue {
  /** `error` makes the contours unusable; `warning` is fixed by {@link parseContours} (winding). */
  severity: 'error' | 'warning';
  /** A stable code: `E_FORMAT`, `E_EMPTY`, `E_NO_CODE`, `E_DUPLICATE_CODE`, `E_GEOMETRY_TYPE`, `E_RING_OPEN`, `E_RING_SHORT`, `E_COORDINATE`, `E_LON_RANGE`, `E_LAT_RANGE`, `W_WINDING`. */
  code: string;
  /** What is wrong and where (source, feature index, commune code, ring, position). */
  message: string;
  /** Index of the feature in the input, when the issue is about one feature. */
  feature?: number;
  /** Commune code of that feature, when known. */
  commune?: string;
}

/**
 * The outcome of {@link validateContours}.
 *
 * @example
 * ```ts
 * import { validateContours } from 'cprdfop/geo';
 * validateContours({ type: 'FeatureCollection', features: [] }).valid; // false
 * ```
 * @category Contours
 */
export interface ContourValidation {
  /** `true` when there is no error (warnings allowed). */
  valid: boolean;
  errors: ContourIssue[];
  warnings: ContourIssue[];
  /** Number of features examined. */
  features: number;
}

/**
 * Options shared by {@link validateContours} and {@link parseContours}.
 *
 * @example
 * ```ts
 * import type { ContourOptions } from 'cprdfop/geo';
 * const o: ContourOptions = { codeProperty: 'insee', source: 'communes.geojson' };
 * o.codeProperty; // "insee"
 * ```
 * @category Contours
 */
export interface ContourOptions {
  /** Property holding the commune code; default: the first of `code`, `insee`, `INSEE_COM`, `codgeo`, `com`, or the feature `id`. */
  codeProperty?: string;
  /** Property holding the name; default: the first of `nom`, `name`, `NOM_COM`, `libelle`. */
  nameProperty?: string;
  /** For TopoJSON input: the object to read; default `communes`, else the first object. */
  object?: string;
  /** Where the input comes from, quoted in messages (a file path). */
  source?: string;
  /** Treat wrong winding as an error instead of a warning fixed by rewinding. Default `false`. */
  strictWinding?: boolean;
}

const CODE_KEYS = ['code', 'insee', 'INSEE_COM', 'codgeo', 'com'];
const NAME_KEYS = ['nom', 'name', 'NOM_COM', 'libelle'];
const MAX_ISSUES = 100;

/** @internal Features extracted from GeoJSON or TopoJSON, or a format error. */
export function extractFeatures(
  input: unknown,
  options: ContourOptions,
): { features: unknown[] } | { error: string } {
  const where = options.source ? ` in ${options.source}` : '';
  if (typeof input !== 'object' || input === null)
    return { error: `expected GeoJSON or TopoJSON${where}, got ${input === null ? 'null' : typeof input}` };
  const o = input as { type?: unknown; features?: unknown; objects?: Record<string, unknown> };
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features)) return { error: `FeatureCollection without a "features" array${where}` };
    return { features: o.features };
  }
  if (o.type === 'Feature') return { features: [o] };
  if (o.type === 'Topology') {
    const objects = o.objects ?? {};
    const names = Object.keys(objects);
    const name = options.object ?? (names.includes('communes') ? 'communes' : names[0]);
    if (name === undefined || !(name in objects)) {
      return {
        error: `TopoJSON object "${options.object ?? 'communes'}" not found${where} (objects: ${names.join(', ') || 'none'})`,
      };
    }
    try {
      const fc = topoFeature(input as Topology, objects[name] as GeometryCollection) as
        | { features?: unknown[] }
        | Feature;
      return { features: 'features' in fc && Array.isArray(fc.features) ? fc.features : [fc] };
    } catch (error) {
      return {
        error: `invalid TopoJSON object "${name}"${where}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return {
    error: `expected a GeoJSON FeatureCollection or a TopoJSON Topology${where}, got type ${JSON.stringify(o.type)}`,
  };
}

/** @internal The code and name of a raw feature. */
export function codeAndName(
  f: { id?: unknown; properties?: unknown },
  options: ContourOptions,
): { code: string | null; name: string | null } {
  const props = (f.properties ?? {}) as Record<string, unknown>;
  let code: unknown;
  if (options.codeProperty) code = props[options.codeProperty];
  else {
    for (const k of CODE_KEYS)
      if (props[k] !== undefined && props[k] !== null) {
        code = props[k];
        break;
      }
    if (code === undefined) code = f.id;
  }
  let name: unknown;
  if (options.nameProperty) name = props[options.nameProperty];
  else
    for (const k of NAME_KEYS)
      if (typeof props[k] === 'string') {
        name = props[k];
        break;
      }
  return {
    code: typeof code === 'string' && code !== '' ? code : typeof code === 'number' ? String(code) : null,
    name: typeof name === 'string' ? name : null,
  };
}

/**
 * Validates commune contours without throwing: a GeoJSON FeatureCollection (or TopoJSON Topology)
 * of Polygon/MultiPolygon features, each with a unique code; rings closed with at least 4
 * positions; finite coordinates with longitude in [-180, 180] and latitude in [-90, 90]; RFC 7946
 * winding (exterior counterclockwise) — wrong winding is a warning unless `strictWinding`.
 *
 * @param input - Parsed JSON (GeoJSON or TopoJSON).
 * @param options - Property names, TopoJSON object, source name for messages.
 * @returns The errors and warnings found (at most 100 of each).
 * @example
 * ```ts
 * import { validateContours } from 'cprdfop/geo';
 * const r = validateContours({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'A' },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } }] });
 * r.valid; // false
 * r.errors[0]?.code; // "E_RING_OPEN"
 * ```
 * @category Contours
 */
export function validateContours(input: unknown, options: ContourOptions = {}): ContourValidation {
  const errors: ContourIssue[] = [];
  const warnings: ContourIssue[] = [];
  const extracted = extractFeatures(input, options);
  if ('error' in extracted)
    return {
      valid: false,
      errors: [{ severity: 'error', code: 'E_FORMAT', message: extracted.error }],
      warnings,
      features: 0,
    };
  const feats = extracted.features;
  const where = options.source ? `${options.source}: ` : '';
  if (feats.length === 0) errors.push({ severity: 'error', code: 'E_EMPTY', message: `${where}no features` });
  const seen = new Map<string, number>();
  const push = (issue: ContourIssue): void => {
    const list = issue.severity === 'error' ? errors : warnings;
    if (list.length < MAX_ISSUES) list.push(issue);
  };
  feats.forEach((raw, i) => {
    const f = raw as { type?: unknown; id?: unknown; properties?: unknown; geometry?: unknown };
    const { code } = codeAndName(f, options);
    const at = `${where}features[${i}]${code ? ` (commune ${code})` : ''}`;
    const base = { feature: i, ...(code ? { commune: code } : {}) };
    if (code === null)
      push({
        severity: 'error',
        code: 'E_NO_CODE',
        message: `${at}: no commune code (property ${options.codeProperty ?? CODE_KEYS.join('/')})`,
        ...base,
      });
    else if (seen.has(code))
      push({
        severity: 'error',
        code: 'E_DUPLICATE_CODE',
        message: `${at}: duplicate code "${code}" (also features[${seen.get(code)}])`,
        ...base,
      });
    else seen.set(code, i);
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
      push({
        severity: 'error',
        code: 'E_GEOMETRY_TYPE',
        message: `${at}: geometry must be a Polygon or MultiPolygon, got ${g ? JSON.stringify(g.type) : 'null'}`,
        ...base,
      });
      return;
    }
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
    polys.forEach((poly, p) => {
      if (!Array.isArray(poly) || poly.length === 0) {
        push({
          severity: 'error',
          code: 'E_GEOMETRY_TYPE',
          message: `${at}: polygon ${p} has no rings`,
          ...base,
        });
        return;
      }
      (poly as unknown[]).forEach((ringRaw, r) => {
        const ringAt = `${at} polygon ${p} ring ${r}`;
        if (!Array.isArray(ringRaw)) {
          push({
            severity: 'error',
            code: 'E_GEOMETRY_TYPE',
            message: `${ringAt}: not an array of positions`,
            ...base,
          });
          return;
        }
        const ring = ringRaw as unknown[];
        for (let k = 0; k < ring.length; k++) {
          const pos = ring[k] as unknown[];
          const lon = Array.isArray(pos) ? pos[0] : undefined;
          const lat = Array.isArray(pos) ? pos[1] : undefined;
          if (
            typeof lon !== 'number' ||
            typeof lat !== 'number' ||
            !Number.isFinite(lon) ||
            !Number.isFinite(lat)
          ) {
            push({
              severity: 'error',
              code: 'E_COORDINATE',
              message: `${ringAt} position ${k}: not a finite [lon, lat] pair (${JSON.stringify(pos)})`,
              ...base,
            });
            return;
          }
          if (lon < -180 || lon > 180) {
            push({
              severity: 'error',
              code: 'E_LON_RANGE',
              message: `${ringAt} position ${k}: longitude ${lon} outside [-180, 180] (projected coordinates? contours must be WGS84 lon/lat)`,
              ...base,
            });
            return;
          }
          if (lat < -90 || lat > 90) {
            push({
              severity: 'error',
              code: 'E_LAT_RANGE',
              message: `${ringAt} position ${k}: latitude ${lat} outside [-90, 90] (swapped lat/lon or projected coordinates?)`,
              ...base,
            });
            return;
          }
        }
        if (ring.length < 4) {
          push({
            severity: 'error',
            code: 'E_RING_SHORT',
            message: `${ringAt}: ${ring.length} positions, a closed ring needs at least 4`,
            ...base,
          });
          return;
        }
        const a = ring[0] as number[];
        const b = ring[ring.length - 1] as number[];
        if (a[0] !== b[0] || a[1] !== b[1]) {
          push({
            severity: 'error',
            code: 'E_RING_OPEN',
            message: `${ringAt}: not closed (first ${JSON.stringify(a)} ≠ last ${JSON.stringify(b)})`,
            ...base,
          });
          return;
        }
        const ccw = signedArea2(ring as Position[]) > 0;
        if ((r === 0) !== ccw) {
          push({
            severity: options.strictWinding ? 'error' : 'warning',
            code: 'W_WINDING',
            message: `${ringAt}: ${r === 0 ? 'exterior ring is clockwise' : 'hole is counterclockwise'} (RFC 7946 wants exterior rings counterclockwise)${options.strictWinding ? '' : '; rewound'}`,
            ...base,
          });
        }
      });
    });
  });
  return { valid: errors.length === 0, errors, warnings, features: feats.length };
}

/** @internal */
export type RawGeometry = Polygon | MultiPolygon;
