import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  type Ambition,
  ambition,
  type Mark,
  type Plan,
  type Provenance,
  plan,
  planYear,
} from '../../src/index.js';
import type { Ambition as AmbitionSchema } from '../../src/model/ambition.js';

describe('plan model types', () => {
  it('infers the types from the schemas', () => {
    expectTypeOf<Ambition>().toEqualTypeOf<z.infer<typeof AmbitionSchema>>();
    expectTypeOf<Mark>().toEqualTypeOf<'confirmed' | 'inferred' | 'assumption'>();
    expectTypeOf<Provenance['quote']>().toEqualTypeOf<string | undefined>();
  });
  it('types the functions', () => {
    expectTypeOf(ambition).returns.toEqualTypeOf<Ambition | undefined>();
    expectTypeOf(plan).returns.toEqualTypeOf<Plan>();
    expectTypeOf(planYear).parameter(0).toEqualTypeOf<Date | string>();
    expectTypeOf(planYear).returns.toEqualTypeOf<number | undefined>();
  });
});
