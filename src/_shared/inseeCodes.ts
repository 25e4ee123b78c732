/**
 * The one definition of each INSEE / SIRENE code shape used by the package: territory functions and
 * schemas, the ITIE application schema and the CLI. Internal: not exported by any subpath. These are
 * shapes only; whether a code exists is the territory graph's answer.
 */

/** A commune code: a 2-character département (`2A`/`2B` for Corsica) then 3 digits (overseas `97xxx` included). */
export const COMMUNE_CODE = /^(?:\d{2}|2[AB])\d{3}$/;
/** A French postal code: 5 digits. */
export const POSTAL_CODE = /^\d{5}$/;
/** A SIRET (an establishment): 14 digits. */
export const SIRET = /^\d{14}$/;
/** A SIREN (an EPCI's identifier): 9 digits. */
export const SIREN = /^\d{9}$/;
/** An arrondissement code: a 2-character département and 1 digit, or overseas `97` + 2 digits (e.g. `9711`). */
export const ARRONDISSEMENT_CODE = /^(?:(?:\d{2}|2[AB])\d|97\d\d)$/;
/** A département code: 2 characters (`2A`/`2B` for Corsica) or 3 digits overseas (`97x`, `98x`). */
export const DEPARTEMENT_CODE = /^(?:\d{2}|2[AB]|9[78]\d)$/;
/** A région code: 2 digits (e.g. `32` for Hauts-de-France, `01` for Guadeloupe). */
export const REGION_CODE = /^\d{2}$/;
