import type { CommuneTopology } from './CommuneTopology.js';
import { resolveReference, type UnresolvedCode } from './composeTerritory.js';
import { type GeoGraph, requireGraph } from './GeoGraph.js';
import { geodesicArea } from './geodesicArea.js';
import type { TerritoryRef } from './types.js';

/**
 * Population, area and density of a territory.
 *
 * @example
 * ```ts
 * import type { Density } from 'cprdfop/geo';
 * const d: Density = { population: 100, areaKm2: 2, density: 50, missing: [], unresolved: [] };
 * d.density; // 50
 * ```
 * @category Measures
 */
export interface Density {
  /** Sum of the municipal populations of the members known to the graph. */
  population: number;
  /** Sum of the geodesic areas of the members with a contour, in km². */
  areaKm2: number;
  /** Inhabitants per km² (`NaN` when the area is 0). */
  density: number;
  /** Members with no contour or no population (the figures leave them out). */
  missing: string[];
  /** Codes of the reference that resolved to no commune (unknown, malformed, outside): the figures are incomplete when non-empty. */
  unresolved: UnresolvedCode[];
}

/**
 * The population density of a territory: populations from the territory graph, areas from the
 * contours (sum of member areas, equal to the area of their merge).
 *
 * @param topology - The commune topology, keyed by current commune codes (see {@link joinVintage}).
 * @param ref - Commune codes, or units resolved through the territory graph.
 * @param options - `graph`: the territory graph (default `cprdfop/territory`).
 * @returns Population, area, density, the members left out (`missing`) and the codes that resolved
 *   to no commune (`unresolved`).
 * @throws {@link GeoDataError} `E_NO_TERRITORY_GRAPH` when no graph is available.
 * @example
 * ```ts
 * import { buildTopology, parseContours, populationDensity } from 'cprdfop/geo';
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'A' },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01], [0, 0]]] } }] }));
 * const graph = {
 *   commune: (c: string) => (c === 'A' ? { commune: { code: 'A', name: 'A', departement: 'D', arrondissement: null, epci: null, population: 1236 }, mapped: false } : undefined),
 *   resolveTerritory: (r: { communes?: readonly string[] }) => ({ communes: r.communes ?? [] }),
 *   builtinMesh: () => ({ units: [] }),
 * };
 * Math.round(populationDensity(topo, ['A'], { graph }).density); // 1000
 * ```
 * @category Measures
 */
export function populationDensity(
  topology: CommuneTopology,
  ref: TerritoryRef,
  options: { graph?: GeoGraph | null } = {},
): Density {
  const graph = requireGraph(options.graph, 'populationDensity');
  let population = 0;
  let areaKm2 = 0;
  const missing: string[] = [];
  const { codes, unresolved } = resolveReference(ref, graph);
  for (const code of codes) {
    const f = topology.feature(code);
    const pop = graph.commune(code)?.commune.population;
    if (!f || f.geometry.coordinates.length === 0 || typeof pop !== 'number') {
      missing.push(code);
      continue;
    }
    population += pop;
    areaKm2 += geodesicArea(f.geometry);
  }
  return {
    population,
    areaKm2,
    density: areaKm2 > 0 ? population / areaKm2 : Number.NaN,
    missing: missing.sort(),
    unresolved,
  };
}
