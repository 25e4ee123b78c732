import { COMMUNE_CODE } from '../../_shared/inseeCodes.js';
import { InvalidCodeError } from '../InvalidCodeError.js';
import type { Graph } from './graph.js';

/** The département part of a well-formed commune or arrondissement code. */
export function departementOfCode(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

export function assertCommuneCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || !COMMUNE_CODE.test(code)) throw new InvalidCodeError(code, 'commune');
}

/** Where a well-formed code's département is: region code and names, or `undefined` if no such département. */
export function departementInfo(
  g: Graph,
  dep: string,
): { code: string; name: string; region: { code: string; name: string } } | undefined {
  const d = g.franceDepartements.get(dep);
  if (!d) return undefined;
  return {
    code: dep,
    name: d.name,
    region: { code: d.region, name: g.regionNames.get(d.region) ?? d.region },
  };
}
