import type { MultiLineString } from 'geojson';
import { mesh } from 'topojson-client';
import type { CommuneTopology } from './CommuneTopology.js';
import { type UnitsBy, unitsOf } from './composeUnits.js';
import type { GeoGraph } from './GeoGraph.js';

/**
 * The borders between units (topojson `mesh`): each shared arc whose two sides belong to
 * different units, once. With `outer: true`, also the outer boundary of the covered area.
 * Communes outside every unit are ignored.
 *
 * @param topology - The commune topology.
 * @param by - `commune` (every commune border), a built-in mesh name, or a {@link UnitSet}.
 * @param options - `outer`: include the outer boundary (default `false`); `graph`: the territory graph.
 * @returns A MultiLineString of the borders.
 * @throws {@link GeoDataError} `E_NO_TERRITORY_GRAPH` for a built-in mesh when no graph is available.
 * @example
 * ```ts
 * import { buildTopology, parseContours, unitBorders } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1), sq('C', 2)] }));
 * unitBorders(topo, { units: [{ code: 'W', communes: ['A', 'B'] }, { code: 'E', communes: ['C'] }] }).coordinates; // [[[2,0],[2,1]]]
 * ```
 * @category Compose
 */
export function unitBorders(
  topology: CommuneTopology,
  by: 'commune' | UnitsBy,
  options: { outer?: boolean; graph?: GeoGraph | null } = {},
): MultiLineString {
  const unitOf = new Map<string, string>();
  if (by === 'commune') for (const c of topology.codes) unitOf.set(c, c);
  else
    for (const u of unitsOf(by, options.graph).units)
      for (const c of u.communes) if (!unitOf.has(c)) unitOf.set(c, u.code);
  const group = (g: { properties?: { code?: string } | null }): string | undefined =>
    unitOf.get(g.properties?.code ?? '');
  const m = mesh(
    topology.topology as never,
    topology.topology.objects.communes as never,
    ((a: never, b: never) => {
      const ga = group(a);
      const gb = group(b);
      if (a === b) return options.outer === true && ga !== undefined;
      if (ga === undefined && gb === undefined) return false;
      if (ga === undefined || gb === undefined) return options.outer === true;
      return ga !== gb;
    }) as never,
  ) as MultiLineString;
  return { type: 'MultiLineString', coordinates: m.coordinates };
}
