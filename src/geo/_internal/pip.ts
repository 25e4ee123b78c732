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
 * A uniform grid accelerating {@link locateIndexSlow}. A cell crossed by no edge (with a small
 * safety margin) lies wholly inside one feature or outside all, and answers with one read of
 * `cell`. A mixed cell owns one contiguous block of `data` holding the positions of the edges
 * crossing it, so a point reads the grid and its cell's block, and nothing else (no second
 * indirection into the rings):
 *
 * - `[0]` the number of listed features, `[1]` the cover: the lowest feature having no edge in
 *   the cell that holds the reference point, hence the whole cell (-1: none; -3: not yet searched,
 *   see {@link buildGrid}'s `coverBudget`), `[2]` the chosen
 *   reference point (-1: not yet chosen, the cell is prepared on first use; -2: no candidate is
 *   clear of the cell's edges, the cell uses {@link locateIndexSlow}), `[3]`, `[4]` its x and y;
 * - then, per feature having an edge in the cell, in index order: the feature, whether the
 *   reference point is inside it (even-odd, -1 until the cell is prepared), the number of entries
 *   of its runs, and each run of consecutive edges crossing the cell as its number of positions
 *   `n` followed by the `n` positions (x, y), copied exactly from the rings; a run with the same
 *   positions as an earlier run of the block (a border between two listed features) is instead
 *   `-offset` of that run in the block, and takes the parity of its crossings (see `parity`).
 *
 * A point p of the cell is inside a feature when the reference point q is inside it XOR the segment
 * pq crosses its rings an odd number of times; pq lies in the cell, so only the edges listed there
 * can cross it. Any exact zero orientation (p on an edge or a vertex, pq through a vertex) falls
 * back to the robust crossing-number test of {@link locateIndexSlow}. The answer is the lowest
 * listed feature holding the point below the cover, else the cover: always that of
 * {@link locateIndexSlow}, overlaps included.
 */
export interface LocatorGrid {
  x0: number;
  y0: number;
  /** cells per degree */
  sx: number;
  sy: number;
  nx: number;
  ny: number;
  /** ≥ 0: feature index; -1: outside; ≤ -2: mixed, its block starts at `-2 - value` in `data`. */
  cell: Int32Array;
  data: Float64Array;
  /** A reference point closer than this to the line of an edge of its cell is not used. */
  tolerance: number;
  /** Scratch of {@link locateIndex}: the parity of the crossings of each inline run of the block at hand. */
  parity: Uint8Array;
}

/** Candidate reference points, as fractions of the cell (the centre, then golden-ratio points). */
export const REFERENCE_X = [0.5, 0.381966011250105, 0.618033988749895, 0.276393202250021];
export const REFERENCE_Y = [0.5, 0.618033988749895, 0.381966011250105, 0.723606797749979];
const NOT_CHOSEN = -1;
/** A cover not yet searched (when {@link fillCovers} was over its budget). */
const NOT_KNOWN = -3;
const UNSET = -3;
type GridFrame = Pick<LocatorGrid, 'x0' | 'y0' | 'sx' | 'sy' | 'nx' | 'ny'>;
const NO_REFERENCE = -2;
const CELL_HEADER = 5;
const FEATURE_HEADER = 3;

/**
 * Whether the line through `(ax, ay)` with direction `(ex, ey)` leaves the box `[cx0, cx1] × [cy0, cy1]`
 * strictly on one side (its four corners on the same side, none on the line). The boxes tested
 * are cells widened by a margin far above the rounding of these products, so an edge whose line
 * passes by a widened cell cannot touch the cell, nor a point assigned to it.
 */
function linePassesBy(
  ax: number,
  ay: number,
  ex: number,
  ey: number,
  cx0: number,
  cy0: number,
  cx1: number,
  cy1: number,
): boolean {
  const a = ex * (cy0 - ay) - ey * (cx0 - ax);
  const b = ex * (cy0 - ay) - ey * (cx1 - ax);
  const c = ex * (cy1 - ay) - ey * (cx0 - ax);
  const d = ex * (cy1 - ay) - ey * (cx1 - ax);
  return (a > 0 && b > 0 && c > 0 && d > 0) || (a < 0 && b < 0 && c < 0 && d < 0);
}

/**
 * The widening of a cell for {@link linePassesBy}: the grid's margin, a millionth of a cell, and
 * well above the rounding of coordinates of the grid's magnitude.
 */
function cellWidening(grid: GridFrame, margin: number): number {
  const magnitude = Math.max(
    Math.abs(grid.x0),
    Math.abs(grid.y0),
    Math.abs(grid.x0 + grid.nx / grid.sx),
    Math.abs(grid.y0 + grid.ny / grid.sy),
  );
  return Math.max(margin, 1e-6 / Math.min(grid.sx, grid.sy), magnitude * 1e-13);
}

/**
 * Calls `visit(cell, feature, edge)` for every edge of every feature and every grid cell its
 * bounding box (widened by `margin`) meets, except the cells its line passes by (see
 * {@link linePassesBy}), features in index order, edges in ring order.
 */
function forEachEdgeCell(
  pk: PackedPolygons,
  grid: GridFrame,
  margin: number,
  visit: (cellIndex: number, feature: number, edge: number) => void,
): void {
  const { coords, ringStart, featRing } = pk;
  const { x0, y0, sx, sy, nx, ny } = grid;
  const widening = cellWidening(grid, margin);
  const featureCount = featRing.length - 1;
  for (let feature = 0; feature < featureCount; feature++) {
    for (let ring = featRing[feature] as number; ring < (featRing[feature + 1] as number); ring++) {
      for (let edge = ringStart[ring] as number; edge < (ringStart[ring + 1] as number) - 1; edge++) {
        const ax = coords[2 * edge] as number;
        const ay = coords[2 * edge + 1] as number;
        const bx = coords[2 * edge + 2] as number;
        const by = coords[2 * edge + 3] as number;
        const column0 = Math.max(0, Math.floor((Math.min(ax, bx) - margin - x0) * sx));
        const column1 = Math.min(nx - 1, Math.floor((Math.max(ax, bx) + margin - x0) * sx));
        const row0 = Math.max(0, Math.floor((Math.min(ay, by) - margin - y0) * sy));
        const row1 = Math.min(ny - 1, Math.floor((Math.max(ay, by) + margin - y0) * sy));
        if (column0 === column1 || row0 === row1) {
          // one row or one column of cells: the edge meets each of them
          for (let row = row0; row <= row1; row++)
            for (let column = column0; column <= column1; column++) visit(row * nx + column, feature, edge);
          continue;
        }
        const ex = bx - ax;
        const ey = by - ay;
        for (let row = row0; row <= row1; row++) {
          const cy0 = y0 + row / sy - widening;
          const cy1 = y0 + (row + 1) / sy + widening;
          for (let column = column0; column <= column1; column++) {
            if (
              linePassesBy(
                ax,
                ay,
                ex,
                ey,
                x0 + column / sx - widening,
                cy0,
                x0 + (column + 1) / sx + widening,
                cy1,
              )
            )
              continue;
            visit(row * nx + column, feature, edge);
          }
        }
      }
    }
  }
}

/**
 * For every feature in index order, flood-fills the grid cells of its bounding box that none of
 * its edges meets: each 4-connected region of them is wholly inside the feature or wholly outside
 * (one point test per region). A cell inside gets the feature as its value (pure cell, `cell`) or
 * as its cover (mixed cell, `data`) when it has none yet, so the lowest feature wins. Returns
 * `false`, doing nothing, when the bounding boxes span more than `budget` cells in all.
 */
function fillCovers(
  pk: PackedPolygons,
  frame: GridFrame,
  margin: number,
  cell: Int32Array,
  data: Float64Array,
  budget: number,
): boolean {
  const { coords, ringStart, ringBox, featRing } = pk;
  const { x0, y0, sx, sy, nx, ny } = frame;
  const widening = cellWidening(frame, margin);
  const featureCount = featRing.length - 1;
  const range = new Int32Array(4 * featureCount);
  let spanned = 0;
  for (let feature = 0; feature < featureCount; feature++) {
    let low = Infinity;
    let bottom = Infinity;
    let high = -Infinity;
    let top = -Infinity;
    for (let ring = featRing[feature] as number; ring < (featRing[feature + 1] as number); ring++) {
      low = Math.min(low, ringBox[4 * ring] as number);
      bottom = Math.min(bottom, ringBox[4 * ring + 1] as number);
      high = Math.max(high, ringBox[4 * ring + 2] as number);
      top = Math.max(top, ringBox[4 * ring + 3] as number);
    }
    if (!(low <= high)) {
      range[4 * feature] = 0;
      range[4 * feature + 2] = -1;
      continue;
    }
    const column0 = Math.max(0, Math.floor((low - margin - x0) * sx));
    const column1 = Math.min(nx - 1, Math.floor((high + margin - x0) * sx));
    const row0 = Math.max(0, Math.floor((bottom - margin - y0) * sy));
    const row1 = Math.min(ny - 1, Math.floor((top + margin - y0) * sy));
    range.set([column0, row0, column1, row1], 4 * feature);
    spanned += Math.max(0, column1 - column0 + 1) * Math.max(0, row1 - row0 + 1);
    if (spanned > budget) return false;
  }
  let mask = new Uint8Array(0);
  let queue = new Int32Array(0);
  const EDGE = 1;
  const IN = 2;
  const OUT = 3;
  for (let feature = 0; feature < featureCount; feature++) {
    const column0 = range[4 * feature] as number;
    const row0 = range[4 * feature + 1] as number;
    const width = (range[4 * feature + 2] as number) - column0 + 1;
    const height = (range[4 * feature + 3] as number) - row0 + 1;
    if (width <= 0 || height <= 0) continue;
    const size = width * height;
    if (mask.length < size) {
      mask = new Uint8Array(size * 2);
      queue = new Int32Array(size * 2);
    }
    mask.fill(0, 0, size);
    // the cells its edges meet, exactly as in forEachEdgeCell
    for (let ring = featRing[feature] as number; ring < (featRing[feature + 1] as number); ring++) {
      for (let edge = ringStart[ring] as number; edge < (ringStart[ring + 1] as number) - 1; edge++) {
        const ax = coords[2 * edge] as number;
        const ay = coords[2 * edge + 1] as number;
        const bx = coords[2 * edge + 2] as number;
        const by = coords[2 * edge + 3] as number;
        const edgeColumn0 = Math.max(0, Math.floor((Math.min(ax, bx) - margin - x0) * sx));
        const edgeColumn1 = Math.min(nx - 1, Math.floor((Math.max(ax, bx) + margin - x0) * sx));
        const edgeRow0 = Math.max(0, Math.floor((Math.min(ay, by) - margin - y0) * sy));
        const edgeRow1 = Math.min(ny - 1, Math.floor((Math.max(ay, by) + margin - y0) * sy));
        const straight = edgeColumn0 === edgeColumn1 || edgeRow0 === edgeRow1;
        const ex = bx - ax;
        const ey = by - ay;
        for (let row = edgeRow0; row <= edgeRow1; row++) {
          const cy0 = y0 + row / sy - widening;
          const cy1 = y0 + (row + 1) / sy + widening;
          for (let column = edgeColumn0; column <= edgeColumn1; column++) {
            if (
              !straight &&
              linePassesBy(
                ax,
                ay,
                ex,
                ey,
                x0 + column / sx - widening,
                cy0,
                x0 + (column + 1) / sx + widening,
                cy1,
              )
            )
              continue;
            mask[(row - row0) * width + column - column0] = EDGE;
          }
        }
      }
    }
    for (let seed = 0; seed < size; seed++) {
      if (mask[seed] !== 0) continue;
      const seedX = x0 + (column0 + (seed % width) + 0.5) / sx;
      const seedY = y0 + (row0 + Math.floor(seed / width) + 0.5) / sy;
      const status = pointInFeature(pk, feature, seedX, seedY) === INSIDE ? IN : OUT;
      let head = 0;
      let tail = 0;
      queue[tail++] = seed;
      mask[seed] = status;
      while (head < tail) {
        const at = queue[head++] as number;
        const column = at % width;
        if (status === IN) {
          const cellIndex = (row0 + Math.floor(at / width)) * nx + column0 + column;
          const value = cell[cellIndex] as number;
          if (value === -1) cell[cellIndex] = feature;
          else if (value <= -2 && data[-2 - value + 1] === -1) data[-2 - value + 1] = feature;
        }
        if (column > 0 && mask[at - 1] === 0) {
          mask[at - 1] = status;
          queue[tail++] = at - 1;
        }
        if (column < width - 1 && mask[at + 1] === 0) {
          mask[at + 1] = status;
          queue[tail++] = at + 1;
        }
        if (at >= width && mask[at - width] === 0) {
          mask[at - width] = status;
          queue[tail++] = at - width;
        }
        if (at + width < size && mask[at + width] === 0) {
          mask[at + width] = status;
          queue[tail++] = at + width;
        }
      }
    }
  }
  return true;
}

/**
 * The grid-wide fallback of {@link fillCovers} for pure cells (`UNSET` in `cell`): 4-connected regions
 * of cells crossed by no edge lie wholly inside one feature or outside all (an edge along a shared side
 * is listed in both cells), so one point test per region.
 */
function floodPureCells(pk: PackedPolygons, frame: GridFrame, cell: Int32Array): void {
  const { x0, y0, sx, sy, nx } = frame;
  const cellCount = cell.length;
  const queue = new Int32Array(cellCount);
  for (let seedCell = 0; seedCell < cellCount; seedCell++) {
    if (cell[seedCell] !== UNSET) continue;
    const value = locateIndexSlow(
      pk,
      x0 + ((seedCell % nx) + 0.5) / sx,
      y0 + (Math.floor(seedCell / nx) + 0.5) / sy,
    );
    let head = 0;
    let tail = 0;
    queue[tail++] = seedCell;
    cell[seedCell] = value;
    while (head < tail) {
      const at = queue[head++] as number;
      const column = at % nx;
      if (column > 0 && cell[at - 1] === UNSET) {
        cell[at - 1] = value;
        queue[tail++] = at - 1;
      }
      if (column < nx - 1 && cell[at + 1] === UNSET) {
        cell[at + 1] = value;
        queue[tail++] = at + 1;
      }
      if (at >= nx && cell[at - nx] === UNSET) {
        cell[at - nx] = value;
        queue[tail++] = at - nx;
      }
      if (at + nx < cellCount && cell[at + nx] === UNSET) {
        cell[at + nx] = value;
        queue[tail++] = at + nx;
      }
    }
  }
}

/**
 * The offset in its block of an inline run of `inlineRuns` with the same `n` positions as the run
 * at `at` (in the same or the reverse order), or -1.
 */
function sameRun(
  data: Float64Array,
  block: number,
  inlineRuns: readonly number[],
  at: number,
  n: number,
): number {
  for (const offset of inlineRuns) {
    const other = block + offset;
    if (data[other] !== n) continue;
    let forward = true;
    for (let i = 1; i <= 2 * n && forward; i++) forward = data[other + i] === data[at + i];
    if (forward) return offset;
    let backward = true;
    for (let i = 0; i < n && backward; i++)
      backward =
        data[other + 1 + 2 * i] === data[at + 1 + 2 * (n - 1 - i)] &&
        data[other + 2 + 2 * i] === data[at + 2 + 2 * (n - 1 - i)];
    if (backward) return offset;
  }
  return -1;
}

/**
 * Builds the {@link LocatorGrid} of packed polygons.
 *
 * @param pk - The packed polygons.
 * @param cellsPerPosition - Grid cells per ring position (at most 4 million cells).
 * @param coverBudget - Covers are computed at build time when the features' bounding boxes span at
 *   most this many cells per grid cell (see {@link fillCovers}); otherwise pure cells are flood-filled
 *   and the covers of mixed cells are searched on first use.
 */
export function buildGrid(pk: PackedPolygons, cellsPerPosition = 2, coverBudget = 16): LocatorGrid {
  const positionCount = pk.coords.length / 2;
  const { coords } = pk;
  const { minX, minY, maxX, maxY } = pk.index;
  const width = Math.max(maxX - minX, 1e-9);
  const height = Math.max(maxY - minY, 1e-9);
  const target = Math.max(1, Math.min(4_000_000, positionCount * cellsPerPosition));
  const size = Math.sqrt((width * height) / target);
  const nx = Math.max(1, Math.ceil(width / size));
  const ny = Math.max(1, Math.ceil(height / size));
  const frame = { x0: minX, y0: minY, sx: nx / width, sy: ny / height, nx, ny };
  const margin = Math.max(width, height) * 1e-9;
  const cellCount = nx * ny;
  const lastFeature = new Int32Array(cellCount).fill(-1);
  const lastEdge = new Int32Array(cellCount).fill(-2);
  // pass 1: the length of each mixed cell's block
  const blockLength = new Uint32Array(cellCount);
  forEachEdgeCell(pk, frame, margin, (cellIndex, feature, edge) => {
    let grow = 0;
    if (lastFeature[cellIndex] !== feature) {
      lastFeature[cellIndex] = feature;
      grow = blockLength[cellIndex] === 0 ? CELL_HEADER + FEATURE_HEADER : FEATURE_HEADER;
    }
    // a new run: its count and both positions of the edge; a run going on: the edge's end
    grow += lastEdge[cellIndex] === edge - 1 ? 2 : 5;
    lastEdge[cellIndex] = edge;
    blockLength[cellIndex] = (blockLength[cellIndex] as number) + grow;
  });
  let total = 0;
  for (let cellIndex = 0; cellIndex < cellCount; cellIndex++) total += blockLength[cellIndex] as number;
  // a block's offset is stored as -2 - offset in the Int32Array `cell`
  if (total > 2 ** 31 - 3)
    throw new RangeError(`locator grid: ${total} block entries exceed an Int32 offset`);
  const blockStart = new Uint32Array(cellCount + 1);
  for (let cellIndex = 0; cellIndex < cellCount; cellIndex++)
    blockStart[cellIndex + 1] = (blockStart[cellIndex] as number) + (blockLength[cellIndex] as number);
  const data = new Float64Array(total);
  const writeAt = blockLength;
  for (let cellIndex = 0; cellIndex < cellCount; cellIndex++) {
    const block = blockStart[cellIndex] as number;
    if ((blockStart[cellIndex + 1] as number) === block) continue;
    data[block + 1] = -1;
    data[block + 2] = NOT_CHOSEN;
    writeAt[cellIndex] = block + CELL_HEADER;
  }
  // pass 2: fill the blocks (features in index order, runs of consecutive edges with their positions)
  const featureAt = new Uint32Array(cellCount);
  const runAt = new Uint32Array(cellCount);
  lastFeature.fill(-1);
  lastEdge.fill(-2);
  forEachEdgeCell(pk, frame, margin, (cellIndex, feature, edge) => {
    let write = writeAt[cellIndex] as number;
    if (lastFeature[cellIndex] !== feature) {
      lastFeature[cellIndex] = feature;
      const block = blockStart[cellIndex] as number;
      data[block] = (data[block] as number) + 1;
      data[write] = feature;
      data[write + 1] = -1;
      featureAt[cellIndex] = write;
      write += FEATURE_HEADER;
    }
    const entry = featureAt[cellIndex] as number;
    if (lastEdge[cellIndex] === edge - 1) {
      data[write] = coords[2 * edge + 2] as number;
      data[write + 1] = coords[2 * edge + 3] as number;
      write += 2;
      const run = runAt[cellIndex] as number;
      data[run] = (data[run] as number) + 1;
      data[entry + 2] = (data[entry + 2] as number) + 2;
    } else {
      runAt[cellIndex] = write;
      data[write] = 2;
      data[write + 1] = coords[2 * edge] as number;
      data[write + 2] = coords[2 * edge + 1] as number;
      data[write + 3] = coords[2 * edge + 2] as number;
      data[write + 4] = coords[2 * edge + 3] as number;
      write += 5;
      data[entry + 2] = (data[entry + 2] as number) + 5;
    }
    lastEdge[cellIndex] = edge;
    writeAt[cellIndex] = write;
  });
  // pass 3: a run equal to an earlier run of its cell (a border of two features, listed once for
  // each) becomes a reference to it, `-offset` of that run in the block: the same positions, so
  // the same crossings. Blocks only shrink, so they are compacted in place, in order.
  let write = 0;
  let longest = 0;
  const inlineRuns: number[] = [];
  for (let cellIndex = 0; cellIndex < cellCount; cellIndex++) {
    const start = blockStart[cellIndex] as number;
    const end = blockStart[cellIndex + 1] as number;
    blockStart[cellIndex] = write;
    if (end === start) continue;
    const block = write;
    data.copyWithin(write, start, start + CELL_HEADER);
    write += CELL_HEADER;
    let read = start + CELL_HEADER;
    const features = data[block] as number;
    inlineRuns.length = 0;
    for (let listed = 0; listed < features; listed++) {
      const entry = write;
      data[write] = data[read] as number;
      data[write + 1] = data[read + 1] as number;
      const featureEnd = read + FEATURE_HEADER + (data[read + 2] as number);
      read += FEATURE_HEADER;
      write += FEATURE_HEADER;
      while (read < featureEnd) {
        const n = data[read] as number;
        const match = sameRun(data, block, inlineRuns, read, n);
        if (match > 0) {
          data[write] = -match;
          write += 1;
        } else {
          inlineRuns.push(write - block);
          data.copyWithin(write, read, read + 1 + 2 * n);
          write += 1 + 2 * n;
        }
        read += 1 + 2 * n;
      }
      data[entry + 2] = write - entry - FEATURE_HEADER;
    }
    longest = Math.max(longest, write - block);
  }
  blockStart[cellCount] = write;
  const cell = new Int32Array(cellCount).fill(-1);
  for (let cellIndex = 0; cellIndex < cellCount; cellIndex++)
    if ((blockStart[cellIndex + 1] as number) > (blockStart[cellIndex] as number))
      cell[cellIndex] = -2 - (blockStart[cellIndex] as number);
  if (!fillCovers(pk, frame, margin, cell, data, coverBudget * cellCount + 65_536)) {
    for (let cellIndex = 0; cellIndex < cellCount; cellIndex++) {
      if ((cell[cellIndex] as number) <= -2) data[-2 - (cell[cellIndex] as number) + 1] = NOT_KNOWN;
      else cell[cellIndex] = UNSET;
    }
    floodPureCells(pk, frame, cell);
  }
  const magnitude = Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY), 1);
  return {
    ...frame,
    cell,
    data: data.subarray(0, write),
    tolerance: Math.max(size * 1e-6, magnitude * 1e-11),
    parity: new Uint8Array(longest),
  };
}

function referenceX(grid: LocatorGrid, column: number, choice: number): number {
  return grid.x0 + (column + (REFERENCE_X[choice] as number)) / grid.sx;
}

function referenceY(grid: LocatorGrid, row: number, choice: number): number {
  return grid.y0 + (row + (REFERENCE_Y[choice] as number)) / grid.sy;
}

/** The entry after the feature entry at `entry` of a block. */
function nextFeature(data: Float64Array, entry: number): number {
  return entry + FEATURE_HEADER + (data[entry + 2] as number);
}

/**
 * Chooses a mixed cell's reference point, the first candidate farther than the tolerance from the
 * line of every edge listed in the cell, records it and whether it is inside each listed feature;
 * when no candidate is clear, the cell is marked for {@link locateIndexSlow}.
 */
function prepareCell(
  pk: PackedPolygons,
  grid: LocatorGrid,
  block: number,
  column: number,
  row: number,
): void {
  const { data } = grid;
  const features = data[block] as number;
  const toleranceSquared = grid.tolerance * grid.tolerance;
  for (let choice = 0; choice < REFERENCE_X.length; choice++) {
    const qx = referenceX(grid, column, choice);
    const qy = referenceY(grid, row, choice);
    let clear = true;
    let entry = block + CELL_HEADER;
    for (let listed = 0; listed < features && clear; listed++) {
      const featureEnd = nextFeature(data, entry);
      entry += FEATURE_HEADER;
      while (entry < featureEnd && clear) {
        if ((data[entry] as number) < 0) {
          entry += 1; // the same positions as a run already checked
          continue;
        }
        const runEnd = entry + 1 + 2 * (data[entry] as number);
        for (let k = entry + 1; k + 2 < runEnd; k += 2) {
          const ax = data[k] as number;
          const ay = data[k + 1] as number;
          const ex = (data[k + 2] as number) - ax;
          const ey = (data[k + 3] as number) - ay;
          const lengthSquared = ex * ex + ey * ey;
          if (lengthSquared === 0) continue;
          const orientation = ex * (qy - ay) - ey * (qx - ax);
          if (orientation * orientation <= toleranceSquared * lengthSquared) {
            clear = false;
            break;
          }
        }
        entry = runEnd;
      }
    }
    if (!clear) continue;
    let onBoundary = false;
    entry = block + CELL_HEADER;
    for (let listed = 0; listed < features && !onBoundary; listed++) {
      const status = pointInFeature(pk, data[entry] as number, qx, qy);
      onBoundary = status === BOUNDARY;
      data[entry + 1] = status === INSIDE ? 1 : 0;
      entry = nextFeature(data, entry);
    }
    if (onBoundary) continue;
    if (data[block + 1] === NOT_KNOWN) {
      // a feature with no edge in the cell (around an enclave, or under an overlap) covers all of it or none
      const listedFeatures: number[] = [];
      entry = block + CELL_HEADER;
      for (let listed = 0; listed < features; listed++) {
        listedFeatures.push(data[entry] as number);
        entry = nextFeature(data, entry);
      }
      let cover = -1;
      for (const hit of pk.index.search(qx, qy, qx, qy)) {
        if (
          (cover === -1 || hit < cover) &&
          !listedFeatures.includes(hit) &&
          pointInFeature(pk, hit, qx, qy) !== OUTSIDE
        )
          cover = hit;
      }
      data[block + 1] = cover;
    }
    data[block + 3] = qx;
    data[block + 4] = qy;
    data[block + 2] = choice;
    return;
  }
  data[block + 2] = NO_REFERENCE;
}

/**
 * The answer of {@link locateIndex} in the mixed cell whose block starts at `block`: the segment
 * from the point to the cell's reference point against the positions listed in the block.
 */
function locateInBlock(
  pk: PackedPolygons,
  grid: LocatorGrid,
  block: number,
  column: number,
  row: number,
  x: number,
  y: number,
): number {
  const data = grid.data;
  let choice = (data[block + 2] as number) | 0;
  if (choice < 0) {
    if (choice === NOT_CHOSEN) {
      prepareCell(pk, grid, block, column, row);
      choice = (data[block + 2] as number) | 0;
    }
    if (choice === NO_REFERENCE) return locateIndexSlow(pk, x, y);
  }
  const qx = data[block + 3] as number;
  const qy = data[block + 4] as number;
  const parity = grid.parity;
  const dx = qx - x;
  const dy = qy - y;
  const features = (data[block] as number) | 0;
  const cover = (data[block + 1] as number) | 0;
  const last = cover === -1 ? 0x7fffffff : cover;
  let entry = block + CELL_HEADER;
  for (let listed = 0; listed < features; listed++) {
    const feature = (data[entry] as number) | 0;
    if (feature > last) break;
    let inside = data[entry + 1] === 1;
    const featureEnd = (entry + FEATURE_HEADER + (data[entry + 2] as number)) | 0;
    entry += FEATURE_HEADER;
    while (entry < featureEnd) {
      const n = (data[entry] as number) | 0;
      if (n < 0) {
        // the same positions as an earlier run of the block, met before this one
        if (parity[-n] === 1) inside = !inside;
        entry += 1;
        continue;
      }
      const runEnd = (entry + 1 + 2 * n) | 0;
      let odd = 0;
      let ax = data[entry + 1] as number;
      let ay = data[entry + 2] as number;
      // side of each vertex relative to the line pq (shared by the two edges of the vertex)
      let sideA = dx * (ay - y) - dy * (ax - x);
      if (sideA === 0) return locateIndexSlow(pk, x, y);
      for (let k = entry + 3; k < runEnd; k += 2) {
        const bx = data[k] as number;
        const by = data[k + 1] as number;
        const sideB = dx * (by - y) - dy * (bx - x);
        if (sideB === 0) return locateIndexSlow(pk, x, y);
        if (sideA < 0 !== sideB < 0) {
          const ex = bx - ax;
          const ey = by - ay;
          const sideP = ex * (y - ay) - ey * (x - ax);
          if (sideP === 0) return locateIndexSlow(pk, x, y);
          if (sideP < 0 !== ex * (qy - ay) - ey * (qx - ax) < 0) odd ^= 1;
        }
        ax = bx;
        ay = by;
        sideA = sideB;
      }
      parity[entry - block] = odd;
      if (odd === 1) inside = !inside;
      entry = runEnd;
    }
    if (inside) return feature;
  }
  return cover;
}

/** The lowest feature index whose rings contain or touch the point, or -1 (grid, then crossing number). */
export function locateIndex(pk: PackedPolygons, grid: LocatorGrid, x: number, y: number): number {
  let column = Math.floor((x - grid.x0) * grid.sx);
  let row = Math.floor((y - grid.y0) * grid.sy);
  if (!(column >= 0 && row >= 0 && column <= grid.nx && row <= grid.ny)) return -1;
  if (column === grid.nx) column--;
  if (row === grid.ny) row--;
  const value = grid.cell[row * grid.nx + column] as number;
  if (value > -2) return value;
  return locateInBlock(pk, grid, -2 - value, column, row, x, y);
}

/**
 * {@link locateIndex} of each point of `flat` (`[x0, y0, x1, y1, …]`) into `out`, in two passes:
 * first the grid value of every point (independent reads, so the memory accesses overlap), then
 * the points of mixed cells. The same answers as {@link locateIndex}, point by point.
 */
export function locateIndices(
  pk: PackedPolygons,
  grid: LocatorGrid,
  flat: ArrayLike<number>,
  out: Int32Array,
): Int32Array {
  const n = flat.length >> 1;
  const { x0, y0, sx, sy, nx, ny, cell } = grid;
  let mixed = false;
  for (let k = 0; k < n; k++) {
    let column = Math.floor(((flat[2 * k] as number) - x0) * sx);
    let row = Math.floor(((flat[2 * k + 1] as number) - y0) * sy);
    if (!(column >= 0 && row >= 0 && column <= nx && row <= ny)) {
      out[k] = -1;
      continue;
    }
    if (column === nx) column--;
    if (row === ny) row--;
    const value = cell[row * nx + column] as number;
    out[k] = value;
    if (value <= -2) mixed = true;
  }
  if (!mixed) return out;
  for (let k = 0; k < n; k++) {
    const value = out[k] as number;
    if (value > -2) continue;
    const x = flat[2 * k] as number;
    const y = flat[2 * k + 1] as number;
    let column = Math.floor((x - x0) * sx);
    let row = Math.floor((y - y0) * sy);
    if (column === nx) column--;
    if (row === ny) row--;
    out[k] = locateInBlock(pk, grid, -2 - value, column, row, x, y);
  }
  return out;
}
