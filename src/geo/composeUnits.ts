import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { CommuneTopology } from './CommuneTopology.js';
import { type ComposedProperties, mergeCodes } from './composeTerritory.js';
import { type GeoGraph, requireGraph } from './GeoGraph.js';
import type { UnitSet } from './types.js';

/**
 * A unit set to compose: a built-in mesh of the territory graph by name, or explicit units (a
 * loaded `Mesh` of `cprdfop/territory` fits).
 *
 * @example
 * ```ts
 * import type { UnitsBy } from 'cprdfop/geo';
 * const by: UnitsBy = 'departement';
 * by; // "departement"
 * ```
 * @category Compose
 */
export type UnitsBy = 'departement' | 'arrondissement' | 'epci' | UnitSet;

/** @internal The units of a `by`. */
export function unitsOf(by: UnitsBy, graph: GeoGraph | null | undefined): UnitSet {
  if (typeof by === 'string') return requireGraph(graph, `the built-in mesh "${by}"`).builtinMesh(by);
  return by;
}

/**
 * Composes every unit of a set (départements, arrondissements, EPCI, a loaded mesh…) into one
 * MultiPolygon feature each, by exact topological merge.
 *
 * @param topology - The commune topology.
 * @param by - `departement`, `arrondissement`, `epci` (built-in meshes of the territory graph) or a {@link UnitSet}.
 * @param options - `graph`: the territory graph (default `cprdfop/territory`); `skipEmpty`: drop units with no contour (default `true`).
 * @returns A FeatureCollection, one feature per unit, in the order of the units.
 * @throws {@link GeoDataError} `E_NO_TERRITORY_GRAPH` for a built-in mesh when no graph is available.
 * @example
 * ```ts
 * import { buildTopology, composeUnits, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1), sq('C', 2)] }));
 * const fc = composeUnits(topo, { units: [{ code: 'W', communes: ['A', 'B'] }, { code: 'E', communes: ['C'] }] });
 * fc.features.map((f) => f.properties.code); // ["W","E"]
 * ```
 * @category Compose
 */
export function composeUnits(
  topology: CommuneTopology,
  by: UnitsBy,
  options: { graph?: GeoGraph | null; skipEmpty?: boolean } = {},
): FeatureCollection<MultiPolygon, ComposedProperties> {
  const set = unitsOf(by, options.graph);
  const features = [];
  for (const u of set.units) {
    const f = mergeCodes(topology, [...new Set(u.communes)], u.code, u.label ?? u.code);
    if (options.skipEmpty !== false && f.properties.communes.length === 0) continue;
    features.push(f);
  }
  return { type: 'FeatureCollection', features };
}
