import { assertCommuneCode, departementInfo, departementOfCode } from './_internal/codes.js';
import { getGraph } from './_internal/graph.js';
import type { CommuneMatch } from './schemas/Commune.js';

/**
 * Where a well-formed commune code points: a commune of the region (maybe through an old code), a
 * commune of another region (by its département; `currentCode` when it is a regional old code now in
 * another region), or nothing (`unknown`; `departement` is `null` when no département has that code).
 * @category Resolvers
 */
export type CommuneCodeClass =
  | { kind: 'in-region'; code: string; match: CommuneMatch; message: string }
  | {
      kind: 'outside-region';
      code: string;
      departement: { code: string; name: string };
      region: { code: string; name: string };
      currentCode?: string;
      message: string;
    }
  | { kind: 'unknown'; code: string; departement: { code: string; name: string } | null; message: string };

/**
 * Classifies a commune code: in the region, outside it (with its département and region), or unknown.
 * A code of another département is *outside the region*, not unknown.
 *
 * @param code - An INSEE commune code.
 * @returns The classification, with a one-line `message`.
 * @throws {@link InvalidCodeError} when `code` is malformed.
 * @example
 * ```ts
 * import { classifyCommuneCode } from 'cprdfop/territory';
 * classifyCommuneCode('59350').kind; // "in-region"
 * classifyCommuneCode('76540').message; // "commune code 76540 is outside Hauts-de-France (département 76, Normandie)"
 * classifyCommuneCode('59999').message; // "unknown commune code 59999 (département 59 is in Hauts-de-France)"
 * ```
 * @category Resolvers
 */
export function classifyCommuneCode(code: string): CommuneCodeClass {
  assertCommuneCode(code);
  const g = getGraph();
  const match = g.matchByCode.get(code);
  if (match) {
    const c = match.commune;
    const message = match.mapped
      ? `commune code ${code} (${match.via}${match.aliasName ? ` ${match.aliasName}` : ''}) is now ${c.code} ${c.name}`
      : `${code} is ${c.name} (département ${c.departement}, ${g.region.name})`;
    return { kind: 'in-region', code, match, message };
  }
  const external = g.externalAliases.get(code);
  const dep = departementInfo(g, external ? external.departement : departementOfCode(code));
  if (external && dep) {
    return {
      kind: 'outside-region',
      code,
      departement: { code: dep.code, name: dep.name },
      region: dep.region,
      currentCode: external.current,
      message: `commune code ${code} is now ${external.current} ${external.name}, outside ${g.region.name} (département ${dep.code}, ${dep.region.name})`,
    };
  }
  if (!dep) {
    return {
      kind: 'unknown',
      code,
      departement: null,
      message: `unknown commune code ${code} (no département ${departementOfCode(code)})`,
    };
  }
  if (dep.region.code !== g.region.code) {
    return {
      kind: 'outside-region',
      code,
      departement: { code: dep.code, name: dep.name },
      region: dep.region,
      message: `commune code ${code} is outside ${g.region.name} (département ${dep.code}, ${dep.region.name})`,
    };
  }
  return {
    kind: 'unknown',
    code,
    departement: { code: dep.code, name: dep.name },
    message: `unknown commune code ${code} (département ${dep.code} is in ${g.region.name})`,
  };
}
