import type { MultiPolygon, Polygon, Position } from 'geojson';

const RADIANS = Math.PI / 180;

/**
 * The signed spherical area of a closed ring, in steradians: positive when the ring runs
 * counterclockwise around the area it encloses (RFC 7946 exterior), negative when clockwise.
 * Great-circle edges, the same summation as d3-geo's `geoArea` (exact spherical excess per edge),
 * but signed and never wrapped to the complement: a ring of zero area measures 0 whatever its
 * orientation, so orientation and area come from one model (the sphere).
 */
export function ringSphericalArea(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 4) return 0;
  let sum = 0;
  let compensation = 0;
  const first = ring[0] as Position;
  let lambda0 = (first[0] as number) * RADIANS;
  const phi0 = ((first[1] as number) * RADIANS) / 2 + Math.PI / 4;
  let cosPhi0 = Math.cos(phi0);
  let sinPhi0 = Math.sin(phi0);
  for (let i = 1; i < n; i++) {
    const point = ring[i] as Position;
    const lambda = (point[0] as number) * RADIANS;
    const phi = ((point[1] as number) * RADIANS) / 2 + Math.PI / 4;
    const deltaLambda = lambda - lambda0;
    const direction = deltaLambda >= 0 ? 1 : -1;
    const absDelta = direction * deltaLambda;
    const cosPhi = Math.cos(phi);
    const sinPhi = Math.sin(phi);
    const k = sinPhi0 * sinPhi;
    const u = cosPhi0 * cosPhi + k * Math.cos(absDelta);
    const v = k * direction * Math.sin(absDelta);
    // Neumaier summation: the terms of a shared edge cancel exactly, the sum keeps full precision
    const term = Math.atan2(v, u);
    const total = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - total + term : term - total + sum;
    sum = total;
    lambda0 = lambda;
    cosPhi0 = cosPhi;
    sinPhi0 = sinPhi;
  }
  return -2 * (sum + compensation);
}

/** Twice the signed planar area of a closed ring in its own coordinates (positive = counterclockwise). */
export function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return s;
}

/** The polygons of a Polygon or MultiPolygon, as arrays of rings. */
export function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Whether a ring is counterclockwise on the sphere (ties, i.e. zero area, count as counterclockwise). */
export function isCounterclockwise(ring: readonly Position[]): boolean {
  return ringSphericalArea(ring) >= 0;
}

/**
 * A copy with RFC 7946 winding (exterior rings counterclockwise, holes clockwise), judged on the sphere.
 * `areas` may give rings' signed spherical areas already computed in the same call (never kept across
 * calls: a ring array may be changed in between).
 */
export function rewindRfc7946<G extends Polygon | MultiPolygon>(
  g: G,
  areas?: ReadonlyMap<readonly Position[], number>,
): G {
  const counterclockwise = (ring: Position[]): boolean => (areas?.get(ring) ?? ringSphericalArea(ring)) >= 0;
  const fix = (poly: Position[][]): Position[][] =>
    poly.map((ring, i) => ((i === 0) === counterclockwise(ring) ? ring : ring.slice().reverse()));
  if (g.type === 'Polygon') return { ...g, coordinates: fix(g.coordinates) };
  return { ...g, coordinates: (g as MultiPolygon).coordinates.map(fix) } as G;
}

/**
 * A copy with d3-geo's spherical winding (exterior clockwise), from an RFC 7946 geometry:
 * every ring is reversed. d3 would otherwise read a small counterclockwise ring as its complement.
 */
export function toD3Winding<G extends Polygon | MultiPolygon>(g: G): G {
  const rev = (poly: Position[][]): Position[][] => poly.map((ring) => ring.slice().reverse());
  if (g.type === 'Polygon') return { ...g, coordinates: rev(g.coordinates) };
  return { ...g, coordinates: (g as MultiPolygon).coordinates.map(rev) } as G;
}

/** The spherical area of a polygon (exterior minus holes, whatever their winding), in steradians. */
export function polygonSphericalArea(polygon: readonly (readonly Position[])[]): number {
  let area = 0;
  polygon.forEach((ring, i) => {
    const a = Math.abs(ringSphericalArea(ring));
    area += i === 0 ? a : -a;
  });
  return area;
}
