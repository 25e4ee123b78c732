/**
 * `cprdfop/opendata` — work in progress.
 * @packageDocumentation
 */
export {};
