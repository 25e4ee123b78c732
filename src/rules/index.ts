/**
 * `cprdfop/rules` — work in progress.
 * @packageDocumentation
 */
export {};
