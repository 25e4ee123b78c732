import { z } from 'zod';
import { seg } from './_internal/util.js';
import { zodIssues } from './_internal/validate.js';
import { type Client, type ClientOptions, createClient } from './createClient.js';
import { HttpError } from './HttpError.js';
import { GEO_API_URL } from './PRESETS.js';
import { ResponseValidationError } from './ResponseValidationError.js';

/**
 * A commune from geo.api.gouv.fr (fields present depend on `fields`; `nom` and `code` are always asked).
 * Unknown fields are kept.
 * @example
 * ```ts
 * import { GeoCommune } from 'cprdfop/opendata';
 * GeoCommune.safeParse({ nom: 'Lille', code: '59350', codeEpci: '200093201' }).success; // true
 * GeoCommune.safeParse({ nom: 'Lille', code: 59350 }).success; // false
 * ```
 * @category geo.api.gouv.fr
 */
export const GeoCommune = /* @__PURE__ */ (() =>
  z.looseObject({
    nom: z.string(),
    code: z.string(),
    codeDepartement: z.string().optional(),
    codeRegion: z.string().optional(),
    codeEpci: z.string().optional(),
    siren: z.string().optional(),
    codesPostaux: z.array(z.string()).optional(),
    population: z.number().optional(),
    surface: z.number().optional(),
    centre: z.unknown().optional(),
    contour: z.unknown().optional(),
    mairie: z.unknown().optional(),
    bbox: z.unknown().optional(),
  }))();
/** A commune from geo.api.gouv.fr. @category geo.api.gouv.fr */
export type GeoCommune = z.infer<typeof GeoCommune>;

/**
 * An EPCI from geo.api.gouv.fr (`code` is the SIREN).
 * @example
 * ```ts
 * import { GeoEpci } from 'cprdfop/opendata';
 * GeoEpci.safeParse({ nom: 'Example EPCI', code: '200093201' }).success; // true
 * ```
 * @category geo.api.gouv.fr
 */
export const GeoEpci = /* @__PURE__ */ (() =>
  z.looseObject({
    nom: z.string(),
    code: z.string(),
    codesDepartements: z.array(z.string()).optional(),
    codesRegions: z.array(z.string()).optional(),
    population: z.number().optional(),
  }))();
/** An EPCI from geo.api.gouv.fr. @category geo.api.gouv.fr */
export type GeoEpci = z.infer<typeof GeoEpci>;

/**
 * A département (or région: same shape without `codeRegion`) from geo.api.gouv.fr.
 * @example
 * ```ts
 * import { GeoDepartement } from 'cprdfop/opendata';
 * GeoDepartement.parse({ nom: 'Nord', code: '59', codeRegion: '32' }).codeRegion; // "32"
 * ```
 * @category geo.api.gouv.fr
 */
export const GeoDepartement = /* @__PURE__ */ (() =>
  z.looseObject({
    nom: z.string(),
    code: z.string(),
    codeRegion: z.string().optional(),
  }))();
/** A département from geo.api.gouv.fr. @category geo.api.gouv.fr */
export type GeoDepartement = z.infer<typeof GeoDepartement>;

/**
 * Options shared by commune and EPCI queries.
 * @category geo.api.gouv.fr
 */
export interface GeoQueryOptions {
  /** Fields to return (default: the API's defaults). */
  fields?: readonly string[];
  /** Geometry to include in `format: "json"` via fields, or to return with `format: "geojson"`. */
  geometry?: 'centre' | 'contour' | 'mairie' | 'bbox';
  limit?: number;
  signal?: AbortSignal;
}

/**
 * A commune search (at least one criterion).
 * @category geo.api.gouv.fr
 */
export interface GeoCommuneQuery extends GeoQueryOptions {
  nom?: string;
  codePostal?: string;
  codeDepartement?: string;
  codeRegion?: string;
  codeEpci?: string;
  lat?: number;
  lon?: number;
  /** `population` ranks name matches by population. */
  boost?: 'population';
}

/**
 * A geo.api.gouv.fr client.
 * @category geo.api.gouv.fr
 */
export interface GeoApiClient {
  readonly http: Client;
  /** A commune by INSEE code, or `null` (unknown or merged old code → 404). */
  commune(code: string, options?: GeoQueryOptions): Promise<GeoCommune | null>;
  /** Communes matching a search. */
  communes(query: GeoCommuneQuery): Promise<GeoCommune[]>;
  /** Communes whose name matches (ranked by population). */
  communesByName(nom: string, options?: GeoQueryOptions): Promise<GeoCommune[]>;
  /** Communes served by a postal code. */
  communesByPostalCode(codePostal: string, options?: GeoQueryOptions): Promise<GeoCommune[]>;
  /** The commune containing a point. */
  communesAt(lat: number, lon: number, options?: GeoQueryOptions): Promise<GeoCommune[]>;
  /** Communes as a GeoJSON FeatureCollection (`geometry` defaults to `contour` here, not the API's `centre`). */
  communesGeoJson(query: GeoCommuneQuery): Promise<{ type: 'FeatureCollection'; features: unknown[] }>;
  /** An EPCI by SIREN, or `null`. */
  epci(siren: string, options?: GeoQueryOptions): Promise<GeoEpci | null>;
  /** EPCIs matching a search. */
  epcis(
    query: { nom?: string; codeDepartement?: string; codeRegion?: string } & GeoQueryOptions,
  ): Promise<GeoEpci[]>;
  /** The member communes of an EPCI. */
  epciCommunes(siren: string, options?: GeoQueryOptions): Promise<GeoCommune[]>;
  /**
   * Départements (optionally of one région). `nom` filters client-side (case-, accent- and
   * hyphen-insensitive substring): the API ignores it on `/regions/{code}/departements`.
   */
  departements(query?: {
    codeRegion?: string;
    nom?: string;
    signal?: AbortSignal;
  }): Promise<GeoDepartement[]>;
  /** A département by code, or `null`. */
  departement(code: string, options?: { signal?: AbortSignal }): Promise<GeoDepartement | null>;
  /** The communes of a département. */
  departementCommunes(code: string, options?: GeoQueryOptions): Promise<GeoCommune[]>;
}

const COMMUNE_FIELDS = [
  'nom',
  'code',
  'codeDepartement',
  'siren',
  'codeEpci',
  'codeRegion',
  'codesPostaux',
  'population',
] as const;
const EPCI_FIELDS = ['nom', 'code', 'codesDepartements', 'codesRegions', 'population'] as const;

/** Lower case, accents and separators removed: `Pas-de-Calais` and `pas de calais` match. */
function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Creates a geo.api.gouv.fr client (API Découpage administratif): communes by code, name, postal code
 * and coordinates, EPCI, départements, geometry options. Responses are validated (schema drift throws
 * {@link ResponseValidationError}); plain-text errors become {@link HttpError}s with `apiMessage`.
 * Rate-limited to 10 requests/s on `geo.api.gouv.fr` by default. Works in browsers.
 *
 * @param options - `baseUrl` (default {@link GEO_API_URL}) and any {@link ClientOptions}, or `client`.
 * @returns A {@link GeoApiClient}.
 * @throws Requests throw the client's errors.
 * @example
 * ```ts noexec
 * import { createGeoApiClient } from 'cprdfop/opendata';
 * const geo = createGeoApiClient();
 * const lille = await geo.commune('59350', { fields: ['nom', 'code', 'codeEpci'] });
 * ```
 * @category geo.api.gouv.fr
 */
export function createGeoApiClient(options: ClientOptions & { client?: Client } = {}): GeoApiClient {
  const http = options.client ?? createClient({ ...options, baseUrl: options.baseUrl ?? GEO_API_URL });
  const base = (options.baseUrl ?? GEO_API_URL).replace(/\/+$/, '');

  async function get<S extends z.ZodType>(
    path: string,
    schema: S,
    query: Record<string, string | number | undefined>,
    signal: AbortSignal | undefined,
    nullOn404: boolean,
  ): Promise<z.infer<S> | null> {
    const p = `${base}${path}`;
    let body: unknown;
    try {
      body = await http.json(p, { query, ...(signal ? { signal } : {}) });
    } catch (error) {
      if (nullOn404 && error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ResponseValidationError(http.url(p, query), zodIssues(parsed.error.issues));
    return parsed.data;
  }

  /**
   * The `fields` parameter. Asking for a geometry replaces the API's default field list, so the
   * defaults of that endpoint are sent with it (communes: `nom, code, codeDepartement, siren,
   * codeEpci, codeRegion, codesPostaux, population`; EPCI: `nom, code, codesDepartements,
   * codesRegions, population`) — otherwise `epci(siren, {geometry})` would lose `codesDepartements`.
   */
  const fieldsParam = (
    o: GeoQueryOptions,
    defaults: readonly string[] = COMMUNE_FIELDS,
  ): string | undefined => {
    if (!o.fields && !o.geometry) return undefined;
    const set = new Set(o.fields ?? defaults);
    set.add('nom');
    set.add('code');
    if (o.geometry) set.add(o.geometry);
    return [...set].join(',');
  };
  const common = (o: GeoQueryOptions) => ({ fields: fieldsParam(o), limit: o.limit });
  const epciCommon = (o: GeoQueryOptions) => ({ fields: fieldsParam(o, EPCI_FIELDS), limit: o.limit });
  const communes = z.array(GeoCommune);
  /** The `/communes` filters shared by the JSON and GeoJSON queries. */
  const communeFilters = (q: GeoCommuneQuery) => ({
    nom: q.nom,
    codePostal: q.codePostal,
    codeDepartement: q.codeDepartement,
    codeRegion: q.codeRegion,
    codeEpci: q.codeEpci,
    lat: q.lat,
    lon: q.lon,
  });

  const client: GeoApiClient = {
    http,
    commune: (code, o = {}) => get(`/communes/${seg(code)}`, GeoCommune, common(o), o.signal, true),
    async communes(q) {
      const query = {
        ...common(q),
        ...communeFilters(q),
        boost: q.boost,
      };
      return (await get('/communes', communes, query, q.signal, false)) ?? [];
    },
    communesByName: (nom, o = {}) => client.communes({ ...o, nom, boost: 'population' }),
    communesByPostalCode: (codePostal, o = {}) => client.communes({ ...o, codePostal }),
    communesAt: (lat, lon, o = {}) => client.communes({ ...o, lat, lon }),
    async communesGeoJson(q) {
      const query = {
        fields: q.fields?.join(','),
        limit: q.limit,
        ...communeFilters(q),
        format: 'geojson',
        geometry: q.geometry ?? 'contour',
      };
      const fc = z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });
      return (await get('/communes', fc, query, q.signal, false)) as {
        type: 'FeatureCollection';
        features: unknown[];
      };
    },
    epci: (siren, o = {}) => get(`/epcis/${seg(siren)}`, GeoEpci, epciCommon(o), o.signal, true),
    async epcis(q) {
      const query = {
        ...epciCommon(q),
        nom: q.nom,
        codeDepartement: q.codeDepartement,
        codeRegion: q.codeRegion,
      };
      return (await get('/epcis', z.array(GeoEpci), query, q.signal, false)) ?? [];
    },
    async epciCommunes(siren, o = {}) {
      return (await get(`/epcis/${seg(siren)}/communes`, communes, common(o), o.signal, false)) ?? [];
    },
    async departements(q = {}) {
      // `/regions/{code}/departements` ignores `nom` upstream (all five Hauts-de-France départements
      // come back for any `nom`), so `nom` is never sent: it filters here, client-side.
      const path = q.codeRegion ? `/regions/${seg(q.codeRegion)}/departements` : '/departements';
      const all = (await get(path, z.array(GeoDepartement), {}, q.signal, false)) ?? [];
      if (q.nom === undefined) return all;
      const wanted = foldName(q.nom);
      return all.filter((d) => foldName(d.nom).includes(wanted));
    },
    departement: (code, o = {}) => get(`/departements/${seg(code)}`, GeoDepartement, {}, o.signal, true),
    async departementCommunes(code, o = {}) {
      return (await get(`/departements/${seg(code)}/communes`, communes, common(o), o.signal, false)) ?? [];
    },
  };
  return client;
}
