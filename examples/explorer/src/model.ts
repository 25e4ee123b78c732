/**
 * The explorer's data model, without the DOM: the commune topology, the meshes composed from it, the
 * indicators, and the values of a dropped CSV joined to the units drawn.
 */

import { type CommuneTopology, composeUnits, joinValues, loadTopology, type UnitSet } from 'cprdfop/geo';
import { builtinMesh, commune, type Mesh, type MeshLoadResult } from 'cprdfop/territory';
import type { MultiPolygon, Polygon } from 'geojson';
import { type CsvTable, readColumn } from './csv.js';

export { CsvError, type CsvTable, defaultColumns, parseCsv, parseNumber } from './csv.js';

/** The meshes of the page; `loaded` is the mesh the person dropped. */
export type MeshKind = 'communes' | 'epci' | 'arrondissement' | 'departement' | 'loaded';
/** The indicators; `csv` is the value column of the dropped file. */
export type IndicatorKind = 'population' | 'area' | 'density' | 'csv';

/** The `explorer` member of the shipped TopoJSON (see `../data.ts`). */
export interface ExplorerMetadata {
  source: 'shared-2018' | 'synthetic' | 'file';
  description: string;
  vintage: string;
  points: { total: number; kept: number };
  unmatched: string[];
  partial: string[];
  areasKm2: (number | null)[];
}

/** The loaded data: topology, per-commune area, where it comes from and how many bytes it took. */
export interface ExplorerData {
  topology: CommuneTopology;
  metadata: ExplorerMetadata;
  areaOf: ReadonlyMap<string, number>;
  bytes: number;
}

/** Fetches and checks `explorer.topojson`. */
export async function loadExplorerData(url = './explorer.topojson'): Promise<ExplorerData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const text = await response.text();
  const json = JSON.parse(text) as { explorer?: ExplorerMetadata };
  const metadata = json.explorer;
  if (!metadata || !Array.isArray(metadata.areasKm2))
    throw new Error(`${url}: no "explorer" metadata (build the page with its vite.config.ts)`);
  const topology = loadTopology(json);
  if (metadata.areasKm2.length !== topology.size)
    throw new Error(
      `${url}: ${metadata.areasKm2.length} areas for ${topology.size} communes (the file is inconsistent)`,
    );
  const areaOf = new Map<string, number>();
  topology.codes.forEach((code, index) => {
    const area = metadata.areasKm2[index];
    if (typeof area === 'number' && Number.isFinite(area)) areaOf.set(code, area);
  });
  return { topology, metadata, areaOf, bytes: new TextEncoder().encode(text).length };
}

/** One unit drawn: its shape, its member communes (with and without a contour), its indicator value. */
export interface Unit {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** Member communes with a contour. */
  communes: readonly string[];
  /** Member communes without a contour: the shape is incomplete. */
  missing: readonly string[];
}

/** The units of a mesh, in the mesh's order (communes: code order). */
export function unitsOf(data: ExplorerData, kind: MeshKind, loaded: Mesh | null): Unit[] {
  if (kind === 'communes') {
    return data.topology.features().map((feature) => ({
      code: feature.properties.code,
      name:
        commune(feature.properties.code)?.commune.name ?? feature.properties.name ?? feature.properties.code,
      geometry: feature.geometry,
      communes: [feature.properties.code],
      missing: [],
    }));
  }
  let set: UnitSet;
  if (kind === 'loaded') {
    if (!loaded) return [];
    set = loaded;
  } else set = builtinMesh(kind);
  return composeUnits(data.topology, set).features.map((feature) => ({
    code: feature.properties.code,
    name: feature.properties.label,
    geometry: feature.geometry,
    communes: feature.properties.communes,
    missing: feature.properties.missing,
  }));
}

/** The values of an indicator per unit (`null`: no data), and how many units are no data and why. */
export interface IndicatorValues {
  values: Map<string, number | null>;
  /** Units whose shape lacks communes (area and density are no data). */
  incomplete: string[];
  /** Units with a member commune of unknown population (population and density are no data). */
  populationUnknown: string[];
}

/** Population, area or density of each unit (the `csv` indicator is {@link joinCsvValues}). */
export function indicatorValues(
  data: ExplorerData,
  units: readonly Unit[],
  kind: IndicatorKind,
): IndicatorValues {
  const values = new Map<string, number | null>();
  const incomplete: string[] = [];
  const populationUnknown: string[] = [];
  for (const unit of units) {
    let population: number | null = 0;
    for (const code of [...unit.communes, ...unit.missing]) {
      const known = commune(code)?.commune.population;
      if (typeof known !== 'number') {
        population = null;
        break;
      }
      population += known;
    }
    let area: number | null = unit.missing.length ? null : 0;
    if (area !== null)
      for (const code of unit.communes) {
        const measured = data.areaOf.get(code);
        if (measured === undefined) {
          area = null;
          break;
        }
        area += measured;
      }
    if (population === null && kind !== 'area') populationUnknown.push(unit.code);
    if (area === null && kind !== 'population') incomplete.push(unit.code);
    const value =
      kind === 'population'
        ? population
        : kind === 'area'
          ? area
          : population !== null && area !== null && area > 0
            ? population / area
            : null;
    values.set(unit.code, value);
  }
  return { values, incomplete, populationUnknown };
}

/** The values of a CSV joined to the units drawn, with everything that did not join. */
export interface CsvJoin {
  values: Map<string, number | null>;
  rows: number;
  matched: number;
  /** Codes of the file with no unit (after mapping former commune codes). */
  unmatched: string[];
  mapped: { from: string; code: string }[];
  conflicts: { code: string; from: string[] }[];
  invalid: { line: number; raw: string }[];
  blank: number[];
  missingCode: number[];
}

/** Why a CSV gives no value to draw. */
export class CsvJoinError extends Error {
  override readonly name = 'CsvJoinError';
  constructor(
    readonly reason: 'empty' | 'no-number' | 'no-match',
    message: string,
    readonly codes: string[] = [],
  ) {
    super(message);
  }
}

/** Joins a table's value column to the units (former commune codes mapped, like `cprdfop map --value`). */
export function joinCsvValues(
  table: CsvTable,
  columns: { code: number; value: number },
  units: readonly Unit[],
): CsvJoin {
  const { raw, invalid, blank, missingCode, repeated } = readColumn(table, columns);
  if (table.rows.length === 0) throw new CsvJoinError('empty', 'no value row');
  if (raw.size === 0) throw new CsvJoinError('no-number', 'no row with a code and a number');
  const codes = units.map((unit) => unit.code);
  let joined: ReturnType<typeof joinValues>;
  try {
    joined = joinValues(raw, codes);
  } catch (error) {
    throw new CsvJoinError('no-match', error instanceof Error ? error.message : String(error), [
      ...raw.keys(),
    ]);
  }
  const values = new Map<string, number | null>();
  for (const unit of units) values.set(unit.code, joined.values.get(unit.code) ?? null);
  return {
    values,
    rows: table.rows.length,
    matched: joined.values.size,
    unmatched: joined.unmatched,
    mapped: joined.mapped,
    conflicts: [...joined.conflicts, ...[...repeated].sort().map((code) => ({ code, from: [code, code] }))],
    invalid,
    blank,
    missingCode,
  };
}

/** Reads a dropped mesh file with `loadMesh` (the caller passes it, so this module stays DOM-free). */
export type MeshReader = (file: string, content: string | Uint8Array) => MeshLoadResult;
