/**
 * The explorer's data (Node side, used by `vite.config.ts` at dev and build time): one commune
 * TopoJSON, simplified and quantized, built from the contours the web map uses (the shared 2018
 * snapshot, read and never copied into the repository, or the synthetic fallback) joined to the
 * COG 2026 graph. The meshes (EPCI, arrondissements, départements, a loaded mesh) are composed in
 * the browser from these communes, by topological merge: one set of arcs serves every mesh.
 *
 * The areas are measured here on the full-resolution contours (before simplification) and shipped
 * beside the topology, so the page's area and density do not depend on the simplification.
 *
 * `CPRDFOP_EXPLORER_CONTOURS=synthetic` forces the fallback; `=<path>` reads another GeoJSON file of
 * communes (properties `code` and `nom` or `name`).
 */
import { quantize } from 'topojson-client';
import { buildTopology, joinVintage, measure, parseContours, simplifyTopology } from '../../src/geo/index.js';
import * as territory from '../../src/territory/index.js';
import { type ContoursAsset, loadContoursAsset } from '../web-map/contours.js';

/** Points kept after simplification (enough for a 760 px wide map of a region; 99 191 in the 2018 snapshot). */
export const POINT_BUDGET = 25_000;
/** Quantization of the shipped topology (a grid of 10⁴ × 10⁴ positions over the extent: < 0.1 px at 760 px). */
export const QUANTIZATION = 1e4;

/** The `explorer` member of the shipped TopoJSON: where it comes from and the areas. */
export interface ExplorerMetadata {
  /** `shared-2018`, `synthetic` or `file`. */
  source: ContoursAsset['kind'];
  /** A human-readable description of the contours. */
  description: string;
  /** The territory graph vintage the codes were joined to (e.g. `COG 2026`). */
  vintage: string;
  /** Positions before and after simplification. */
  points: { total: number; kept: number };
  /** Contour codes the graph does not know (shown on the page, never dropped silently). */
  unmatched: string[];
  /** Current communes assembled from 2018 parts of which some are absent (their shape is incomplete). */
  partial: string[];
  /** Area in km² of each commune, measured on the full-resolution contours, in geometry order. */
  areasKm2: number[];
}

/** What the page receives at `/explorer.topojson`. */
export interface ExplorerAsset {
  kind: ContoursAsset['kind'];
  description: string;
  /** The TopoJSON text: object `communes`, foreign member `explorer` ({@link ExplorerMetadata}). */
  text: string;
}

/** Builds the asset from the contours. */
export async function loadExplorerAsset(repoRoot: string, distDir: string): Promise<ExplorerAsset> {
  const contours = await loadContoursAsset(
    repoRoot,
    distDir,
    process.env.CPRDFOP_EXPLORER_CONTOURS,
    territory,
  );
  const joined = joinVintage(
    buildTopology(parseContours(JSON.parse(contours.text), { source: contours.kind })),
  );
  const full = joined.topology;
  const areas = new Map(full.features().map((f) => [f.properties.code, measure(f.geometry).areaKm2]));
  const simplified = simplifyTopology(full, { maxPoints: POINT_BUDGET });
  const topo = quantize(simplified.topology.toTopoJSON() as never, QUANTIZATION) as unknown as {
    objects: { communes: { geometries: Array<{ id?: string; properties?: unknown }> } };
    explorer?: ExplorerMetadata;
  };
  // The geometries keep their `id` (the commune code); the names come from the territory graph on the
  // page (COG 2026 names), so the properties are not shipped.
  for (const geometry of topo.objects.communes.geometries) delete geometry.properties;
  const metadata: ExplorerMetadata = {
    source: contours.kind,
    description: contours.description,
    vintage: `COG ${territory.territoryVintage().cog}`,
    points: { total: simplified.total, kept: simplified.points },
    unmatched: joined.unmatched,
    partial: joined.partial.map((p) => p.code),
    areasKm2: simplified.topology.codes.map(
      (code) => Math.round((areas.get(code) ?? Number.NaN) * 100) / 100,
    ),
  };
  topo.explorer = metadata;
  return { kind: contours.kind, description: contours.description, text: JSON.stringify(topo) };
}
