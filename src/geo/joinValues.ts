import { renderBoth } from '../_shared/messages.js';
import { numberText } from './_internal/numberText.js';
import { GeoDataError } from './GeoDataError.js';
import { defaultGraph, type GeoGraph } from './GeoGraph.js';

/**
 * The outcome of {@link joinValues}.
 *
 * @example
 * ```ts
 * import type { ValueJoin } from 'cprdfop/geo';
 * const j: ValueJoin = { values: new Map([['A', 1]]), mapped: [], conflicts: [], unmatched: ['Z'] };
 * j.unmatched; // ["Z"]
 * ```
 * @category Vintages
 */
export interface ValueJoin {
  /** Values keyed by the target codes (only the codes that matched). */
  values: Map<string, number>;
  /** Keys that are former commune codes, mapped to the current commune: `{ from, code }`. */
  mapped: Array<{ from: string; code: string }>;
  /**
   * Target codes that several keys map to (e.g. the old communes of a merged commune): their values
   * cannot be combined without knowing what they measure, so the code gets no value. `{ code, from }`.
   */
  conflicts: Array<{ code: string; from: string[] }>;
  /** Keys that match no target code, even through the territory graph (left out). */
  unmatched: string[];
}

/**
 * Joins values keyed by codes (a choropleth's `code,value` file) to the codes of the units drawn:
 * a key equal to a unit code is kept; a former commune code (old code, delegated or associated
 * commune) is mapped to its current commune through the territory graph and reported in `mapped`;
 * several keys landing on one code are a conflict (no value, reported); the rest is reported in
 * `unmatched`. Nothing is dropped silently.
 *
 * @param values - Values by code (a Map or a plain object).
 * @param codes - The codes of the units (communes, EPCI, départements…).
 * @param options - `graph`: the territory graph used to map former commune codes (default `cprdfop/territory`; `null`: exact codes only).
 * @returns The joined values and the report.
 * @throws {@link GeoDataError} `E_NO_VALUE_MATCH` when there is no value at all (e.g. a file with
 * only a header: a map of it would be blank, not a map of the data) or none matches a code.
 * @example
 * ```ts
 * import { joinValues } from 'cprdfop/geo';
 * const graph = {
 *   commune: (c: string) => (c === 'A2' ? { commune: { code: 'A', name: 'A', departement: 'D', arrondissement: null, epci: null }, mapped: true } : undefined),
 *   resolveTerritory: () => ({ communes: [] }),
 *   builtinMesh: () => ({ units: [] }),
 * };
 * const j = joinValues({ A2: 5, B: 7, Z: 1 }, ['A', 'B'], { graph });
 * [...j.values]; // [["A",5],["B",7]]
 * j.mapped; // [{"from":"A2","code":"A"}]
 * j.unmatched; // ["Z"]
 * ```
 * @category Vintages
 */
export function joinValues(
  values: ReadonlyMap<string, number> | Readonly<Record<string, number>>,
  codes: readonly string[],
  options: { graph?: GeoGraph | null } = {},
): ValueJoin {
  const entries: Array<[string, number]> =
    values instanceof Map ? [...values] : Object.entries(values as Record<string, number>);
  const graph = options.graph === null ? null : (options.graph ?? defaultGraph());
  if (entries.length === 0)
    throw new GeoDataError(
      'E_NO_VALUE_MATCH',
      renderBoth(
        {
          fr: 'aucune valeur à joindre : les valeurs sont vides (un fichier réduit à sa ligne d’en-tête ?), aucune pour les {count} code(s) d’unité',
          en: 'no value to join: the values are empty (a file with only a header?), none for the {count} unit code(s)',
        },
        { count: numberText(codes.length) },
      ),
    );
  const targets = new Set(codes);
  const byTarget = new Map<string, Array<[string, number]>>();
  const unmatched: string[] = [];
  for (const [key, value] of entries) {
    let target: string | undefined = targets.has(key) ? key : undefined;
    if (target === undefined && graph) {
      const current = safeCommune(graph, key);
      if (current !== undefined && targets.has(current)) target = current;
    }
    if (target === undefined) {
      unmatched.push(key);
      continue;
    }
    const list = byTarget.get(target) ?? [];
    list.push([key, value]);
    byTarget.set(target, list);
  }
  if (byTarget.size === 0) {
    const shown = unmatched.slice(0, 5).join(', ');
    throw new GeoDataError(
      'E_NO_VALUE_MATCH',
      renderBoth(
        {
          fr: 'aucune valeur ne correspond à une unité : {given} code(s) ({shown}) ne correspondent à aucun des {count} code(s) d’unité',
          en: 'no value matches a unit: {given} code(s) ({shown}) match none of the {count} unit code(s)',
        },
        {
          given: numberText(entries.length),
          shown: `${shown}${unmatched.length > 5 ? ', …' : ''}`,
          count: numberText(codes.length),
        },
      ),
    );
  }
  const out = new Map<string, number>();
  const mapped: ValueJoin['mapped'] = [];
  const conflicts: ValueJoin['conflicts'] = [];
  for (const code of [...byTarget.keys()].sort()) {
    const list = byTarget.get(code) as Array<[string, number]>;
    if (list.length > 1) {
      conflicts.push({ code, from: list.map(([key]) => key).sort() });
      continue;
    }
    const [key, value] = list[0] as [string, number];
    if (key !== code) mapped.push({ from: key, code });
    out.set(code, value);
  }
  return { values: out, mapped, conflicts, unmatched: unmatched.sort() };
}

function safeCommune(graph: GeoGraph, code: string): string | undefined {
  try {
    return graph.commune(code)?.commune.code;
  } catch {
    return undefined;
  }
}
