/**
 * `cprdfop/opendata` — a typed, resilient, cached client for the open data the regional tools need:
 * Opendatasoft Explore v2.1 portals, CKAN portals, geo.api.gouv.fr and the Etalab contours files.
 *
 * The HTTP client, the portal wrappers and the in-memory cache work in browsers. The disk cache, the
 * contours downloader and the cache listing are Node only and load `node:*` modules lazily, on first call.
 * @packageDocumentation
 */

export { createDiskCache } from './createDiskCache.js';
export { findCachedContours } from './findCachedContours.js';
export * from './index.browser.js';
export { listCache } from './listCache.js';
export { pullContours } from './pullContours.js';
export {
  type CachedMesh,
  findCachedMesh,
  MAX_MESH_TABLE_BYTES,
  type PullMeshOptions,
  pullMesh,
  readCachedMesh,
} from './pullMesh.js';
