import { z } from 'zod';

/**
 * A reference to a territory by codes: current, old or delegated commune codes, EPCI SIRENs,
 * arrondissement and département codes. {@link resolveTerritory} turns it into a set of current
 * communes.
 *
 * @example
 * ```ts
 * import { TerritoryRef } from 'cprdfop/territory';
 * TerritoryRef.parse({ epcis: ['200093201'] }).epcis; // ["200093201"]
 * ```
 * @category Schemas
 */
export const TerritoryRef = z.object({
  communes: z.array(z.string()).optional(),
  epcis: z.array(z.string()).optional(),
  arrondissements: z.array(z.string()).optional(),
  departements: z.array(z.string()).optional(),
});
/** @category Schemas */
export type TerritoryRef = z.infer<typeof TerritoryRef>;

/**
 * One remark of {@link resolveTerritory} about one code of a {@link TerritoryRef}.
 *
 * - `invalid` (severity `error`): malformed code; `unknown` (`error`): well-formed, not found;
 * - `outside-region` (`warning`): a code of another region — or, for an EPCI crossing the boundary,
 *   its members outside the region (`outside` lists them); the in-region part is kept;
 * - `mapped` (`info`): an old/delegated/associated commune code replaced by `mappedTo`.
 *
 * `path` is relative to the reference, e.g. `communes[2]` (a caller prefixes it: `territory.communes[2]`).
 *
 * @example
 * ```ts
 * import { resolveTerritory } from 'cprdfop/territory';
 * resolveTerritory({ communes: ['02394'] }).diagnostics[0]?.path; // "communes[0]"
 * ```
 * @category Schemas
 */
export const TerritoryDiagnostic = z.object({
  kind: z.enum(['unknown', 'mapped', 'outside-region', 'invalid']),
  severity: z.enum(['info', 'warning', 'error']),
  field: z.enum(['communes', 'epcis', 'arrondissements', 'departements']),
  index: z.number().int(),
  path: z.string(),
  code: z.string(),
  message: z.string(),
  /** The message in French and in English (`en` is `message`), when the package made the diagnostic. */
  messages: z.object({ fr: z.string(), en: z.string() }).optional(),
  mappedTo: z.string().optional(),
  via: z.enum(['ancien-code', 'commune-deleguee', 'commune-associee', 'arrondissement-municipal']).optional(),
  departement: z.string().optional(),
  region: z.object({ code: z.string(), name: z.string() }).optional(),
  outside: z.array(z.string()).optional(),
});
/** @category Schemas */
export type TerritoryDiagnostic = z.infer<typeof TerritoryDiagnostic>;

/**
 * The result of {@link resolveTerritory}: the current communes (sorted, unique), whether every code
 * stayed inside the region (`inRegion`: no `outside-region` diagnostic), the diagnostics, and the
 * départements, arrondissements and EPCI the communes belong to.
 *
 * @example
 * ```ts
 * import { resolveTerritory } from 'cprdfop/territory';
 * resolveTerritory({ communes: ['59350'] }).covered.epcis; // ["200093201"]
 * ```
 * @category Schemas
 */
export const ResolvedTerritory = z.object({
  communes: z.array(z.string()),
  inRegion: z.boolean(),
  diagnostics: z.array(TerritoryDiagnostic),
  covered: z.object({
    departements: z.array(z.string()),
    arrondissements: z.array(z.string()),
    epcis: z.array(z.string()),
  }),
});
/** @category Schemas */
export type ResolvedTerritory = z.infer<typeof ResolvedTerritory>;
