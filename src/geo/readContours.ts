import { byteText, decodeUtf8, withoutBom } from '../_shared/decodeText.js';
import { dependencyReason, jsonSyntaxReason } from '../_shared/errorReason.js';
import { renderBoth } from '../_shared/messages.js';
import { GeoDataError } from './GeoDataError.js';
import { parseContours } from './parseContours.js';
import type { CommuneContours } from './types.js';
import type { ContourIssue, ContourOptions } from './validateContours.js';

/**
 * Reads commune contours from a GeoJSON or TopoJSON file (Node only) and validates them with
 * {@link parseContours}.
 *
 * @param path - The file path (`.geojson`, `.json`, `.topojson`).
 * @param options - Property names, TopoJSON object, strict winding (the source defaults to `path`).
 * @param onWarning - Receives warnings such as rewound rings.
 * @returns Normalized contours.
 * @throws {@link GeoDataError} `E_READ` when the file cannot be read, is not UTF-8 or is not JSON, `E_INVALID_CONTOURS` when invalid.
 * @example
 * ```ts noexec
 * import { readContours } from 'cprdfop/geo';
 * const contours = await readContours('communes.geojson');
 * ```
 * @category Contours
 */
export async function readContours(
  path: string,
  options: ContourOptions = {},
  onWarning?: (issue: ContourIssue) => void,
): Promise<CommuneContours> {
  const { readFile } = await import('node:fs/promises');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new GeoDataError(
      'E_READ',
      renderBoth(
        {
          fr: 'impossible de lire le fichier de contours {path} : {reason}',
          en: 'cannot read contours file {path}: {reason}',
        },
        { path, reason: (error as NodeJS.ErrnoException).code ?? dependencyReason(String(error)) },
      ),
      { cause: error },
    );
  }
  // GeoJSON is UTF-8 (RFC 7946): a byte that is not is named, never read as U+FFFD in a name
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok)
    throw new GeoDataError(
      'E_READ',
      renderBoth(
        {
          fr: 'le fichier de contours {path} n’est pas du texte UTF-8 (octet {byte} ligne {line}, position {offset})',
          en: 'contours file {path} is not UTF-8 text (byte {byte} on line {line}, offset {offset})',
        },
        {
          path,
          byte: byteText(decoded.failure.byte),
          line: String(decoded.failure.line),
          offset: String(decoded.failure.offset),
        },
      ),
    );
  const text = withoutBom(decoded.text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GeoDataError(
      'E_READ',
      renderBoth(
        {
          fr: 'le fichier de contours {path} n’est pas du JSON : {reason}',
          en: 'contours file {path} is not JSON: {reason}',
        },
        { path, reason: jsonSyntaxReason(error) },
      ),
      { cause: error },
    );
  }
  return parseContours(json, { source: path, ...options }, onWarning);
}
