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
  it('cites the seed in every sourced criterion, marks every parameter and invents no funding', () => {
    // The byte-exact check of every quote against the seed is test/data/rules-provenance.test.ts.
    const rs = itieRuleSets()[0]!;
    expect(rs.validFrom).toBe('2023-01-01');
    expect(rs.validTo).toBeUndefined();
    expect(rs.validityProvenance?.mark).toBe('inferred');
    expect(rs.funding?.enabled).toBe(false);
    for (const c of rs.criteria.filter((c) => c.source)) expect(c.source!.quote!.length).toBeGreaterThan(10);
    for (const p of rs.parameters)
      expect(['assumption', 'inferred', 'confirmed']).toContain(p.provenance.mark);
    expect(rs.parameters.map((p) => p.name).join()).not.toMatch(/rate|cap|amount|deadline/i);
  });
  it('resolves units of built-in meshes', () => {
    const t = hautsDeFranceTerritory().resolve({ epcis: ['200043495'] });
    expect(t.units('departement')).toEqual(['02']);
    expect(t.units('nope')).toBeUndefined();
  });
});
