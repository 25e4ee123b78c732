/**
 * `cprdfop/geo` for browsers (the `browser` export condition): everything `cprdfop/geo` exports except
 * `readContours`, which reads a file (parse fetched text with `parseContours` instead).
 * @packageDocumentation
 */

export { boundingBox } from './boundingBox.js';
export { buildTopology } from './buildTopology.js';
export { type CommuneTopoJSON, CommuneTopology } from './CommuneTopology.js';
export {
  type ClassBin,
  type Classification,
  type ClassificationMethod,
  type ClassifyOptions,
  classify,
  type PaletteName,
  paletteColours,
  paletteNames,
} from './classify.js';
export { communeAdjacency } from './communeAdjacency.js';
export { components } from './components.js';
export {
  type ComposedProperties,
  type ComposedTerritory,
  composeTerritory,
  type UnresolvedCode,
} from './composeTerritory.js';
export { composeUnits, type UnitsBy } from './composeUnits.js';
export { type ContiguityProvider, createContiguityProvider } from './createContiguityProvider.js';
export { createLocator, type Location, type Locator } from './createLocator.js';
export { exportTerritories } from './exportTerritories.js';
export { GeoDataError } from './GeoDataError.js';
export type { GeoGraph } from './GeoGraph.js';
export { EARTH_RADIUS_M, geodesicArea } from './geodesicArea.js';
export { geodesicPerimeter } from './geodesicPerimeter.js';
export { type Contiguity, isContiguous } from './isContiguous.js';
export { joinValues, type ValueJoin } from './joinValues.js';
export { joinVintage, type VintageJoin } from './joinVintage.js';
export { labelPoint } from './labelPoint.js';
export { loadTopology, type TopologyStamp, topologyStamp } from './loadTopology.js';
export { type Measures, measure } from './measure.js';
export { parseContours } from './parseContours.js';
export { type Density, populationDensity } from './populationDensity.js';
export {
  type MapInset,
  type MapLayer,
  type MapShape,
  type MapWarning,
  type RenderedMap,
  type RenderSvgOptions,
  renderMap,
  renderSvg,
  type ShapeFeature,
} from './renderSvg.js';
export { pointBudget, simplifyTopology } from './simplifyTopology.js';
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
