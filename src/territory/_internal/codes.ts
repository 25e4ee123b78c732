import { InvalidCodeError } from '../InvalidCodeError.js';

export const COMMUNE_CODE = /^(?:\d{2}|2[AB])\d{3}$/;
export const POSTAL_CODE = /^\d{5}$/;
export const SIREN = /^\d{9}$/;
export const ARRONDISSEMENT_CODE = /^(?:(?:\d{2}|2[AB])\d|97\d\d)$/;
export const DEPARTEMENT_CODE = /^(?:\d{2}|2[AB]|9[78]\d)$/;

/** The département part of a well-formed commune or arrondissement code. */
export function departementOfCode(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

export function assertCommuneCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || !COMMUNE_CODE.test(code)) throw new InvalidCodeError(code, 'commune');
}
