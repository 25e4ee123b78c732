import { getGraph } from './_internal/graph.js';
import type { Mesh } from './schemas/Mesh.js';

/** The kinds of built-in mesh. @category Meshes */
export type BuiltinMeshKind = 'departement' | 'arrondissement' | 'epci';

const cache = new Map<BuiltinMeshKind, Mesh>();

/**
 * A built-in mesh of the region from the COG: départements (5), arrondissements (26 — the mesh of the
 * local public employment service since 2016) or EPCI (92; a boundary-crossing EPCI lists only its
 * in-region communes). Built once per kind, frozen.
 *
 * @param kind - `'departement'`, `'arrondissement'` or `'epci'`.
 * @returns The mesh.
 * @example
 * ```ts
 * import { builtinMesh } from 'cprdfop/territory';
 * builtinMesh('arrondissement').units.length; // 26
 * builtinMesh('epci').vintage; // "COG 2026"
 * ```
 * @category Meshes
 */
export function builtinMesh(kind: BuiltinMeshKind): Mesh {
  const cached = cache.get(kind);
  if (cached) return cached;
  const g = getGraph();
  const units =
    kind === 'departement'
      ? g.departements.map((d) => ({ code: d.code, label: d.name, communes: d.communes }))
      : kind === 'arrondissement'
        ? g.arrondissements.map((a) => ({ code: a.code, label: a.name, communes: a.communes }))
        : kind === 'epci'
          ? g.epcis.map((e) => ({ code: e.siren, label: e.name, communes: e.members }))
          : undefined;
  if (!units) throw new TypeError(`unknown built-in mesh kind ${JSON.stringify(kind)}`);
  const labels = {
    departement: 'Départements',
    arrondissement: 'Arrondissements',
    epci: 'EPCI à fiscalité propre',
  };
  const mesh: Mesh = Object.freeze({
    id: `${kind}-cog${g.vintage.cog}`,
    label: labels[kind],
    kind,
    vintage: `COG ${g.vintage.cog}`,
    provenance: `${g.vintage.source} ${g.vintage.sourceVersion}`,
    units: Object.freeze(units.map((u) => Object.freeze(u))) as Mesh['units'],
  });
  cache.set(kind, mesh);
  return mesh;
}
