import type { MultiPolygon, Position } from 'geojson';
import { intersection } from 'polyclip-ts';
import type { CommuneGeometryObject, CommuneTopoJSON } from '../CommuneTopology.js';
import type { CommuneFeature } from '../types.js';
import { pointIds } from './arcs.js';
import { mergeGeometries } from './merge.js';
import { BOUNDARY, INSIDE, packPolygons, pointInFeature } from './pip.js';
import { polygonSphericalArea, polygonsOf, ringSphericalArea } from './rings.js';

const EARTH_RADIUS_M = 6371007.2;
const KM2_PER_STERADIAN = (EARTH_RADIUS_M * EARTH_RADIUS_M) / 1e6;
const RADIANS = Math.PI / 180;

/** Ring shape problems: zero area, a spike (the ring turns back on itself), a sliver. */
export interface RingShape {
  /** Planar area relative to the squared bbox diagonal below 1e-12 (a collinear ring). */
  zeroArea: boolean;
  /** Index of a vertex where the ring reverses along the same line, or -1. */
  spike: number;
  /** Area in km² (spherical) and mean width in metres (2 × area / perimeter). */
  areaKm2: number;
  widthM: number;
  /** 4πA/P²: 1 for a disc, below 1e-3 for a sliver. */
  compactness: number;
  /** The signed spherical area in steradians ({@link ringSphericalArea}: positive = counterclockwise). */
  signedSteradians: number;
}

/** The shape of a closed ring of at least 4 positions. */
export function ringShape(ring: readonly Position[]): RingShape {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let planar = 0;
  let perimeterM = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const ax = a[0] as number;
    const ay = a[1] as number;
    const bx = b[0] as number;
    const by = b[1] as number;
    planar += ax * by - bx * ay;
    if (ax < x0) x0 = ax;
    if (ax > x1) x1 = ax;
    if (ay < y0) y0 = ay;
    if (ay > y1) y1 = ay;
    const dx = (bx - ax) * Math.cos(((ay + by) / 2) * RADIANS);
    const dy = by - ay;
    perimeterM += Math.sqrt(dx * dx + dy * dy) * RADIANS * EARTH_RADIUS_M;
  }
  const diagonal2 = (x1 - x0) ** 2 + (y1 - y0) ** 2;
  const zeroArea = diagonal2 === 0 || Math.abs(planar / 2) / diagonal2 < 1e-12;
  const signedSteradians = ringSphericalArea(ring);
  const areaKm2 = Math.abs(signedSteradians) * KM2_PER_STERADIAN;
  const areaM2 = areaKm2 * 1e6;
  return {
    zeroArea,
    spike: findSpike(ring),
    areaKm2,
    widthM: perimeterM > 0 ? (2 * areaM2) / perimeterM : 0,
    compactness: perimeterM > 0 ? (4 * Math.PI * areaM2) / (perimeterM * perimeterM) : 0,
    signedSteradians,
  };
}

let spikeScratch = new Float64Array(3 * 1024);

/** A vertex where the ring goes back along its incoming edge (repeated points skipped), or -1. */
function findSpike(ring: readonly Position[]): number {
  // the distinct consecutive positions, as x, y and index (one scratch typed array, no object per point)
  const needed = 3 * Math.max(0, ring.length - 1);
  if (spikeScratch.length < needed)
    spikeScratch = new Float64Array(Math.max(needed, 2 * spikeScratch.length));
  const points = spikeScratch;
  let n = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const p = ring[i] as Position;
    const x = p[0] as number;
    const y = p[1] as number;
    if (n > 0 && points[3 * n - 3] === x && points[3 * n - 2] === y) continue;
    points[3 * n] = x;
    points[3 * n + 1] = y;
    points[3 * n + 2] = i;
    n++;
  }
  if (n < 3) return n > 0 ? 0 : -1;
  for (let i = 0; i < n; i++) {
    const before = 3 * ((i + n - 1) % n);
    const at = 3 * i;
    const after = 3 * ((i + 1) % n);
    const ux = (points[at] as number) - (points[before] as number);
    const uy = (points[at + 1] as number) - (points[before + 1] as number);
    const vx = (points[after] as number) - (points[at] as number);
    const vy = (points[after + 1] as number) - (points[at + 1] as number);
    const cross = ux * vy - uy * vx;
    const dot = ux * vx + uy * vy;
    // |cross| ≤ 1e-10 |u| |v|, squared (no Math.hypot call per vertex: degrees never overflow)
    if (dot < 0 && cross * cross <= 1e-20 * (ux * ux + uy * uy) * (vx * vx + vy * vy))
      return points[at + 2] as number;
  }
  return -1;
}

/** Whether segments ab and cd cross at a point interior to both, or overlap along a length. */
function segmentsCross(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): boolean {
  const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
  const d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
  const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  const d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // collinear: overlap of positive length?
    const horizontal = Math.abs(bx - ax) >= Math.abs(by - ay);
    const [p0, p1] = horizontal ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
    const [q0, q1] = horizontal ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
    return Math.min(p1, q1) - Math.max(p0, q0) > 0;
  }
  return false;
}

/** Scratch arrays of {@link findSelfIntersection}, grown as needed (never shrunk). */
let sweep = {
  coords: new Float64Array(0), // ax, ay, bx, by per segment
  meta: new Int32Array(0), // ring, index, size per segment
  x0: new Float64Array(0),
  x1: new Float64Array(0),
  order: new Uint32Array(0),
  spare: new Uint32Array(0),
};

/**
 * Indices `0…count-1` sorted by `x0` (ties in index order): a stable bottom-up merge sort, with
 * insertion sort on short runs, on the scratch arrays (no comparator callback).
 */
function sortByKey(s: typeof sweep, count: number): Uint32Array {
  const key = s.x0;
  let from = s.order;
  let to = s.spare;
  for (let i = 0; i < count; i++) from[i] = i;
  const RUN = 16;
  for (let lo = 0; lo < count; lo += RUN) {
    const hi = Math.min(lo + RUN, count);
    for (let i = lo + 1; i < hi; i++) {
      const v = from[i] as number;
      const kv = key[v] as number;
      let j = i - 1;
      while (j >= lo && (key[from[j] as number] as number) > kv) {
        from[j + 1] = from[j] as number;
        j--;
      }
      from[j + 1] = v;
    }
  }
  for (let width = RUN; width < count; width *= 2) {
    for (let lo = 0; lo < count; lo += 2 * width) {
      const mid = Math.min(lo + width, count);
      const hi = Math.min(lo + 2 * width, count);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = from[i] as number;
        const b = from[j] as number;
        if ((key[b] as number) < (key[a] as number)) {
          to[k++] = b;
          j++;
        } else {
          to[k++] = a;
          i++;
        }
      }
      while (i < mid) to[k++] = from[i++] as number;
      while (j < hi) to[k++] = from[j++] as number;
    }
    const t = from;
    from = to;
    to = t;
  }
  return from.subarray(0, count);
}

/**
 * The first crossing between two non-adjacent edges of a feature's rings (a self-intersection,
 * within a ring or between rings), as `[x, y]` near the crossing, or `null`. Sweep on x (segments
 * in typed arrays, sorted by their smallest x, ties in ring order).
 */
export function findSelfIntersection(
  polygons: readonly (readonly (readonly Position[])[])[],
): Position | null {
  let total = 0;
  for (const polygon of polygons) for (const ring of polygon) total += Math.max(0, ring.length - 1);
  if (sweep.x0.length < total) {
    const size = Math.max(total, 2 * sweep.x0.length);
    sweep = {
      coords: new Float64Array(4 * size),
      meta: new Int32Array(3 * size),
      x0: new Float64Array(size),
      x1: new Float64Array(size),
      order: new Uint32Array(size),
      spare: new Uint32Array(size),
    };
  }
  const { coords, meta, x0, x1 } = sweep;
  let count = 0;
  let ringId = 0;
  for (const polygon of polygons)
    for (const ring of polygon) {
      const size = ring.length - 1;
      for (let i = 0; i < size; i++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        const ax = a[0] as number;
        const ay = a[1] as number;
        const bx = b[0] as number;
        const by = b[1] as number;
        if (ax === bx && ay === by) continue;
        coords[4 * count] = ax;
        coords[4 * count + 1] = ay;
        coords[4 * count + 2] = bx;
        coords[4 * count + 3] = by;
        meta[3 * count] = ringId;
        meta[3 * count + 1] = i;
        meta[3 * count + 2] = size;
        x0[count] = Math.min(ax, bx);
        x1[count] = Math.max(ax, bx);
        count++;
      }
      ringId++;
    }
  const order = sortByKey(sweep, count);
  for (let oi = 0; oi < count; oi++) {
    const s = order[oi] as number;
    const sEnd = x1[s] as number;
    const sRing = meta[3 * s] as number;
    const sIndex = meta[3 * s + 1] as number;
    const sSize = meta[3 * s + 2] as number;
    const sax = coords[4 * s] as number;
    const say = coords[4 * s + 1] as number;
    const sbx = coords[4 * s + 2] as number;
    const sby = coords[4 * s + 3] as number;
    const sy0 = Math.min(say, sby);
    const sy1 = Math.max(say, sby);
    for (let oj = oi + 1; oj < count; oj++) {
      const t = order[oj] as number;
      if ((x0[t] as number) > sEnd) break;
      if (meta[3 * t] === sRing) {
        const gap = Math.abs(sIndex - (meta[3 * t + 1] as number));
        if (gap <= 1 || gap === sSize - 1) continue; // adjacent edges share a vertex
      }
      const tay = coords[4 * t + 1] as number;
      const tby = coords[4 * t + 3] as number;
      if (Math.min(tay, tby) > sy1 || sy0 > Math.max(tay, tby)) continue;
      if (segmentsCross(sax, say, sbx, sby, coords[4 * t] as number, tay, coords[4 * t + 2] as number, tby))
        return [(sax + sbx) / 2, (say + sby) / 2];
    }
  }
  return null;
}

/** France's extents (lon/lat, with a margin): metropolitan France and Corsica, then overseas communes. */
export const FRANCE_EXTENTS: ReadonlyArray<readonly [number, number, number, number]> = [
  [-6, 41, 10, 51.6], // metropolitan France, Corsica
  [-62, 15.6, -60.7, 16.8], // Guadeloupe
  [-61.4, 14.2, -60.6, 15], // Martinique
  [-55, 1.9, -51, 6], // Guyane
  [54.9, -21.6, 56.1, -20.6], // La Réunion
  [44.8, -13.2, 45.5, -12.4], // Mayotte
  [-56.6, 46.6, -55.9, 47.3], // Saint-Pierre-et-Miquelon
  [-63.3, 17.7, -62.6, 18.3], // Saint-Barthélemy, Saint-Martin
];

const within = (box: readonly number[], extent: readonly number[]): boolean =>
  (box[0] as number) >= (extent[0] as number) &&
  (box[1] as number) >= (extent[1] as number) &&
  (box[2] as number) <= (extent[2] as number) &&
  (box[3] as number) <= (extent[3] as number);

/**
 * Whether a feature's bbox `[minX, minY, maxX, maxY]` lies in France, and if not the likely cause:
 * `swapped` (lat/lon order), `radians`, or `outside` (somewhere else, or another projection).
 */
export function extentCause(
  box: readonly [number, number, number, number],
): 'ok' | 'swapped' | 'radians' | 'outside' {
  if (FRANCE_EXTENTS.some((e) => within(box, e))) return 'ok';
  const swapped = [box[1], box[0], box[3], box[2]];
  if (FRANCE_EXTENTS.some((e) => within(swapped, e))) return 'swapped';
  const degrees = box.map((v) => v / RADIANS);
  if (FRANCE_EXTENTS.some((e) => within(degrees, e))) return 'radians';
  return 'outside';
}

/** The likely projection of coordinates outside lon/lat ranges, for messages. */
export function projectedHintText(x: number, y: number): { fr: string; en: string } {
  if (x >= -400_000 && x <= 1_400_000 && y >= 6_000_000 && y <= 7_200_000)
    return {
      fr: 'mètres projetés, sans doute Lambert-93 (`EPSG:2154`)',
      en: 'projected metres, likely Lambert-93 (EPSG:2154)',
    };
  if (Math.abs(x) <= 20_037_509 && Math.abs(y) <= 20_048_967)
    return {
      fr: 'mètres projetés (par exemple Web Mercator `EPSG:3857`)',
      en: 'projected metres (e.g. Web Mercator EPSG:3857)',
    };
  return { fr: 'autre chose que des degrés', en: 'not degrees' };
}

/** Two features whose interiors overlap, with the area of their intersection. */
export interface Overlap {
  first: number;
  second: number;
  areaKm2: number;
}

/**
 * Pairs of features whose interiors overlap by more than `toleranceKm2`. Candidates: an edge used
 * by two features in the same direction (their interiors on the same side: a commune and its
 * delegated communes, a duplicate), an edge of one feature whose midpoint lies strictly inside
 * another, or a feature whose label point lies inside another; the intersection area of each
 * candidate pair is then computed (polyclip-ts) and compared with the tolerance.
 */
export function findOverlaps(features: readonly CommuneFeature[], toleranceKm2: number): Overlap[] {
  const candidates = new Set<string>();
  const pair = (i: number, j: number): void => {
    if (i !== j) candidates.add(i < j ? `${i},${j}` : `${j},${i}`);
  };
  // every position packed once (the point-in-polygon index below reads the same arrays); equal
  // positions get one point id, so an edge is a pair of ids: equal edges have equal pairs, and an
  // edge runs forward when its first id is the smaller
  const packed = packPolygons(features);
  const { coords, ringStart, featRing } = packed;
  const ringCount = ringStart.length - 1;
  const positions = ringStart[ringCount] as number;
  const xy = new Float64Array(2 * positions);
  for (let i = 0; i < 2 * positions; i++) xy[i] = (coords[i] as number) + 0; // -0 is 0
  const ids = pointIds(xy, positions);
  const count = Math.max(0, positions - ringCount);
  const low = new Int32Array(count);
  const high = new Int32Array(count);
  const reversed = new Uint8Array(count);
  const owner = new Int32Array(count);
  const at = new Int32Array(count); // the edge's first position
  let e = 0;
  for (let fi = 0; fi < features.length; fi++)
    for (let r = featRing[fi] as number; r < (featRing[fi + 1] as number); r++)
      for (let k = ringStart[r] as number; k < (ringStart[r + 1] as number) - 1; k++) {
        const a = ids[k] as number;
        const b = ids[k + 1] as number;
        low[e] = Math.min(a, b);
        high[e] = Math.max(a, b);
        reversed[e] = a > b ? 1 : 0;
        owner[e] = fi;
        at[e] = k;
        e++;
      }
  // equal edges grouped by their smaller id (counting sort: a bucket per id, edges in edge order),
  // then by their larger id within the bucket (buckets hold a few edges; a long one is sorted)
  const bucketStart = new Int32Array(positions + 1);
  for (let edge = 0; edge < count; edge++)
    bucketStart[(low[edge] as number) + 1] = (bucketStart[(low[edge] as number) + 1] as number) + 1;
  for (let id = 0; id < positions; id++)
    bucketStart[id + 1] = (bucketStart[id + 1] as number) + (bucketStart[id] as number);
  const byLow = new Int32Array(count);
  const fill = bucketStart.slice(0, positions);
  for (let edge = 0; edge < count; edge++) {
    const lo = low[edge] as number;
    byLow[fill[lo] as number] = edge;
    fill[lo] = (fill[lo] as number) + 1;
  }
  const grouped = new Uint8Array(count); // by place in byLow
  const unshared: Array<[number, number, number]> = [];
  for (let id = 0; id < positions; id++) {
    const begin = bucketStart[id] as number;
    const end = bucketStart[id + 1] as number;
    // many edges from one point (a hostile star): sorted by their other id, ties in edge order, so
    // that a group is a run and the bucket is not scanned once per group
    const sorted = end - begin > 32;
    if (sorted)
      byLow.set(
        Array.from(byLow.subarray(begin, end)).sort(
          (a, b) => (high[a] as number) - (high[b] as number) || a - b,
        ),
        begin,
      );
    for (let place = begin; place < end; place++) {
      if (grouped[place]) continue;
      // the group of byLow[place]: the edges of the bucket with the same larger id, in edge order
      const hi = high[byLow[place] as number] as number;
      let forward = -1;
      let backward = -1;
      for (let other = place; other < end; other++) {
        const edge = byLow[other] as number;
        if (high[edge] !== hi) {
          if (sorted) break;
          continue;
        }
        grouped[other] = 1;
        const fi = owner[edge] as number;
        if (reversed[edge]) {
          if (backward >= 0 && backward !== fi) pair(backward, fi);
          backward = fi;
        } else {
          if (forward >= 0 && forward !== fi) pair(forward, fi);
          forward = fi;
        }
      }
      if (forward < 0 || backward < 0) {
        // used on one side only: the outer boundary, or a border not shared exactly
        const edge = byLow[place] as number;
        const k = at[edge] as number;
        unshared.push([
          owner[edge] as number,
          ((xy[2 * k] as number) + (xy[2 * k + 2] as number)) / 2,
          ((xy[2 * k + 1] as number) + (xy[2 * k + 3] as number)) / 2,
        ]);
      }
    }
  }
  for (const [fi, x, y] of unshared)
    for (const other of packed.index.search(x, y, x, y))
      if (other !== fi && pointInFeature(packed, other, x, y) === INSIDE) pair(fi, other);
  // a feature inside another without any edge crossing it: its label point
  features.forEach((f, fi) => {
    const first = polygonsOf(f.geometry)[0]?.[0];
    if (!first) return;
    const probe = interiorProbe(first);
    if (!probe) return;
    for (const other of packed.index.search(probe[0], probe[1], probe[0], probe[1]))
      if (other !== fi) {
        const where = pointInFeature(packed, other, probe[0], probe[1]);
        if (where === INSIDE || where === BOUNDARY) pair(fi, other);
      }
  });
  const out: Overlap[] = [];
  for (const key of candidates) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    const a = features[i] as CommuneFeature;
    const b = features[j] as CommuneFeature;
    let areaKm2: number;
    try {
      const shared = intersection(
        polygonsOf(a.geometry) as never,
        polygonsOf(b.geometry) as never,
      ) as Position[][][];
      areaKm2 = shared.reduce((s, p) => s + polygonSphericalArea(p), 0) * KM2_PER_STERADIAN;
    } catch {
      areaKm2 = Number.POSITIVE_INFINITY; // clipping failed: report rather than pass
    }
    if (areaKm2 > toleranceKm2) out.push({ first: i, second: j, areaKm2 });
  }
  return out.sort((p, q) => p.first - q.first || p.second - q.second);
}

/** A point strictly inside a ring's area near its first vertex (centroid of an ear), or null. */
function interiorProbe(ring: readonly Position[]): [number, number] | null {
  const n = ring.length - 1;
  for (let k = 0; k < n; k++) {
    const a = ring[(k + n - 1) % n] as Position;
    const b = ring[k] as Position;
    const c = ring[(k + 1) % n] as Position;
    const cross =
      ((b[0] as number) - (a[0] as number)) * ((c[1] as number) - (b[1] as number)) -
      ((b[1] as number) - (a[1] as number)) * ((c[0] as number) - (b[0] as number));
    if (cross <= 0) continue; // a convex vertex of a counterclockwise ring
    const x = ((a[0] as number) + (b[0] as number) + (c[0] as number)) / 3;
    const y = ((a[1] as number) + (b[1] as number) + (c[1] as number)) / 3;
    if (insideRing(x, y, ring)) return [x, y];
  }
  return null;
}

function insideRing(x: number, y: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    if ((a[1] as number) > y !== (b[1] as number) > y) {
      const xi =
        (((b[0] as number) - (a[0] as number)) * (y - (a[1] as number))) /
          ((b[1] as number) - (a[1] as number)) +
        (a[0] as number);
      if (x < xi) inside = !inside;
    }
  }
  return inside;
}

/** Holes of the union of all features (areas enclosed by features but covered by none). */
export function findGaps(
  topology: CommuneTopoJSON,
  geometries: readonly CommuneGeometryObject[],
): Array<{ areaKm2: number; at: Position }> {
  const merged: MultiPolygon = mergeGeometries(topology, geometries);
  const out: Array<{ areaKm2: number; at: Position }> = [];
  for (const polygon of merged.coordinates)
    for (const hole of polygon.slice(1))
      out.push({ areaKm2: Math.abs(ringSphericalArea(hole)) * KM2_PER_STERADIAN, at: hole[0] as Position });
  return out;
}
