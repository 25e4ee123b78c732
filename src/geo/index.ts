/**
 * `cprdfop/geo` — commune contours, exact territory composition, point location, adjacency,
 * measures, vintages and SVG maps.
 * @packageDocumentation
 */
export { buildTopology } from './buildTopology.js';
export { type CommuneTopoJSON, CommuneTopology } from './CommuneTopology.js';
export { type ComposedProperties, type ComposedTerritory, composeTerritory } from './composeTerritory.js';
export { composeUnits, type UnitsBy } from './composeUnits.js';
export { createLocator, type Location, type Locator } from './createLocator.js';
export { GeoDataError } from './GeoDataError.js';
export type { GeoGraph } from './GeoGraph.js';
export { loadTopology } from './loadTopology.js';
export { parseContours } from './parseContours.js';
export { readContours } from './readContours.js';
export type {
  CommuneContours,
  CommuneFeature,
  CommuneProperties,
  LonLat,
  TerritoryRef,
  UnitSet,
} from './types.js';
export { unitBorders } from './unitBorders.js';
export {
  type ContourIssue,
  type ContourOptions,
  type ContourValidation,
  validateContours,
} from './validateContours.js';
