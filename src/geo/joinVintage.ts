import { mergeArcs } from 'topojson-client';
import { buildTopology } from './buildTopology.js';
import { type CommuneGeometryObject, type CommuneTopoJSON, CommuneTopology } from './CommuneTopology.js';
import { type GeoGraph, requireGraph } from './GeoGraph.js';
import type { CommuneContours } from './types.js';

/**
 * The outcome of {@link joinVintage}.
 *
 * @example
 * ```ts
 * import type { VintageJoin } from 'cprdfop/geo';
 * const j = { merged: [], partial: [], renamed: [], unmatched: ['X'], missing: [] } as unknown as VintageJoin;
 * j.unmatched; // ["X"]
 * ```
 * @category Vintages
 */
export interface VintageJoin {
  /** The topology keyed by current commune codes (merged communes' geometries merged exactly). */
  topology: CommuneTopology;
  /** Current communes made of several contours: `{ code, from }` (old codes, sorted). */
  merged: Array<{ code: string; from: string[] }>;
  /**
   * Current communes assembled from only part of their former communes: `{ code, from, absent }`,
   * `absent` being the former codes with no contour in the source (their geometry is incomplete).
   * Judged with `graph.formerCodes` on communes assembled since the source year (several contours,
   * or one contour of a delegated commune); former associated communes are not expected.
   */
  partial: Array<{ code: string; from: string[]; absent: string[] }>;
  /** Contours whose code maps to another single current code (e.g. a delegated code): `{ from, code }`. */
  renamed: Array<{ from: string; code: string }>;
  /** Contour codes the graph does not know (left out of the result). */
  unmatched: string[];
  /** Current communes of the graph with no contour (needs `graph.allCommunes`). */
  missing: string[];
}

/**
 * Joins contours of one COG year to the territory graph of another: every contour code is mapped
 * to the current commune (`commune(code)` of the graph maps old codes of merged communes), the
 * geometries of communes merged since are merged exactly on the topology (shared arcs), and what
 * does not match is reported. A merged commune built from only part of its former communes is
 * reported in `partial` with the absent codes. The 2018 Hauts-de-France contours against the 2026
 * graph is the real case.
 *
 * @param source - A topology (or contours) with the old codes.
 * @param options - `graph`: the territory graph of the target year (default `cprdfop/territory`).
 * @returns The joined topology and the report.
 * @throws {@link GeoDataError} `E_NO_TERRITORY_GRAPH` when no graph is available.
 * @example
 * ```ts
 * import { buildTopology, joinVintage, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('A2', 1), sq('X', 2)] }));
 * const current = { code: 'A', name: 'Alpha', departement: 'D', arrondissement: null, epci: null };
 * const graph = {
 *   commune: (c: string) => (c.startsWith('A') ? { commune: current, mapped: c !== 'A' } : undefined),
 *   resolveTerritory: (r: { communes?: readonly string[] }) => ({ communes: r.communes ?? [] }),
 *   builtinMesh: () => ({ units: [] }),
 *   allCommunes: () => ['A', 'B'],
 *   formerCodes: (c: string) => (c === 'A' ? [{ code: 'A2', via: 'commune-deleguee' }, { code: 'A3', via: 'commune-deleguee' }] : []),
 * };
 * const j = joinVintage(topo, { graph });
 * j.topology.codes; // ["A"]
 * j.merged; // [{"code":"A","from":["A","A2"]}]
 * j.partial; // [{"code":"A","from":["A","A2"],"absent":["A3"]}]
 * j.unmatched; // ["X"]
 * j.missing; // ["B"]
 * ```
 * @category Vintages
 */
export function joinVintage(
  source: CommuneTopology | CommuneContours,
  options: { graph?: GeoGraph | null } = {},
): VintageJoin {
  const graph = requireGraph(options.graph, 'joinVintage');
  const topo = source instanceof CommuneTopology ? source : buildTopology(source);
  const groups = new Map<string, { name: string; members: CommuneGeometryObject[] }>();
  const unmatched: string[] = [];
  const geoms = topo.geometries;
  topo.codes.forEach((code, i) => {
    const hit = graph.commune(code);
    if (!hit) {
      unmatched.push(code);
      return;
    }
    const g = groups.get(hit.commune.code) ?? { name: hit.commune.name, members: [] };
    g.members.push(geoms[i] as CommuneGeometryObject);
    groups.set(hit.commune.code, g);
  });
  const merged: VintageJoin['merged'] = [];
  const partial: VintageJoin['partial'] = [];
  const renamed: VintageJoin['renamed'] = [];
  const sourceCodes = new Set(topo.codes);
  const out: CommuneGeometryObject[] = [];
  for (const code of [...groups.keys()].sort()) {
    const { name, members } = groups.get(code) as { name: string; members: CommuneGeometryObject[] };
    const properties = { code, name };
    const from = members.map((m) => m.properties.code).sort();
    const formers = graph.formerCodes?.(code) ?? [];
    const assembled =
      members.length > 1 ||
      (from[0] !== code && formers.some((f) => f.code === from[0] && f.via === 'commune-deleguee'));
    if (assembled && graph.formerCodes) {
      const expected = [code, ...formers.filter((f) => f.via !== 'commune-associee').map((f) => f.code)];
      const absent = [...new Set(expected)].filter((c) => !sourceCodes.has(c)).sort();
      if (absent.length) partial.push({ code, from, absent });
    }
    if (members.length === 1) {
      const m = members[0] as CommuneGeometryObject;
      if (m.properties.code !== code) renamed.push({ from: m.properties.code, code });
      out.push({ ...m, id: code, properties });
    } else {
      merged.push({ code, from });
      const g = mergeArcs(topo.topology as never, members as never) as unknown as CommuneGeometryObject;
      out.push({
        type: 'MultiPolygon',
        arcs: (g as unknown as { arcs: number[][][] }).arcs,
        id: code,
        properties,
      } as CommuneGeometryObject);
    }
  }
  const have = new Set(groups.keys());
  const missing = (graph.allCommunes?.() ?? []).filter((c) => !have.has(c)).sort();
  const t: CommuneTopoJSON = {
    ...topo.topology,
    objects: { communes: { type: 'GeometryCollection', geometries: out } },
  };
  return { topology: new CommuneTopology(t), merged, partial, renamed, unmatched: unmatched.sort(), missing };
}
