import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the signed planar area of a closed ring (positive = counterclockwise). */
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

/** A copy with RFC 7946 winding: exterior rings counterclockwise, holes clockwise. */
export function rewindRfc7946<G extends Polygon | MultiPolygon>(g: G): G {
  const fix = (poly: Position[][]): Position[][] =>
    poly.map((ring, i) => {
      const ccw = signedArea2(ring) > 0;
      return (i === 0) === ccw ? ring : ring.slice().reverse();
    });
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
