import { type Message, renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { CprdfopError } from '../errors.js';
import { cacheDir, joinPath } from './cacheDir.js';
import { CONTOURS_URLS } from './PRESETS.js';

/**
 * Layers of the Etalab « contours-administratifs » files.
 * @category Contours
 */
export type ContoursLayer =
  | 'communes'
  | 'communes-associees-deleguees'
  | 'epci'
  | 'departements'
  | 'regions'
  | 'mairies';

/**
 * Resolutions of the Etalab « contours-administratifs » files (coordinate precision 6, 5, 4, 3 decimals).
 * @category Contours
 */
export type ContoursResolution = '5m' | '50m' | '100m' | '1000m';

/**
 * Identifies one regional (or national, without `region`) contours file in the cache.
 * @category Contours
 */
export interface ContoursSpec {
  /** Vintage (COG year), e.g. 2026. */
  year: number | string;
  layer: ContoursLayer;
  resolution: ContoursResolution;
  /** INSEE région code, e.g. `"32"`; omitted = the whole national file. */
  region?: string | undefined;
  /** Cache root (default {@link cacheDir}). */
  cacheDir?: string | undefined;
}

/**
 * The layers, for validation.
 * @example
 * ```ts
 * import { CONTOURS_LAYERS } from 'cprdfop/opendata';
 * CONTOURS_LAYERS.includes('communes'); // true
 * ```
 * @category Contours
 */
export const CONTOURS_LAYERS: readonly ContoursLayer[] = [
  'communes',
  'communes-associees-deleguees',
  'epci',
  'departements',
  'regions',
  'mairies',
];
/**
 * The resolutions, for validation.
 * @example
 * ```ts
 * import { CONTOURS_RESOLUTIONS } from 'cprdfop/opendata';
 * CONTOURS_RESOLUTIONS; // ["5m", "50m", "100m", "1000m"]
 * ```
 * @category Contours
 */
export const CONTOURS_RESOLUTIONS: readonly ContoursResolution[] = ['5m', '50m', '100m', '1000m'];

/**
 * The file name of a cached contours file: `<layer>-<res>-r<region>.geojson` (or `<layer>-<res>.geojson`).
 *
 * @param spec - Layer, resolution, optional région.
 * @returns The file name.
 * @example
 * ```ts
 * import { contoursFileName } from 'cprdfop/opendata';
 * contoursFileName({ year: 2026, layer: 'communes', resolution: '100m', region: '32' }); // "communes-100m-r32.geojson"
 * ```
 * @category Contours
 */
export function contoursFileName(spec: ContoursSpec): string {
  checkContoursSpec(spec);
  const stem = spec.layer === 'mairies' ? 'mairies' : `${spec.layer}-${spec.resolution}`;
  return `${stem}${spec.region ? `-r${spec.region}` : ''}.geojson`;
}

/**
 * Checks a contours spec before it becomes a path or URL: `year` four digits (1900–2999), `layer` and
 * `resolution` from the published lists, `region` an INSEE région code (two digits, or `COM`-style
 * three). Nothing else can reach the cache folder's path, so `..` or `/` cannot escape it.
 *
 * @param spec - Year, layer, resolution, optional région.
 * @throws {CprdfopError} `E_CONTOURS_SPEC` naming the bad value.
 * @example
 * ```ts
 * import { checkContoursSpec } from 'cprdfop/opendata';
 * checkContoursSpec({ year: 2026, layer: 'communes', resolution: '100m', region: '32' }); // undefined
 * ```
 * @category Contours
 */
export function checkContoursSpec(
  spec: Pick<ContoursSpec, 'year' | 'layer' | 'resolution' | 'region'>,
): void {
  // `showValue`, never `String()`: a year `{ toString: false }` must get E_CONTOURS_SPEC, and only a
  // number or a text can match (an object with a changing `toString` never reaches the path).
  const year = showValue(spec.year);
  const bad = (what: Message, value: unknown, expected: Message): never => {
    throw new CprdfopError(
      'E_CONTOURS_SPEC',
      renderBoth(
        {
          fr: '{what} des contours {value} invalide : {expected}',
          en: 'invalid contours {what} {value}: expected {expected}',
        },
        { what, value: typeof value === 'string' ? JSON.stringify(value) : showValue(value), expected },
      ),
    );
  };
  const oneOf = (values: readonly string[]): Message => ({
    fr: `l’une des valeurs ${values.join(', ')} est attendue`,
    en: values.join(', '),
  });
  if (!/^(19|2\d)\d\d$/.test(year))
    bad({ fr: 'année', en: 'year' }, spec.year, {
      fr: 'une année à quatre chiffres est attendue, par exemple 2026',
      en: 'a four-digit year such as 2026',
    });
  if (!CONTOURS_LAYERS.includes(spec.layer))
    bad({ fr: 'couche', en: 'layer' }, spec.layer, oneOf(CONTOURS_LAYERS));
  if (!CONTOURS_RESOLUTIONS.includes(spec.resolution))
    bad({ fr: 'résolution', en: 'resolution' }, spec.resolution, oneOf(CONTOURS_RESOLUTIONS));
  if (spec.region !== undefined && (typeof spec.region !== 'string' || !/^\d{2,3}$/.test(spec.region)))
    bad({ fr: 'région', en: 'region' }, spec.region, {
      fr: 'un code INSEE de région est attendu, par exemple «\u202f32\u202f»',
      en: 'an INSEE région code such as "32"',
    });
}

/**
 * Where a contours file is (or would be) cached: `<cacheDir>/contours/<year>/<layer>-<res>-r<region>.geojson`.
 * Pure: does not check that the file exists (see {@link findCachedContours}).
 *
 * @param spec - Year, layer, resolution, optional région and cache root.
 * @returns An absolute path.
 * @throws {Error} When no cache directory can be determined.
 * @example
 * ```ts
 * import { contoursPath } from 'cprdfop/opendata';
 * contoursPath({ year: 2026, layer: 'communes', resolution: '100m', region: '32', cacheDir: '/c' }); // "/c/contours/2026/communes-100m-r32.geojson"
 * ```
 * @category Contours
 */
export function contoursPath(spec: ContoursSpec): string {
  const name = contoursFileName(spec);
  return joinPath(spec.cacheDir ?? cacheDir(), 'contours', String(spec.year), name);
}

/**
 * The source URL of a national contours file on a host: `{YEAR}/geojson/{layer}-{res}.geojson.gz`, and
 * for `mairies` `{YEAR}/geojson/mairies.geojson.gz` (one file, no resolution suffix: the upstream
 * build writes `mairies.geojson` and its `.gz`, with properties `commune`, `nom`, `type`; public
 * consumers download `contours-administratifs/${YEAR}/geojson/mairies.geojson.gz`).
 *
 * @param spec - Year, layer, resolution.
 * @param baseUrl - Host root (default: the first of {@link CONTOURS_URLS}).
 * @returns The `.geojson.gz` URL.
 * @example
 * ```ts
 * import { contoursUrl } from 'cprdfop/opendata';
 * contoursUrl({ year: 2026, layer: 'communes', resolution: '100m' }); // "https://contours-administratifs.s3.rbx.io.cloud.ovh.net/2026/geojson/communes-100m.geojson.gz"
 * ```
 * @category Contours
 */
export function contoursUrl(
  spec: Pick<ContoursSpec, 'year' | 'layer' | 'resolution'>,
  baseUrl: string = CONTOURS_URLS[0]!,
): string {
  checkContoursSpec(spec);
  const stem = spec.layer === 'mairies' ? 'mairies' : `${spec.layer}-${spec.resolution}`;
  return `${baseUrl.replace(/\/+$/, '')}/${spec.year}/geojson/${stem}.geojson.gz`;
}
