import { readXlsxRows } from './_internal/xlsx.js';
import { type MeshCsvOptions, meshFromRecords } from './parseMeshCsv.js';
import type { MeshLoadResult } from './schemas/Mesh.js';

/** Options of {@link parseMeshXlsx}: the CSV options (columns, metadata) plus the sheet. @category Meshes */
export interface MeshXlsxOptions extends Omit<MeshCsvOptions, 'delimiter'> {
  /** The sheet: its name, or a 0-based index (default: the first sheet). */
  sheet?: string | number | undefined;
}

/**
 * Parses a mesh from an XLSX workbook laid out like INSEE's « table d'appartenance géographique des
 * communes »: title lines above the table, a header row naming the columns (`CODGEO`, `LIBGEO`,
 * `ZE2020`, `BV2022`…), one commune per row. Validated like {@link parseMeshCsv} (line numbers are the
 * sheet's row numbers). Pure: it takes the file's bytes (the caller reads the file).
 *
 * @param bytes - The XLSX file (`Uint8Array` or `ArrayBuffer`).
 * @param options - `sheet`, column names (e.g. `unitColumn: 'ZE2020'`) and the mesh's metadata.
 * @returns The mesh with diagnostics, uncovered communes and dropped units.
 * @throws {@link MeshError} when the bytes are not an XLSX workbook, the sheet or columns cannot be
 *   found, or a commune is listed more than once.
 * @example
 * ```ts
 * import { MeshError, parseMeshXlsx } from 'cprdfop/territory';
 * try {
 *   parseMeshXlsx(new Uint8Array([1, 2, 3]), { unitColumn: 'ZE2020' });
 * } catch (error) {
 *   if (error instanceof MeshError) console.log(error.code); // "E_MESH"
 * }
 * ```
 * @category Meshes
 */
export function parseMeshXlsx(
  bytes: Uint8Array | ArrayBuffer,
  options: MeshXlsxOptions = {},
): MeshLoadResult {
  const { sheet, ...rest } = options;
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return meshFromRecords(readXlsxRows(data, sheet), rest, 'XLSX');
}
