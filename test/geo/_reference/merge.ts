/** mergeGeometries as it was before point ids (bcb1d8a): the reference of test/geo/checks-equivalence.test.ts. */
import type { MultiPolygon, Position } from 'geojson';
import { merge as topoMerge } from 'topojson-client';
import { ringSphericalArea } from '../../../src/geo/_internal/rings.js';
import type { CommuneGeometryObject, CommuneTopoJSON } from '../../../src/geo/CommuneTopology.js';

const scratch = new WeakMap<object, { count: Int32Array; owner: Int32Array }>();

/** Splits a closed ring at every vertex it passes twice: simple closed rings (GEOS-valid pieces). */
export function splitSelfTouching(ring: Position[]): Position[][] {
  const out: Position[][] = [];
  const path: Position[] = [];
  const at = new Map<string, number>();
  for (let i = 0; i < ring.length - 1; i++) {
    const point = ring[i] as Position;
    const key = `${point[0]},${point[1]}`;
    const seen = at.get(key);
    if (seen !== undefined) {
      const loop = path.splice(seen);
      for (const p of loop) at.delete(`${p[0]},${p[1]}`);
      if (loop.length >= 3) out.push([...loop, loop[0] as Position]);
    }
    at.set(key, path.length);
    path.push(point);
  }
  if (path.length >= 3) out.push([...path, path[0] as Position]);
  return out;
}

/** Whether a point lies strictly inside a ring (planar even-odd test in lon/lat). */
function insideRing(point: Position, ring: readonly Position[]): boolean {
  const x = point[0] as number;
  const y = point[1] as number;
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    const ay = a[1] as number;
    const by = b[1] as number;
    if (ay > y !== by > y) {
      const ax = a[0] as number;
      const bx = b[0] as number;
      if (x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
  }
  return inside;
}

/**
 * Polygons from the closed rings of one connected group: rings are split where they touch
 * themselves, counterclockwise rings (on the sphere) are exteriors, clockwise ones holes, each
 * hole going to the smallest exterior that contains it.
 */
export function assemblePolygons(rings: Position[][]): Position[][][] {
  const exteriors: Array<{ ring: Position[]; area: number }> = [];
  const holes: Position[][] = [];
  for (const ring of rings)
    for (const piece of splitSelfTouching(ring)) {
      const area = ringSphericalArea(piece);
      if (area > 0) exteriors.push({ ring: piece, area });
      else if (area < 0) holes.push(piece);
    }
  exteriors.sort((a, b) => b.area - a.area);
  const polygons: Position[][][] = exteriors.map((e) => [e.ring]);
  for (const hole of holes) {
    let owner = 0;
    if (exteriors.length > 1) {
      const a = hole[0] as Position;
      const b = hole[1] as Position;
      const probe: Position = [
        ((a[0] as number) + (b[0] as number)) / 2,
        ((a[1] as number) + (b[1] as number)) / 2,
      ];
      owner = -1;
      for (let i = exteriors.length - 1; i >= 0; i--)
        if (insideRing(probe, (exteriors[i] as { ring: Position[] }).ring)) {
          owner = i;
          break;
        }
      if (owner < 0) owner = 0;
    }
    polygons[owner]?.push(hole);
  }
  return polygons;
}

/**
 * Merges polygonal geometry objects of a topology into one MultiPolygon, like topojson-client's
 * `merge` (arcs used once are kept and stitched), with typed-array bookkeeping so it stays fast
 * when called for many units, and a valid result: rings touching themselves are split, exteriors
 * and holes are told apart by their orientation on the sphere, each hole goes to its exterior.
 * Falls back to topojson-client for quantized topologies.
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
    for (const polygon of assemblePolygons(rings)) out.push(polygon);
  }
  for (const k of touched) {
    count[k] = 0;
    owner[k] = -1;
  }
  return { type: 'MultiPolygon', coordinates: out };
}

/** A geometry object with no polygon (an empty MultiPolygon): a commune with no usable contour. */
export function isEmptyGeometry(geometry: CommuneGeometryObject): boolean {
  const arcs = geometry.arcs as unknown[];
  return !Array.isArray(arcs) || arcs.length === 0;
}
