import type { Position } from 'geojson';

/**
 * A deterministic synthetic tessellation over France's metropolitan extent: `cols × rows` cells
 * with jittered corners and `k` jittered points on every edge, each edge shared exactly (same
 * positions) by its two cells — a stand-in for the ~35,000 communes of France (200 × 175 cells).
 * Codes are `T` + the cell index on 5 digits. Rings are counterclockwise (RFC 7946).
 */
export function tessellation(
  cols = 200,
  rows = 175,
  k = 6,
  extent: readonly [number, number, number, number] = [-4.8, 42.4, 8.2, 51.0],
): {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    properties: { code: string };
    geometry: { type: 'Polygon'; coordinates: Position[][] };
  }>;
} {
  const [x0, y0, x1, y1] = extent;
  const dx = (x1 - x0) / cols;
  const dy = (y1 - y0) / rows;
  // deterministic pseudo-random in [-0.5, 0.5) from integers
  const noise = (a: number, b: number, c: number): number => {
    let h = (Math.imul(a, 374761393) + Math.imul(b, 668265263) + Math.imul(c, 1274126177)) | 0;
    h = Math.imul(h ^ (h >>> 13), 1274126177);
    h ^= h >>> 16;
    return (h >>> 0) / 2 ** 32 - 0.5;
  };
  const round = (v: number): number => Math.round(v * 1e6) / 1e6;
  const corner = (r: number, c: number): Position => {
    const jitter = r > 0 && r < rows && c > 0 && c < cols ? 0.4 : 0;
    return [round(x0 + (c + jitter * noise(r, c, 1)) * dx), round(y0 + (r + jitter * noise(r, c, 2)) * dy)];
  };
  const edge = (a: Position, b: Position, id: number, kind: number): Position[] => {
    const out: Position[] = [a];
    const ex = (b[0] as number) - (a[0] as number);
    const ey = (b[1] as number) - (a[1] as number);
    for (let i = 1; i <= k; i++) {
      const t = i / (k + 1);
      const wobble = 0.12 * noise(id, i, kind) * Math.sin(Math.PI * t);
      out.push([
        round((a[0] as number) + ex * t - ey * wobble),
        round((a[1] as number) + ey * t + ex * wobble),
      ]);
    }
    out.push(b);
    return out;
  };
  const horizontal: Position[][][] = [];
  const vertical: Position[][][] = [];
  for (let r = 0; r <= rows; r++) {
    horizontal[r] = [];
    vertical[r] = [];
    for (let c = 0; c <= cols; c++) {
      if (c < cols)
        (horizontal[r] as Position[][])[c] = edge(corner(r, c), corner(r, c + 1), r * (cols + 1) + c, 3);
      if (r < rows)
        (vertical[r] as Position[][])[c] = edge(corner(r, c), corner(r + 1, c), r * (cols + 1) + c, 4);
    }
  }
  const features = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const bottom = (horizontal[r] as Position[][])[c] as Position[];
      const right = (vertical[r] as Position[][])[c + 1] as Position[];
      const top = [...((horizontal[r + 1] as Position[][])[c] as Position[])].reverse();
      const left = [...((vertical[r] as Position[][])[c] as Position[])].reverse();
      const ring = [...bottom, ...right.slice(1), ...top.slice(1), ...left.slice(1)];
      features.push({
        type: 'Feature' as const,
        properties: { code: `T${String(r * cols + c).padStart(5, '0')}` },
        geometry: { type: 'Polygon' as const, coordinates: [ring] },
      });
    }
  return { type: 'FeatureCollection', features };
}
