import { withoutBom } from '../_shared/decodeText.js';
import { renderBoth } from '../_shared/messages.js';
import { buildMesh, type MeshRow } from './_internal/meshBuild.js';
import { MeshError } from './MeshError.js';
import type { MeshJsonOptions } from './parseMeshJson.js';
import type { MeshLoadResult } from './schemas/Mesh.js';

/** Options of {@link parseMeshCsv} (and of {@link loadMesh} for CSV). @category Meshes */
export interface MeshCsvOptions extends MeshJsonOptions {
  /** Column holding the commune code (default: the first of CODGEO, COM, code_commune, code_insee, commune, insee, code). */
  communeColumn?: string | undefined;
  /** Column holding the unit code (default: `unit`/`unite`/`code_unite`, or the other column of a two-column file). */
  unitColumn?: string | undefined;
  /** Optional column holding the unit label. */
  unitLabelColumn?: string | undefined;
  /** Field separator (default: `;`, tab or `,`, whichever splits the header line into a known commune column). */
  delimiter?: string | undefined;
}

const COMMUNE_COLUMNS = ['codgeo', 'com', 'code_commune', 'code_insee', 'commune', 'insee', 'code'];
const UNIT_COLUMNS = ['unit', 'unite', 'unité', 'code_unite', 'unit_code'];

/** Splits CSV text into records with the 1-based line where each starts (RFC 4180 quotes). */
function records(text: string, delimiter: string): Array<{ line: number; fields: string[] }> {
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]?.trim() === '')) out.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
    i++;
  }
  if (field !== '' || fields.length) endRecord();
  return out;
}

/**
 * Parses a mesh from CSV text: one row per commune, one column with the commune code and one with the
 * unit code — like INSEE's « table d'appartenance géographique des communes » exported to CSV (use
 * `unitColumn: 'ZE2020'` for the zones d'emploi 2020). Title lines before the header are skipped (the
 * header is the first line naming the commune column). Validated: a commune listed more than once is an
 * error listing the line numbers; unknown, malformed and out-of-region codes are reported and left out;
 * old codes are mapped to the current commune.
 *
 * @param text - The CSV text (UTF-8, optional BOM).
 * @param options - Column names, delimiter and the mesh's id, label, vintage and provenance.
 * @returns The mesh with diagnostics, uncovered communes and dropped units.
 * @throws {@link MeshError} when the columns cannot be found or a commune is listed more than once.
 * @example
 * ```ts
 * import { parseMeshCsv } from 'cprdfop/territory';
 * const r = parseMeshCsv('CODGEO;ZE2020\n59350;3214\n02394;0021\n', { unitColumn: 'ZE2020', id: 'ze2020' });
 * r.mesh.units.map((u) => u.code); // ["3214", "0021"]
 * r.diagnostics[0]?.mappedTo; // "02008"
 * ```
 * @category Meshes
 */
export function parseMeshCsv(text: string, options: MeshCsvOptions = {}): MeshLoadResult {
  const src = withoutBom(text);
  const wantCommune = communeColumns(options);
  // The delimiter is the one that splits the header line (the first line naming the commune column).
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    for (const line of src.split(/\r?\n/, 50)) {
      delimiter = [';', '\t', ','].find((d) =>
        line.split(d).some((f) => wantCommune.includes(lowerColumn(f))),
      );
      if (delimiter !== undefined) break;
    }
  }
  delimiter ??= ';';
  return meshFromRecords(records(src, delimiter), options, 'CSV');
}

const lowerColumn = (s: string): string => s.trim().replace(/^"|"$/g, '').trim().toLowerCase();
const communeColumns = (options: MeshCsvOptions): string[] =>
  options.communeColumn ? [lowerColumn(options.communeColumn)] : COMMUNE_COLUMNS;

/**
 * @internal The mesh of a table (CSV records or XLSX rows): the header is the first row naming the
 * commune column (title lines above it are skipped), then one commune per row.
 */
export function meshFromRecords(
  all: ReadonlyArray<{ line: number; fields: string[] }>,
  options: MeshCsvOptions,
  what: 'CSV' | 'XLSX',
): MeshLoadResult {
  const lower = lowerColumn;
  const wantCommune = communeColumns(options);
  const first = all[0]?.fields.join(' ') ?? '';
  const headerAt = all.findIndex((r) => r.fields.some((f) => wantCommune.includes(lower(f))));
  if (headerAt === -1) {
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage {what} : aucune ligne d’en-tête ne nomme la colonne des communes ({columns}) ; première ligne : {first}',
          en: 'mesh {what}: no header line naming the commune column ({columns}); first line: {first}',
        },
        {
          what,
          columns: options.communeColumn ?? COMMUNE_COLUMNS.join(', '),
          first: JSON.stringify(first.slice(0, 80)),
        },
      ),
      [all[0]?.line ?? 1],
    );
  }
  const header = (all[headerAt] as { line: number; fields: string[] }).fields.map(lower);
  const headerLine = (all[headerAt] as { line: number }).line;
  const communeCol = wantCommune.map((c) => header.indexOf(c)).find((i) => i !== -1) as number;
  let unitCol = -1;
  if (options.unitColumn) unitCol = header.indexOf(lower(options.unitColumn));
  else {
    unitCol = header.findIndex((h) => UNIT_COLUMNS.includes(h));
    if (unitCol === -1 && header.length === 2) unitCol = communeCol === 0 ? 1 : 0;
  }
  if (unitCol === -1) {
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage {what} : {problem} à la ligne {line} (colonnes : {columns}) ; nommez-la avec unitColumn',
          en: 'mesh {what}: {problem} on line {line} (columns: {columns}); name it with unitColumn',
        },
        {
          what,
          problem: options.unitColumn
            ? renderBoth(
                { fr: 'pas de colonne {column}', en: 'no column {column}' },
                { column: JSON.stringify(options.unitColumn) },
              )
            : renderBoth({
                fr: 'impossible de reconnaître la colonne des unités',
                en: 'cannot tell the unit column',
              }),
          line: String(headerLine),
          columns: header.join(', '),
        },
      ),
      [headerLine],
    );
  }
  const labelCol = options.unitLabelColumn ? header.indexOf(lower(options.unitLabelColumn)) : -1;
  if (options.unitLabelColumn && labelCol === -1) {
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage {what} : pas de colonne {column} à la ligne {line}',
          en: 'mesh {what}: no column {column} on line {line}',
        },
        { what, column: JSON.stringify(options.unitLabelColumn), line: String(headerLine) },
      ),
      [headerLine],
    );
  }
  const rows: MeshRow[] = [];
  for (const r of all.slice(headerAt + 1)) {
    if (r.fields.every((f) => f.trim() === '')) continue;
    const c = (r.fields[communeCol] ?? '').trim();
    const u = (r.fields[unitCol] ?? '').trim();
    if (u === '')
      throw new MeshError(
        renderBoth(
          {
            fr: 'maillage {what} : la ligne {line} n’a pas de code d’unité (commune {commune})',
            en: 'mesh {what}: line {line} has no unit code (commune {commune})',
          },
          { what, line: String(r.line), commune: JSON.stringify(c) },
        ),
        [r.line],
      );
    rows.push({
      commune: c,
      unit: u,
      unitLabel: labelCol === -1 ? undefined : r.fields[labelCol]?.trim(),
      line: r.line,
    });
  }
  return buildMesh(rows, options, { id: 'custom', label: 'Custom mesh' });
}
