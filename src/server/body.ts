/** Reading request bodies within limits: size, JSON depth, content type. */
import { byteText, decodeUtf8, withoutBom } from '../_shared/decodeText.js';
import { type Message, renderMessage } from '../_shared/messages.js';
import { SERVER } from './_messages.js';
import { type Lang, ProblemError } from './problem.js';

/**
 * The nesting depth of JSON text (brackets outside strings), without parsing it: a hostile body is
 * refused before `JSON.parse` recurses into it.
 *
 * @param text - JSON text.
 * @param limit - The depth above which counting stops.
 * @returns The depth, or `limit + 1` when above the limit.
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let position = 0; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (inString) {
      if (code === 92) position++;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return limit + 1;
      }
    } else if (code === 125 || code === 93) depth--;
  }
  return deepest;
}

/**
 * Whether JSON text nests no deeper than `limit`. The depth is at most the number of opening brackets
 * (inside strings or not): with no more than `limit` of them — an application has a few dozen —
 * counting them with `indexOf` answers without reading every character; else {@link jsonDepth} does.
 *
 * @param text - JSON text.
 * @param limit - The deepest nesting allowed.
 * @returns `true` when within the limit.
 */
export function withinDepth(text: string, limit: number): boolean {
  let openers = 0;
  for (let at = text.indexOf('{'); at !== -1 && openers <= limit; at = text.indexOf('{', at + 1)) openers++;
  for (let at = text.indexOf('['); at !== -1 && openers <= limit; at = text.indexOf('[', at + 1)) openers++;
  return openers <= limit || jsonDepth(text, limit) <= limit;
}

/**
 * Parses JSON text within a depth limit.
 *
 * @param text - The text.
 * @param maxDepth - The deepest nesting allowed.
 * @param lang - Language of the messages.
 * @param where - The field named in errors (`body`, `line 3`).
 * @returns The value.
 * @throws {@link ProblemError} `invalid-json` or `too-deep`.
 */
export function parseJsonText(text: string, maxDepth: number, lang: Lang, where = 'body'): unknown {
  if (!withinDepth(text, maxDepth)) {
    const detail = renderMessage(SERVER.tooDeep, lang, { where, limit: maxDepth });
    throw new ProblemError('too-deep', detail, [{ field: where, message: detail }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const detail = renderMessage(SERVER.invalidJson, lang, { where, reason });
    throw new ProblemError('invalid-json', detail, [{ field: where, message: reason }]);
  }
}

/**
 * The media type of a request, lower case, without parameters.
 *
 * @param request - The request.
 * @returns The media type, or `''`.
 */
export function mediaType(request: Request): string {
  const header = request.headers.get('content-type') ?? '';
  // The usual header is exactly the type: no parameters, lower case, nothing to trim.
  if (header === 'application/json') return header;
  return header.split(';')[0]!.trim().toLowerCase();
}

/** Whether a media type is JSON (`application/json` or `…+json`). */
export const isJsonType = (type: string): boolean =>
  type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type);

/**
 * Refuses a request whose media type is not one of `accepted`.
 *
 * @param request - The request.
 * @param accepted - Predicate on the media type.
 * @param expected - The expected types, for the message.
 * @param lang - Language.
 * @throws {@link ProblemError} `unsupported-media-type`.
 */
export function requireType(
  request: Request,
  accepted: (type: string) => boolean,
  expected: string | Message,
  lang: Lang,
): string {
  const type = mediaType(request);
  if (!accepted(type)) {
    const detail = renderMessage(SERVER.unsupportedType, lang, { type: type || SERVER.noType, expected });
    throw new ProblemError('unsupported-media-type', detail, [{ field: 'content-type', message: detail }]);
  }
  const header = request.headers.get('content-type') ?? '';
  if (header !== type) {
    // a body announced in another charset would be read as UTF-8 (JSON is UTF-8, RFC 8259)
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(header)?.[1];
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      const detail = renderMessage(SERVER.unsupportedCharset, lang, { charset });
      throw new ProblemError('unsupported-media-type', detail, [{ field: 'content-type', message: detail }]);
    }
  }
  const encoding = request.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') {
    // a compressed body is not decoded: it would be reported as bytes that are not UTF-8
    const detail = renderMessage(SERVER.unsupportedEncoding, lang, { encoding });
    throw new ProblemError('unsupported-media-type', detail, [
      { field: 'content-encoding', message: detail },
    ]);
  }
  return type;
}

/** The size error of a body, or of one line of an NDJSON batch (`line`: `line N`, the field named). */
export function tooLarge(limit: number, lang: Lang, line?: string): ProblemError {
  const detail =
    line === undefined
      ? renderMessage(SERVER.tooLarge, lang, { limit })
      : renderMessage(SERVER.lineTooLarge, lang, { where: line, limit });
  return new ProblemError('payload-too-large', detail, [{ field: line ?? 'body', message: detail }]);
}

/**
 * UTF-8 bytes as text, strictly: a byte that is not UTF-8 is an `invalid-json` problem naming it and
 * its offset (JSON is UTF-8, RFC 8259), never a U+FFFD put in its place without a word.
 *
 * @param bytes - The bytes of a body or of one NDJSON line.
 * @param where - Where they are, for the message (`body`, `line 3`).
 * @param lang - Language.
 * @returns The text.
 * @throws {@link ProblemError} `invalid-json`.
 */
export function utf8Text(bytes: Uint8Array, where: string, lang: Lang): string {
  const decoded = decodeUtf8(bytes);
  // a byte order mark is ignored, as Response.text() did (RFC 8259 allows it)
  if (decoded.ok) return withoutBom(decoded.text);
  const detail = renderMessage(SERVER.notUtf8, lang, {
    where,
    byte: byteText(decoded.failure.byte),
    offset: decoded.failure.offset,
  });
  throw new ProblemError('invalid-json', detail, [{ field: where, message: detail }]);
}

/**
 * Reads a whole body as UTF-8 text within a size limit (the `Content-Length` is checked first, then
 * the bytes actually received). Bytes that are not UTF-8 are refused ({@link utf8Text}).
 *
 * @param request - The request.
 * @param limit - Maximum size in bytes.
 * @param lang - Language.
 * @returns The text.
 * @throws {@link ProblemError} `payload-too-large`, or `invalid-json` for bytes that are not UTF-8.
 */
export async function readText(request: Request, limit: number, lang: Lang): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw tooLarge(limit, lang);
  // With a Content-Length within the limit, the HTTP parser delivers no more than that: read it whole
  // (the fast path of @hono/node-server). Without one (chunked), count the bytes as they come.
  if (Number.isInteger(declared)) return utf8Text(new Uint8Array(await request.arrayBuffer()), 'body', lang);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit, lang);
    }
    chunks.push(value);
  }
  return utf8Text(Buffer.concat(chunks), 'body', lang);
}
