import { z } from 'zod';
import { dependencyReason, jsonSyntaxReason } from '../_shared/errorReason.js';
import { renderBoth } from '../_shared/messages.js';
import { frenchTypography } from '../_shared/typography.js';
import { buildMesh, type MeshRow } from './_internal/meshBuild.js';
import { MeshError } from './MeshError.js';
import { MeshKind, type MeshLoadResult } from './schemas/Mesh.js';

const Input = z.object({
  id: z.string().min(1).optional(),
  label: z.string().optional(),
  kind: MeshKind.optional(),
  vintage: z.string().optional(),
  provenance: z.string().optional(),
  units: z.array(
    z.object({ code: z.string().min(1), label: z.string().optional(), communes: z.array(z.string()) }),
  ),
});

/** Options of {@link parseMeshJson} (also accepted by {@link parseMeshCsv} and {@link loadMesh}). @category Meshes */
export interface MeshJsonOptions {
  /** Mesh id (default: the input's, else `custom`). */
  id?: string | undefined;
  /** Mesh label (default: the input's, else `Custom mesh`). */
  label?: string | undefined;
  /** Mesh kind (default `custom`). */
  kind?: MeshKind | undefined;
  /** Vintage, e.g. `"2020"` (default `unknown`). */
  vintage?: string | undefined;
  /** Where the mesh comes from (default `user-supplied`). */
  provenance?: string | undefined;
  /** INSEE code of the region the mesh is checked against (default `"32"`, Hauts-de-France). */
  region?: string | undefined;
  /** Unit code → label (overrides labels found in the input). */
  unitLabels?: Readonly<Record<string, string>> | undefined;
}

/**
 * Parses a mesh from JSON text or an already-parsed object shaped like a {@link Mesh}
 * (`{ id?, label?, kind?, vintage?, provenance?, units: [{ code, label?, communes }] }`). Validated like
 * {@link parseMeshCsv}: a commune in two units is an error naming the units; unknown, malformed and
 * out-of-region codes are reported and left out; old codes are mapped.
 *
 * @param input - JSON text or a plain object.
 * @param options - Overrides of the mesh's metadata.
 * @returns The mesh with diagnostics, uncovered communes and dropped units.
 * @throws {@link MeshError} on invalid JSON, a wrong shape (the message gives the path) or duplicates.
 * @example
 * ```ts
 * import { parseMeshJson } from 'cprdfop/territory';
 * parseMeshJson({ id: 'demo', units: [{ code: 'A', communes: ['59350', '59999'] }] }).diagnostics.length; // 1
 * ```
 * @category Meshes
 */
export function parseMeshJson(input: string | unknown, options: MeshJsonOptions = {}): MeshLoadResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new MeshError(
        renderBoth(
          {
            fr: 'maillage JSON : JSON invalide ({reason})',
            en: 'mesh JSON: not valid JSON ({reason})',
          },
          { reason: jsonSyntaxReason(error) },
        ),
      );
    }
  }
  const parsed = Input.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') ?? '';
    // zod's French for the same first issue (its locale), only on this error path
    const french = Input.safeParse(value, { error: z.locales.fr().localeError });
    const frenchIssue = french.success ? undefined : french.error.issues[0]?.message;
    const frenchReason = frenchIssue === undefined ? undefined : frenchTypography(frenchIssue);
    throw new MeshError(
      renderBoth(
        {
          fr: 'maillage JSON : invalide en mesh{path} : {reason}',
          en: 'mesh JSON: invalid at mesh{path}: {reason}',
        },
        {
          path,
          reason: issue
            ? { fr: frenchReason ?? dependencyReason(issue.message).fr, en: issue.message }
            : { fr: 'invalide', en: 'invalid' },
        },
      ),
    );
  }
  const m = parsed.data;
  const rows: MeshRow[] = [];
  for (const u of m.units)
    for (const c of u.communes) rows.push({ commune: c, unit: u.code, unitLabel: u.label });
  const meta: MeshJsonOptions = {
    id: options.id ?? m.id,
    label: options.label ?? m.label,
    kind: options.kind ?? m.kind,
    vintage: options.vintage ?? m.vintage,
    provenance: options.provenance ?? m.provenance,
    unitLabels: options.unitLabels,
    region: options.region,
  };
  return buildMesh(rows, meta, { id: 'custom', label: 'Custom mesh' });
}
