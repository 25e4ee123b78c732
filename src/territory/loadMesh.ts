import { type MeshCsvOptions, parseMeshCsv } from './parseMeshCsv.js';
import { parseMeshJson } from './parseMeshJson.js';
import type { MeshLoadResult } from './schemas/Mesh.js';

/** Options of {@link loadMesh}: the CSV options plus the input format. @category Meshes */
export interface LoadMeshOptions extends MeshCsvOptions {
  /** `json`, `csv`, or `auto` (default: an object or text starting with `{` is JSON, anything else CSV). */
  format?: 'json' | 'csv' | 'auto' | undefined;
}

/**
 * Loads a user-supplied mesh (zones d'emploi, Proch'Emploi platforms, « territoires de proximité »…)
 * from JSON or CSV — pure: it takes the text or object, not a path (the caller reads the file). The
 * result's `mesh` works with every function that takes a built-in mesh ({@link unitOf}…).
 *
 * @param input - CSV text, JSON text, or a parsed JSON object.
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
export function loadMesh(input: string | object, options: LoadMeshOptions = {}): MeshLoadResult {
  const { format = 'auto', ...rest } = options;
  const json =
    format === 'json' ||
    (format === 'auto' && (typeof input !== 'string' || input.trimStart().startsWith('{')));
  if (json) return parseMeshJson(input, rest);
  return parseMeshCsv(String(input), rest);
}
