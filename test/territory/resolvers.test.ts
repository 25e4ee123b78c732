import { describe, expect, it } from 'vitest';
import {
  arrondissement,
  arrondissements,
  builtinMesh,
  Commune,
  classifyCommuneCode,
  commune,
  communes,
  communesByPostalCode,
  departement,
  departements,
  Epci,
  epci,
  epciOf,
  epcis,
  InvalidCodeError,
  ResolvedTerritory,
  region,
  requireCommune,
  resolveTerritory,
  searchCommunes,
  territoryVintage,
  UnknownCodeError,
  unitOf,
} from '../../src/territory/index.js';

describe('commune()', () => {
  it('resolves Lille 59350 in the Métropole Européenne de Lille', () => {
    const m = commune('59350');
    expect(m?.mapped).toBe(false);
    expect(m?.commune).toMatchObject({
      code: '59350',
      name: 'Lille',
      departement: '59',
      arrondissement: '595',
      epci: '200093201',
    });
    expect(m?.commune.postalCodes).toContain('59000');
    expect(Commune.parse(m?.commune)).toEqual(m?.commune);
  });

  it("maps a merged commune's old code to the current commune", () => {
    // Aizy-Jouy (02008) has anciensCodes ["02394"]; Anizy-le-Grand (02018) ["02434", "02301"].
    expect(commune('02394')).toMatchObject({ mapped: true, mappedFrom: '02394', via: 'ancien-code' });
    expect(commune('02394')?.commune.code).toBe('02008');
    expect(commune('02301')?.commune.name).toBe('Anizy-le-Grand');
  });

  it('maps delegated and associated communes', () => {
    expect(commune('02026')).toMatchObject({ via: 'commune-deleguee', aliasName: 'Artonges' });
    expect(commune('02026')?.commune.code).toBe('02458');
    // Escaufourt (02285), associated commune of Saint-Souplet (59545, Nord).
    expect(commune('02285')).toMatchObject({ via: 'commune-associee', aliasName: 'Escaufourt' });
    expect(commune('02285')?.commune.code).toBe('59545');
    // A delegated commune sharing its code with the current commune is the current commune.
    expect(commune('02018')?.mapped).toBe(false);
  });

  it('returns the same frozen object on every call', () => {
    expect(commune('59350')).toBe(commune('59350'));
    expect(Object.isFrozen(commune('59350'))).toBe(true);
    expect(Object.isFrozen(commune('59350')?.commune)).toBe(true);
  });

  it('returns undefined for unknown codes, throws a typed error naming a malformed code', () => {
    expect(commune('59999')).toBeUndefined();
    expect(commune('76999')).toBeUndefined();
    expect(commune('76540')?.commune).toMatchObject({ name: 'Rouen', region: '28' });
    expect(() => commune('5935')).toThrow(InvalidCodeError);
    expect(() => commune('5935')).toThrow(/"5935"/);
    expect(() => commune('ABCDE')).toThrow(InvalidCodeError);
  });
});

describe('classifyCommuneCode() / requireCommune()', () => {
  it('tells in-region, outside-region and unknown apart', () => {
    expect(classifyCommuneCode('59350').kind).toBe('in-region');
    const outside = classifyCommuneCode('76540');
    expect(outside).toMatchObject({
      kind: 'outside-region',
      departement: { code: '76' },
      region: { code: '28', name: 'Normandie' },
    });
    const unknown = classifyCommuneCode('59999');
    expect(unknown.kind).toBe('unknown');
    expect(unknown.message).toBe('unknown commune code 59999 (département 59 is in Hauts-de-France)');
    expect(classifyCommuneCode('00001')).toMatchObject({ kind: 'unknown', departement: null });
    expect(classifyCommuneCode('2A004').kind).toBe('outside-region');
  });

  it('knows regional old codes now in another region', () => {
    // 02344 is an old code of Cormicy (51171, Marne, Grand Est).
    expect(classifyCommuneCode('02344')).toMatchObject({
      kind: 'outside-region',
      currentCode: '51171',
      region: { name: 'Grand Est' },
    });
  });

  it('throws typed errors', () => {
    expect(() => classifyCommuneCode('59-350')).toThrow(InvalidCodeError);
    expect(() => requireCommune('59999')).toThrow(UnknownCodeError);
    expect(() => requireCommune('59999')).toThrow(
      'unknown commune code 59999 (département 59 is in Hauts-de-France)',
    );
    try {
      requireCommune('76540');
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownCodeError);
      expect((error as UnknownCodeError).reason).toBe('outside-region');
      expect((error as UnknownCodeError).message).toContain('Normandie');
    }
  });
});

describe('communesByPostalCode()', () => {
  it('returns every commune sharing a postal code, most populated first', () => {
    const list = communesByPostalCode('59132');
    expect(list.map((c) => c.code).sort()).toEqual(
      ['59045', '59132', '59198', '59261', '59420', '59445', '59601', '59633'].filter((c) => c !== '59132'),
    );
    expect(list[0]?.name).toBe('Trélon');
    expect(communesByPostalCode('59000').map((c) => c.code)).toEqual(['59350']);
  });
  it('returns an empty array for a postal code of no commune, throws on a malformed one', () => {
    expect(communesByPostalCode('00000')).toEqual([]);
    expect(communesByPostalCode('76000').map((c) => c.code)).toEqual(['76540']);
    expect(() => communesByPostalCode('5900')).toThrow(InvalidCodeError);
  });
});

describe('searchCommunes()', () => {
  it('ignores case, accents, hyphens, apostrophes and ligatures', () => {
    expect(searchCommunes('saint quentin')[0]?.code).toBe('02691');
    expect(searchCommunes('Compiegne')[0]?.name).toBe('Compiègne');
    expect(searchCommunes('Oeuilly')[0]?.name).toBe('Œuilly');
    expect(searchCommunes('villeneuve d ascq')[0]?.name).toBe("Villeneuve-d'Ascq");
    expect(searchCommunes("VILLENEUVE-D'ASCQ")[0]?.code).toBe('59009');
  });
  it('ranks exact, then prefix, then word prefix, then by population', () => {
    const names = searchCommunes('lille', { limit: 5 }).map((c) => c.name);
    expect(names[0]).toBe('Lille');
    expect(names[1]).toBe('Lillers');
    const res = searchCommunes('saint', { limit: 50 });
    for (let i = 1; i < res.length; i++) {
      expect((res[i - 1] as Commune).population ?? 0).toBeGreaterThanOrEqual(
        (res[i] as Commune).population ?? 0,
      );
    }
  });
  it('honours limit and empty queries', () => {
    expect(searchCommunes('saint', { limit: 3 })).toHaveLength(3);
    expect(searchCommunes('  ')).toEqual([]);
    expect(searchCommunes('zzzzzz')).toEqual([]);
  });
});

describe('EPCI, arrondissements, départements, region', () => {
  it('resolves the Métropole Européenne de Lille and the EPCI of Lille', () => {
    const mel = epci('200093201');
    expect(Epci.parse(mel)).toEqual(mel);
    expect(mel?.name).toBe('Métropole Européenne de Lille');
    expect(mel?.members).toContain('59350');
    expect(mel?.crossesRegion).toBe(false);
    expect(epciOf('59350')).toBe(mel);
    expect(epciOf(commune('59350')!.commune)).toBe(mel);
    expect(() => epci('2000932')).toThrow(InvalidCodeError);
    expect(epci('200000172')?.regions).toEqual(['84']);
    expect(epci('200000172', { region: '32' })).toBeUndefined();
    expect(epci('123456789')).toBeUndefined();
  });

  it('flags the members of an EPCI crossing the regional boundary', () => {
    const aumale = epci('200069722');
    expect(aumale?.crossesRegion).toBe(true);
    expect(aumale?.outsideMembers.map((m) => m.code)).toContain('76035');
    expect(aumale?.outsideMembers.every((m) => m.departement === '76')).toBe(true);
    expect(aumale?.departements).toEqual(['76', '80']);
    expect(
      epcis()
        .filter((e) => e.crossesRegion)
        .map((e) => e.siren),
    ).toEqual(['200069722', '247600588']);
  });

  it('has the counts of COG 2026', () => {
    expect(communes()).toHaveLength(3782);
    expect(epcis()).toHaveLength(92);
    expect(arrondissements()).toHaveLength(26);
    expect(departements().map((d) => d.code)).toEqual(['02', '59', '60', '62', '80']);
    const perDep = Object.fromEntries(departements().map((d) => [d.code, d.communes.length]));
    expect(perDep).toEqual({ '02': 797, '59': 647, '60': 680, '62': 887, '80': 771 });
    expect(region()).toMatchObject({ code: '32', name: 'Hauts-de-France', chefLieu: '59350' });
  });

  it('looks up arrondissements and départements', () => {
    expect(arrondissement('595')).toMatchObject({ name: 'Lille', departement: '59', chefLieu: '59350' });
    expect(arrondissement('763')?.name).toBe('Rouen');
    expect(arrondissement('599')).toBeUndefined();
    expect(() => arrondissement('5')).toThrow(InvalidCodeError);
    expect(departement('80')?.arrondissements).toEqual(['801', '802', '803', '804']);
    expect(departement('76')?.region).toBe('28');
    expect(departement('96')).toBeUndefined();
    expect(() => departement('7')).toThrow(InvalidCodeError);
  });

  it('states its vintage', () => {
    expect(territoryVintage()).toMatchObject({
      cog: 2026,
      sourceVersion: '6.0.0',
      population: { year: null },
    });
  });
});

describe('resolveTerritory()', () => {
  it('resolves mixed references and reports every bad code without throwing', () => {
    const t = resolveTerritory({
      communes: ['59350', '02394', '76540', '59999', '5935', 42 as unknown as string],
      epcis: ['200069722', '123456789'],
      arrondissements: ['763', '595'],
      departements: ['76', '80'],
    });
    expect(ResolvedTerritory.parse(t)).toEqual(t);
    expect(t.inRegion).toBe(false);
    const kinds = t.diagnostics.map((d) => `${d.path}:${d.kind}`);
    expect(kinds).toEqual([
      'communes[1]:mapped',
      'communes[2]:outside-region',
      'communes[3]:unknown',
      'communes[4]:invalid',
      'communes[5]:invalid',
      'epcis[0]:outside-region',
      'epcis[1]:unknown',
      'arrondissements[0]:outside-region',
      'departements[0]:outside-region',
    ]);
    expect(t.diagnostics[0]).toMatchObject({
      mappedTo: '02008',
      severity: 'info',
      field: 'communes',
      index: 1,
    });
    expect(t.diagnostics[1]).toMatchObject({
      departement: '76',
      region: { code: '28' },
      severity: 'warning',
    });
    expect(t.diagnostics[5]?.outside).toHaveLength(34);
    expect(t.communes).toContain('02008');
    expect(t.communes).toContain('59350');
    expect(t.communes).not.toContain('76540');
    expect([...t.communes].sort()).toEqual(t.communes);
    expect(new Set(t.communes).size).toBe(t.communes.length);
    expect(t.covered.departements).toEqual(['02', '59', '80']);
  });

  it('resolves an EPCI to its in-region members and covers its units', () => {
    const t = resolveTerritory({ epcis: ['200093201'] });
    expect(t.communes).toHaveLength(95);
    expect(t.inRegion).toBe(true);
    expect(t.diagnostics).toEqual([]);
    expect(t.covered).toEqual({ departements: ['59'], arrondissements: ['595'], epcis: ['200093201'] });
  });

  it('returns an empty territory for an empty reference', () => {
    expect(resolveTerritory({})).toEqual({
      communes: [],
      inRegion: true,
      diagnostics: [],
      covered: { departements: [], arrondissements: [], epcis: [] },
    });
  });
});

describe('built-in meshes', () => {
  it('partition the region', () => {
    for (const kind of ['departement', 'arrondissement', 'epci'] as const) {
      const mesh = builtinMesh(kind);
      const all = mesh.units.flatMap((u) => u.communes);
      expect(new Set(all).size).toBe(3782);
      expect(all).toHaveLength(3782);
      expect(mesh.kind).toBe(kind);
      expect(builtinMesh(kind)).toBe(mesh);
    }
    expect(unitOf(builtinMesh('epci'), '59350')?.code).toBe('200093201');
    expect(unitOf(builtinMesh('departement'), '02394')?.code).toBe('02');
    expect(unitOf(builtinMesh('departement'), '76540')).toBeUndefined();
  });
});
