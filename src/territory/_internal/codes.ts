import { COMMUNE_CODE } from '../../_shared/inseeCodes.js';

export {
  ARRONDISSEMENT_CODE,
  COMMUNE_CODE,
  DEPARTEMENT_CODE,
  POSTAL_CODE,
  REGION_CODE,
  SIREN,
} from '../../_shared/inseeCodes.js';

import { InvalidCodeError } from '../InvalidCodeError.js';

/** The département part of a well-formed commune or arrondissement code. */
export function departementOfCode(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

export function assertCommuneCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || !COMMUNE_CODE.test(code)) throw new InvalidCodeError(code, 'commune');
}
