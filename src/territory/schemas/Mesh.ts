import { z } from 'zod';

/**
 * The kind of a mesh: a built-in administrative one or a user-supplied partition (`custom`).
 * @example
 * ```ts
 * import { MeshKind } from 'cprdfop/territory';
 * MeshKind.options; // ["departement", "arrondissement", "epci", "custom"]
 * ```
 * @category Schemas
 */
export const MeshKind = z.enum(['departement', 'arrondissement', 'epci', 'custom']);
/** @category Schemas */
export type MeshKind = z.infer<typeof MeshKind>;

/**
 * One unit of a mesh (a département, an EPCI, a zone d'emploi…) and its member communes.
 * @example
 * ```ts
 * import { MeshUnit } from 'cprdfop/territory';
 * MeshUnit.parse({ code: 'A', label: 'A', communes: ['59350'] }).communes; // ["59350"]
 * ```
 * @category Schemas
 */
export const MeshUnit = z.object({
  code: z.string().min(1),
  label: z.string(),
  communes: z.array(z.string()),
});
/** @category Schemas */
export type MeshUnit = z.infer<typeof MeshUnit>;

/**
 * A partition of (part of) the region into units of communes: built-in (départements, arrondissements,
 * EPCI — see {@link builtinMesh}) or loaded from JSON/CSV (zones d'emploi, Proch'Emploi platforms,
 * « territoires de proximité »… — see {@link loadMesh}). Each commune is in at most one unit.
 *
 * @example
 * ```ts
 * import { Mesh, builtinMesh } from 'cprdfop/territory';
 * Mesh.parse(builtinMesh('departement')).units.length; // 5
 * ```
 * @category Schemas
 */
export const Mesh = z.object({
  id: z.string().min(1),
  label: z.string(),
  kind: MeshKind,
  vintage: z.string(),
  provenance: z.string(),
  units: z.array(MeshUnit),
});
/** @category Schemas */
export type Mesh = z.infer<typeof Mesh>;

/**
 * A remark of {@link loadMesh} about one commune code of the input: `unknown` or `invalid` codes and
 * codes `outside-region` are left out of the mesh; `mapped` old/delegated codes are replaced by the
 * current commune. `line` is the 1-based CSV line; `unit` the unit the code was listed in.
 * @example
 * ```ts
 * import { parseMeshCsv } from 'cprdfop/territory';
 * parseMeshCsv('commune,unit\n59999,A\n59350,A\n').diagnostics[0]?.kind; // "unknown"
 * parseMeshCsv('commune,unit\n59999,A\n59350,A\n').diagnostics[0]?.messages.fr; // "code de commune inconnu 59999 (le département 59 est en Hauts-de-France) (ligne 2)"
 * ```
 * @category Schemas
 */
export const MeshDiagnostic = z.object({
  kind: z.enum(['unknown', 'mapped', 'outside-region', 'invalid']),
  code: z.string(),
  unit: z.string(),
  line: z.number().int().optional(),
  mappedTo: z.string().optional(),
  /** What the remark is and where (CSV line or unit), in English. */
  message: z.string(),
  /** The same in French and in English (`en` is `message`; French typography applied to `fr`). */
  messages: z.object({ fr: z.string(), en: z.string() }),
});
/** @category Schemas */
export type MeshDiagnostic = z.infer<typeof MeshDiagnostic>;

/**
 * What {@link loadMesh} returns: the validated mesh, the diagnostics, the region's communes in no unit
 * (`uncovered`), and the units left out because none of their communes is in the region
 * (`droppedUnits`, e.g. the rest of France in a national table).
 * @example
 * ```ts
 * import { parseMeshCsv } from 'cprdfop/territory';
 * parseMeshCsv('commune,unit\n59350,A\n').mesh.units[0]?.communes; // ["59350"]
 * ```
 * @category Schemas
 */
export const MeshLoadResult = z.object({
  mesh: Mesh,
  diagnostics: z.array(MeshDiagnostic),
  uncovered: z.array(z.string()),
  droppedUnits: z.array(z.string()),
});
/** @category Schemas */
export type MeshLoadResult = z.infer<typeof MeshLoadResult>;
