import { describe, expect, it } from 'vitest';
import {
  ApplicationError,
  checkApplication,
  hautsDeFranceTerritory,
  itieRuleSets,
  parseApplication,
  safeParseApplication,
} from '../../src/itie/index.js';

describe('ITIE application validation', () => {
  it('accepts an empty application (every field may be absent)', () => {
    expect(safeParseApplication({}).success).toBe(true);
  });
  it('names the path of every problem', () => {
    const r = safeParseApplication({
      carrier: { legalForm: 'sarl' },
      publics: ['jeunes', 'martiens'],
      budget: { total: -1 },
      schedule: { start: '2023-02-30' },
      territory: {},
    });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues.map((i) => i.path).sort()).toEqual(
        ['budget.total', 'carrier.legalForm', 'publics[1]', 'schedule.start', 'territory'].sort(),
      );
    }
  });
  it('an unknown code of a region département is invalid; another département is not', () => {
    const r = safeParseApplication({ territory: { communes: ['02408', '02999'], epcis: ['123456789'] } });
    expect(r.success ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      ['territory.communes[1]', 'unknown-code'],
      ['territory.epcis[0]', 'unknown-code'],
    ]);
    expect(safeParseApplication({ territory: { communes: ['76540'] } }).success).toBe(true);
    expect(safeParseApplication({ carrier: { commune: '59999' } }).success).toBe(false);
  });
  it('rejects prototype keys and unknown keys', () => {
    expect(safeParseApplication(JSON.parse('{"__proto__": {"x": 1}}')).success).toBe(false);
    expect(safeParseApplication({ budjet: {} }).success).toBe(false);
    expect(() => parseApplication({ themes: 'mobilite' })).toThrow(ApplicationError);
  });
});

describe('checkApplication', () => {
  it('maps an old code with a warning and fails codes outside the region', () => {
    const ok = checkApplication({ territory: { communes: ['02394'] }, submittedOn: '2023-04-03' });
    expect(ok.ok && ok.explanation.warnings.map((w) => w.code)).toEqual(['mapped-code']);
    const out = checkApplication({ territory: { communes: ['02408', '76540'] }, submittedOn: '2023-04-03' });
    expect(out.ok && out.explanation.criteria.find((c) => c.id === 'deployed-in-region')?.status).toBe(
      'fail',
    );
  });
  it('a date before the framework → not-in-force issue', () => {
    const r = checkApplication({ submittedOn: '2022-12-31' });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['not-in-force']);
  });
  it('quotes the seed sentence in every sourced criterion and invents no funding', () => {
    const rs = itieRuleSets()[0]!;
    expect(rs.validFrom).toBe('2023-01-01');
    expect(rs.funding?.enabled).toBe(false);
    for (const c of rs.criteria.filter((c) => c.source)) {
      const quote = c.source!.quote!.split(' […] ')[0]!;
      expect(SEED.replace(/\s+/g, ' ')).toContain(
        quote.replace(/\s+/g, ' ').replace(/^Sont concernés les/, 'Sont concernés les'),
      );
    }
    for (const p of rs.parameters) expect(['assumption', 'seed']).toContain(p.provenance.mark);
    expect(rs.parameters.map((p) => p.name).join()).not.toMatch(/rate|cap|amount|deadline/i);
  });
  it('resolves units of built-in meshes', () => {
    const t = hautsDeFranceTerritory().resolve({ epcis: ['200043495'] });
    expect(t.units('departement')).toEqual(['02']);
    expect(t.units('nope')).toBeUndefined();
  });
});

const SEED =
  `Première initiative concrète du CPRDFOP : la Région a adopté en janvier le cadre d’intervention "Soutenir les initiatives territoriales pour l’insertion et l’emploi (ITIE)" et a lancé un appel à projets afin de soutenir les initiatives déployées en Hauts-de-France qui contribuent à améliorer les conditions d’accueil, de formation, d’insertion et d’intégration des actifs. Sont concernés les projets collectifs et concertés à l’échelle d’un territoire de proximité, apportant des solutions concrètes aux besoins d’insertion et de formation des publics éloignés de l’emploi – la mobilité, les transitions ou reconversion professionnelles, l’attractivité des métiers, etc. – mais aussi répondre aux difficultés de recrutement des entreprises.`.replace(
    /’/g,
    "'",
  );
