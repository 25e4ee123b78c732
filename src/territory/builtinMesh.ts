import { showValue } from '../_shared/showValue.js';
import { DEFAULT_REGION, getGraph } from './_internal/france.js';
import type { RegionOptions } from './classifyCommuneCode.js';
import type { Mesh } from './schemas/Mesh.js';

/** The kinds of built-in mesh. @category Meshes */
export type BuiltinMeshKind = 'departement' | 'arrondissement' | 'epci';

const cache = new Map<string, Mesh>();

/**
 * A built-in mesh of a region from the COG: départements (5 in Hauts-de-France), arrondissements (26 —
 * the mesh of the local public employment service since 2016) or EPCI (92; a boundary-crossing EPCI
 * lists only its in-region communes). Built once per kind and region, frozen.
 *
 * @param kind - `'departement'`, `'arrondissement'` or `'epci'`.
 * @param options - `region` (default `"32"`, Hauts-de-France).
 * @returns The mesh.
 * @example
 * ```ts
 * import { builtinMesh } from 'cprdfop/territory';
 * builtinMesh('arrondissement').units.length; // 26
 * builtinMesh('epci').vintage; // "COG 2026"
 * builtinMesh('departement', { region: '28' }).units.length; // 5
 * ```
 * @category Meshes
 */
export function builtinMesh(kind: BuiltinMeshKind, options: RegionOptions = {}): Mesh {
  if (kind !== 'departement' && kind !== 'arrondissement' && kind !== 'epci') {
    // `showValue`, not a template or `JSON.stringify`: a kind such as `{ toString: false }` or `10n`
    // must get this error, not a TypeError from the message itself.
    const shown: unknown = kind;
    throw new TypeError(
      `unknown built-in mesh kind ${typeof shown === 'string' ? JSON.stringify(shown) : showValue(shown)}`,
    );
  }
  const region: unknown = options.region ?? DEFAULT_REGION;
  // The region is checked (InvalidCodeError naming it) before it becomes part of the cache key.
  const g = getGraph(region as string);
  const key = `${kind}@${g.key}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const units =
    kind === 'departement'
      ? g.departements.map((d) => ({ code: d.code, label: d.name, communes: d.communes }))
      : kind === 'arrondissement'
        ? g.arrondissements.map((a) => ({ code: a.code, label: a.name, communes: a.communes }))
        : g.epcis.map((e) => ({ code: e.siren, label: e.name, communes: e.members }));
  const labels = {
    departement: 'Départements',
    arrondissement: 'Arrondissements',
    epci: 'EPCI à fiscalité propre',
  };
  const mesh: Mesh = Object.freeze({
    id: g.key === DEFAULT_REGION ? `${kind}-cog${g.vintage.cog}` : `${kind}-${g.key}-cog${g.vintage.cog}`,
    label: labels[kind],
    kind,
    vintage: `COG ${g.vintage.cog}`,
    provenance: `${g.vintage.source} ${g.vintage.sourceVersion}`,
    units: Object.freeze(units.map((u) => Object.freeze(u))) as Mesh['units'],
  });
  cache.set(key, mesh);
  return mesh;
}
