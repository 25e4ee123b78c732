/**
 * `cprdfop/itie` — work in progress.
 * @packageDocumentation
 */
export {};
