/** The overlap and self-intersection checks as they were before the typed-array rewrite (bcb1d8a): the reference of test/geo/checks-equivalence.test.ts. */
import type { MultiPolygon, Position } from 'geojson';
import { intersection } from 'polyclip-ts';
import { BOUNDARY, INSIDE, packPolygons, pointInFeature } from '../../../src/geo/_internal/pip.js';
import { polygonSphericalArea, polygonsOf, ringSphericalArea } from '../../../src/geo/_internal/rings.js';
import type { CommuneGeometryObject, CommuneTopoJSON } from '../../../src/geo/CommuneTopology.js';
import type { CommuneFeature } from '../../../src/geo/types.js';
import { mergeGeometries } from './merge.js';

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

/** A vertex where the ring goes back along its incoming edge (repeated points skipped), or -1. */
function findSpike(ring: readonly Position[]): number {
  // the distinct consecutive positions, as x, y and index (one typed array, no object per point)
  const points = new Float64Array(3 * Math.max(0, ring.length - 1));
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
    if (dot < 0 && Math.abs(cross) <= 1e-10 * Math.hypot(ux, uy) * Math.hypot(vx, vy))
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

/**
 * The first crossing between two non-adjacent edges of a feature's rings (a self-intersection,
 * within a ring or between rings), as `[x, y]` near the crossing, or `null`. Sweep on x.
 */
export function findSelfIntersection(
  polygons: readonly (readonly (readonly Position[])[])[],
): Position | null {
  const segments: Array<{
    x0: number;
    x1: number;
    ring: number;
    index: number;
    size: number;
    a: Position;
    b: Position;
  }> = [];
  let ringId = 0;
  for (const polygon of polygons)
    for (const ring of polygon) {
      const size = ring.length - 1;
      for (let i = 0; i < size; i++) {
        const a = ring[i] as Position;
        const b = ring[i + 1] as Position;
        if (a[0] === b[0] && a[1] === b[1]) continue;
        segments.push({
          x0: Math.min(a[0] as number, b[0] as number),
          x1: Math.max(a[0] as number, b[0] as number),
          ring: ringId,
          index: i,
          size,
          a,
          b,
        });
      }
      ringId++;
    }
  segments.sort((s, t) => s.x0 - t.x0);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as (typeof segments)[number];
    for (let j = i + 1; j < segments.length; j++) {
      const t = segments[j] as (typeof segments)[number];
      if (t.x0 > s.x1) break;
      if (s.ring === t.ring) {
        const gap = Math.abs(s.index - t.index);
        if (gap <= 1 || gap === s.size - 1) continue; // adjacent edges share a vertex
      }
      const sy0 = Math.min(s.a[1] as number, s.b[1] as number);
      const sy1 = Math.max(s.a[1] as number, s.b[1] as number);
      const ty0 = Math.min(t.a[1] as number, t.b[1] as number);
      const ty1 = Math.max(t.a[1] as number, t.b[1] as number);
      if (ty0 > sy1 || sy0 > ty1) continue;
      if (
        segmentsCross(
          s.a[0] as number,
          s.a[1] as number,
          s.b[0] as number,
          s.b[1] as number,
          t.a[0] as number,
          t.a[1] as number,
          t.b[0] as number,
          t.b[1] as number,
        )
      )
        return [((s.a[0] as number) + (s.b[0] as number)) / 2, ((s.a[1] as number) + (s.b[1] as number)) / 2];
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
  // every edge, canonically oriented (lexicographically smaller end first): equal edges meet
  let count = 0;
  for (const f of features)
    for (const polygon of polygonsOf(f.geometry)) for (const ring of polygon) count += ring.length - 1;
  const ends = new Float64Array(count * 4);
  const reversed = new Uint8Array(count);
  const owner = new Int32Array(count);
  let e = 0;
  features.forEach((f, fi) => {
    for (const polygon of polygonsOf(f.geometry))
      for (const ring of polygon)
        for (let k = 0; k < ring.length - 1; k++) {
          const a = ring[k] as Position;
          const b = ring[k + 1] as Position;
          const ax = a[0] as number;
          const ay = a[1] as number;
          const bx = b[0] as number;
          const by = b[1] as number;
          const flip = ax > bx || (ax === bx && ay > by);
          ends[4 * e] = (flip ? bx : ax) + 0;
          ends[4 * e + 1] = (flip ? by : ay) + 0;
          ends[4 * e + 2] = (flip ? ax : bx) + 0;
          ends[4 * e + 3] = (flip ? ay : by) + 0;
          reversed[e] = flip ? 1 : 0;
          owner[e] = fi;
          e++;
        }
  });
  // equal edges grouped through a hash table on their four coordinates (an edge list per group,
  // in edge order); -0 is written as 0 above, so equal coordinates have equal bits
  const bits = new Uint32Array(ends.buffer);
  let slots = 1;
  while (slots < 2 * count) slots *= 2;
  const mask = slots - 1;
  const slotHead = new Int32Array(slots).fill(-1);
  const groupTail = new Int32Array(slots);
  const nextInGroup = new Int32Array(count).fill(-1);
  const sameEdge = (p: number, q: number): boolean =>
    ends[4 * p] === ends[4 * q] &&
    ends[4 * p + 1] === ends[4 * q + 1] &&
    ends[4 * p + 2] === ends[4 * q + 2] &&
    ends[4 * p + 3] === ends[4 * q + 3];
  for (let edge = 0; edge < count; edge++) {
    let hash = 0x9e3779b9;
    for (let word = 8 * edge; word < 8 * edge + 8; word++) {
      hash = Math.imul(hash ^ (bits[word] as number), 0x85ebca6b);
      hash ^= hash >>> 13;
    }
    let slot = hash & mask;
    for (;;) {
      const head = slotHead[slot] as number;
      if (head === -1) {
        slotHead[slot] = edge;
        groupTail[slot] = edge;
        break;
      }
      if (sameEdge(head, edge)) {
        nextInGroup[groupTail[slot] as number] = edge;
        groupTail[slot] = edge;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const unshared: Array<[number, number, number]> = [];
  for (let slot = 0; slot < slots; slot++) {
    const head = slotHead[slot] as number;
    if (head === -1) continue;
    let forward = -1;
    let backward = -1;
    for (let edge = head; edge !== -1; edge = nextInGroup[edge] as number) {
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
      unshared.push([
        owner[head] as number,
        ((ends[4 * head] as number) + (ends[4 * head + 2] as number)) / 2,
        ((ends[4 * head + 1] as number) + (ends[4 * head + 3] as number)) / 2,
      ]);
    }
  }
  const packed = packPolygons(features);
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
