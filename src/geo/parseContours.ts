import type { MultiPolygon, Polygon, Position } from 'geojson';
import { renderBoth } from '../_shared/messages.js';
import { rewindRfc7946 } from './_internal/rings.js';
import { GeoDataError } from './GeoDataError.js';
import type { CommuneContours, CommuneFeature } from './types.js';
import {
  type ContourIssue,
  type ContourOptions,
  codeAndName,
  extractFeatures,
  validateContoursMeasuring,
} from './validateContours.js';

/**
 * Validates and normalizes commune contours from GeoJSON or TopoJSON: features keep only
 * `{ code, name }`, are sorted by code, and are rewound to RFC 7946 winding.
 *
 * @param input - Parsed JSON: a GeoJSON FeatureCollection or a TopoJSON Topology.
 * @param options - Property names, TopoJSON object, source name for messages, strict winding.
 * @param onWarning - Receives warnings (e.g. rewound rings); ignored by default.
 * @returns Normalized contours.
 * @throws {@link GeoDataError} `E_INVALID_CONTOURS` listing the first errors (bad ring, range, code…).
 * @example
 * ```ts
 * import { parseContours } from 'cprdfop/geo';
 * const c = parseContours({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'A', nom: 'Alpha' },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] } }] });
 * c.features[0]?.properties; // {"code":"A","name":"Alpha"}
 * c.features[0]?.geometry.coordinates[0]; // [[0,0],[1,0],[1,1],[0,1],[0,0]]
 * ```
 * @category Contours
 */
export function parseContours(
  input: unknown,
  options: ContourOptions = {},
  onWarning?: (issue: ContourIssue) => void,
): CommuneContours {
  const areas = new Map<readonly Position[], number>();
  const rewound = new Map<number, Polygon | MultiPolygon>();
  const v = validateContoursMeasuring(input, options, areas, rewound);
  if (!v.valid) {
    const shown = v.errors.slice(0, 5);
    const extra = String(v.errors.length - 5);
    const more = v.errors.length > 5 ? { fr: ` (+${extra} autres)`, en: ` (+${extra} more)` } : '';
    throw new GeoDataError(
      'E_INVALID_CONTOURS',
      renderBoth(
        { fr: 'contours invalides : {issues}{more}', en: 'invalid contours: {issues}{more}' },
        {
          issues: {
            fr: shown.map((issue) => issue.messages.fr).join('\u202f; '),
            en: shown.map((issue) => issue.message).join('; '),
          },
          more,
        },
      ),
    );
  }
  if (onWarning) for (const w of v.warnings) onWarning(w);
  const extracted = extractFeatures(input, options) as { features: unknown[] };
  const features: CommuneFeature[] = extracted.features.map((raw, i) => {
    const f = raw as { id?: unknown; properties?: unknown; geometry: Polygon | MultiPolygon };
    const { code, name } = codeAndName(f, options);
    return {
      type: 'Feature',
      properties: { code: code as string, name },
      geometry:
        rewound.get(i) ??
        rewindRfc7946(
          f.geometry.type === 'Polygon'
            ? { type: 'Polygon', coordinates: f.geometry.coordinates }
            : { type: 'MultiPolygon', coordinates: f.geometry.coordinates },
          areas,
        ),
    };
  });
  features.sort((a, b) => compareCodes(a.properties.code, b.properties.code));
  return { type: 'FeatureCollection', features };
}

/** @internal Code order used everywhere (deterministic border rule): plain string order. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
