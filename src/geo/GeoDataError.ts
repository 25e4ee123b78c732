import { CprdfopError } from '../errors.js';

/**
 * Thrown when contours, a topology or a geometry input is invalid or unusable. The message names
 * the bad value and where it is (feature index, commune code, ring, position), in French and in English
 * (`messages`; `message` is the English).
 *
 * Codes: `E_INVALID_CONTOURS` (validation), `E_INVALID_TOPOLOGY`, `E_UNKNOWN_UNIT`,
 * `E_NO_TERRITORY_GRAPH` (a function needing the territory graph was called without one),
 * `E_TOPOLOGY_MISMATCH` ({@link loadTopology}: a saved topology built from other contours or for another vintage),
 * `E_NO_VALUE_MATCH` ({@link joinValues}: values whose codes match no unit),
 * `E_INVALID_CLASSIFICATION` ({@link classify}: no value, bad class count, breaks or palette),
 * `E_PNG` ({@link renderPng}: renderer or font unavailable, bad scale, SVG not renderable),
 * `E_INVALID_MAP_OPTION` ({@link renderMap}: an option such as `insets` with a value it does not take),
 * `E_INVALID_POINTS` ({@link Locator.locateIndices}, {@link Locator.locateMany}: an odd number of coordinates, or an output array too short).
 *
 * @example
 * ```ts
 * import { GeoDataError } from 'cprdfop/geo';
 * const e = new GeoDataError('E_INVALID_CONTOURS', {
 *   fr: 'features[0]\u00a0: anneau non fermé',
 *   en: 'features[0]: ring not closed',
 * });
 * e.name; // "GeoDataError"
 * e.code; // "E_INVALID_CONTOURS"
 * e.message; // "features[0]: ring not closed"
 * e.messages.fr; // "features[0]\u00a0: anneau non fermé"
 * ```
 * @category Errors
 */
export class GeoDataError extends CprdfopError {
  override readonly name = 'GeoDataError' as const;
  /**
   * @param code - A stable code, e.g. `E_INVALID_CONTOURS`.
   * @param message - What is wrong and where: `{ fr, en }`, or one English string.
   * @param options - Standard error options (`cause`).
   */
  constructor(code: string, message: string | { fr: string; en: string }, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
