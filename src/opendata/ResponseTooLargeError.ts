import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { CprdfopError } from '../errors.js';

/** The French of the parts a size limit applies to (a part not listed stays as given). */
const WHAT_IN_FRENCH: Readonly<Record<string, string>> = {
  response: 'la réponse',
  'one feature': 'une entité',
  'mesh table': 'la table de maillage',
  'decompressed file': 'le fichier décompressé',
};

/**
 * A response body larger than the client's `maxResponseBytes`. Not retried.
 *
 * @example
 * ```ts
 * import { ResponseTooLargeError } from 'cprdfop/opendata';
 * new ResponseTooLargeError('https://x.test/', 10).limitBytes; // 10
 * ```
 * @category Errors
 */
export class ResponseTooLargeError extends CprdfopError {
  override readonly name = 'ResponseTooLargeError' as const;
  /** URL of the response. */
  readonly url: string;
  /** The limit exceeded, in bytes. */
  readonly limitBytes: number;

  /** What exceeded it: the response (decoded), or a part such as one feature or one line. */
  readonly what: string;

  /**
   * @param url - URL of the response.
   * @param limitBytes - The limit exceeded.
   * @param what - What exceeded it (default `response`), in English; the known ones (`response`,
   *   `one feature`, `mesh table`, `decompressed file`) are told in French too.
   */
  constructor(url: string, limitBytes: number, what = 'response') {
    // Own keys only (`what` « constructor » is not Object's constructor), and every value named by
    // `showValue`, so that building this error never throws.
    const whatEn = typeof what === 'string' ? what : showValue(what);
    const whatFr = Object.hasOwn(WHAT_IN_FRENCH, whatEn) ? (WHAT_IN_FRENCH[whatEn] as string) : whatEn;
    const messages = renderBoth(
      {
        fr: '{what} de {url} : taille maximale de {limit} octets dépassée (décodé)',
        en: '{what} from {url} exceeds the maximum size of {limit} bytes (decoded)',
      },
      {
        what: { fr: whatFr, en: whatEn },
        url: typeof url === 'string' ? url : showValue(url),
        limit: showValue(limitBytes),
      },
    );
    super('E_RESPONSE_TOO_LARGE', messages);
    // The message has always ended with a short French note: it stays the same.
    this.message = `${messages.en} / taille maximale dépassée`;
    this.what = what;
    this.url = url;
    this.limitBytes = limitBytes;
  }
}

/**
 * Tells whether a value is a {@link ResponseTooLargeError}.
 *
 * @param value - Anything caught.
 * @returns `true` for a {@link ResponseTooLargeError}, from any copy of the package (see `isCprdfopError`).
 * @example
 * ```ts
 * import { ResponseTooLargeError, isResponseTooLargeError } from 'cprdfop/opendata';
 * isResponseTooLargeError(new ResponseTooLargeError('https://x.test/', 1)); // true
 * ```
 * @category Errors
 */
export function isResponseTooLargeError(value: unknown): value is ResponseTooLargeError {
  return isErrorOf(value, ResponseTooLargeError, 'ResponseTooLargeError');
}
