import type { FeatureCollection, MultiPolygon } from 'geojson';
import { topology as buildTopo } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import type { ComposedProperties } from './composeTerritory.js';

/**
 * Serializes a composed set (from {@link composeUnits}) as GeoJSON or TopoJSON. TopoJSON keeps
 * shared borders once (object name `units`); member lists are kept as properties.
 *
 * @param collection - The composed features.
 * @param format - `geojson` or `topojson`.
 * @param options - `quantization` for TopoJSON (default none: exact coordinates).
 * @returns The GeoJSON FeatureCollection or the TopoJSON Topology (plain JSON).
 * @example
 * ```ts
 * import { buildTopology, composeUnits, exportTerritories, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1)] }));
 * const fc = composeUnits(topo, { units: [{ code: 'U', communes: ['A', 'B'] }] });
 * (exportTerritories(fc, 'topojson') as { type: string }).type; // "Topology"
 * ```
 * @category Exports
 */
export function exportTerritories(
  collection: FeatureCollection<MultiPolygon, ComposedProperties>,
  format: 'geojson' | 'topojson',
  options: { quantization?: number } = {},
): FeatureCollection<MultiPolygon, ComposedProperties> | Topology {
  const features = collection.features.map((f) => ({ ...f, id: f.properties.code }));
  const fc = { type: 'FeatureCollection' as const, features };
  if (format === 'geojson') return fc;
  return buildTopo({ units: fc as never }, options.quantization);
}
