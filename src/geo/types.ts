import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * The properties every normalized commune contour carries.
 *
 * @example
 * ```ts
 * import type { CommuneProperties } from 'cprdfop/geo';
 * const p: CommuneProperties = { code: '59350', name: 'Lille' };
 * p.code; // "59350"
 * ```
 * @category Contours
 */
export interface CommuneProperties {
  /** The commune code (INSEE COG code, or any code for synthetic data). */
  code: string;
  /** The commune name, when the source has one. */
  name: string | null;
}

/**
 * One commune contour: a GeoJSON Feature whose geometry is a Polygon or MultiPolygon in WGS84
 * longitude/latitude, with RFC 7946 winding (exterior rings counterclockwise, holes clockwise).
 *
 * @example
 * ```ts
 * import type { CommuneFeature } from 'cprdfop/geo';
 * const f: CommuneFeature = {
 *   type: 'Feature',
 *   properties: { code: 'A', name: null },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] },
 * };
 * f.geometry.type; // "Polygon"
 * ```
 * @category Contours
 */
export type CommuneFeature = Feature<Polygon | MultiPolygon, CommuneProperties>;

/**
 * Validated, normalized commune contours (see {@link parseContours}): features sorted by code,
 * codes unique, RFC 7946 winding.
 *
 * @example
 * ```ts
 * import { parseContours } from 'cprdfop/geo';
 * const contours = parseContours({
 *   type: 'FeatureCollection',
 *   features: [{ type: 'Feature', properties: { code: 'A' },
 *     geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }],
 * });
 * contours.features.length; // 1
 * ```
 * @category Contours
 */
export interface CommuneContours extends FeatureCollection<Polygon | MultiPolygon, CommuneProperties> {
  type: 'FeatureCollection';
  features: CommuneFeature[];
}

/**
 * A longitude/latitude pair (RFC 7946 order), in degrees.
 *
 * @example
 * ```ts
 * import type { LonLat } from 'cprdfop/geo';
 * const lille: LonLat = [3.06, 50.63];
 * lille[0]; // 3.06
 * ```
 * @category Locate
 */
export type LonLat = readonly [number, number];

/**
 * A set of territorial units, each a list of member communes — the shape of a territory mesh
 * (`Mesh` of `cprdfop/territory`) reduced to what geometry needs.
 *
 * @example
 * ```ts
 * import type { UnitSet } from 'cprdfop/geo';
 * const units: UnitSet = { units: [{ code: 'N', label: 'North', communes: ['A', 'B'] }] };
 * units.units[0]?.communes.length; // 2
 * ```
 * @category Compose
 */
export interface UnitSet {
  /** An identifier of the set (e.g. `departement`, or a mesh id). */
  id?: string;
  /** A human-readable label of the set. */
  label?: string;
  /** The units, each with its member commune codes. */
  units: ReadonlyArray<{ code: string; label?: string; communes: readonly string[] }>;
}

/**
 * A reference to a territory: a plain list of commune codes, or units of the territory graph
 * (resolved by `resolveTerritory` of `cprdfop/territory`).
 *
 * @example
 * ```ts
 * import type { TerritoryRef } from 'cprdfop/geo';
 * const ref: TerritoryRef = { departements: ['80'] };
 * Array.isArray(ref); // false
 * ```
 * @category Compose
 */
export type TerritoryRef =
  | readonly string[]
  | {
      communes?: readonly string[];
      epcis?: readonly string[];
      arrondissements?: readonly string[];
      departements?: readonly string[];
    };
