import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  type CachedContours,
  contoursPath,
  createOdsClient,
  findCachedContours,
  type GeoCommune,
  type HttpError,
  isHttpError,
  isQuotaExceededError,
  type OdsRecord,
  type PageCursor,
  type PagedIterator,
  type PulledContours,
  pullContours,
  type QuotaExceededError,
} from '../../src/opendata/index.js';

describe('opendata types', () => {
  const ods = createOdsClient({ baseUrl: 'http://127.0.0.1:1/api/explore/v2.1' });
  const Commune = z.object({ code_insee: z.string(), population: z.number() });

  it('types records by the caller schema', () => {
    expectTypeOf(ods.getRecords('x', { schema: Commune })).resolves.toEqualTypeOf<{
      totalCount: number | undefined;
      records: { code_insee: string; population: number }[];
    }>();
    expectTypeOf(ods.iterateRecords('x', { schema: Commune, keyField: 'population' })).toEqualTypeOf<
      PagedIterator<{ code_insee: string; population: number }>
    >();
    expectTypeOf(ods.iterateRecords('x')).toEqualTypeOf<PagedIterator<OdsRecord>>();
    expectTypeOf(ods.iterateRecords('x').cursor).toEqualTypeOf<PageCursor>();
  });

  it('narrows errors with the guards', () => {
    const e: unknown = undefined;
    if (isQuotaExceededError(e)) expectTypeOf(e.resetTime).toEqualTypeOf<Date | undefined>();
    if (isHttpError(e)) expectTypeOf(e).toEqualTypeOf<HttpError>();
    expectTypeOf<QuotaExceededError['name']>().toEqualTypeOf<'QuotaExceededError'>();
  });

  it('contours cache API', () => {
    expectTypeOf(contoursPath).returns.toEqualTypeOf<string>();
    expectTypeOf(findCachedContours).returns.resolves.toEqualTypeOf<CachedContours | null>();
    expectTypeOf(pullContours).returns.resolves.toEqualTypeOf<PulledContours>();
    expectTypeOf<GeoCommune['code']>().toEqualTypeOf<string>();
  });
});
