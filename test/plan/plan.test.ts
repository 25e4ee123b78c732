import { describe, expect, it } from 'vitest';
import {
  Ambition,
  ambition,
  ambitions,
  governanceBodies,
  InvalidDateError,
  isCprdfopError,
  isWithinPlanPeriod,
  partnerCategories,
  plan,
  planPeriod,
  planYear,
  schemes,
} from '../../src/index.js';

describe('plan()', () => {
  it('describes the CPRDFOP Hauts-de-France 2022-2028 from the sources', () => {
    const p = plan();
    expect(p.regionCode).toBe('32');
    expect(p.period.label).toBe('2022-2028');
    expect(p.period.aliases.map((a) => a.label)).toEqual(['2022-2027', '2023-2028']);
    expect(p.dates.signed.date).toBe('2023-02-10');
    expect(p.dates.presentedToCouncillors.date).toBe('2022-12-09');
    expect(p.dates.announcedUpdate.date).toBe('2025');
    expect(p.dates.elaborationStart.date).toBe('2021-12');
  });
  it('describes signatories by category and count range only, never by name', () => {
    const s = plan().signatories;
    expect(s.count).toEqual({ min: 80, approx: 100 });
    expect(s.namedListPublished).toBe(false);
    const ids = new Set(partnerCategories().map((c) => c.id));
    for (const c of s.categories) expect(ids.has(c)).toBe(true);
  });
  it('is frozen and loaded once', () => {
    expect(plan()).toBe(plan());
    expect(Object.isFrozen(plan().dates)).toBe(true);
  });
});

describe('ambition(n) / ambitions()', () => {
  it('returns the four ambitions in order, the fourth unverified', () => {
    expect(ambitions().map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(ambitions().map((a) => a.verified)).toEqual([true, true, true, false]);
    expect(ambition(4)?.provenance.mark).toBe('inferred');
    for (const a of ambitions()) expect(Ambition.safeParse(a).success).toBe(true);
  });
  it('keeps the seed paraphrase as an alias of ambitions 1-3', () => {
    for (const n of [1, 2, 3])
      expect(ambition(n)?.aliases[0]?.provenance.source.title).toMatch(/février 2023/);
  });
  it.each([0, 5, 7, -1, 1.5, Number.NaN])('returns undefined for %s without throwing', (n) => {
    expect(ambition(n)).toBeUndefined();
  });
});

describe('partnerCategories()', () => {
  it('separates attested and inferred categories', () => {
    const all = partnerCategories();
    const attested = partnerCategories({ attestedOnly: true });
    expect(attested.length).toBeLessThan(all.length);
    expect(attested.every((c) => c.provenance.mark === 'confirmed')).toBe(true);
    expect(all.filter((c) => !c.attested).every((c) => c.provenance.mark !== 'confirmed')).toBe(true);
    expect(attested.map((c) => c.id)).toContain('organisations-syndicales-salaries');
  });
  it('references existing parents only', () => {
    const ids = new Set(partnerCategories().map((c) => c.id));
    for (const c of partnerCategories()) if (c.parent) expect(ids.has(c.parent)).toBe(true);
  });
});

describe('governance and schemes', () => {
  it('lists the CREFOP and its bureau', () => {
    const crefop = governanceBodies().find((b) => b.acronym === 'CREFOP');
    expect(crefop?.legalBasis).toMatch(/5 mars 2014/);
    expect(governanceBodies().find((b) => b.id === 'crefop-bureau')?.parent).toBe('crefop');
  });
  it('links each scheme to existing ambitions, all links inferred', () => {
    expect(schemes().map((s) => s.id)).toEqual([
      'spro',
      'proch-orientation',
      'proch-emploi',
      'pric',
      'prf',
      'itie',
    ]);
    for (const s of schemes()) {
      expect(s.ambitions.length).toBeGreaterThan(0);
      for (const l of s.ambitions) {
        expect(ambition(l.ambition)).toBeDefined();
        expect(l.provenance.mark).toBe('inferred');
      }
    }
  });
});

describe('planPeriod / isWithinPlanPeriod / planYear', () => {
  it('exposes six plan years with assumed boundaries', () => {
    const p = planPeriod();
    expect(p.years).toBe(6);
    expect(p.provenance.mark).toBe('assumption');
    expect(p.provenance.justification).toBeTruthy();
  });
  it.each([
    ['2022-08-31', false, undefined],
    ['2022-09-01', true, 1],
    ['2023-08-31', true, 1],
    ['2023-09-01', true, 2],
    ['2026-11-28', true, 5],
    ['2027-09-01', true, 6],
    ['2028-08-31', true, 6],
    ['2028-09-01', false, undefined],
  ])('%s → within %s, year %s', (date, within, year) => {
    expect(isWithinPlanPeriod(date)).toBe(within);
    expect(planYear(date)).toBe(year);
    expect(planYear(new Date(`${date}T12:00:00`))).toBe(year);
  });
  it.each(['2023-02-30', '2023-13-01', '10/02/2023', '', 'soon'])(
    'rejects %j with a typed error naming it',
    (bad) => {
      expect(() => planYear(bad)).toThrow(InvalidDateError);
      try {
        isWithinPlanPeriod(bad);
      } catch (error) {
        expect(isCprdfopError(error)).toBe(true);
        expect((error as Error).message).toContain(JSON.stringify(bad));
      }
    },
  );
  it('rejects an invalid Date object', () => {
    expect(() => planYear(new Date('nope'))).toThrow(/invalid date/);
  });
});
