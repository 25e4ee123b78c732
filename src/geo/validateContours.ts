import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { dependencyReason } from '../_shared/errorReason.js';
import { type Message, type MessageValue, renderBoth } from '../_shared/messages.js';
import { quoteValue, showValue } from '../_shared/showValue.js';
import {
  extentCause,
  findGaps,
  findOverlaps,
  findSelfIntersection,
  projectedHintText,
  ringShape,
} from './_internal/checks.js';
import { numberText } from './_internal/numberText.js';
import { rewindRfc7946 } from './_internal/rings.js';
import { buildTopology } from './buildTopology.js';
import type { CommuneGeometryObject } from './CommuneTopology.js';
import type { CommuneFeature } from './types.js';

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
  /**
   * A stable code. Errors: `E_FORMAT`, `E_EMPTY`, `E_NO_CODE`, `E_DUPLICATE_CODE`, `E_GEOMETRY_TYPE`,
   * `E_EMPTY_GEOMETRY`, `E_RING_OPEN`, `E_RING_SHORT`, `E_COORDINATE`, `E_LON_RANGE`, `E_LAT_RANGE`
   * (with the likely projection), `E_SWAPPED_AXES`, `E_RADIANS`, `E_RING_ZERO_AREA`, `E_RING_SPIKE`,
   * `E_SELF_INTERSECTION`, `E_OVERLAP` (names the pair and the area), `E_GAP` (with `gaps`).
   * Warnings: `W_WINDING` (rewound), `W_OUTSIDE_FRANCE`, `W_SLIVER`.
   */
  code: string;
  /** What is wrong and where (source, feature index, commune code, ring, position), in English. */
  message: string;
  /** The same in French and in English (`en` is `message`; French typography applied to `fr`). */
  messages: { readonly fr: string; readonly en: string };
  /** Index of the feature in the input, when the issue is about one feature. */
  feature?: number;
  /** Commune code of that feature, when known. */
  commune?: string;
  /** For `E_OVERLAP`: the other feature of the pair (index and code). */
  other?: { feature: number; commune?: string };
  /** For `E_OVERLAP` and `E_GAP`: the area concerned, in km². */
  areaKm2?: number;
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
  /**
   * Where coordinates are expected: `france` (default) checks each feature's extent against
   * metropolitan and overseas France — swapped axes and radians are errors naming the cause, other
   * places a `W_OUTSIDE_FRANCE` warning; `any` checks lon/lat ranges only.
   */
  extent?: 'france' | 'any';
  /** Look for features whose interiors overlap (default `true`). */
  overlaps?: boolean;
  /** Intersection area below which an overlap is ignored, in km² (default `0.001`, 1000 m²). */
  overlapToleranceKm2?: number;
  /** Report holes of the union of all features (areas enclosed but covered by no feature) as `E_GAP` (default `false`). */
  gaps?: boolean;
  /** With `gaps`: holes of at most this area are ignored, in km² (default `0`). */
  gapToleranceKm2?: number;
}

const CODE_KEYS = ['code', 'insee', 'INSEE_COM', 'codgeo', 'com'];
const NAME_KEYS = ['nom', 'name', 'NOM_COM', 'libelle'];
const MAX_ISSUES = 100;

/** @internal Features extracted from GeoJSON or TopoJSON, or a format error (in both languages). */
export function extractFeatures(
  input: unknown,
  options: ContourOptions,
): { features: unknown[] } | { error: Message } {
  const where: Message = options.source
    ? { fr: ` dans ${options.source}`, en: ` in ${options.source}` }
    : { fr: '', en: '' };
  if (typeof input !== 'object' || input === null)
    return {
      error: renderBoth(
        {
          fr: 'GeoJSON ou TopoJSON attendu{where}, reçu {got}',
          en: 'expected GeoJSON or TopoJSON{where}, got {got}',
        },
        { where, got: input === null ? 'null' : typeof input },
      ),
    };
  const o = input as { type?: unknown; features?: unknown; objects?: Record<string, unknown> };
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features))
      return {
        error: renderBoth(
          {
            fr: 'FeatureCollection sans tableau "features"{where}',
            en: 'FeatureCollection without a "features" array{where}',
          },
          { where },
        ),
      };
    return { features: o.features };
  }
  if (o.type === 'Feature') return { features: [o] };
  if (o.type === 'Topology') {
    const objects = o.objects ?? {};
    const names = Object.keys(objects);
    const name = options.object ?? (names.includes('communes') ? 'communes' : names[0]);
    if (name === undefined || !(name in objects)) {
      return {
        error: renderBoth(
          {
            fr: 'objet TopoJSON "{name}" introuvable{where} (objets : {names})',
            en: 'TopoJSON object "{name}" not found{where} (objects: {names})',
          },
          {
            name: options.object ?? 'communes',
            where,
            names: names.length ? names.join(', ') : { fr: 'aucun', en: 'none' },
          },
        ),
      };
    }
    try {
      const fc = topoFeature(input as Topology, objects[name] as GeometryCollection) as
        | { features?: unknown[] }
        | Feature;
      return { features: 'features' in fc && Array.isArray(fc.features) ? fc.features : [fc] };
    } catch (error) {
      return {
        error: renderBoth(
          {
            fr: 'objet TopoJSON "{name}" invalide{where} : {reason}',
            en: 'invalid TopoJSON object "{name}"{where}: {reason}',
          },
          { name, where, reason: dependencyReason(error instanceof Error ? error.message : String(error)) },
        ),
      };
    }
  }
  return {
    error: renderBoth(
      {
        fr: 'FeatureCollection GeoJSON ou Topology TopoJSON attendu{where}, reçu le type {type}',
        en: 'expected a GeoJSON FeatureCollection or a TopoJSON Topology{where}, got type {type}',
      },
      { where, type: quoteValue(o.type) },
    ),
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
    code:
      typeof code === 'string' && code !== ''
        ? code
        : Number.isSafeInteger(code) && (code as number) >= 0
          ? String(code)
          : null,
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
  return validateContoursMeasuring(input, options, new Map());
}

/**
 * {@link validateContours}, recording in `areas` the signed spherical area of every ring it measured
 * (for {@link parseContours} to orient the rings in the same call without measuring them again).
 */
export function validateContoursMeasuring(
  input: unknown,
  options: ContourOptions,
  areas: Map<readonly Position[], number>,
  rewound?: Map<number, Polygon | MultiPolygon>,
): ContourValidation {
  const errors: ContourIssue[] = [];
  const warnings: ContourIssue[] = [];
  const extracted = extractFeatures(input, options);
  if ('error' in extracted)
    return {
      valid: false,
      errors: [
        { severity: 'error', code: 'E_FORMAT', message: extracted.error.en, messages: extracted.error },
      ],
      warnings,
      features: 0,
    };
  const feats = extracted.features;
  const where: Message = options.source
    ? renderBoth({ fr: '{source} : ', en: '{source}: ' }, { source: options.source })
    : { fr: '', en: '' };
  if (feats.length === 0)
    errors.push(
      contourIssue('error', 'E_EMPTY', { fr: '{where}aucune entité', en: '{where}no features' }, { where }),
    );
  const seen = new Map<string, number>();
  const push = (issue: ContourIssue): void => {
    const list = issue.severity === 'error' ? errors : warnings;
    if (list.length < MAX_ISSUES) list.push(issue);
  };
  // whether an issue of this severity would still be kept (its texts are not rendered otherwise)
  const room = (severity: ContourIssue['severity']): boolean =>
    (severity === 'error' ? errors : warnings).length < MAX_ISSUES;
  feats.forEach((raw, i) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      push({
        severity: 'error',
        code: 'E_FORMAT',
        ...texts(
          {
            fr: '{where}features[{i}] : un objet Feature GeoJSON est attendu, reçu {got}',
            en: '{where}features[{i}]: expected a GeoJSON Feature object, got {got}',
          },
          { where, i: String(i), got: quoteValue(raw) },
        ),
        feature: i,
      });
      return;
    }
    const f = raw as { type?: unknown; id?: unknown; properties?: unknown; geometry?: unknown };
    const { code } = codeAndName(f, options);
    const feature = `features[${i}]${code ? ` (commune ${code})` : ''}`;
    const at: Message = { fr: `${where.fr}${feature}`, en: `${where.en}${feature}` };
    const base = { feature: i, ...(code ? { commune: code } : {}) };
    if (code === null)
      push({
        severity: 'error',
        code: 'E_NO_CODE',
        ...texts(
          {
            fr: '{at} : pas de code de commune (propriété {property})',
            en: '{at}: no commune code (property {property})',
          },
          { at, property: options.codeProperty ?? CODE_KEYS.join('/') },
        ),
        ...base,
      });
    else if (seen.has(code))
      push({
        severity: 'error',
        code: 'E_DUPLICATE_CODE',
        ...texts(
          {
            fr: '{at} : code "{code}" en double (aussi features[{first}])',
            en: '{at}: duplicate code "{code}" (also features[{first}])',
          },
          { at, code, first: String(seen.get(code)) },
        ),
        ...base,
      });
    else seen.set(code, i);
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
      push({
        severity: 'error',
        code: 'E_GEOMETRY_TYPE',
        ...texts(
          {
            fr: '{at} : la géométrie doit être un Polygon ou un MultiPolygon, reçu {got}',
            en: '{at}: geometry must be a Polygon or MultiPolygon, got {got}',
          },
          { at, got: g === undefined ? 'undefined' : g === null ? 'null' : quoteValue(g.type) },
        ),
        ...base,
      });
      return;
    }
    const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
    if (polys.length === 0 || (g.type === 'Polygon' && (g.coordinates as unknown[]).length === 0)) {
      push({
        severity: 'error',
        code: 'E_EMPTY_GEOMETRY',
        ...texts(
          {
            fr: '{at} : {type} vide (aucun polygone) : une commune a besoin d’un contour',
            en: '{at}: empty {type} (no polygon): a commune needs a contour',
          },
          { at, type: g.type },
        ),
        ...base,
      });
      return;
    }
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    let badCoordinates = false;
    const errorsBefore = errors.length;
    polys.forEach((poly, p) => {
      if (!Array.isArray(poly) || poly.length === 0) {
        push({
          severity: 'error',
          code: 'E_GEOMETRY_TYPE',
          ...texts(
            {
              fr: '{at} : le polygone {polygon} n’a aucun anneau',
              en: '{at}: polygon {polygon} has no rings',
            },
            { at, polygon: String(p) },
          ),
          ...base,
        });
        return;
      }
      (poly as unknown[]).forEach((ringRaw, r) => {
        // rendered only for an issue (most rings have none)
        const ringAt = (): Message => ({
          fr: `${at.fr} polygone ${p} anneau ${r}`,
          en: `${at.en} polygon ${p} ring ${r}`,
        });
        if (!Array.isArray(ringRaw)) {
          push({
            severity: 'error',
            code: 'E_GEOMETRY_TYPE',
            ...texts(
              {
                fr: '{ringAt} : ce n’est pas un tableau de positions',
                en: '{ringAt}: not an array of positions',
              },
              { ringAt: ringAt() },
            ),
            ...base,
          });
          return;
        }
        const ring = ringRaw as unknown[];
        // one tight pass over the positions; a bad one is looked at again below for its message
        const k = scanPositions(ring, box);
        if (k >= 0) {
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
              ...texts(
                {
                  fr: '{ringAt} position {k} : une paire [lon, lat] finie est attendue ({got})',
                  en: '{ringAt} position {k}: not a finite [lon, lat] pair ({got})',
                },
                { ringAt: ringAt(), k: String(k), got: showValue(pos) },
              ),
              ...base,
            });
            return;
          }
          if (lon < -180 || lon > 180) {
            push({
              severity: 'error',
              code: 'E_LON_RANGE',
              ...texts(
                {
                  fr: '{ringAt} position {k} : longitude {lon} hors de [-180, 180] : {hint} ? les contours doivent être en degrés lon/lat WGS84',
                  en: '{ringAt} position {k}: longitude {lon} outside [-180, 180]: {hint}? contours must be WGS84 lon/lat degrees',
                },
                { ringAt: ringAt(), k: String(k), lon: numberText(lon), hint: projectedHintText(lon, lat) },
              ),
              ...base,
            });
            badCoordinates = true;
            return;
          }
          if (lat < -90 || lat > 90) {
            push({
              severity: 'error',
              code: 'E_LAT_RANGE',
              ...texts(
                {
                  fr: '{ringAt} position {k} : latitude {lat} hors de [-90, 90] : {hint} ? les contours doivent être en degrés lon/lat WGS84',
                  en: '{ringAt} position {k}: latitude {lat} outside [-90, 90]: {hint}? contours must be WGS84 lon/lat degrees',
                },
                { ringAt: ringAt(), k: String(k), lat: numberText(lat), hint: projectedHintText(lon, lat) },
              ),
              ...base,
            });
            badCoordinates = true;
            return;
          }
        }
        if (ring.length < 4) {
          push({
            severity: 'error',
            code: 'E_RING_SHORT',
            ...texts(
              {
                fr: '{ringAt} : {count} positions, un anneau fermé en demande au moins 4',
                en: '{ringAt}: {count} positions, a closed ring needs at least 4',
              },
              { ringAt: ringAt(), count: String(ring.length) },
            ),
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
            ...texts(
              {
                fr: '{ringAt} : anneau non fermé (premier {first} ≠ dernier {last})',
                en: '{ringAt}: not closed (first {first} ≠ last {last})',
              },
              { ringAt: ringAt(), first: showValue(a), last: showValue(b) },
            ),
            ...base,
          });
          return;
        }
        const shape = ringShape(ring as Position[]);
        if (shape.zeroArea) {
          push({
            severity: 'error',
            code: 'E_RING_ZERO_AREA',
            ...texts(
              {
                fr: '{ringAt} : l’anneau n’entoure aucune surface (ses positions sont alignées ou répétées)',
                en: '{ringAt}: the ring encloses no area (its positions are collinear or repeated)',
              },
              { ringAt: ringAt() },
            ),
            ...base,
          });
          return;
        }
        if (shape.spike >= 0) {
          push({
            severity: 'error',
            code: 'E_RING_SPIKE',
            ...texts(
              {
                fr: '{ringAt} position {k} : une pointe (l’anneau revient en arrière sur la même droite)',
                en: '{ringAt} position {k}: a spike (the ring goes back along the same line)',
              },
              { ringAt: ringAt(), k: String(shape.spike) },
            ),
            ...base,
          });
          return;
        }
        if (shape.compactness < 1e-3 && room('warning'))
          push({
            severity: 'warning',
            code: 'W_SLIVER',
            ...texts(
              {
                fr: '{ringAt} : un anneau très mince ({area} km², largeur moyenne {width} m)',
                en: '{ringAt}: a sliver ({area} km², mean width {width} m)',
              },
              { ringAt: ringAt(), area: precise(shape.areaKm2, 3), width: precise(shape.widthM, 3) },
            ),
            ...base,
          });
        areas.set(ring as Position[], shape.signedSteradians);
        const ccw = shape.signedSteradians > 0;
        if ((r === 0) !== ccw && room(options.strictWinding ? 'error' : 'warning')) {
          push({
            severity: options.strictWinding ? 'error' : 'warning',
            code: 'W_WINDING',
            ...texts(
              options.strictWinding
                ? {
                    fr: '{ringAt} : {what} (la RFC 7946 veut les anneaux extérieurs dans le sens antihoraire)',
                    en: '{ringAt}: {what} (RFC 7946 wants exterior rings counterclockwise)',
                  }
                : {
                    fr: '{ringAt} : {what} (la RFC 7946 veut les anneaux extérieurs dans le sens antihoraire) ; réorienté',
                    en: '{ringAt}: {what} (RFC 7946 wants exterior rings counterclockwise); rewound',
                  },
              {
                ringAt: ringAt(),
                what:
                  r === 0
                    ? { fr: 'anneau extérieur dans le sens horaire', en: 'exterior ring is clockwise' }
                    : { fr: 'trou dans le sens antihoraire', en: 'hole is counterclockwise' },
              },
            ),
            ...base,
          });
        }
      });
    });
    if (errors.length > errorsBefore || badCoordinates) return;
    if ((options.extent ?? 'france') === 'france') {
      const cause = extentCause(box);
      // written only for a message: `toPrecision` on every feature's extent cost more than the check
      const shown = cause === 'ok' ? '' : `[${box.map((v) => Number(v.toPrecision(6))).join(', ')}]`;
      if (cause === 'swapped')
        push({
          severity: 'error',
          code: 'E_SWAPPED_AXES',
          ...texts(
            {
              fr: '{at} : l’emprise {shown} n’est pas en France, mais elle l’est une fois la longitude et la latitude permutées : les positions doivent être [lon, lat] (RFC 7946)',
              en: '{at}: extent {shown} is not in France, but it is with longitude and latitude swapped: positions must be [lon, lat] (RFC 7946)',
            },
            { at, shown },
          ),
          ...base,
        });
      else if (cause === 'radians')
        push({
          severity: 'error',
          code: 'E_RADIANS',
          ...texts(
            {
              fr: '{at} : l’emprise {shown} n’est pas en France, mais elle l’est une fois lue en radians : les positions doivent être en degrés',
              en: '{at}: extent {shown} is not in France, but it is once read as radians: positions must be in degrees',
            },
            { at, shown },
          ),
          ...base,
        });
      else if (cause === 'outside')
        push({
          severity: 'warning',
          code: 'W_OUTSIDE_FRANCE',
          ...texts(
            {
              fr: '{at} : l’emprise {shown} est hors de France (métropole et outre-mer) ; une autre projection ou un autre lieu ?',
              en: '{at}: extent {shown} lies outside France (metropolitan and overseas); another projection or another place?',
            },
            { at, shown },
          ),
          ...base,
        });
    }
    const crossing = findSelfIntersection(polys as Position[][][]);
    if (crossing)
      push({
        severity: 'error',
        code: 'E_SELF_INTERSECTION',
        ...texts(
          {
            fr: '{at} : des arêtes se croisent près de [{point}] (auto-intersection)',
            en: '{at}: edges cross near [{point}] (self-intersection)',
          },
          { at, point: crossing.map((v) => Number(v.toPrecision(8))).join(', ') },
        ),
        ...base,
      });
  });
  if (errors.length === 0 && feats.length > 0 && (options.overlaps !== false || options.gaps)) {
    const features = feats.map((raw, i): CommuneFeature => {
      const f = raw as { id?: unknown; properties?: unknown; geometry: Polygon | MultiPolygon };
      const geometry = rewindRfc7946(f.geometry, areas);
      // the same rings as parseContours's, so that it need not rewind them again
      rewound?.set(i, { type: geometry.type, coordinates: geometry.coordinates } as Polygon | MultiPolygon);
      return {
        type: 'Feature',
        properties: { code: codeAndName(f, options).code as string, name: null },
        geometry,
      };
    });
    const codeOf = (i: number): string => (features[i] as CommuneFeature).properties.code;
    if (options.overlaps !== false) {
      for (const o of findOverlaps(features, options.overlapToleranceKm2 ?? 0.001)) {
        const area: Message = Number.isFinite(o.areaKm2)
          ? renderBoth({ fr: '{area} km²', en: '{area} km²' }, { area: precise(o.areaKm2, 4) })
          : { fr: 'une surface impossible à calculer', en: 'an area that could not be computed' };
        push({
          severity: 'error',
          code: 'E_OVERLAP',
          ...texts(
            {
              fr: '{where}features[{first}] (commune {firstCode}) et features[{second}] (commune {secondCode}) se chevauchent sur {area} (une commune et ses communes déléguées dans un même fichier ?)',
              en: '{where}features[{first}] (commune {firstCode}) and features[{second}] (commune {secondCode}) overlap over {area} (a commune and its delegated communes in one file?)',
            },
            {
              where,
              first: String(o.first),
              firstCode: codeOf(o.first),
              second: String(o.second),
              secondCode: codeOf(o.second),
              area,
            },
          ),
          feature: o.first,
          commune: codeOf(o.first),
          other: { feature: o.second, commune: codeOf(o.second) },
          areaKm2: o.areaKm2,
        });
      }
    }
    if (options.gaps && errors.length === 0) {
      const topology = buildTopology({ type: 'FeatureCollection', features });
      for (const gap of findGaps(topology.topology, topology.geometries as CommuneGeometryObject[])) {
        if (gap.areaKm2 <= (options.gapToleranceKm2 ?? 0)) continue;
        push({
          severity: 'error',
          code: 'E_GAP',
          ...texts(
            {
              fr: '{where}un trou de {area} km² que ne couvre aucune entité, en [{point}]',
              en: '{where}a gap of {area} km² covered by no feature, at [{point}]',
            },
            { where, area: precise(gap.areaKm2, 4), point: (gap.at as number[]).join(', ') },
          ),
          areaKm2: gap.areaKm2,
        });
      }
    }
  }
  return { valid: errors.length === 0, errors, warnings, features: feats.length };
}

/**
 * The index of a ring's first position that is not a finite `[lon, lat]` pair in range, or -1; the
 * extent `box` (`[minX, minY, maxX, maxY]`) grows with the positions before it. One small function
 * with no closure, so the hot loop is optimized on its own and reads its numbers unboxed.
 */
function scanPositions(ring: readonly unknown[], box: [number, number, number, number]): number {
  let x0 = box[0];
  let y0 = box[1];
  let x1 = box[2];
  let y1 = box[3];
  let bad = -1;
  for (let k = 0; k < ring.length; k++) {
    const pos = ring[k];
    if (!Array.isArray(pos)) {
      bad = k;
      break;
    }
    const lon: unknown = pos[0];
    const lat: unknown = pos[1];
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !(lon >= -180 && lon <= 180) ||
      !(lat >= -90 && lat <= 90)
    ) {
      bad = k;
      break;
    }
    if (lon < x0) x0 = lon;
    if (lat < y0) y0 = lat;
    if (lon > x1) x1 = lon;
    if (lat > y1) y1 = lat;
  }
  box[0] = x0;
  box[1] = y0;
  box[2] = x1;
  box[3] = y1;
  return bad;
}

/** `message` (English) and `messages` (both languages) of one contour issue. */
function texts(
  template: Message,
  values: Readonly<Record<string, MessageValue>>,
): { message: string; messages: Message } {
  const messages = renderBoth(template, values);
  return { message: messages.en, messages };
}

/** One contour issue about no feature in particular. */

function contourIssue(
  severity: ContourIssue['severity'],
  code: string,
  template: Message,
  values: Readonly<Record<string, MessageValue>>,
): ContourIssue {
  return { severity, code, ...texts(template, values) };
}

/**
 * A measure with `digits` significant digits: `toPrecision` in English (as it has always been shown),
 * the same value per French usage in French (`0,0123`).
 */
function precise(value: number, digits: number): Message {
  const shown = value.toPrecision(digits);
  if (!Number.isFinite(value)) return { fr: shown, en: shown };
  const french = new Intl.NumberFormat('fr-FR', {
    minimumSignificantDigits: digits,
    maximumSignificantDigits: digits,
  });
  return { fr: french.format(value), en: shown };
}

/** @internal */
export type RawGeometry = Polygon | MultiPolygon;
