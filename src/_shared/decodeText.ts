/**
 * Bytes to text without a silent replacement character. Internal: not exported by any subpath. No
 * `node:` import (browser-capable).
 *
 * `Buffer.toString('utf8')`, `Response.text()` and a default `TextDecoder` turn every byte that is
 * not UTF-8 into U+FFFD: a Windows-1252 export from French Excel (`Thi\xe9rache`) became
 * « Thi�rache » without a word, and a character cut between two chunks of a stream became two of
 * them. Here UTF-8 is strict (the first bad byte is found and named), and a spreadsheet export that
 * is not UTF-8 is read in the encoding it says (a UTF-16 byte order mark) or as Windows-1252, saying
 * so.
 */

/** The encodings a text file is read in. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Where UTF-8 decoding failed: the byte offset, the byte, and its line (1-based). */
export interface Utf8Failure {
  offset: number;
  byte: number;
  line: number;
}

/**
 * The offset of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates and
 * code points above U+10FFFF included), or -1 — the same bytes `TextDecoder('utf-8', { fatal: true })`
 * refuses.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0; // overlong
      if (b === 0xed) high = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90; // overlong
      if (b === 0xf4) high = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** The text without its leading byte order mark (U+FEFF), when it has one. */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The failure at `offset` (with its line). */
function failureAt(bytes: Uint8Array, offset: number): Utf8Failure {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return { offset, byte: bytes[offset] as number, line };
}

/**
 * Strict UTF-8: the text (a byte order mark kept as U+FEFF, for the caller to see), or where it fails.
 *
 * @param bytes - The bytes.
 * @returns `{ ok: true, text }` or `{ ok: false, failure }`.
 */
export function decodeUtf8(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; failure: Utf8Failure } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { ok: false, failure: failureAt(bytes, Math.max(offset, 0)) };
  }
}

/**
 * A spreadsheet export as text: UTF-16 when a UTF-16 byte order mark says so (Excel's « Texte
 * Unicode »), else UTF-8 when every byte is (a UTF-8 byte order mark kept as U+FEFF), else
 * Windows-1252 — the encoding of Excel's CSV in French — with `fallback` telling where UTF-8 failed.
 * A UTF-8 byte order mark makes UTF-8 strict. `encoding` forces one (then strict UTF-8 may fail).
 *
 * @param bytes - The file's bytes.
 * @param encoding - `auto` (default) or the encoding to use.
 * @returns The text and the encoding used, or the UTF-8 failure when `utf-8` was asked.
 */
export function decodeSpreadsheet(
  bytes: Uint8Array,
  encoding: 'auto' | TextEncodingName = 'auto',
):
  | { ok: true; text: string; encoding: TextEncodingName; fallback?: Utf8Failure }
  | { ok: false; failure: Utf8Failure } {
  if (encoding === 'auto') {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
    // a UTF-8 byte order mark says UTF-8: a bad byte after it is an error, not Windows-1252
    else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) encoding = 'utf-8';
  }
  if (encoding === 'windows-1252') return { ok: true, text: decodeWindows1252(bytes), encoding };
  if (encoding === 'utf-16le' || encoding === 'utf-16be')
    return {
      ok: true,
      // the BOM becomes U+FEFF, as for UTF-8 (a result file is then written with one)
      text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes),
      encoding,
    };
  const utf8 = decodeUtf8(bytes);
  if (utf8.ok) return { ok: true, text: utf8.text, encoding: 'utf-8' };
  if (encoding === 'utf-8') return utf8;
  return {
    ok: true,
    text: decodeWindows1252(bytes),
    encoding: 'windows-1252',
    fallback: utf8.failure,
  };
}

/** Code points of the bytes 0x80–0x9F in Windows-1252 (WHATWG: the five unassigned ones map to themselves). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 as WHATWG decodes it. Written out because Node's `TextDecoder('windows-1252')` reads
 * ISO-8859-1 instead (0x80 gives U+0080, not €; nodejs/node#56542, a regression since Node 20.18.3: nodejs/node#60888).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    units[i] = b >= 0x80 && b < 0xa0 ? (WINDOWS_1252_HIGH[b - 0x80] as number) : b;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192)
    text += String.fromCharCode(...units.subarray(i, Math.min(i + 8192, units.length)));
  return text;
}

/** The byte of a failure as text: `0xE9`. */
export const byteText = (byte: number): string => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
