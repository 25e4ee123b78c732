import { presimplify, quantile, sphericalTriangleArea } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';
import { renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { type CommuneTopoJSON, CommuneTopology } from './CommuneTopology.js';
import { GeoDataError } from './GeoDataError.js';

/**
 * Simplifies a topology for display, preserving its topology: Visvalingam's algorithm
 * (topojson-simplify, spherical triangle areas) removes points of the **arcs**, so a border shared
 * by two communes stays shared — no gap, no overlap between neighbours, whatever the level. Arc
 * end points are kept, so every ring keeps at least its junctions (a ring made of a single arc keeps
 * a triangle). Visvalingam does not prevent two simplified arcs from crossing at coarse levels:
 * keep enough points for the scale drawn.
 *
 * Give `maxPoints` (the number of positions to keep, e.g. from an output size budget: see
 * {@link pointBudget}) or `keep` (the fraction of points to keep, in (0, 1]). The result is for
 * maps only: areas and borders change slightly; measure on the full topology.
 *
 * @param topology - The commune topology (not quantized).
 * @param options - `maxPoints` or `keep`.
 * @returns A new topology with fewer points (the input is not modified), and how many were kept.
 * @throws {@link GeoDataError} `E_INVALID_OPTION` when neither or an invalid `maxPoints`/`keep` is given.
 * @example
 * ```ts
 * import { buildTopology, parseContours, simplifyTopology } from 'cprdfop/geo';
 * const ring = Array.from({ length: 101 }, (_, i) => {
 *   const a = (2 * Math.PI * (i % 100)) / 100;
 *   return [3 + 0.1 * Math.cos(a), 50 + 0.1 * Math.sin(a)];
 * });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [{ type: 'Feature',
 *   properties: { code: 'A' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
 * const { topology, points, total } = simplifyTopology(topo, { maxPoints: 20 });
 * total; // 101
 * points <= 20; // true
 * topology.codes; // ["A"]
 * ```
 * @category Topology
 */
export function simplifyTopology(
  topology: CommuneTopology,
  options: { maxPoints?: number; keep?: number },
): { topology: CommuneTopology; points: number; total: number } {
  const { maxPoints, keep } = options;
  if (maxPoints === undefined && keep === undefined)
    throw new GeoDataError(
      'E_INVALID_OPTION',
      renderBoth({
        fr: 'simplifyTopology a besoin de maxPoints ou de keep',
        en: 'simplifyTopology needs maxPoints or keep',
      }),
    );
  if (maxPoints !== undefined && !(Number.isInteger(maxPoints) && maxPoints > 0))
    throw new GeoDataError(
      'E_INVALID_OPTION',
      renderBoth(
        {
          fr: 'maxPoints {value} invalide : un entier strictement positif est attendu',
          en: 'invalid maxPoints {value}: expected a positive integer',
        },
        { value: showValue(maxPoints) },
      ),
    );
  if (keep !== undefined && !(keep > 0 && keep <= 1))
    throw new GeoDataError(
      'E_INVALID_OPTION',
      renderBoth(
        {
          fr: 'keep {value} invalide : une fraction dans ]0, 1] est attendue',
          en: 'invalid keep {value}: expected a fraction in (0, 1]',
        },
        { value: showValue(keep) },
      ),
    );
  if (topology.topology.transform)
    throw new GeoDataError(
      'E_INVALID_TOPOLOGY',
      renderBoth({
        fr: 'simplifyTopology attend une topologie non quantifiée',
        en: 'simplifyTopology expects a topology that is not quantized',
      }),
    );
  // presimplify mutates the arcs (adds a weight to each point): work on a copy
  const copy: Topology = {
    ...topology.topology,
    arcs: topology.topology.arcs.map((arc) => arc.map((p) => [p[0] as number, p[1] as number])),
  } as Topology;
  const total = copy.arcs.reduce((n, arc) => n + arc.length, 0);
  const weighted = presimplify(copy as never, sphericalTriangleArea) as unknown as { arcs: number[][][] };
  const ends = weighted.arcs.reduce((n, arc) => n + Math.min(arc.length, 2), 0);
  const interior = total - ends;
  const target = keep !== undefined ? Math.round(keep * total) : (maxPoints as number);
  // weights sorted descending: the quantile at (interior points to keep) / (interior points)
  const minWeight =
    target >= total
      ? 0
      : target <= ends
        ? Number.POSITIVE_INFINITY
        : (quantile(weighted as never, (target - ends) / interior) as number);
  let points = 0;
  const arcs = weighted.arcs.map((arc) => {
    const kept = arc.filter((p) => (p[2] as number) >= minWeight && (p[2] as number) > 0);
    const first = arc[0] as number[];
    const last = arc[arc.length - 1] as number[];
    if (kept.length < 4 && arc.length >= 4 && first[0] === last[0] && first[1] === last[1]) {
      // a ring made of one arc keeps its two most significant interior points (a triangle)
      const best = arc
        .slice(1, -1)
        .map((p, i) => [p[2] as number, i + 1] as const)
        .sort((a, b) => b[0] - a[0])
        .slice(0, 2)
        .map(([, i]) => i)
        .sort((a, b) => a - b);
      const triangle = [first, ...best.map((i) => arc[i] as number[]), last];
      points += triangle.length;
      return triangle.map((p) => [p[0] as number, p[1] as number]);
    }
    points += kept.length;
    return kept.map((p) => [p[0] as number, p[1] as number]);
  });
  return {
    topology: new CommuneTopology({ ...topology.topology, arcs } as unknown as CommuneTopoJSON),
    points,
    total,
  };
}

/**
 * The number of positions an SVG map can hold within a size budget, for {@link simplifyTopology}:
 * `(maxBytes − overhead) / bytesPerPoint`, with about 9 bytes per drawn point at one decimal
 * (`L123.4,567.8` is 12 characters, relative moves are shorter) and the fixed overhead of the
 * map's markup per shape. Measure the output and call again when it is still too large.
 *
 * @param maxBytes - The size budget of the output, in bytes.
 * @param shapes - The number of shapes drawn (each costs markup: `<path>`, title, attributes).
 * @param bytesPerPoint - Measured or assumed bytes per point (default 9).
 * @returns The number of positions to keep (at least 1).
 * @example
 * ```ts
 * import { pointBudget } from 'cprdfop/geo';
 * pointBudget(3_000_000, 1000); // 314444
 * ```
 * @category Topology
 */
export function pointBudget(maxBytes: number, shapes: number, bytesPerPoint = 9): number {
  const overhead = 150 * shapes + 20_000;
  return Math.max(1, Math.floor((maxBytes - overhead) / bytesPerPoint));
}
