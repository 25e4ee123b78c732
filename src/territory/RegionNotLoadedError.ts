import { renderBoth, textIn } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/**
 * Thrown by a synchronous resolver that needs the data chunk of a region that is not loaded and cannot
 * be read synchronously: in a browser (or any runtime without Node's `fs`), call
 * `await loadRegion(code)` (or `await ready()` for all of France) before the first lookup in a region
 * other than Hauts-de-France, which is always bundled. In Node the chunks load synchronously, so this
 * error means the package's `data/territory` folder is missing or from another version.
 *
 * @example
 * ```ts
 * import { RegionNotLoadedError } from 'cprdfop/territory';
 * new RegionNotLoadedError('28').code; // "E_REGION_NOT_LOADED"
 * ```
 * @category Errors
 */
export class RegionNotLoadedError extends CprdfopError {
  /** The chunk key: an INSEE region code, or `COM` (collectivités d'outre-mer). */
  readonly region: string;

  /**
   * @param region - The chunk key.
   * @param detail - Why it could not be loaded (default: not loaded and no synchronous path): `{ fr, en }`,
   *   or one English string.
   */
  constructor(region: string, detail?: string | { fr: string; en: string }) {
    const call = `\`await loadRegion('${region}')\``;
    const messages = renderBoth(
      {
        fr: 'les données territoriales de la région {region} ne sont pas chargées{detail} : appelez d’abord {call}',
        en: 'territory data of region {region} is not loaded{detail} — call {call} first',
      },
      {
        region,
        call,
        detail: detail ? { fr: ` (${textIn(detail, 'fr')})`, en: `: ${textIn(detail, 'en')}` } : '',
      },
    );
    super('E_REGION_NOT_LOADED', messages);
    // The message has always carried both languages: it stays the same.
    this.message = `${messages.en} / les données territoriales de la région ${region} ne sont pas chargées\u202f: appelez d’abord ${call}`;
    this.name = 'RegionNotLoadedError';
    this.region = region;
  }
}
