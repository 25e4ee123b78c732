import type { MultiPolygon, Position } from 'geojson';
import { merge as topoMerge } from 'topojson-client';
import type { CommuneGeometryObject, CommuneTopoJSON } from '../CommuneTopology.js';
import { pointIds } from './arcs.js';
import { ringSphericalArea } from './rings.js';

const scratch = new WeakMap<object, { count: Int32Array; owner: Int32Array }>();

/**
 * Point ids of every position of a topology's arcs (equal coordinates, equal id): `ids[base[a] + i]`
 * is the id of position `i` of arc `a`; `at` is a scratch table by id, all -1 between uses. Computed
 * once per arcs array (a joined topology shares its source's arcs); `null` when a coordinate is not
 * a finite number (then points are told apart by their text, as they always were).
 */
interface ArcPoints {
  ids: Int32Array;
  base: Int32Array;
  at: Int32Array;
}
const arcPointsCache = new WeakMap<object, ArcPoints | null>();

/** The point ids of the rings being stitched (scratch, grown as needed). */
let ringIdBuffer = new Int32Array(1024);
function pushId(at: number, id: number): void {
  if (at >= ringIdBuffer.length) {
    const grown = new Int32Array(2 * ringIdBuffer.length);
    grown.set(ringIdBuffer);
    ringIdBuffer = grown;
  }
  ringIdBuffer[at] = id;
}

function arcPoints(arcs: readonly Position[][]): ArcPoints | null {
  const cached = arcPointsCache.get(arcs);
  if (cached !== undefined) return cached;
  const base = new Int32Array(arcs.length + 1);
  let n = 0;
  for (let a = 0; a < arcs.length; a++) {
    base[a] = n;
    n += (arcs[a] as Position[]).length;
  }
  base[arcs.length] = n;
  const xy = new Float64Array(2 * n);
  let k = 0;
  let finite = true;
  for (const arc of arcs) {
    for (const p of arc) {
      const x = p[0];
      const y = p[1];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        finite = false;
        break;
      }
      xy[k++] = x + 0; // -0 is 0, as in the text "0"
      xy[k++] = y + 0;
    }
    if (!finite) break;
  }
  const result = finite ? { ids: pointIds(xy, n), base, at: new Int32Array(n).fill(-1) } : null;
  arcPointsCache.set(arcs, result);
  return result;
}

/**
 * {@link splitSelfTouching} on point ids (`ids[offset + i]` is the id of `ring[i]`), with `at` a
 * table by id that is all -1 before and after: the same pieces, without a text key per point, and
 * without copying a ring that passes no point twice (the common case: the ring itself, closed on its
 * first position, is returned — the caller owns it).
 */
function splitSelfTouchingIds(
  ring: Position[],
  ids: Int32Array,
  offset: number,
  at: Int32Array,
): Position[][] {
  const last = ring.length - 1;
  let repeated = false;
  let marked = 0;
  for (; marked < last; marked++) {
    const id = ids[offset + marked] as number;
    if ((at[id] as number) >= 0) {
      repeated = true;
      break;
    }
    at[id] = marked;
  }
  for (let i = 0; i < marked; i++) at[ids[offset + i] as number] = -1;
  if (!repeated) {
    if (last < 3) return [];
    ring[last] = ring[0] as Position;
    return [ring];
  }
  const out: Position[][] = [];
  const path: Position[] = [];
  const pathIds: number[] = [];
  for (let i = 0; i < last; i++) {
    const id = ids[offset + i] as number;
    const seen = at[id] as number;
    if (seen >= 0) {
      const loop = path.splice(seen);
      for (const q of pathIds.splice(seen)) at[q] = -1;
      if (loop.length >= 3) out.push([...loop, loop[0] as Position]);
    }
    at[id] = path.length;
    path.push(ring[i] as Position);
    pathIds.push(id);
  }
  for (const q of pathIds) at[q] = -1;
  if (path.length >= 3) out.push([...path, path[0] as Position]);
  return out;
}

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
export function assemblePolygons(
  rings: Position[][],
  points?: { ids: Int32Array; offsets: readonly number[]; at: Int32Array },
): Position[][][] {
  const exteriors: Array<{ ring: Position[]; area: number }> = [];
  const holes: Position[][] = [];
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r] as Position[];
    const pieces = points
      ? splitSelfTouchingIds(ring, points.ids, points.offsets[r] as number, points.at)
      : splitSelfTouching(ring);
    for (const piece of pieces) {
      const area = ringSphericalArea(piece);
      if (area > 0) exteriors.push({ ring: piece, area });
      else if (area < 0) holes.push(piece);
    }
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
  // points are compared by id when every coordinate is a finite number, else by their text
  const points = arcPoints(arcs);
  const ids = points?.ids;
  const base = points?.base;
  const startKey = (a: number): number | string =>
    ids && base ? (ids[a < 0 ? (base[~a + 1] as number) - 1 : (base[a] as number)] as number) : key(start(a));
  const endKey = (a: number): number | string =>
    ids && base ? (ids[a < 0 ? (base[~a] as number) : (base[a + 1] as number) - 1] as number) : key(end(a));
  for (const members of groups.values()) {
    const outer: number[] = [];
    for (const pi of members)
      for (const ring of polygons[pi] as number[][])
        for (const a of ring) if ((count[a < 0 ? ~a : a] as number) < 2) outer.push(a);
    // stitch: arcs by start point
    const byStart = new Map<number | string, number[]>();
    for (const a of outer) {
      const k = startKey(a);
      const l = byStart.get(k);
      if (l) l.push(a);
      else byStart.set(k, [a]);
    }
    const used = new Set<number>();
    const rings: Position[][] = [];
    const ringOffsets: number[] = [];
    let used0 = 0; // ids of the rings of this group, one after the other in ringIdBuffer
    for (const first of outer) {
      if (used.has(first)) continue;
      const ring: Position[] = [];
      const offset = used0;
      let a: number | undefined = first;
      const firstKey = startKey(first);
      while (a !== undefined && !used.has(a)) {
        used.add(a);
        const arc = a < 0 ? ~a : a;
        const pts = arcs[arc] as Position[];
        const b = base ? (base[arc] as number) : 0;
        if (a < 0)
          for (let i = pts.length - 1 - (ring.length ? 1 : 0); i >= 0; i--) {
            ring.push(pts[i] as Position);
            if (ids) pushId(used0++, ids[b + i] as number);
          }
        else
          for (let i = ring.length ? 1 : 0; i < pts.length; i++) {
            ring.push(pts[i] as Position);
            if (ids) pushId(used0++, ids[b + i] as number);
          }
        const k = endKey(a);
        if (k === firstKey) break;
        const next: number[] | undefined = byStart.get(k);
        a = next?.find((x) => !used.has(x));
      }
      if (ring.length >= 4) {
        rings.push(ring);
        ringOffsets.push(offset);
      }
    }
    const idsOfRings = points ? { ids: ringIdBuffer, offsets: ringOffsets, at: points.at } : undefined;
    for (const polygon of assemblePolygons(rings, idsOfRings)) out.push(polygon);
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
