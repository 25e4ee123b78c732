/**
 * The explorer's data model, without the DOM: the commune topology, the meshes composed from it, the
 * indicators, and the values of a dropped CSV joined to the units drawn.
 */

import { type CommuneTopology, composeUnits, joinValues, loadTopology, type UnitSet } from 'cprdfop/geo';
import { builtinMesh, commune, type Mesh, type MeshLoadResult } from 'cprdfop/territory';
import { parse } from 'csv-parse/browser/esm/sync';
import type { MultiPolygon, Polygon } from 'geojson';

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

/** A dropped CSV: its columns and rows (strings), with the 1-based line of each row. */
export interface CsvTable {
  file: string;
  columns: string[];
  rows: { line: number; cells: string[] }[];
}

/** A CSV file the page cannot read. */
export class CsvError extends Error {
  override readonly name = 'CsvError';
}

/** The field separator of a CSV: `;`, tab or `,`, whichever splits the header line most. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', '\t', ','].map((candidate) => [candidate, header.split(candidate).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] && counts[0][1] > 1 ? counts[0][0] : ',';
}

/** Parses a CSV (first line: the header; `;`, tab or `,`; UTF-8 with or without BOM). */
export function parseCsv(file: string, text: string): CsvTable {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new CsvError(error instanceof Error ? error.message : String(error));
  }
  const [header, ...rest] = records;
  if (!header || header.length < 2)
    throw new CsvError('the first line must name at least two columns (a code and a value)');
  // csv-parse counts records, not lines: find each record's line (quoted newlines are rare in such files)
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: CsvTable['rows'] = [];
  let line = 1;
  for (const cells of rest) {
    line++;
    while (line <= lines.length && (lines[line - 1] ?? '').trim() === '') line++;
    rows.push({ line, cells });
  }
  return { file, columns: header, rows };
}

/** The default code and value columns of a table: a code-like name, then the first numeric column. */
export function defaultColumns(table: CsvTable): { code: number; value: number } {
  const named = table.columns.findIndex((c) =>
    /^(code|codgeo|insee|com|siren|epci|dep|arr|ze|zone)/i.test(c),
  );
  const code = Math.max(named, 0);
  const numeric = table.columns.findIndex(
    (_column, index) =>
      index !== code &&
      table.rows.some((row) => row.cells[index] !== '' && parseNumber(row.cells[index] ?? '') !== null),
  );
  return { code, value: numeric >= 0 ? numeric : code === 0 ? 1 : 0 };
}

/** A number written the French or the English way (« 1 234,5 », "1234.5"); `null` when it is not one. */
export function parseNumber(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const normalised = compact.includes(',') && !compact.includes('.') ? compact.replace(',', '.') : compact;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
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
  const raw = new Map<string, number>();
  const invalid: CsvJoin['invalid'] = [];
  const blank: number[] = [];
  const missingCode: number[] = [];
  const repeated = new Set<string>();
  for (const row of table.rows) {
    const code = (row.cells[columns.code] ?? '').trim();
    const cell = (row.cells[columns.value] ?? '').trim();
    if (code === '') {
      missingCode.push(row.line);
      continue;
    }
    if (cell === '') {
      blank.push(row.line);
      continue;
    }
    const value = parseNumber(cell);
    if (value === null) invalid.push({ line: row.line, raw: cell });
    else if (raw.has(code) || repeated.has(code)) repeated.add(code);
    else raw.set(code, value);
  }
  // a code given twice has no single value: no data, reported as a conflict
  for (const code of repeated) raw.delete(code);
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
