import {
  buildTopology,
  type CommuneTopology,
  type ContiguityProvider,
  composeUnits,
  createContiguityProvider,
  joinVintage,
  type MapLayer,
  type MapShape,
  parseContours,
  renderSvg,
  unitBorders,
} from 'cprdfop/geo';
import { epci } from 'cprdfop/territory';

/** The two meshes a person can pick from. */
export type Mode = 'epci' | 'communes';

/** Everything the map needs, computed once from the contours. */
export interface MapData {
  /** `shared-2018`, `synthetic` or `file` (from the contours' `metadata`). */
  source: string;
  /** The commune topology keyed by COG 2026 codes (2018 codes of merged communes joined). */
  topology: CommuneTopology;
  epciShapes: MapShape[];
  communeShapes: MapShape[];
  /** Contour codes the 2026 graph does not know. */
  unmatched: string[];
  /** Whether a territory's communes are contiguous, from these contours (`unknown` for a commune without one). */
  contiguity: ContiguityProvider;
}

/** Fetches `contours.geojson` and builds the EPCI and commune shapes with `cprdfop/geo`. */
export async function loadMapData(url = './contours.geojson'): Promise<MapData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const json = (await response.json()) as { metadata?: { source?: string } };
  const contours = parseContours(json, { source: url });
  // 2018 contours, 2026 graph: joinVintage maps old codes and merges the communes merged since.
  const joined = joinVintage(buildTopology(contours));
  const topology = joined.topology;
  const epciShapes: MapShape[] = composeUnits(topology, 'epci').features.map((f) => ({
    code: f.properties.code,
    name: epci(f.properties.code)?.name ?? f.properties.label,
    geometry: f.geometry,
  }));
  const communeShapes: MapShape[] = topology.features().map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    geometry: f.geometry,
  }));
  return {
    source: json.metadata?.source ?? 'file',
    topology,
    epciShapes,
    communeShapes,
    unmatched: joined.unmatched,
    contiguity: createContiguityProvider(topology),
  };
}

const borderCache = new Map<CommuneTopology, ReturnType<typeof unitBorders>>();

/** The SVG of one mode: the shapes (layer `units`), plus the EPCI borders over the communes. */
export function mapSvg(data: MapData, mode: Mode, title: string): string {
  const layers: MapLayer[] = [
    { id: 'units', shapes: mode === 'epci' ? data.epciShapes : data.communeShapes },
  ];
  if (mode === 'communes') {
    let borders = borderCache.get(data.topology);
    if (!borders) {
      borders = unitBorders(data.topology, 'epci');
      borderCache.set(data.topology, borders);
    }
    layers.push({ kind: 'lines', id: 'epci-borders', lines: borders, stroke: '#555' });
  }
  return renderSvg(layers, { title, width: 760, idPrefix: `map-${mode}` });
}
