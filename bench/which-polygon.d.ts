// Minimal types for which-polygon (benchmark comparison only; it ships none).
declare module 'which-polygon' {
  import type { FeatureCollection, GeoJsonProperties } from 'geojson';

  interface Query {
    (point: [number, number]): GeoJsonProperties | null;
    (point: [number, number], multi: true): GeoJsonProperties[] | null;
    bbox(bbox: [number, number, number, number]): GeoJsonProperties[];
  }
  function whichPolygon(data: FeatureCollection): Query;
  export = whichPolygon;
}
