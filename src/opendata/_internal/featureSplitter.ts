import { ResponseTooLargeError } from '../ResponseTooLargeError.js';

/**
 * A streaming splitter for the `features` array of a GeoJSON FeatureCollection: fed text chunks of any
 * size, it returns the complete feature texts found so far, tracking string, escaped and depth state
 * across chunks. Only the current feature is buffered.
 */
export class FeatureSplitter {
  /**
   * @param maxFeature - Largest feature text in characters ({@link ResponseTooLargeError} beyond).
   * @param url - Named in that error.
   */
  constructor(
    private readonly maxFeature = Number.POSITIVE_INFINITY,
    private readonly url = '(stream)',
  ) {}
  /** Characters of the pending (incomplete) feature. */
  private pendingLength = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Characters of the last string seen at depth 1 (a top-level key). */
  private key = '';
  private capturingKey = false;
  private lastKey = '';
  /** Inside the `features` array (depth 2 = between features). */
  private inFeatures = false;
  private featureParts: string[] = [];
  private featureStart = -1;
  /** Bytes (characters) consumed, for diagnostics. */
  consumed = 0;

  /** Feeds one chunk; returns the feature texts completed in it. */
  push(chunk: string): string[] {
    const out: string[] = [];
    const n = chunk.length;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let start = this.featureStart === -2 ? 0 : -1;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92 /* \ */) escaped = true;
        else if (c === 34 /* " */) {
          inString = false;
          if (this.capturingKey) {
            this.capturingKey = false;
            this.lastKey = this.key;
          }
        } else if (this.capturingKey) this.key += chunk[i];
        if (this.capturingKey && c === 92) this.key += '\\';
        continue;
      }
      if (c === 34) {
        inString = true;
        if (depth === 1) {
          this.capturingKey = true;
          this.key = '';
        }
      } else if (c === 123 /* { */ || c === 91 /* [ */) {
        if (c === 91 && depth === 1 && this.lastKey === 'features') this.inFeatures = true;
        else if (c === 123 && depth === 2 && this.inFeatures) start = i;
        depth++;
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
        depth--;
        if (depth === 2 && this.inFeatures && c === 125 && start !== -1) {
          const text = chunk.slice(start, i + 1);
          if (this.pendingLength + text.length > this.maxFeature)
            throw new ResponseTooLargeError(this.url, this.maxFeature, 'one feature');
          if (this.featureParts.length) {
            this.featureParts.push(text);
            out.push(this.featureParts.join(''));
            this.featureParts = [];
            this.pendingLength = 0;
          } else out.push(text);
          start = -1;
        } else if (depth === 1 && this.inFeatures && c === 93) this.inFeatures = false;
      }
    }
    if (start !== -1) {
      const part = chunk.slice(start);
      this.pendingLength += part.length;
      if (this.pendingLength > this.maxFeature)
        throw new ResponseTooLargeError(this.url, this.maxFeature, 'one feature');
      this.featureParts.push(part);
      this.featureStart = -2;
    } else this.featureStart = -1;
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.consumed += n;
    return out;
  }

  /** Whether the input ended cleanly (all brackets closed, nothing pending). */
  get complete(): boolean {
    return this.depth === 0 && !this.inString && this.featureParts.length === 0;
  }
}
