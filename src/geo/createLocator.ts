import { buildGrid, locateIndex, locateIndices, type PackedPolygons, packPolygons } from './_internal/pip.js';
import { CommuneTopology } from './CommuneTopology.js';
import { GeoDataError } from './GeoDataError.js';
import { defaultGraph, type GeoGraph } from './GeoGraph.js';
import type { CommuneContours, LonLat } from './types.js';

/**
 * A located point: the commune whose contour holds it and, through the territory graph, the
 * current commune (old codes of merged communes are mapped), its EPCI, arrondissement and département.
 *
 * @example
 * ```ts
 * import type { Location } from 'cprdfop/geo';
 * const l: Location = { code: 'A', name: null, commune: null, epci: null, arrondissement: null, departement: null };
 * l.code; // "A"
 * ```
 * @category Locate
 */
export interface Location {
  /** The code of the contour that holds the point. */
  code: string;
  /** The name of that contour, when the contours have names. */
  name: string | null;
  /** The current commune in the territory graph (`null` when the graph does not know the code or is not available). */
  commune: { code: string; name: string; mapped: boolean } | null;
  /** The EPCI (SIREN) of the commune, when known. */
  epci: { code: string; name: string | null } | null;
  /** The arrondissement, when known. */
  arrondissement: { code: string; name: string | null } | null;
  /** The département, when known. */
  departement: { code: string; name: string | null } | null;
}

/**
 * A point locator over commune contours (see {@link createLocator}).
 *
 * @example
 * ```ts
 * import { createLocator, parseContours } from 'cprdfop/geo';
 * const loc = createLocator(parseContours({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'A' },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }] }), { graph: null });
 * loc.locateCode(0.5, 0.5); // "A"
 * ```
 * @category Locate
 */
export interface Locator {
  /** Commune codes in index order (`locateIndices` returns indices into it). */
  readonly codes: readonly string[];
  /**
   * @param point - `[lon, lat]` in degrees.
   * @returns The location, or `null` outside every contour.
   */
  locate(point: LonLat): Location | null;
  /**
   * @param lon - Longitude in degrees.
   * @param lat - Latitude in degrees.
   * @returns The code of the contour holding the point (lowest code on a shared border), or `null`.
   */
  locateCode(lon: number, lat: number): string | null;
  /**
   * Batch form.
   * @param points - Flat `[lon0, lat0, lon1, lat1, …]` (a `Float64Array` or any numeric array) or an array of `[lon, lat]` pairs.
   * @returns One code (or `null`) per point.
   */
  locateMany(points: ArrayLike<number> | readonly LonLat[]): (string | null)[];
  /**
   * Fastest batch form, no allocation per point.
   * @param flat - Flat `[lon0, lat0, lon1, lat1, …]`.
   * @param out - Optional output array of length `flat.length / 2`.
   * @returns Indices into {@link Locator.codes}, `-1` outside.
   * @throws {@link GeoDataError} `E_INVALID_POINTS` when `flat` has an odd length or `out` is shorter than
   * `flat.length / 2` (no point is dropped silently).
   */
  locateIndices(flat: ArrayLike<number>, out?: Int32Array): Int32Array;
}

/**
 * Builds a point locator: a uniform grid over the contours (about two cells per position). A
 * point in a cell that no border crosses is answered by one array read; in a border cell, by the
 * edges listed in the cell's block (their exact positions), counting those crossed on the way to a
 * reference point of the cell, with the robust crossing-number test whenever an orientation is
 * exactly zero. `locateIndices` and `locateMany` read the grid for the whole batch first. A
 * point on a border shared by several communes resolves to the lowest commune code among those
 * that contain or touch it; a point outside every contour gives `null`.
 *
 * @param source - Contours ({@link parseContours}) or a {@link CommuneTopology}.
 * @param options - `graph`: the territory graph used by `locate` (default `cprdfop/territory`; `null` for none).
 * @returns The locator.
 * @example
 * ```ts
 * import { createLocator, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const loc = createLocator(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1)] }), { graph: null });
 * loc.locateCode(1.5, 0.5); // "B"
 * loc.locateCode(1, 0.5); // "A"
 * loc.locateCode(5, 5); // null
 * loc.locateMany(new Float64Array([0.5, 0.5, 1.5, 0.5])); // ["A","B"]
 * loc.locate([0.5, 0.5])?.code; // "A"
 * ```
 * @category Locate
 */
export function createLocator(
  source: CommuneContours | CommuneTopology,
  options: { graph?: GeoGraph | null } = {},
): Locator {
  const features =
    source instanceof CommuneTopology
      ? source.features()
      : [...source.features].sort((a, b) =>
          a.properties.code < b.properties.code ? -1 : a.properties.code > b.properties.code ? 1 : 0,
        );
  const codes = features.map((f) => f.properties.code);
  const names = features.map((f) => f.properties.name);
  const pk: PackedPolygons = packPolygons(features);
  const grid = buildGrid(pk);
  const graph = options.graph === null ? null : (options.graph ?? defaultGraph());
  const unit = (
    kind: 'epci' | 'arrondissement' | 'departement',
    code: string | null | undefined,
  ): { code: string; name: string | null } | null =>
    code ? { code, name: graph?.unitName?.(kind, code) ?? null } : null;
  const locateCode = (lon: number, lat: number): string | null => {
    const i = locateIndex(pk, grid, lon, lat);
    return i < 0 ? null : (codes[i] as string);
  };
  return {
    codes,
    locateCode,
    locate(point) {
      const i = locateIndex(pk, grid, point[0], point[1]);
      if (i < 0) return null;
      const code = codes[i] as string;
      const hit = graph?.commune(code);
      const c = hit?.commune;
      return {
        code,
        name: names[i] ?? null,
        commune: c ? { code: c.code, name: c.name, mapped: hit.mapped } : null,
        epci: unit('epci', c?.epci),
        arrondissement: unit('arrondissement', c?.arrondissement),
        departement: unit('departement', c?.departement),
      };
    },
    locateIndices(flat, out) {
      if (flat.length % 2 !== 0)
        throw new GeoDataError('E_INVALID_POINTS', {
          fr: `locateIndices\u00a0: ${flat.length} nombres ne forment pas des paires [lon, lat] (le dernier point n’a pas de latitude)`,
          en: `locateIndices: ${flat.length} numbers do not make [lon, lat] pairs (the last point has no latitude)`,
        });
      if (out !== undefined && out.length < flat.length / 2)
        throw new GeoDataError('E_INVALID_POINTS', {
          fr: `locateIndices\u00a0: le tableau de sortie a ${out.length} places pour ${flat.length / 2} points`,
          en: `locateIndices: the output array has ${out.length} slots for ${flat.length / 2} points`,
        });
      return locateIndices(pk, grid, flat, out ?? new Int32Array(flat.length >> 1));
    },
    locateMany(points) {
      const first = (points as ArrayLike<unknown>)[0];
      if (first !== undefined && typeof first !== 'number') {
        return (points as readonly LonLat[]).map((p) => locateCode(p[0], p[1]));
      }
      const flat = points as ArrayLike<number>;
      const idx = this.locateIndices(flat);
      return Array.from(idx, (i) => (i < 0 ? null : (codes[i] as string)));
    },
  };
}
