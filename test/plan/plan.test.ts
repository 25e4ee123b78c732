import { describe, expect, it } from 'vitest';
import {
  Ambition,
  ambition,
  ambitions,
  governanceBodies,
  InvalidDateError,
  isCprdfopError,
  isWithinPlanPeriod,
  justificationText,
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
    for (const c of [...s.categories, ...s.otherCategories]) expect(ids.has(c)).toBe(true);
  });
  it('lists as signatories only the categories the quoted source names; the others are inferred', () => {
    const s = plan().signatories;
    expect(s.categories).toEqual([
      'etat',
      'region',
      'organisations-syndicales-salaries',
      'organisations-professionnelles-employeurs',
    ]);
    expect(s.provenance.mark).toBe('confirmed');
    expect(s.provenance.quote).toBe(
      "document contractuel signé par l'Etat, la Région et les partenaires sociaux",
    );
    expect(s.otherCategories).toEqual([
      'branches-professionnelles',
      'organisations-professionnelles',
      'acteurs-formation-orientation-insertion-economie',
    ]);
    expect(s.otherCategoriesProvenance.mark).toBe('inferred');
    expect(s.categories.filter((c) => s.otherCategories.includes(c))).toEqual([]);
  });
  it('gives every justification in French and English', () => {
    const j = planPeriod().provenance.justification;
    expect(
      typeof j === 'object' &&
        j.fr.startsWith('Aucune source ne donne') &&
        j.en.startsWith('No source gives'),
    ).toBe(true);
    expect(justificationText(j, 'fr')).toMatch(/^Aucune source/);
    expect(justificationText(j, 'en')).toMatch(/^No source/);
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
  it('labels with the package’s corrected spelling, quotes with the source’s', () => {
    expect(ambition(2)?.label.fr.startsWith('Élever le niveau')).toBe(true);
    expect(ambition(2)?.provenance.quote?.startsWith('Elever le niveau')).toBe(true);
    expect(ambition(1)?.label.en).toContain('economic, societal and environmental');
    expect(ambition(1)?.label.fr).toContain('qu’aux besoins');
    expect(ambition(1)?.provenance.quote).toContain("qu'aux besoins");
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
    // Attested as a category of partner; confirmed by a cited source, or inferred (with why) when
    // the project's domain facts attest it without naming the page.
    for (const c of attested) {
      if (c.provenance.mark !== 'confirmed') {
        expect(c.provenance.mark, c.id).toBe('inferred');
        expect(c.provenance.justification, c.id).toBeDefined();
      }
    }
    expect(attested.filter((c) => c.provenance.mark === 'confirmed').map((c) => c.id)).toEqual([
      'etat',
      'region',
      'partenaires-sociaux',
      'organisations-syndicales-salaries',
      'organisations-professionnelles-employeurs',
      'branches-professionnelles',
      'organisations-professionnelles',
    ]);
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
  it('marks the year of ITIE as inferred from context (the seed says « en janvier »)', () => {
    const itie = schemes().find((s) => s.id === 'itie');
    expect(itie?.period).toBe('2023-');
    expect(itie?.periodProvenance?.mark).toBe('inferred');
    expect(itie?.periodProvenance?.quote).toBe('la Région a adopté en janvier le cadre d’intervention');
  });
  it('cites no law number the sources do not give', () => {
    const text = JSON.stringify(governanceBodies());
    expect(text).not.toMatch(/2014-288|2023-1196|présentation du CREFOP/);
    expect(governanceBodies().find((b) => b.id === 'comite-regional-emploi')?.legalBasis).toContain(
      '2024-560',
    );
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
