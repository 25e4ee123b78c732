/**
 * `cprdfop/geo` — commune contours, exact territory composition, point location, adjacency,
 * measures, vintages and maps (SVG, and PNG in Node).
 * @packageDocumentation
 */

export * from './index.browser.js';
export { readContours } from './readContours.js';
export { type RenderPngOptions, renderPng } from './renderPng.js';
