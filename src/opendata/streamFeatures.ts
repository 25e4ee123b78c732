import { FeatureSplitter } from './_internal/featureSplitter.js';
import { invalidJson, issueOf } from './_internal/issue.js';
import { toAsyncIterable } from './_internal/lines.js';
import { ResponseValidationError } from './ResponseValidationError.js';

/**
 * A GeoJSON feature as parsed from a stream (geometry left as-is).
 * @category GeoJSON
 */
export interface StreamedFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: unknown;
  [key: string]: unknown;
}

/**
 * Parses a GeoJSON FeatureCollection feature by feature from a byte or text stream, never holding more
 * than one feature in memory. Works in browsers (web streams) and Node (any async iterable).
 *
 * @param source - The (already decompressed) FeatureCollection bytes or text chunks.
 * @param options - `filter` keeps only matching features (applied before yielding); `url` names the
 *   source in errors.
 * @returns An async iterator of features.
 * @throws {ResponseValidationError} When a feature is not valid JSON or the collection is truncated.
 * @example
 * ```ts
 * import { streamFeatures } from 'cprdfop/opendata';
 * const text = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"region":"32"},"geometry":null}]}';
 * const features = [];
 * for await (const f of streamFeatures([text])) features.push(f.properties);
 * features; // [{ "region": "32" }]
 * ```
 * @category GeoJSON
 */
export async function* streamFeatures(
  source: AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array> | Iterable<string>,
  options: { filter?: (feature: StreamedFeature) => boolean; url?: string } = {},
): AsyncGenerator<StreamedFeature> {
  const splitter = new FeatureSplitter();
  const decoder = new TextDecoder();
  const url = options.url ?? '(stream)';
  let index = 0;
  const iterable =
    Symbol.iterator in source && !(Symbol.asyncIterator in source)
      ? (source as Iterable<string>)
      : toAsyncIterable(source as AsyncIterable<Uint8Array | string>);
  for await (const chunk of iterable) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    for (const raw of splitter.push(text)) {
      let feature: StreamedFeature;
      try {
        feature = JSON.parse(raw) as StreamedFeature;
      } catch (error) {
        throw new ResponseValidationError(url, [
          issueOf(['features', index], invalidJson({ fr: 'JSON invalide', en: 'invalid JSON' }, error)),
        ]);
      }
      index++;
      if (!options.filter || options.filter(feature)) yield feature;
    }
  }
  splitter.push(decoder.decode());
  if (!splitter.complete) {
    throw new ResponseValidationError(url, [
      issueOf(['features', index], { fr: 'FeatureCollection tronquée', en: 'truncated FeatureCollection' }),
    ]);
  }
}
