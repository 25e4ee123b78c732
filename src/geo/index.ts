/**
 * `cprdfop/geo` — work in progress.
 * @packageDocumentation
 */
export {};
