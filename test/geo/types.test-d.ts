import type { MultiPolygon } from 'geojson';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CommuneContours,
  type CommuneTopology,
  type ComposedTerritory,
  type Contiguity,
  type ContiguityProvider,
  composeTerritory,
  createContiguityProvider,
  createLocator,
  geodesicArea,
  type Location,
  type Locator,
  parseContours,
  renderSvg,
} from '../../src/geo/index.js';

describe('cprdfop/geo types', () => {
  it('has the documented signatures', () => {
    expectTypeOf(parseContours).returns.toEqualTypeOf<CommuneContours>();
    expectTypeOf(createLocator).returns.toEqualTypeOf<Locator>();
    expectTypeOf<Locator['locate']>().returns.toEqualTypeOf<Location | null>();
    expectTypeOf<Locator['locateCode']>().returns.toEqualTypeOf<string | null>();
    expectTypeOf<Locator['locateIndices']>().returns.toEqualTypeOf<Int32Array>();
    expectTypeOf(composeTerritory).returns.toEqualTypeOf<ComposedTerritory>();
    expectTypeOf<ComposedTerritory['geometry']>().toEqualTypeOf<MultiPolygon>();
    expectTypeOf(createContiguityProvider).parameter(0).toEqualTypeOf<CommuneTopology | null | undefined>();
    expectTypeOf<ContiguityProvider>().toEqualTypeOf<(communeCodes: readonly string[]) => Contiguity>();
    expectTypeOf<Contiguity>().toEqualTypeOf<boolean | 'unknown'>();
    expectTypeOf(geodesicArea).returns.toBeNumber();
    expectTypeOf(renderSvg).returns.toBeString();
  });
});
