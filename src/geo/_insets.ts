/**
 * Overseas regions for the map insets of {@link renderMap} (internal): which region a shape belongs
 * to (by its INSEE code when the code says it, else by where it lies), and the layout of the inset
 * boxes under the main map.
 */
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * An overseas département-region, or a collectivité d’outre-mer, drawn in an inset: its INSEE
 * département or collectivity code, its region code, names, lon/lat box.
 */
export interface OverseasRegion {
  /** INSEE code of the département or the collectivity (COG), the inset's key. */
  code: string;
  /** INSEE region code (COG), `null` for a collectivité d’outre-mer (in no region). */
  region: string | null;
  /** Its name in French (as in the territory graph) and in English. */
  name: { fr: string; en: string };
  /** A generous lon/lat box around it (west, south, east, north), in degrees. */
  box: readonly [number, number, number, number];
}

/**
 * The five overseas regions of COG 2026 and the three collectivités d’outre-mer of the territory
 * graph, by code (their codes, regions and French names are those of the territory graph, checked
 * by test/geo/insets.test.ts). The boxes are loose lon/lat rectangles, apart from each other and
 * from metropolitan France, only used to tell where a shape without an overseas INSEE commune or
 * département code (e.g. an EPCI) lies.
 */
export const OVERSEAS_REGIONS: readonly OverseasRegion[] = [
  {
    code: '971',
    region: '01',
    name: { fr: 'Guadeloupe', en: 'Guadeloupe' },
    box: [-62.0, 15.6, -60.8, 16.7],
  },
  {
    code: '972',
    region: '02',
    name: { fr: 'Martinique', en: 'Martinique' },
    box: [-61.4, 14.2, -60.6, 15.0],
  },
  { code: '973', region: '03', name: { fr: 'Guyane', en: 'French Guiana' }, box: [-55.0, 1.8, -51.2, 6.2] },
  { code: '974', region: '04', name: { fr: 'La Réunion', en: 'Réunion' }, box: [55.0, -21.6, 56.0, -20.7] },
  {
    code: '975',
    region: null,
    name: { fr: 'Saint-Pierre-et-Miquelon', en: 'Saint Pierre and Miquelon' },
    box: [-56.6, 46.6, -55.9, 47.3],
  },
  { code: '976', region: '06', name: { fr: 'Mayotte', en: 'Mayotte' }, box: [44.8, -13.2, 45.5, -12.4] },
  {
    code: '977',
    region: null,
    name: { fr: 'Saint-Barthélemy', en: 'Saint Barthélemy' },
    box: [-62.96, 17.8, -62.7, 18.0],
  },
  {
    code: '978',
    region: null,
    name: { fr: 'Saint-Martin', en: 'Saint Martin' },
    box: [-63.2, 18.0, -62.96, 18.2],
  },
];

const BY_CODE = new Map(OVERSEAS_REGIONS.map((region) => [region.code, region]));

/** The overseas region of a lon/lat point, or `null` (metropolitan France or elsewhere). */
export function overseasRegionOfPoint(point: Position): OverseasRegion | null {
  const [lon, lat] = point as [number, number];
  for (const region of OVERSEAS_REGIONS) {
    const [west, south, east, north] = region.box;
    if (lon >= west && lon <= east && lat >= south && lat <= north) return region;
  }
  return null;
}

/**
 * The overseas region of a shape: by its code when it is a commune (`97105`), arrondissement
 * (`9711`) or département (`971`) code of an overseas département, else by the centre of its
 * lon/lat bounding box (an EPCI's SIREN, a mesh's own codes, or a two-digit code that could be a
 * metropolitan département as well as an overseas region).
 */
export function overseasRegionOf(code: string, geometry: Polygon | MultiPolygon): OverseasRegion | null {
  if (
    code.startsWith('97') &&
    code.length >= 3 &&
    code.length <= 5 &&
    [...code].every((char) => char >= '0' && char <= '9')
  ) {
    const byCode = BY_CODE.get(code.slice(0, 3));
    if (byCode) return byCode;
  }
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const position of polygon[0] ?? []) {
      const [lon, lat] = position as [number, number];
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  if (!Number.isFinite(west)) return null;
  return overseasRegionOfPoint([(west + east) / 2, (south + north) / 2]);
}

/** Splits lines by the overseas code of each line's first point (`''` for the others). */
export function splitLines(lines: LineString | MultiLineString): Map<string, MultiLineString> {
  const parts = lines.type === 'LineString' ? [lines.coordinates] : lines.coordinates;
  const byGroup = new Map<string, MultiLineString>();
  for (const part of parts) {
    const first = part[0];
    const group = first ? (overseasRegionOfPoint(first)?.code ?? '') : '';
    const target = byGroup.get(group) ?? { type: 'MultiLineString', coordinates: [] };
    target.coordinates.push(part);
    byGroup.set(group, target);
  }
  return byGroup;
}

/** A box in px: left, top, right, bottom. */
export type PixelBox = [number, number, number, number];

/** Height in px of a row of insets under the main map. */
export const INSET_ROW_HEIGHT = 130;
/** Gap in px between insets, and between the main map and the rows. */
export const INSET_GAP = 8;
/** Widest and narrowest inset in px (narrower frames wrap the insets into more rows). */
const INSET_MAX_WIDTH = 180;
const INSET_MIN_WIDTH = 80;

/** How many insets fit in one row of a frame `frameWidth` px wide. */
const perRow = (count: number, frameWidth: number): number =>
  Math.max(1, Math.min(count, Math.floor((frameWidth - INSET_GAP) / (INSET_MIN_WIDTH + INSET_GAP))));

/** The height in px taken by `count` insets under the main map of a frame `frameWidth` px wide (0 without insets). */
export function insetsHeight(count: number, frameWidth: number): number {
  if (count === 0) return 0;
  return Math.ceil(count / perRow(count, frameWidth)) * (INSET_ROW_HEIGHT + INSET_GAP);
}

/**
 * The boxes of `count` insets in rows at the bottom of the frame (the height
 * {@link insetsHeight}), left-aligned, never overlapping each other nor the main map above them.
 */
export function layoutInsets(count: number, frame: PixelBox): PixelBox[] {
  const [left, , right, bottom] = frame;
  const columns = perRow(count, right - left);
  const cell = Math.max(
    1,
    Math.min(INSET_MAX_WIDTH, Math.floor((right - left - (columns + 1) * INSET_GAP) / columns)),
  );
  const top = bottom - insetsHeight(count, right - left);
  return Array.from({ length: count }, (_, index) => {
    const x = left + INSET_GAP + (index % columns) * (cell + INSET_GAP);
    const y = top + INSET_GAP / 2 + Math.floor(index / columns) * (INSET_ROW_HEIGHT + INSET_GAP);
    return [x, y, x + cell, y + INSET_ROW_HEIGHT] as PixelBox;
  });
}
