/**
 * UTF-8 bytes of an answer, for `@hono/node-server`'s fast path (a `Uint8Array` body: `Content-Length`
 * from `byteLength`, no chunked encoding, no second pass over the text to measure it).
 *
 * An explanation is a two-byte string (French text: ’, narrow no-break spaces). `TextEncoder.encode`
 * of such a string first measures it, then writes it; `encodeInto` a buffer known to be large enough
 * (three bytes per UTF-16 code unit at most) writes it in one pass, about twice as fast, and copying
 * the exact bytes out costs little beside it. The scratch buffer is reused: it is only written and
 * copied within one synchronous call, and every answer gets its own copy, so an answer still being
 * sent is never changed by the next one.
 */
const utf8 = new TextEncoder();

/** The largest scratch buffer kept between calls (a longer text is encoded without it). */
const MAX_SCRATCH_BYTES = 4 * 1024 * 1024;

let scratch: Uint8Array<ArrayBuffer> | undefined;

/**
 * The UTF-8 bytes of a text, in a new array of exactly their length.
 *
 * @param text - Any string (a lone surrogate becomes U+FFFD, as with `TextEncoder.encode`).
 * @returns Its bytes, owned by the caller.
 */
export function utf8Bytes(text: string): Uint8Array<ArrayBuffer> {
  const worst = text.length * 3;
  if (worst > MAX_SCRATCH_BYTES) return utf8.encode(text);
  if (scratch === undefined || scratch.length < worst)
    scratch = new Uint8Array(
      Math.min(MAX_SCRATCH_BYTES, Math.max(64 * 1024, 2 ** Math.ceil(Math.log2(worst)))),
    );
  const { written } = utf8.encodeInto(text, scratch);
  return scratch.slice(0, written);
}
