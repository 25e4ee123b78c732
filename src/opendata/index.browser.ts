/**
 * `cprdfop/opendata` for browsers (the `browser` export condition): everything `cprdfop/opendata`
 * exports except the Node-only disk cache, contours downloader and cache listing (`createDiskCache`,
 * `pullContours`, `findCachedContours`, `listCache`). A client created with `cache: 'disk'` rejects
 * with a `CprdfopError` (code `E_NODE_ONLY`) on first use.
 * @packageDocumentation
 */
export type { PageCursor, PagedIterator } from './_internal/paging.js';
export { CacheWriteError, isCacheWriteError } from './CacheWriteError.js';
export { cacheDir } from './cacheDir.js';
export {
  CONTOURS_LAYERS,
  CONTOURS_RESOLUTIONS,
  type ContoursLayer,
  type ContoursResolution,
  type ContoursSpec,
  checkContoursSpec,
  contoursFileName,
  contoursPath,
  contoursUrl,
} from './contoursPath.js';
export {
  type CkanClient,
  type CkanClientOptions,
  type CkanDatastoreQuery,
  type CkanPackage,
  createCkanClient,
} from './createCkanClient.js';
export {
  type Client,
  type ClientOptions,
  type ClientResponse,
  createClient,
  type Logger,
  type QueryValue,
  type RateLimitOptions,
  type RequestOptions,
  type RetryOptions,
  type StreamResponse,
} from './createClient.js';
export {
  createGeoApiClient,
  type GeoApiClient,
  GeoCommune,
  type GeoCommuneQuery,
  GeoDepartement,
  GeoEpci,
  type GeoQueryOptions,
} from './createGeoApiClient.js';
export { type CacheEntry, type CacheStore, createMemoryCache } from './createMemoryCache.js';
export {
  createOdsClient,
  ODS_RECORDS_WINDOW,
  type OdsClient,
  type OdsClientOptions,
  type OdsDataset,
  type OdsExportFormat,
  type OdsExportQuery,
  type OdsField,
  type OdsFieldType,
  type OdsIterateOptions,
  type OdsQuery,
  type OdsRecord,
  type OdsRecordsPage,
  type StandardSchemaV1,
} from './createOdsClient.js';
export type { CachedContours } from './findCachedContours.js';
export { HttpError, isHttpError } from './HttpError.js';
export {
  type IncompleteReason,
  IncompleteResultError,
  isIncompleteResultError,
} from './IncompleteResultError.js';
export type { CachedContoursInfo } from './listCache.js';
export { isNetworkError, NetworkError } from './NetworkError.js';
export { isOfflineError, OfflineError } from './OfflineError.js';
export {
  type OdsqlFragment,
  type OdsqlValue,
  odsql,
  odsqlAnd,
  odsqlIdentifier,
  odsqlLiteral,
  odsqlRaw,
  odsqlWhere,
} from './odsql.js';
export { CONTOURS_URLS, GEO_API_URL, type PortalPreset, PRESETS } from './PRESETS.js';
export type { ContoursProgress, PullContoursOptions, PulledContours } from './pullContours.js';
export { isQuotaExceededError, QuotaExceededError } from './QuotaExceededError.js';
export { isResponseTooLargeError, ResponseTooLargeError } from './ResponseTooLargeError.js';
export {
  isResponseValidationError,
  ResponseValidationError,
  type ValidationIssue,
} from './ResponseValidationError.js';
export { type StreamedFeature, streamFeatures } from './streamFeatures.js';
export { isTimeoutError, TimeoutError } from './TimeoutError.js';
