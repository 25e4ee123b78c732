import { renderBoth } from '../_shared/messages.js';
import { MeshError } from './MeshError.js';
import { type MeshCsvOptions, parseMeshCsv } from './parseMeshCsv.js';
import { parseMeshJson } from './parseMeshJson.js';
import { parseMeshXlsx } from './parseMeshXlsx.js';
import type { MeshLoadResult } from './schemas/Mesh.js';

/** Options of {@link loadMesh}: the CSV options plus the input format. @category Meshes */
export interface LoadMeshOptions extends MeshCsvOptions {
  /**
   * `json`, `csv`, `xlsx`, or `auto` (default: bytes are XLSX, an object or text starting with `{` is
   * JSON, any other text CSV).
   */
  format?: 'json' | 'csv' | 'xlsx' | 'auto' | undefined;
  /** XLSX only: the sheet name or 0-based index (default: the first sheet). */
  sheet?: string | number | undefined;
}

/**
 * Loads a user-supplied mesh (zones d'emploi, Proch'Emploi platforms, « territoires de proximité »…)
 * from JSON, CSV or XLSX — INSEE's « table d'appartenance géographique des communes » (zones d'emploi
 * `ZE2020`, bassins de vie `BV2022`…, title lines above the table) is read as published, in CSV or
 * XLSX. Pure: it takes the text, bytes or object, not a path (the caller reads the file). The result's
 * `mesh` works with every function that takes a built-in mesh ({@link unitOf}…); the codes are
 * checked against `options.region` (default `"32"`).
 *
 * @param input - CSV text, JSON text, a parsed JSON object, or the bytes of an XLSX file.
 * @param options - Format, CSV columns and the mesh's metadata.
 * @returns The mesh with diagnostics (unknown/old/out-of-region codes), uncovered communes, dropped units.
 * @throws {@link MeshError} on unreadable input or a commune listed more than once.
 * @example
 * ```ts
 * import { loadMesh, unitOf } from 'cprdfop/territory';
 * const { mesh } = loadMesh('commune,unit\n59350,north\n80021,south\n', { id: 'demo', label: 'Demo' });
 * unitOf(mesh, '80021')?.code; // "south"
 * ```
 * @category Meshes
 */
export function loadMesh(
  input: string | object | Uint8Array | ArrayBuffer,
  options: LoadMeshOptions = {},
): MeshLoadResult {
  const { format = 'auto', sheet, ...rest } = options;
  const bytes = input instanceof Uint8Array || input instanceof ArrayBuffer;
  if (format === 'xlsx' || (format === 'auto' && bytes)) {
    if (!bytes)
      throw new MeshError(
        renderBoth({
          fr: 'maillage XLSX : donnez les octets du fichier (Uint8Array ou ArrayBuffer), et non du texte',
          en: 'mesh XLSX: give the file’s bytes (Uint8Array or ArrayBuffer), not text',
        }),
      );
    const { delimiter: _ignored, ...xlsx } = rest;
    return parseMeshXlsx(input, { ...xlsx, sheet });
  }
  if (bytes)
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage {format} : donnez du texte, et non des octets (ou utilisez le format `xlsx`)',
          en: "mesh {format}: give text, not bytes (or use format 'xlsx')",
        },
        { format: format.toUpperCase() },
      ),
    );
  const json =
    format === 'json' ||
    (format === 'auto' && (typeof input !== 'string' || input.trimStart().startsWith('{')));
  if (json) return parseMeshJson(input, rest);
  return parseMeshCsv(String(input), rest);
}
