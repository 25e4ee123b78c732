/**
 * `cprdfop/geo` — commune contours, exact territory composition, point location, adjacency,
 * measures, vintages and SVG maps.
 * @packageDocumentation
 */

export * from './index.browser.js';
export { readContours } from './readContours.js';
