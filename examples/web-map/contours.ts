/**
 * Where the page's commune contours come from (Node side, used by `vite.config.ts`).
 *
 * - the shared reference snapshot `<repo>/../shared/geo/hauts-de-france-2018/communes.geojson`
 *   (IGN ADMIN EXPRESS COG 2018, simplified) when it is present — it is read, never copied into
 *   the repository;
 * - otherwise a synthetic fallback: a grid of squares assigned to the real COG 2026 communes of
 *   three neighbouring EPCI of the Oise, so that the map, the selection and the ITIE verdict
 *   still work.
 *
 * `CPRDFOP_WEB_MAP_CONTOURS=synthetic` forces the fallback; `CPRDFOP_WEB_MAP_CONTOURS=<path>` reads
 * another GeoJSON file of communes (properties `code` and `nom` or `name`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the page receives at `/contours.geojson`. */
export interface ContoursAsset {
  /** `shared-2018`, `synthetic` or `file`. */
  kind: 'shared-2018' | 'synthetic' | 'file';
  /** A short human-readable description of the source. */
  description: string;
  /** The GeoJSON text (a FeatureCollection with a `metadata` foreign member). */
  text: string;
}

/** The EPCI of the synthetic fallback: neighbours in the Oise (arrondissements of Clermont and Senlis). */
export const SYNTHETIC_EPCIS = ['246000129', '200068047', '246000764'] as const;

/** The shared snapshot path for a repository root. */
export function sharedContoursPath(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'geo', 'hauts-de-france-2018', 'communes.geojson');
}

/**
 * Loads the contours served to the page. `choice` is `synthetic`, a GeoJSON path, or unset (the
 * shared snapshot when present, the synthetic fallback otherwise); default `CPRDFOP_WEB_MAP_CONTOURS`.
 */
export async function loadContoursAsset(
  repoRoot: string,
  distDir: string,
  choice: string | undefined = process.env.CPRDFOP_WEB_MAP_CONTOURS,
  territoryModule?: SyntheticTerritory,
): Promise<ContoursAsset> {
  if (choice && choice !== 'synthetic') {
    return withMetadata('file', `GeoJSON file ${choice}`, readFileSync(choice, 'utf8'));
  }
  const shared = sharedContoursPath(repoRoot);
  if (choice !== 'synthetic' && existsSync(shared)) {
    return withMetadata(
      'shared-2018',
      'IGN ADMIN EXPRESS COG 2018 (simplified), shared reference snapshot',
      readFileSync(shared, 'utf8'),
    );
  }
  return syntheticContours(territoryModule ?? (await builtTerritory(distDir)));
}

function withMetadata(kind: ContoursAsset['kind'], description: string, text: string): ContoursAsset {
  const fc = JSON.parse(text) as Record<string, unknown>;
  fc.metadata = { source: kind, description };
  return { kind, description, text: JSON.stringify(fc) };
}

/** Squares of `SIZE` degrees, one per current commune, one block of `COLUMNS` columns per EPCI. */
const SIZE = 0.03;
const COLUMNS = 4;
const ORIGIN: readonly [number, number] = [2.3, 49.15];

/** What the synthetic fallback needs of `cprdfop/territory`. */
export type SyntheticTerritory = Pick<typeof import('cprdfop/territory'), 'epci' | 'commune'>;

async function builtTerritory(distDir: string): Promise<SyntheticTerritory> {
  const entry = join(distDir, 'territory', 'index.js');
  if (!existsSync(entry)) throw new Error(`web-map: ${entry} is missing; build the package first (npx tsup)`);
  return (await import(pathToFileURL(entry).href)) as typeof import('cprdfop/territory');
}

/** The synthetic fallback: one square per current commune of {@link SYNTHETIC_EPCIS}. */
export function syntheticContours(territory: SyntheticTerritory): ContoursAsset {
  const features: unknown[] = [];
  SYNTHETIC_EPCIS.forEach((siren, block) => {
    const e = territory.epci(siren);
    if (!e) throw new Error(`web-map: EPCI ${siren} is not in the territory graph`);
    e.members.forEach((code, i) => {
      const x = ORIGIN[0] + (block * COLUMNS + (i % COLUMNS)) * SIZE;
      const y = ORIGIN[1] + Math.floor(i / COLUMNS) * SIZE;
      const r = (n: number): number => Math.round(n * 1e6) / 1e6;
      features.push({
        type: 'Feature',
        properties: { code, nom: territory.commune(code)?.commune.name ?? code },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [r(x), r(y)],
              [r(x + SIZE), r(y)],
              [r(x + SIZE), r(y + SIZE)],
              [r(x), r(y + SIZE)],
              [r(x), r(y)],
            ],
          ],
        },
      });
    });
  });
  const description = `synthetic squares for the ${features.length} communes of ${SYNTHETIC_EPCIS.length} EPCI (no contour snapshot found)`;
  return withMetadata('synthetic', description, JSON.stringify({ type: 'FeatureCollection', features }));
}
