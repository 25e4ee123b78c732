import { describe, expectTypeOf, it } from 'vitest';
import {
  builtinMesh,
  type Commune,
  type CommuneCodeClass,
  type CommuneMatch,
  type CommuneSearchResult,
  classifyCommuneCode,
  commune,
  communesByPostalCode,
  type Epci,
  epci,
  loadMesh,
  type Mesh,
  type MeshLoadResult,
  type MeshUnit,
  type ResolvedTerritory,
  resolveTerritory,
  searchCommunes,
  type TerritoryDiagnostic,
  type TerritoryRef,
  unitOf,
} from '../../src/territory/index.js';

describe('territory types', () => {
  it('types the resolvers', () => {
    expectTypeOf(commune).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(commune).returns.toEqualTypeOf<CommuneMatch | undefined>();
    expectTypeOf<CommuneMatch['commune']>().toEqualTypeOf<Commune>();
    expectTypeOf<Commune['epci']>().toEqualTypeOf<string | null>();
    expectTypeOf(communesByPostalCode).returns.toEqualTypeOf<readonly Commune[]>();
    expectTypeOf(searchCommunes).returns.toEqualTypeOf<CommuneSearchResult[]>();
    expectTypeOf(searchCommunes).returns.toExtend<Commune[]>();
    expectTypeOf(epci).returns.toEqualTypeOf<Epci | undefined>();
    expectTypeOf(classifyCommuneCode).returns.toEqualTypeOf<CommuneCodeClass>();
    expectTypeOf<CommuneCodeClass['kind']>().toEqualTypeOf<'in-region' | 'outside-region' | 'unknown'>();
  });
  it('types territory references and diagnostics', () => {
    expectTypeOf(resolveTerritory).parameter(0).toEqualTypeOf<TerritoryRef>();
    expectTypeOf(resolveTerritory).returns.toEqualTypeOf<ResolvedTerritory>();
    expectTypeOf<TerritoryDiagnostic['kind']>().toEqualTypeOf<
      'unknown' | 'mapped' | 'outside-region' | 'invalid'
    >();
    expectTypeOf<TerritoryDiagnostic['field']>().toEqualTypeOf<
      'communes' | 'epcis' | 'arrondissements' | 'departements'
    >();
    expectTypeOf<{ communes: string[] }>().toExtend<TerritoryRef>();
  });
  it('types meshes', () => {
    expectTypeOf(builtinMesh).returns.toEqualTypeOf<Mesh>();
    expectTypeOf(loadMesh).returns.toEqualTypeOf<MeshLoadResult>();
    expectTypeOf(unitOf).returns.toEqualTypeOf<MeshUnit | undefined>();
    expectTypeOf<Mesh['kind']>().toEqualTypeOf<'departement' | 'arrondissement' | 'epci' | 'custom'>();
    // @ts-expect-error — only the built-in kinds
    builtinMesh('custom');
  });
});
