import { assertCommuneCode } from './_internal/codes.js';
import {
  crossAliases,
  DEFAULT_REGION,
  departementInfo,
  departementOfCommune,
  getGraph,
  isKnownCommuneCode,
} from './_internal/france.js';
import type { CommuneMatch } from './schemas/Commune.js';

/**
 * Where a well-formed commune code points relative to one region: a commune of the region (maybe
 * through an old code), a commune of another region or of a collectivité d'outre-mer (by its
 * département; `currentCode` when it is an old code now in another region; `region.code` is `COM`
 * for a collectivité d'outre-mer), or nothing (`unknown`; `departement` is `null` when no département
 * has that code). A code is *unknown* when COG 2026 has no such commune, wherever its département is.
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

/** Options of {@link classifyCommuneCode} and the region-scoped resolvers. @category Resolvers */
export interface RegionOptions {
  /** INSEE code of the region (default `"32"`, Hauts-de-France). */
  region?: string | undefined;
}

/**
 * Classifies a commune code relative to a region: in the region, outside it (with its département and
 * region), or unknown. Only the chunk of `options.region` is loaded: a code of another region is told
 * apart from an unknown code with the France-wide index of known codes.
 *
 * @param code - An INSEE commune code.
 * @param options - `region` (default `"32"`).
 * @returns The classification, with a one-line `message`.
 * @throws {@link InvalidCodeError} when `code` is malformed or `options.region` is not a region code.
 * @example
 * ```ts
 * import { classifyCommuneCode } from 'cprdfop/territory';
 * classifyCommuneCode('59350').kind; // "in-region"
 * classifyCommuneCode('76540').message; // "commune code 76540 is outside Hauts-de-France (département 76, Normandie)"
 * classifyCommuneCode('59999').message; // "unknown commune code 59999 (département 59 is in Hauts-de-France)"
 * classifyCommuneCode('76999').kind; // "unknown"
 * classifyCommuneCode('14118', { region: '28' }).kind; // "in-region"
 * ```
 * @category Resolvers
 */
export function classifyCommuneCode(code: string, options: RegionOptions = {}): CommuneCodeClass {
  assertCommuneCode(code);
  const g = getGraph(options.region ?? DEFAULT_REGION);
  const match = g.matchByCode.get(code);
  if (match) {
    const c = match.commune;
    const message = match.mapped
      ? `commune code ${code} (${match.via}${match.aliasName ? ` ${match.aliasName}` : ''}) is now ${c.code} ${c.name}`
      : `${code} is ${c.name} (département ${c.departement}, ${g.name})`;
    return { kind: 'in-region', code, match, message };
  }
  const depCode = departementOfCommune(code);
  const cross = crossAliases().get(code);
  if (cross) {
    const currentDep = departementInfo(departementOfCommune(cross.current));
    if (currentDep) {
      return {
        kind: 'outside-region',
        code,
        departement: { code: currentDep.code, name: currentDep.name },
        region: currentDep.region,
        currentCode: cross.current,
        message: `commune code ${code} is now ${cross.current} ${cross.name}, outside ${g.name} (département ${currentDep.code}, ${currentDep.region.name})`,
      };
    }
  }
  const dep = departementInfo(depCode);
  if (!dep) {
    return {
      kind: 'unknown',
      code,
      departement: null,
      message: `unknown commune code ${code} (no département ${depCode})`,
    };
  }
  const where =
    dep.chunk === 'COM'
      ? `collectivité d’outre-mer ${dep.code}, ${dep.name}`
      : `département ${dep.code}, ${dep.region.name}`;
  if (dep.chunk !== g.key && isKnownCommuneCode(code)) {
    return {
      kind: 'outside-region',
      code,
      departement: { code: dep.code, name: dep.name },
      region: dep.region,
      message: `commune code ${code} is outside ${g.name} (${where})`,
    };
  }
  return {
    kind: 'unknown',
    code,
    departement: { code: dep.code, name: dep.name },
    message:
      dep.chunk === g.key
        ? `unknown commune code ${code} (département ${dep.code} is in ${g.name})`
        : `unknown commune code ${code} (${where})`,
  };
}
