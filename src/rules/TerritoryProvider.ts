import type { RuleWarning } from './Explanation.js';

/**
 * The territory of an application as the rules see it: codes of communes, EPCI, arrondissements and
 * départements (any of them may be absent).
 * @category Territory predicates
 */
export interface TerritoryRef {
  communes?: readonly string[];
  epcis?: readonly string[];
  arrondissements?: readonly string[];
  departements?: readonly string[];
}

/**
 * A territory resolved by a {@link TerritoryProvider}.
 * @category Territory predicates
 */
export interface ResolvedTerritory {
  /** Current codes of the communes covered that are inside the region. */
  readonly communes: readonly string[];
  /** Codes given that are outside the region. */
  readonly outside: readonly string[];
  /** Codes that could not be resolved (unknown, malformed). A predicate on them is `unknown`. */
  readonly invalid: readonly string[];
  /** Warnings to attach to the verdict (e.g. an old commune code mapped to its current code). */
  readonly warnings: readonly RuleWarning[];
  /**
   * The codes of the units of a mesh (`departement`, `arrondissement`, `epci` or any mesh id the
   * provider knows) that the communes fall in; `undefined` for an unknown mesh.
   */
  units(mesh: string): readonly string[] | undefined;
}

/**
 * What the engine asks about territories. `cprdfop/rules` knows no geography: the territory predicates
 * (`inRegion`, `outsideRegion`, `communes`, `units`, `withinOne`) call the provider given to `compile`.
 * `cprdfop/itie` provides one for Hauts-de-France built on `cprdfop/territory`.
 *
 * @example
 * ```ts
 * import type { TerritoryProvider } from 'cprdfop/rules';
 * const tiny: TerritoryProvider = {
 *   resolve: (ref) => ({
 *     communes: (ref.communes ?? []).filter((c) => c.startsWith('59')),
 *     outside: (ref.communes ?? []).filter((c) => !c.startsWith('59')),
 *     invalid: [],
 *     warnings: [],
 *     units: (mesh) => (mesh === 'departement' ? ['59'] : undefined),
 *   }),
 * };
 * tiny.resolve({ communes: ['59350', '75056'] }).outside; // ["75056"]
 * ```
 * @category Territory predicates
 */
export interface TerritoryProvider {
  /** Resolves a territory reference. Must not throw. */
  resolve(ref: TerritoryRef): ResolvedTerritory;
}
