/**
 * `cprdfop/territory` — the territory graph of all of France (COG 2026): communes, old codes, postal
 * codes, EPCI, arrondissements, départements, regions; resolvers, territory references, a territory
 * provider for any region, and meshes. Data loads lazily, one chunk per region, on first use (nothing
 * is parsed at import): Hauts-de-France is bundled; other regions load synchronously in Node and with
 * `await loadRegion(code)` (a dynamic import) in browsers.
 * @packageDocumentation
 */

export { arrondissement } from './arrondissement.js';
export { arrondissements } from './arrondissements.js';
export { type BuiltinMeshKind, builtinMesh } from './builtinMesh.js';
export { type CommuneCodeClass, classifyCommuneCode, type RegionOptions } from './classifyCommuneCode.js';
export { commune } from './commune.js';
export { communes } from './communes.js';
export { communesByPostalCode } from './communesByPostalCode.js';
export { departement } from './departement.js';
export { departements } from './departements.js';
export { type EpciOptions, epci } from './epci.js';
export { epciOf } from './epciOf.js';
export { epcis } from './epcis.js';
export { type CodeKind, InvalidCodeError } from './InvalidCodeError.js';
export { isLoaded } from './isLoaded.js';
export { type LoadMeshOptions, loadMesh } from './loadMesh.js';
export { loadRegion, ready } from './loadRegion.js';
export { MeshError } from './MeshError.js';
export { type MeshCsvOptions, parseMeshCsv } from './parseMeshCsv.js';
export { type MeshJsonOptions, parseMeshJson } from './parseMeshJson.js';
export { type MeshXlsxOptions, parseMeshXlsx } from './parseMeshXlsx.js';
export { RegionNotLoadedError } from './RegionNotLoadedError.js';
export { region } from './region.js';
export { regions } from './regions.js';
export { requireCommune } from './requireCommune.js';
export { resolveTerritory } from './resolveTerritory.js';
export { Arrondissement } from './schemas/Arrondissement.js';
export { Commune, CommuneMatch } from './schemas/Commune.js';
export { Departement } from './schemas/Departement.js';
export { Epci } from './schemas/Epci.js';
export { Mesh, MeshDiagnostic, MeshKind, MeshLoadResult, MeshUnit } from './schemas/Mesh.js';
export { Region } from './schemas/Region.js';
export { TerritoryDataFile, TerritoryIndexFile } from './schemas/TerritoryDataFile.js';
export { ResolvedTerritory, TerritoryDiagnostic, TerritoryRef } from './schemas/TerritoryRef.js';
export { TerritoryVintage } from './schemas/TerritoryVintage.js';
export { type CommuneSearchResult, type SearchCommunesOptions, searchCommunes } from './searchCommunes.js';
export {
  type ProvidedTerritory,
  type ProviderTerritoryRef,
  type ProviderWarning,
  type RegionTerritoryProvider,
  type TerritoryProviderOptions,
  territoryProvider,
} from './territoryProvider.js';
export { territoryVintage } from './territoryVintage.js';
export { UnknownCodeError } from './UnknownCodeError.js';
export { unitOf } from './unitOf.js';
