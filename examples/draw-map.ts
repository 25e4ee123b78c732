/**
 * Draws an SVG map of the Hauts-de-France EPCI, coloured by population density, with an
 * application's territory highlighted.
 *
 *   npm run example:map                                  # contours: see below → examples/out/map.svg
 *   npm run example:map -- --contours communes.geojson   # any commune contours file (GeoJSON/TopoJSON)
 *
 * Contours, in order: `--contours <file>`; the contours pulled into the cache with
 * `cprdfop data pull contours --year 2026 --layer communes --resolution 100m --region 32`; the shared
 * 2018 test snapshot (`../shared/geo/…`) when present; else a small synthetic grid.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CommuneContours,
  composeTerritory,
  composeUnits,
  joinVintage,
  parseContours,
  populationDensity,
  readContours,
  renderSvg,
  unitBorders,
} from 'cprdfop/geo';
import { findCachedContours } from 'cprdfop/opendata';
import { builtinMesh } from 'cprdfop/territory';
import type { MultiPolygon, Polygon } from 'geojson';

const here = dirname(fileURLToPath(import.meta.url));
const arg = process.argv.indexOf('--contours');
const shared = resolve(here, '../../shared/geo/hauts-de-france-2018/communes.geojson');

/** A 6×6 grid of squares carrying the real codes of the communes of three Oise EPCI. */
function syntheticContours(): CommuneContours {
  const codes = ['200068047', '246000129', '246000764'].flatMap(
    (siren) => builtinMesh('epci').units.find((u) => u.code === siren)?.communes ?? [],
  );
  const features = codes.map((code, i) => {
    const x = 2.3 + (i % 6) * 0.05;
    const y = 49.2 + Math.floor(i / 6) * 0.05;
    const ring = [
      [x, y],
      [x + 0.05, y],
      [x + 0.05, y + 0.05],
      [x, y + 0.05],
      [x, y],
    ];
    return { type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
  return parseContours({ type: 'FeatureCollection', features });
}

let source = 'synthetic grid';
let contours: CommuneContours;
if (arg > 0 && process.argv[arg + 1]) {
  source = process.argv[arg + 1] as string;
  contours = await readContours(source);
} else {
  const cached = await findCachedContours({
    year: 2026,
    layer: 'communes',
    resolution: '100m',
    region: '32',
  });
  if (cached) {
    source = cached.path;
    contours = await readContours(cached.path);
  } else if (existsSync(shared)) {
    source = 'shared 2018 snapshot';
    contours = await readContours(shared);
  } else contours = syntheticContours();
}

// Contours of another COG year are mapped onto the 2026 graph (merged communes are merged).
const { topology, merged, unmatched } = joinVintage(contours);
const epcis = composeUnits(topology, 'epci', { skipEmpty: true });
const shapes = epcis.features.map((f) => {
  const density = populationDensity(topology, { epcis: [f.properties.code] });
  return {
    code: f.properties.code,
    name: f.properties.label,
    geometry: f.geometry as Polygon | MultiPolygon,
    value: Math.round(density.density),
  };
});
const application = composeTerritory(topology, { epcis: ['200068047'] }, { label: 'Territoire du projet' });
const svg = renderSvg(
  [
    { id: 'epci', shapes },
    { kind: 'lines', id: 'borders', lines: unitBorders(topology, 'departement') },
    {
      kind: 'highlight',
      id: 'application',
      shapes: [{ code: 'application', name: 'Territoire du projet', geometry: application.geometry }],
    },
  ],
  { title: 'EPCI des Hauts-de-France — densité de population', valueLabel: 'hab./km²' },
);
mkdirSync(join(here, 'out'), { recursive: true });
const out = join(here, 'out/map.svg');
writeFileSync(out, svg);
console.log(`Contours: ${source} (${merged.length} merged communes, ${unmatched.length} unmatched codes)`);
console.log(`Wrote ${out}: ${shapes.length} EPCI, ${(svg.length / 1024).toFixed(0)} KB`);
