import type { Position } from 'geojson';
import type { CommuneGeometryObject, CommuneTopoJSON } from '../CommuneTopology.js';
import type { CommuneFeature } from '../types.js';

/**
 * A typed-array TopoJSON builder for polygon contours that gives exactly what topojson-server's
 * `topology(objects)` gives without quantization (same arcs, in the same order, rotated the same
 * way, holding the same position objects; the same geometry objects, keys in the same order), in
 * one pass over the coordinates instead of topojson-server's hash maps of point arrays:
 *
 * 1. every position gets a point id (the index of its first equal position, through one hash table
 *    on the coordinate bits);
 * 2. junctions: a point whose neighbours differ between two rings through it (topojson's `join`);
 * 3. rings are rotated to start at their first junction and cut at the others (topojson's `cut`);
 * 4. equal fragments, forward or reversed, become one arc (topojson's `dedup`), compared on point ids.
 *
 * Returns `null` when the input is not what this builder handles (a ring of fewer than 4 positions,
 * an open ring, a coordinate that is not a finite number): the caller then uses topojson-server.
 * `features` must already be in code order.
 */
export function buildArcTopology(features: readonly CommuneFeature[]): CommuneTopoJSON | null {
  // --- sizes, and the cases handed back to topojson-server ---
  let n = 0;
  let ringCount = 0;
  for (const f of features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates))
      return null;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
    for (const polygon of polygons) {
      if (!Array.isArray(polygon)) return null;
      for (const ring of polygon as unknown[]) {
        if (!Array.isArray(ring) || ring.length < 4) return null;
        n += ring.length;
        ringCount++;
      }
    }
  }

  // --- 1. positions in typed arrays, point ids through a hash table on their bits ---
  // src[k]: the position (index in its ring, plus ringStart) now at k; rings are only rotated
  const src = new Int32Array(n);
  const ringArrays: Position[][] = new Array(ringCount);
  const xy = new Float64Array(2 * n);
  const ringStart = new Int32Array(ringCount + 1);
  let k = 0;
  let r = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const f of features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const polygon of polygons)
      for (const ring of polygon) {
        ringArrays[r] = ring;
        ringStart[r++] = k;
        for (let i = 0; i < ring.length; i++) {
          const p = ring[i] as Position;
          const x = p[0];
          const y = p[1];
          if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
            return null;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
          src[k] = k;
          // -0 is stored as 0 so that equal coordinates (===) have equal bits
          xy[2 * k] = x + 0;
          xy[2 * k + 1] = y + 0;
          k++;
        }
        const first = ring[0] as Position;
        const last = ring[ring.length - 1] as Position;
        if (first[0] !== last[0] || first[1] !== last[1]) return null;
      }
  }
  ringStart[ringCount] = n;
  const ids = pointIds(xy, n);

  // --- 2. junctions (topojson-server's join, on rings only) ---
  const visited = new Int32Array(n).fill(-1);
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  const junction = new Uint8Array(n);
  const sequence = (ring: number, previous: number, current: number, next: number): void => {
    if (visited[current] === ring) return; // a ring through the same point twice
    visited[current] = ring;
    const l = left[current] as number;
    if (l >= 0) {
      const rr = right[current] as number;
      if ((l !== previous || rr !== next) && (l !== next || rr !== previous)) junction[current] = 1;
    } else {
      left[current] = previous;
      right[current] = next;
    }
  };
  for (let ring = 0; ring < ringCount; ring++) {
    const start = ringStart[ring] as number;
    const end = (ringStart[ring + 1] as number) - 1;
    let previous = ids[end - 1] as number;
    let current = ids[start] as number;
    let next = ids[start + 1] as number;
    sequence(ring, previous, current, next);
    for (let i = start + 2; i <= end; i++) {
      previous = current;
      current = next;
      next = ids[i] as number;
      sequence(ring, previous, current, next);
    }
  }

  // --- 3. rotate each ring to its first junction, cut at the others (topojson-server's cut) ---
  // fragments [fragStart, fragEnd] (inclusive), those of ring r from ringFrag[r] to ringFrag[r + 1]
  let fragStart = new Int32Array(ringCount + 16);
  let fragEnd = new Int32Array(ringCount + 16);
  let fragRing = new Int32Array(ringCount + 16);
  let fragCount = 0;
  const ringFrag = new Int32Array(ringCount + 1);
  const addFragment = (ring: number, start: number, end: number): void => {
    if (fragCount === fragStart.length) {
      const grownStart = new Int32Array(2 * fragStart.length);
      grownStart.set(fragStart);
      fragStart = grownStart;
      const grownEnd = new Int32Array(2 * fragEnd.length);
      grownEnd.set(fragEnd);
      fragEnd = grownEnd;
      const grownRing = new Int32Array(2 * fragRing.length);
      grownRing.set(fragRing);
      fragRing = grownRing;
    }
    fragRing[fragCount] = ring;
    fragStart[fragCount] = start;
    fragEnd[fragCount] = end;
    fragCount++;
  };
  for (let ring = 0; ring < ringCount; ring++) {
    ringFrag[ring] = fragCount;
    const start = ringStart[ring] as number;
    const end = (ringStart[ring + 1] as number) - 1;
    let fixed = junction[ids[start] as number] === 1;
    let from = start;
    for (let mid = start + 1; mid < end; mid++) {
      if (junction[ids[mid] as number] !== 1) continue;
      if (fixed) {
        addFragment(ring, from, mid);
        from = mid;
      } else {
        rotate(src, xy, ids, start, end, mid);
        fixed = true;
        mid = start; // restart: junctions before `mid` are now after it
      }
    }
    addFragment(ring, from, end);
  }
  ringFrag[ringCount] = fragCount;

  // --- 4. dedup: equal fragments (forward or reversed) become one arc (topojson-server's dedup) ---
  // unique arcs by end point id: a linked list per point id, in insertion order
  const head = new Int32Array(n).fill(-1);
  const tail = new Int32Array(n).fill(-1);
  let nodeArc = new Int32Array(2 * fragCount + 1);
  let nodeNext = new Int32Array(2 * fragCount + 1);
  let nodes = 0;
  const append = (point: number, arc: number): void => {
    if (nodes === nodeArc.length) {
      const a = new Int32Array(2 * nodes);
      a.set(nodeArc);
      nodeArc = a;
      const b = new Int32Array(2 * nodes);
      b.set(nodeNext);
      nodeNext = b;
    }
    nodeArc[nodes] = arc;
    nodeNext[nodes] = -1;
    if (head[point] === -1) head[point] = nodes;
    else nodeNext[tail[point] as number] = nodes;
    tail[point] = nodes;
    nodes++;
  };
  // unique arcs: fragment indices; each fragment's arc and direction (~arc when reversed)
  const arcFragment: number[] = [];
  const fragArc = new Int32Array(fragCount);
  const minimumOffset = new Int32Array(fragCount).fill(-1);
  const minOffset = (f: number): number => {
    let m = minimumOffset[f] as number;
    if (m >= 0) return m;
    const start = fragStart[f] as number;
    const end = fragEnd[f] as number;
    let minimum = start;
    let mx = xy[2 * start] as number;
    let my = xy[2 * start + 1] as number;
    for (let i = start + 1; i < end; i++) {
      const x = xy[2 * i] as number;
      const y = xy[2 * i + 1] as number;
      if (x < mx || (x === mx && y < my)) {
        minimum = i;
        mx = x;
        my = y;
      }
    }
    m = minimum - start;
    minimumOffset[f] = m;
    return m;
  };
  const equalLine = (a: number, b: number): boolean => {
    let ia = fragStart[a] as number;
    const ja = fragEnd[a] as number;
    let ib = fragStart[b] as number;
    if (ja - ia !== (fragEnd[b] as number) - ib) return false;
    for (; ia <= ja; ia++, ib++) if (ids[ia] !== ids[ib]) return false;
    return true;
  };
  const reverseEqualLine = (a: number, b: number): boolean => {
    let ia = fragStart[a] as number;
    const ja = fragEnd[a] as number;
    let jb = fragEnd[b] as number;
    if (ja - ia !== jb - (fragStart[b] as number)) return false;
    for (; ia <= ja; ia++, jb--) if (ids[ia] !== ids[jb]) return false;
    return true;
  };
  const equalRing = (a: number, b: number): boolean => {
    const ia = fragStart[a] as number;
    const ib = fragStart[b] as number;
    const m = (fragEnd[a] as number) - ia;
    if (m !== (fragEnd[b] as number) - ib) return false;
    const ka = minOffset(a);
    const kb = minOffset(b);
    for (let i = 0; i < m; i++) if (ids[ia + ((i + ka) % m)] !== ids[ib + ((i + kb) % m)]) return false;
    return true;
  };
  const reverseEqualRing = (a: number, b: number): boolean => {
    const ia = fragStart[a] as number;
    const ib = fragStart[b] as number;
    const jb = fragEnd[b] as number;
    const m = (fragEnd[a] as number) - ia;
    if (m !== jb - ib) return false;
    const ka = minOffset(a);
    const kb = m - minOffset(b);
    for (let i = 0; i < m; i++) if (ids[ia + ((i + ka) % m)] !== ids[jb - ((i + kb) % m)]) return false;
    return true;
  };
  const newArc = (f: number): number => {
    const arc = arcFragment.length;
    arcFragment.push(f);
    return arc;
  };
  const dedupLine = (f: number): void => {
    const startPoint = ids[fragStart[f] as number] as number;
    const endPoint = ids[fragEnd[f] as number] as number;
    for (let node = head[startPoint] as number; node !== -1; node = nodeNext[node] as number) {
      const arc = nodeArc[node] as number;
      if (equalLine(arcFragment[arc] as number, f)) {
        fragArc[f] = arc;
        return;
      }
    }
    for (let node = head[endPoint] as number; node !== -1; node = nodeNext[node] as number) {
      const arc = nodeArc[node] as number;
      if (reverseEqualLine(arcFragment[arc] as number, f)) {
        fragArc[f] = ~arc;
        return;
      }
    }
    const arc = newArc(f);
    append(startPoint, arc);
    if (endPoint !== startPoint) append(endPoint, arc);
    fragArc[f] = arc;
  };
  const findRing = (point: number, f: number): boolean => {
    for (let node = head[point] as number; node !== -1; node = nodeNext[node] as number) {
      const arc = nodeArc[node] as number;
      const other = arcFragment[arc] as number;
      if (equalRing(other, f)) {
        fragArc[f] = arc;
        return true;
      }
      if (reverseEqualRing(other, f)) {
        fragArc[f] = ~arc;
        return true;
      }
    }
    return false;
  };
  const dedupRing = (f: number): void => {
    if (findRing(ids[fragStart[f] as number] as number, f)) return;
    const minimumPoint = ids[(fragStart[f] as number) + minOffset(f)] as number;
    if (findRing(minimumPoint, f)) return;
    const arc = newArc(f);
    append(minimumPoint, arc);
    fragArc[f] = arc;
  };
  for (let ring = 0; ring < ringCount; ring++) {
    const first = ringFrag[ring] as number;
    const last = ringFrag[ring + 1] as number;
    if (last - first > 1) for (let f = first; f < last; f++) dedupLine(f);
    else dedupRing(first);
  }

  // --- output: topojson-server's shape ---
  const arcs: Position[][] = arcFragment.map((f) => {
    const r = fragRing[f] as number;
    const positions = ringArrays[r] as Position[];
    const first = ringStart[r] as number;
    const start = fragStart[f] as number;
    const arc: Position[] = new Array((fragEnd[f] as number) - start + 1);
    for (let i = 0; i < arc.length; i++) arc[i] = positions[(src[start + i] as number) - first] as Position;
    return arc;
  });
  let ring = 0;
  const ringArcs = (): number[] => {
    const out: number[] = [];
    for (let f = ringFrag[ring] as number; f < (ringFrag[ring + 1] as number); f++)
      out.push(fragArc[f] as number);
    ring++;
    return out;
  };
  const geometries = features.map((f): CommuneGeometryObject => {
    const g = f.geometry;
    const o: Record<string, unknown> = {
      type: g.type,
      arcs: g.type === 'Polygon' ? g.coordinates.map(ringArcs) : g.coordinates.map((p) => p.map(ringArcs)),
    };
    if (g.bbox != null) o.bbox = g.bbox;
    o.id = f.properties.code;
    o.properties = { code: f.properties.code, name: f.properties.name };
    return o as unknown as CommuneGeometryObject;
  });
  return {
    type: 'Topology',
    objects: { communes: { type: 'GeometryCollection', geometries } },
    arcs,
    bbox: x1 >= x0 && y1 >= y0 ? [x0, y0, x1, y1] : undefined,
  } as unknown as CommuneTopoJSON;
}

/** For every position, the index of the first position with equal coordinates (one hash table). */
export function pointIds(xy: Float64Array, n: number): Int32Array {
  const bits = new Uint32Array(xy.buffer, xy.byteOffset, 4 * n);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i] as number;
    const y = xy[2 * i + 1] as number;
    let h = Math.imul((bits[4 * i] as number) ^ Math.imul(bits[4 * i + 1] as number, 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 15) ^ (bits[4 * i + 2] as number), 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 13) ^ Math.imul(bits[4 * i + 3] as number, 0x27d4eb2f), 0x165667b1);
    h ^= h >>> 16;
    let slot = h & mask;
    for (;;) {
      const j = table[slot] as number;
      if (j === -1) {
        table[slot] = i;
        ids[i] = i;
        break;
      }
      if (xy[2 * j] === x && xy[2 * j + 1] === y) {
        ids[i] = j;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return ids;
}

/**
 * Rotates positions [start, end) of a closed ring so that `mid` comes first, and closes it again
 * (position `end` = position `start`), as topojson-server's cut does (three reversals).
 */
function rotate(
  src: Int32Array,
  xy: Float64Array,
  ids: Int32Array,
  start: number,
  end: number,
  mid: number,
): void {
  const offset = end - mid;
  const reverse = (a: number, b: number): void => {
    for (let i = a, j = b - 1; i < j; i++, j--) {
      const p = src[i] as number;
      src[i] = src[j] as number;
      src[j] = p;
      const id = ids[i] as number;
      ids[i] = ids[j] as number;
      ids[j] = id;
      const x = xy[2 * i] as number;
      const y = xy[2 * i + 1] as number;
      xy[2 * i] = xy[2 * j] as number;
      xy[2 * i + 1] = xy[2 * j + 1] as number;
      xy[2 * j] = x;
      xy[2 * j + 1] = y;
    }
  };
  reverse(start, end);
  reverse(start, start + offset);
  reverse(start + offset, end);
  src[end] = src[start] as number;
  ids[end] = ids[start] as number;
  xy[2 * end] = xy[2 * start] as number;
  xy[2 * end + 1] = xy[2 * start + 1] as number;
}
