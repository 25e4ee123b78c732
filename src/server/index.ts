/**
 * The HTTP API of cprdfop (used by `cprdfop serve`; not a public subpath yet).
 *
 * @packageDocumentation
 */
export { findRuleSet, type LoadedRuleSet, loadRuleSets } from './adapters.js';
export { createApp, type ServerOptions } from './createApp.js';
export { openApiDocument } from './openapi.js';
export { type RunningServer, startServer } from './startServer.js';
