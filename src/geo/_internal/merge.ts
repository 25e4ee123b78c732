import type { MultiPolygon, Position } from 'geojson';
import { merge as topoMerge } from 'topojson-client';
import type { CommuneGeometryObject, CommuneTopoJSON } from '../CommuneTopology.js';

const scratch = new WeakMap<object, { count: Int32Array; owner: Int32Array }>();

function planarArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return Math.abs(s);
}

/**
 * Merges polygonal geometry objects of a topology into one MultiPolygon, like topojson-client's
 * `merge` (same result: arcs used once are kept and stitched; in each connected group the ring with
 * the largest area is the exterior), with typed-array bookkeeping so it stays fast when called
 * for many units. Falls back to topojson-client for quantized topologies.
 */
export function mergeGeometries(
  topology: CommuneTopoJSON,
  geoms: readonly CommuneGeometryObject[],
): MultiPolygon {
  if (topology.transform) return topoMerge(topology as never, geoms as never) as MultiPolygon;
  const arcs = topology.arcs as unknown as Position[][];
  let s = scratch.get(topology);
  if (!s) {
    s = { count: new Int32Array(arcs.length), owner: new Int32Array(arcs.length).fill(-1) };
    scratch.set(topology, s);
  }
  const { count, owner } = s;
  const polygons: number[][][] = [];
  for (const g of geoms) {
    if (g.type === 'Polygon') polygons.push(g.arcs as number[][]);
    else for (const p of g.arcs as number[][][]) polygons.push(p);
  }
  // union-find of polygons sharing an arc
  const parent = polygons.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  const touched: number[] = [];
  polygons.forEach((poly, pi) => {
    for (const ring of poly) {
      for (const a of ring) {
        const k = a < 0 ? ~a : a;
        if (count[k] === 0) touched.push(k);
        count[k] = (count[k] as number) + 1;
        const o = owner[k] as number;
        if (o < 0) owner[k] = pi;
        else {
          const ra = find(o);
          const rb = find(pi);
          if (ra !== rb) parent[rb] = ra;
        }
      }
    }
  });
  const groups = new Map<number, number[]>();
  polygons.forEach((_, pi) => {
    const r = find(pi);
    const list = groups.get(r);
    if (list) list.push(pi);
    else groups.set(r, [pi]);
  });
  const out: Position[][][] = [];
  const start = (a: number): Position =>
    (a < 0
      ? (arcs[~a] as Position[])[(arcs[~a] as Position[]).length - 1]
      : (arcs[a] as Position[])[0]) as Position;
  const end = (a: number): Position =>
    (a < 0
      ? (arcs[~a] as Position[])[0]
      : (arcs[a] as Position[])[(arcs[a] as Position[]).length - 1]) as Position;
  const key = (p: Position): string => `${p[0]},${p[1]}`;
  for (const members of groups.values()) {
    const outer: number[] = [];
    for (const pi of members)
      for (const ring of polygons[pi] as number[][])
        for (const a of ring) if ((count[a < 0 ? ~a : a] as number) < 2) outer.push(a);
    // stitch: arcs by start point
    const byStart = new Map<string, number[]>();
    for (const a of outer) {
      const k = key(start(a));
      const l = byStart.get(k);
      if (l) l.push(a);
      else byStart.set(k, [a]);
    }
    const used = new Set<number>();
    const rings: Position[][] = [];
    for (const first of outer) {
      if (used.has(first)) continue;
      const ring: Position[] = [];
      let a: number | undefined = first;
      const firstKey = key(start(first));
      while (a !== undefined && !used.has(a)) {
        used.add(a);
        const pts = arcs[a < 0 ? ~a : a] as Position[];
        if (a < 0)
          for (let i = pts.length - 1 - (ring.length ? 1 : 0); i >= 0; i--) ring.push(pts[i] as Position);
        else for (let i = ring.length ? 1 : 0; i < pts.length; i++) ring.push(pts[i] as Position);
        const k = key(end(a));
        if (k === firstKey) break;
        const next: number[] | undefined = byStart.get(k);
        a = next?.find((x) => !used.has(x));
      }
      if (ring.length >= 4) rings.push(ring);
    }
    if (rings.length > 1) {
      let best = 0;
      let bestArea = planarArea(rings[0] as Position[]);
      for (let i = 1; i < rings.length; i++) {
        const ar = planarArea(rings[i] as Position[]);
        if (ar > bestArea) {
          bestArea = ar;
          best = i;
        }
      }
      if (best) [rings[0], rings[best]] = [rings[best] as Position[], rings[0] as Position[]];
    }
    if (rings.length) out.push(rings);
  }
  for (const k of touched) {
    count[k] = 0;
    owner[k] = -1;
  }
  return { type: 'MultiPolygon', coordinates: out };
}
