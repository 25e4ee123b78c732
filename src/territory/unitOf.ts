import { commune } from './commune.js';
import type { Mesh, MeshUnit } from './schemas/Mesh.js';

const indexes = new WeakMap<Mesh, Map<string, MeshUnit>>();

/**
 * The unit of a mesh (built-in or loaded) that contains a commune.
 *
 * @param mesh - Any {@link Mesh}: from {@link builtinMesh} or {@link loadMesh}.
 * @param communeCode - A commune code (current, old or delegated: mapped to the current commune).
 * @returns The unit, or `undefined` when no unit contains the commune.
 * @throws {@link InvalidCodeError} when `communeCode` is malformed.
 * @example
 * ```ts
 * import { builtinMesh, unitOf } from 'cprdfop/territory';
 * unitOf(builtinMesh('arrondissement'), '59350')?.label; // "Lille"
 * ```
 * @category Meshes
 */
export function unitOf(mesh: Mesh, communeCode: string): MeshUnit | undefined {
  let index = indexes.get(mesh);
  if (!index) {
    index = new Map();
    for (const unit of mesh.units) for (const c of unit.communes) index.set(c, unit);
    indexes.set(mesh, index);
  }
  const direct = index.get(communeCode);
  if (direct) return direct;
  const current = commune(communeCode)?.commune.code;
  return current === undefined ? undefined : index.get(current);
}
