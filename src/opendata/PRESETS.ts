/**
 * A portal preset: its API kind, its API root and how sure we are of it.
 * @category Presets
 */
export interface PortalPreset {
  /** `ods` → {@link createOdsClient}; `ckan` → {@link createCkanClient}. */
  readonly kind: 'ods' | 'ckan';
  /** API root to pass as `baseUrl` (override it freely). */
  readonly baseUrl: string;
  /** Human label. */
  readonly label: string;
  /** `false` when the platform is inferred, not confirmed by a public source. */
  readonly verified: boolean;
}

/**
 * Known portals and national services. All are plain data: pass `{ ...PRESETS.x, baseUrl: '…' }` to
 * override. The Hauts-de-France portal is `verified: false`: it is probably CKAN, not confirmed.
 *
 * @example
 * ```ts
 * import { PRESETS } from 'cprdfop/opendata';
 * PRESETS.ileDeFrance.kind; // "ods"
 * PRESETS.hautsDeFrance.verified; // false
 * ```
 * @category Presets
 */
export const PRESETS = {
  hautsDeFrance: {
    kind: 'ckan',
    baseUrl: 'https://opendata.hautsdefrance.fr',
    label: 'Région Hauts-de-France open data portal (CKAN, inferred)',
    verified: false,
  },
  ileDeFrance: {
    kind: 'ods',
    baseUrl: 'https://data.iledefrance.fr/api/explore/v2.1',
    label: 'Région Île-de-France open data portal (Opendatasoft)',
    verified: true,
  },
  paysDeLaLoire: {
    kind: 'ods',
    baseUrl: 'https://data.paysdelaloire.fr/api/explore/v2.1',
    label: 'Région Pays de la Loire open data portal (Opendatasoft)',
    verified: true,
  },
} as const satisfies Record<string, PortalPreset>;

/**
 * Default URL of geo.api.gouv.fr (API Découpage administratif).
 * @example
 * ```ts
 * import { GEO_API_URL } from 'cprdfop/opendata';
 * GEO_API_URL; // "https://geo.api.gouv.fr"
 * ```
 * @category Presets
 */
export const GEO_API_URL = 'https://geo.api.gouv.fr';

/**
 * Default hosts of the Etalab « contours-administratifs » files: the current host first, the older
 * host as a fallback mirror.
 * @example
 * ```ts
 * import { CONTOURS_URLS } from 'cprdfop/opendata';
 * CONTOURS_URLS.length; // 2
 * ```
 * @category Presets
 */
export const CONTOURS_URLS: readonly string[] = [
  'https://contours-administratifs.s3.rbx.io.cloud.ovh.net',
  'http://etalab-datasets.geo.data.gouv.fr/contours-administratifs',
];
