import { ResponseTooLargeError } from '../ResponseTooLargeError.js';

/**
 * Splits a byte stream into text lines (without the line break); skips empty lines. A line longer than
 * `maxLine` characters throws {@link ResponseTooLargeError} (only the current line is buffered).
 */
export async function* readLines(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  url = '(stream)',
  maxLine = 64 * 1024 * 1024,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of toAsyncIterable(source)) {
    rest += decoder.decode(chunk, { stream: true });

    let start = 0;
    for (let nl = rest.indexOf('\n', start); nl !== -1; nl = rest.indexOf('\n', start)) {
      const line = rest.slice(start, nl).replace(/\r$/, '');
      start = nl + 1;
      if (line) yield line;
    }
    rest = rest.slice(start);
    if (rest.length > maxLine) throw new ResponseTooLargeError(url, maxLine);
  }
  rest += decoder.decode();
  if (rest.trim()) yield rest.replace(/\r$/, '');
}

/** Iterates a web ReadableStream (Node 20 streams are async-iterable, some browsers' are not). */
export async function* toAsyncIterable<T>(source: AsyncIterable<T> | ReadableStream<T>): AsyncGenerator<T> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<T>;
    return;
  }
  const reader = (source as ReadableStream<T>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
