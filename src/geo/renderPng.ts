import { dependencyReason } from '../_shared/errorReason.js';
import { renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { bundledFontFiles } from './_internal/bundledFont.js';
import { GeoDataError } from './GeoDataError.js';

/**
 * Options of {@link renderPng}.
 *
 * @example
 * ```ts
 * import type { RenderPngOptions } from 'cprdfop/geo';
 * const options: RenderPngOptions = { scale: 2 };
 * options.scale; // 2
 * ```
 * @category Maps
 */
export interface RenderPngOptions {
  /** Pixel ratio: 2 draws a 800-px-wide SVG as a 1600-px-wide PNG (default 1; 0.1–8). */
  scale?: number;
  /** Font files to use instead of the bundled Noto Sans (TTF or OTF paths). */
  fontFiles?: readonly string[];
}

/**
 * Renders an SVG map (from {@link renderSvg}) as a PNG with resvg, using the bundled Noto Sans font
 * only (system fonts are not loaded), so the image is the same on every machine. Node only: resvg is
 * a native module, loaded on the first call.
 *
 * @param svg - The SVG document.
 * @param options - Scale, font files.
 * @returns The PNG bytes (a `Buffer` in Node).
 * @throws {GeoDataError} `E_PNG` when the renderer or the font cannot be loaded, the scale is out of
 *   range, or the SVG cannot be rendered (the message says which).
 * @example
 * ```ts
 * import { renderPng, renderSvg } from 'cprdfop/geo';
 * const svg = renderSvg([{ shapes: [{ code: 'A', geometry: { type: 'Polygon',
 *   coordinates: [[[3, 50], [3.1, 50], [3.1, 50.1], [3, 50.1], [3, 50]]] } }] }], { title: 'A', width: 200 });
 * const png = await renderPng(svg);
 * new TextDecoder().decode(png.subarray(1, 4)); // "PNG"
 * ```
 * @category Maps
 */
export async function renderPng(svg: string, options: RenderPngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 0.1 || scale > 8)
    throw new GeoDataError(
      'E_PNG',
      renderBoth(
        {
          fr: 'l’échelle PNG {scale} est hors limites : un nombre de 0,1 à 8 est attendu',
          en: 'PNG scale {scale} is out of range: expected a number from 0.1 to 8',
        },
        { scale: showValue(scale) },
      ),
    );
  const fontFiles = options.fontFiles ? [...options.fontFiles] : bundledFontFiles();
  if (!fontFiles?.length)
    throw new GeoDataError(
      'E_PNG',
      renderBoth({
        fr: 'la police fournie (@expo-google-fonts/noto-sans) est introuvable : réinstallez cprdfop, ou donnez fontFiles',
        en: 'the bundled font (@expo-google-fonts/noto-sans) cannot be found: reinstall cprdfop, or give fontFiles',
      }),
    );
  let resvg: typeof import('@resvg/resvg-js');
  try {
    // a specifier in a variable: bundlers leave the native module alone (it is Node-only)
    const specifier = '@resvg/resvg-js';
    resvg = (await import(
      /* @vite-ignore */ /* webpackIgnore: true */ specifier
    )) as typeof import('@resvg/resvg-js');
  } catch (error) {
    throw new GeoDataError(
      'E_PNG',
      renderBoth(
        {
          fr: 'impossible de charger le moteur de rendu PNG (@resvg/resvg-js) : {reason}',
          en: 'the PNG renderer (@resvg/resvg-js) cannot be loaded: {reason}',
        },
        { reason: dependencyReason(error instanceof Error ? error.message : String(error)) },
      ),
      { cause: error },
    );
  }
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  try {
    const renderer = new resvg.Resvg(svg, {
      font: {
        loadSystemFonts: false,
        fontFiles,
        defaultFontFamily: 'Noto Sans',
        sansSerifFamily: 'Noto Sans',
      },
      fitTo: Number.isFinite(width)
        ? { mode: 'width', value: Math.round(width * scale) }
        : { mode: 'zoom', value: scale },
      background: '#ffffff',
      shapeRendering: 2,
      textRendering: 1,
      logLevel: 'off',
    });
    return renderer.render().asPng();
  } catch (error) {
    throw new GeoDataError(
      'E_PNG',
      renderBoth(
        {
          fr: 'impossible de rendre le SVG en PNG : {reason}',
          en: 'the SVG cannot be rendered as PNG: {reason}',
        },
        { reason: dependencyReason(error instanceof Error ? error.message : String(error)) },
      ),
      { cause: error },
    );
  }
}
