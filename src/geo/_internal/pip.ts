import Flatbush from 'flatbush';
import type { CommuneFeature } from '../types.js';
import { polygonsOf } from './rings.js';

/** Packed rings of many features, for fast point-in-polygon. */
export interface PackedPolygons {
  /** x,y interleaved, every ring closed (last = first). */
  coords: Float64Array;
  /** ringStart[r] .. ringStart[r+1]: positions (not numbers) of ring r. */
  ringStart: Uint32Array;
  /** ring bboxes, 4 numbers each. */
  ringBox: Float64Array;
  /** featRing[f] .. featRing[f+1]: rings of feature f. */
  featRing: Uint32Array;
  index: Flatbush;
  /** ringBand[r]: index in `bandList` of the segment index of ring r, or -1 (few edges). */
  ringBand: Int32Array;
  /** Segment indexes of the rings with many edges, see {@link RingBands}. */
  bandList: RingBands[];
}

/**
 * A segment index of one large ring: its y-range cut into horizontal bands, each listing the edges
 * whose y-range meets it. A point only tests the edges of its band, so a ring of millions of
 * positions answers in about √n edges, and the index costs about one 32-bit entry per edge.
 */
export interface RingBands {
  y0: number;
  /** bands per degree */
  sy: number;
  count: number;
  /** bandStart[b] .. bandStart[b+1]: entries of band b in `edges`. */
  bandStart: Uint32Array;
  /** Position index of the first point of each edge (the edge goes to the next position). */
  edges: Uint32Array;
}

/** Rings with at least this many edges get a segment index. */
export const BANDED_RING_EDGES = 1024;

function buildBands(coords: Float64Array, first: number, end: number, y0: number, y1: number): RingBands {
  const edgesCount = end - first - 1;
  const count = Math.max(1, Math.ceil(Math.sqrt(edgesCount)));
  const sy = count / Math.max(y1 - y0, 1e-12);
  const band = (y: number): number => Math.min(count - 1, Math.max(0, Math.floor((y - y0) * sy)));
  const sizes = new Uint32Array(count + 1);
  for (let k = first; k < end - 1; k++) {
    const a = band(coords[2 * k + 1] as number);
    const b = band(coords[2 * k + 3] as number);
    for (let i = Math.min(a, b); i <= Math.max(a, b); i++) sizes[i + 1] = (sizes[i + 1] as number) + 1;
  }
  const bandStart = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) bandStart[i + 1] = (bandStart[i] as number) + (sizes[i + 1] as number);
  const edges = new Uint32Array(bandStart[count] as number);
  const fill = bandStart.slice(0, count);
  for (let k = first; k < end - 1; k++) {
    const a = band(coords[2 * k + 1] as number);
    const b = band(coords[2 * k + 3] as number);
    for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
      edges[fill[i] as number] = k;
      fill[i] = (fill[i] as number) + 1;
    }
  }
  return { y0, sy, count, bandStart, edges };
}

export const OUTSIDE = 0;
export const INSIDE = 1;
export const BOUNDARY = 2;

export function packPolygons(features: readonly CommuneFeature[]): PackedPolygons {
  let nPos = 0;
  let nRings = 0;
  for (const f of features)
    for (const poly of polygonsOf(f.geometry))
      for (const ring of poly) {
        nPos += ring.length;
        nRings++;
      }
  const coords = new Float64Array(nPos * 2);
  const ringStart = new Uint32Array(nRings + 1);
  const ringBox = new Float64Array(nRings * 4);
  const featRing = new Uint32Array(features.length + 1);
  const index = new Flatbush(Math.max(1, features.length), 8);
  let p = 0;
  let r = 0;
  features.forEach((f, fi) => {
    featRing[fi] = r;
    let fx0 = Infinity;
    let fy0 = Infinity;
    let fx1 = -Infinity;
    let fy1 = -Infinity;
    for (const poly of polygonsOf(f.geometry)) {
      for (const ring of poly) {
        ringStart[r] = p;
        let x0 = Infinity;
        let y0 = Infinity;
        let x1 = -Infinity;
        let y1 = -Infinity;
        for (const pos of ring) {
          const x = pos[0] as number;
          const y = pos[1] as number;
          coords[2 * p] = x;
          coords[2 * p + 1] = y;
          p++;
          if (x < x0) x0 = x;
          if (x > x1) x1 = x;
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
        ringBox[4 * r] = x0;
        ringBox[4 * r + 1] = y0;
        ringBox[4 * r + 2] = x1;
        ringBox[4 * r + 3] = y1;
        if (x0 < fx0) fx0 = x0;
        if (y0 < fy0) fy0 = y0;
        if (x1 > fx1) fx1 = x1;
        if (y1 > fy1) fy1 = y1;
        r++;
      }
    }
    index.add(fx0, fy0, fx1, fy1);
  });
  featRing[features.length] = r;
  ringStart[nRings] = p;
  if (features.length === 0) index.add(1, 1, 0, 0);
  index.finish();
  const ringBand = new Int32Array(nRings).fill(-1);
  const bandList: RingBands[] = [];
  for (let ring = 0; ring < nRings; ring++) {
    const first = ringStart[ring] as number;
    const end = ringStart[ring + 1] as number;
    if (end - first - 1 >= BANDED_RING_EDGES) {
      ringBand[ring] = bandList.length;
      bandList.push(
        buildBands(coords, first, end, ringBox[4 * ring + 1] as number, ringBox[4 * ring + 3] as number),
      );
    }
  }
  return { coords, ringStart, ringBox, featRing, index, ringBand, bandList };
}

/**
 * Robust crossing-number test of a point against all rings of feature `f` (even-odd rule, so
 * holes and multipolygons work): OUTSIDE, INSIDE, or BOUNDARY when the point is on an edge or vertex.
 */
export function pointInFeature(pk: PackedPolygons, f: number, x: number, y: number): number {
  const coords = pk.coords;
  const ringStart = pk.ringStart;
  const ringBox = pk.ringBox;
  const featRing = pk.featRing;
  const ringBand = pk.ringBand;
  let inside = false;
  for (let r = featRing[f] as number, rEnd = featRing[f + 1] as number; r < rEnd; r++) {
    const b = 4 * r;
    if (
      x < (ringBox[b] as number) ||
      y < (ringBox[b + 1] as number) ||
      x > (ringBox[b + 2] as number) ||
      y > (ringBox[b + 3] as number)
    )
      continue;
    const banded = ringBand[r] as number;
    if (banded >= 0) {
      const at = pointInBands(coords, pk.bandList[banded] as RingBands, x, y);
      if (at === BOUNDARY) return BOUNDARY;
      if (at === INSIDE) inside = !inside;
      continue;
    }
    const end = 2 * (ringStart[r + 1] as number) - 2;
    let xi = coords[2 * (ringStart[r] as number)] as number;
    let yi = coords[2 * (ringStart[r] as number) + 1] as number;
    for (let k = 2 * (ringStart[r] as number) + 2; k <= end; k += 2) {
      const xj = coords[k] as number;
      const yj = coords[k + 1] as number;
      if (yi > y !== yj > y) {
        const t = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);
        if (t === 0) return BOUNDARY;
        if (t > 0 === yj > yi) inside = !inside;
      } else if (yi === y && (xi === x || (yj === y && (x - xi) * (x - xj) <= 0))) {
        return BOUNDARY;
      }
      xi = xj;
      yi = yj;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}

/** The crossing-number test of {@link pointInFeature} on one banded ring: only the edges of the point's band. */
function pointInBands(coords: Float64Array, bands: RingBands, x: number, y: number): number {
  const b = Math.min(bands.count - 1, Math.max(0, Math.floor((y - bands.y0) * bands.sy)));
  let inside = false;
  for (let e = bands.bandStart[b] as number, end = bands.bandStart[b + 1] as number; e < end; e++) {
    const k = 2 * (bands.edges[e] as number);
    const xi = coords[k] as number;
    const yi = coords[k + 1] as number;
    const xj = coords[k + 2] as number;
    const yj = coords[k + 3] as number;
    if (yi > y !== yj > y) {
      const t = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);
      if (t === 0) return BOUNDARY;
      if (t > 0 === yj > yi) inside = !inside;
    } else if (yi === y && (xi === x || (yj === y && (x - xi) * (x - xj) <= 0))) {
      return BOUNDARY;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}

/** The lowest feature index whose rings contain or touch the point, or -1 (flatbush + crossing number). */
export function locateIndexSlow(pk: PackedPolygons, x: number, y: number): number {
  const hits = pk.index.search(x, y, x, y);
  let best = -1;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i] as number;
    if (best !== -1 && h > best) continue;
    if (pointInFeature(pk, h, x, y) !== OUTSIDE) best = h;
  }
  return best;
}

/**
 * A uniform grid accelerating {@link locateIndexSlow}: a cell crossed by no edge (with a small
 * safety margin) lies wholly inside one feature or outside all, and answers at once; other cells
 * list the features having an edge in them, in index order.
 */
export interface LocatorGrid {
  x0: number;
  y0: number;
  /** cells per degree */
  sx: number;
  sy: number;
  nx: number;
  ny: number;
  /** ≥ 0: feature index; -1: outside; -2: mixed (see cellStart/cellFeat). */
  cell: Int32Array;
  cellStart: Uint32Array;
  cellFeat: Uint32Array;
  /**
   * Row strips: the edges of feature f whose y-range (with the margin) meets grid row j are
   * `stripEdges[stripStart[p] .. stripStart[p + 1]]` (position index of each edge's first point),
   * p = `stripBase[f] + j - rowMin[f]`. A horizontal ray from a point of row j only crosses edges
   * of that row, so the crossing-number test of a mixed cell reads a handful of edges per feature.
   */
  rowMin: Int32Array;
  stripBase: Uint32Array;
  stripStart: Uint32Array;
  stripEdges: Uint32Array;
  /**
   * Mixed cells where no listed feature holds the point: the answer is the same for the whole
   * cell (a feature with no edge in the cell covers all of it or none), so it is found once, on
   * first use (-3: not yet known).
   */
  fallback: Int32Array;
}

export function buildGrid(pk: PackedPolygons, cellsPerPosition = 2): LocatorGrid {
  const { coords, ringStart, featRing } = pk;
  const nFeat = featRing.length - 1;
  const nPos = coords.length / 2;
  const { minX, minY, maxX, maxY } = pk.index;
  const w = Math.max(maxX - minX, 1e-9);
  const h = Math.max(maxY - minY, 1e-9);
  const target = Math.max(1, Math.min(4_000_000, nPos * cellsPerPosition));
  const size = Math.sqrt((w * h) / target);
  const nx = Math.max(1, Math.ceil(w / size));
  const ny = Math.max(1, Math.ceil(h / size));
  const sx = nx / w;
  const sy = ny / h;
  const eps = Math.max(w, h) * 1e-9;
  const nCells = nx * ny;
  const count = new Uint32Array(nCells + 1);
  const last = new Int32Array(nCells).fill(-1);
  const visit = (
    fill: boolean,
    start: Uint32Array | undefined,
    out: Uint32Array | undefined,
    pos: Uint32Array | undefined,
  ): void => {
    for (let f = 0; f < nFeat; f++) {
      for (let r = featRing[f] as number; r < (featRing[f + 1] as number); r++) {
        for (let k = ringStart[r] as number; k < (ringStart[r + 1] as number) - 1; k++) {
          const ax = coords[2 * k] as number;
          const ay = coords[2 * k + 1] as number;
          const bx = coords[2 * k + 2] as number;
          const by = coords[2 * k + 3] as number;
          const i0 = Math.max(0, Math.floor((Math.min(ax, bx) - eps - minX) * sx));
          const i1 = Math.min(nx - 1, Math.floor((Math.max(ax, bx) + eps - minX) * sx));
          const j0 = Math.max(0, Math.floor((Math.min(ay, by) - eps - minY) * sy));
          const j1 = Math.min(ny - 1, Math.floor((Math.max(ay, by) + eps - minY) * sy));
          for (let j = j0; j <= j1; j++) {
            for (let i = i0; i <= i1; i++) {
              const c = j * nx + i;
              if (last[c] === f) continue;
              last[c] = f;
              if (!fill) (count[c] as number)++;
              else {
                (out as Uint32Array)[(pos as Uint32Array)[c] as number] = f;
                (pos as Uint32Array)[c] = ((pos as Uint32Array)[c] as number) + 1;
              }
            }
          }
        }
      }
    }
    void start;
  };
  visit(false, undefined, undefined, undefined);
  const cellStart = new Uint32Array(nCells + 1);
  for (let c = 0; c < nCells; c++) cellStart[c + 1] = (cellStart[c] as number) + (count[c] as number);
  const cellFeat = new Uint32Array(cellStart[nCells] as number);
  const pos = cellStart.slice(0, nCells);
  last.fill(-1);
  visit(true, cellStart, cellFeat, pos);
  // cells crossed by no edge: 4-connected regions of them lie wholly inside one feature or outside
  // all (an edge along a shared side is listed in both cells), so one point test per region
  const UNSET = -3;
  const cell = new Int32Array(nCells).fill(UNSET);
  for (let c = 0; c < nCells; c++) if ((cellStart[c + 1] as number) > (cellStart[c] as number)) cell[c] = -2;
  const queue = new Int32Array(nCells);
  for (let c0 = 0; c0 < nCells; c0++) {
    if (cell[c0] !== UNSET) continue;
    const value = locateIndexSlow(pk, minX + ((c0 % nx) + 0.5) / sx, minY + (Math.floor(c0 / nx) + 0.5) / sy);
    let head = 0;
    let tail = 0;
    queue[tail++] = c0;
    cell[c0] = value;
    while (head < tail) {
      const c = queue[head++] as number;
      const i = c % nx;
      if (i > 0 && cell[c - 1] === UNSET) {
        cell[c - 1] = value;
        queue[tail++] = c - 1;
      }
      if (i < nx - 1 && cell[c + 1] === UNSET) {
        cell[c + 1] = value;
        queue[tail++] = c + 1;
      }
      if (c >= nx && cell[c - nx] === UNSET) {
        cell[c - nx] = value;
        queue[tail++] = c - nx;
      }
      if (c + nx < nCells && cell[c + nx] === UNSET) {
        cell[c + nx] = value;
        queue[tail++] = c + nx;
      }
    }
  }
  // row strips, in three passes over the edges: rows spanned per feature, edges per strip, fill
  const rowMin = new Int32Array(nFeat);
  const stripBase = new Uint32Array(nFeat + 1);
  const rowOf = (value: number): number => Math.floor((value - minY) * sy);
  for (let f = 0; f < nFeat; f++) {
    let low = ny;
    let high = -1;
    for (let r = featRing[f] as number; r < (featRing[f + 1] as number); r++) {
      for (let k = ringStart[r] as number; k < (ringStart[r + 1] as number); k++) {
        const y = coords[2 * k + 1] as number;
        const jLow = Math.max(0, rowOf(y - eps));
        const jHigh = Math.min(ny - 1, rowOf(y + eps));
        if (jLow < low) low = jLow;
        if (jHigh > high) high = jHigh;
      }
    }
    if (high < low) high = low - 1;
    rowMin[f] = low;
    stripBase[f + 1] = (stripBase[f] as number) + (high - low + 1);
  }
  const nStrips = stripBase[nFeat] as number;
  const stripCount = new Uint32Array(nStrips + 1);
  const eachEdgeStrip = (visitEdge: (strip: number, edge: number) => void): void => {
    for (let f = 0; f < nFeat; f++) {
      const base = (stripBase[f] as number) - (rowMin[f] as number);
      for (let r = featRing[f] as number; r < (featRing[f + 1] as number); r++) {
        for (let k = ringStart[r] as number; k < (ringStart[r + 1] as number) - 1; k++) {
          const ay = coords[2 * k + 1] as number;
          const by = coords[2 * k + 3] as number;
          const j0 = Math.max(0, rowOf(Math.min(ay, by) - eps));
          const j1 = Math.min(ny - 1, rowOf(Math.max(ay, by) + eps));
          for (let j = j0; j <= j1; j++) visitEdge(base + j, k);
        }
      }
    }
  };
  eachEdgeStrip((strip) => {
    stripCount[strip + 1] = (stripCount[strip + 1] as number) + 1;
  });
  const stripStart = new Uint32Array(nStrips + 1);
  for (let p = 0; p < nStrips; p++)
    stripStart[p + 1] = (stripStart[p] as number) + (stripCount[p + 1] as number);
  const stripEdges = new Uint32Array(stripStart[nStrips] as number);
  const stripFill = stripStart.slice(0, nStrips);
  eachEdgeStrip((strip, edge) => {
    stripEdges[stripFill[strip] as number] = edge;
    stripFill[strip] = (stripFill[strip] as number) + 1;
  });
  const fallback = new Int32Array(nCells).fill(-3);
  return {
    x0: minX,
    y0: minY,
    sx,
    sy,
    nx,
    ny,
    cell,
    cellStart,
    cellFeat,
    rowMin,
    stripBase,
    stripStart,
    stripEdges,
    fallback,
  };
}

/**
 * The crossing-number test of {@link pointInFeature} for feature `f` on the edges of its strip of
 * grid row `row` only (the same answer: the other edges cannot meet the horizontal line of the point).
 */
function pointInStrip(
  coords: Float64Array,
  g: LocatorGrid,
  f: number,
  row: number,
  x: number,
  y: number,
): number {
  const strip = (g.stripBase[f] as number) + row - (g.rowMin[f] as number);
  let inside = false;
  for (let e = g.stripStart[strip] as number, end = g.stripStart[strip + 1] as number; e < end; e++) {
    const k = 2 * (g.stripEdges[e] as number);
    const xi = coords[k] as number;
    const yi = coords[k + 1] as number;
    const xj = coords[k + 2] as number;
    const yj = coords[k + 3] as number;
    if (yi > y !== yj > y) {
      const t = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);
      if (t === 0) return BOUNDARY;
      if (t > 0 === yj > yi) inside = !inside;
    } else if (yi === y && (xi === x || (yj === y && (x - xi) * (x - xj) <= 0))) {
      return BOUNDARY;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}

/** The lowest feature index whose rings contain or touch the point, or -1 (grid, then crossing number). */
export function locateIndex(pk: PackedPolygons, g: LocatorGrid, x: number, y: number): number {
  let i = Math.floor((x - g.x0) * g.sx);
  let j = Math.floor((y - g.y0) * g.sy);
  if (!(i >= 0 && j >= 0 && i <= g.nx && j <= g.ny)) return -1;
  if (i === g.nx) i--;
  if (j === g.ny) j--;
  const c = j * g.nx + i;
  const v = g.cell[c] as number;
  if (v !== -2) return v;
  const coords = pk.coords;
  for (let k = g.cellStart[c] as number, end = g.cellStart[c + 1] as number; k < end; k++) {
    const f = g.cellFeat[k] as number;
    if (pointInStrip(coords, g, f, j, x, y) !== OUTSIDE) return f;
  }
  // a feature with no edge in this cell may still cover the point (around an enclave): it then
  // covers the whole cell, so the answer is found once per cell
  let known = g.fallback[c] as number;
  if (known === -3) {
    known = locateIndexSlow(pk, x, y);
    g.fallback[c] = known;
  }
  return known;
}
