/**
 * `cprdfop/territory` — work in progress.
 * @packageDocumentation
 */
export {};
