import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/_shared/normalizeName.js';
import {
  classifyCommuneCode,
  commune,
  communes,
  communesByPostalCode,
  departement,
  epci,
  InvalidCodeError,
  regions,
  requireCommune,
  resolveTerritory,
  searchCommunes,
  territoryProvider,
  UnknownCodeError,
} from '../../src/territory/index.js';

// The independent reference: the source package's own files, read directly.
const require = createRequire(import.meta.url);
const dir = join(require.resolve('@etalab/decoupage-administratif/package.json'), '../data');
interface Src {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  chefLieu?: string;
  commune?: string;
  anciensCodes?: string[];
  codesPostaux?: string[];
  zone?: string;
}
const source = JSON.parse(readFileSync(join(dir, 'communes.json'), 'utf8')) as Src[];
const current = source.filter((c) => c.type === 'commune-actuelle');
const currentCodes = new Set(current.map((c) => c.code));
const sourceRegions = JSON.parse(readFileSync(join(dir, 'regions.json'), 'utf8')) as Src[];

describe('France-wide graph against the source', () => {
  it('has every current commune of the source (34,969), 18 regions and 1,255 EPCI', () => {
    expect(current).toHaveLength(34969);
    const ours = regions().flatMap((r) => communes(r.code));
    expect(ours.length + communes('COM').length).toBe(current.length);
    expect(regions()).toHaveLength(18);
    expect(regions().map((r) => r.code)).toEqual(
      sourceRegions
        .filter((r) => r.zone !== 'com')
        .map((r) => r.code)
        .sort(),
    );
    const sirens = JSON.parse(readFileSync(join(dir, 'epci.json'), 'utf8')) as Src[];
    expect(sirens).toHaveLength(1255);
    for (const e of sirens) expect(epci(e.code)?.name).toBe(e.nom);
  });

  it('every commune of the source resolves to itself, in its region (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...current), (c) => {
        const match = commune(c.code);
        expect(match?.mapped).toBe(false);
        expect(match?.commune.name).toBe(c.nom);
        expect(match?.commune.departement).toBe(c.departement);
        expect(match?.commune.region).toBe(c.zone === 'com' ? null : c.region);
        if (c.zone !== 'com') {
          expect(classifyCommuneCode(c.code, { region: c.region }).kind).toBe('in-region');
          const other = c.region === '32' ? '28' : '32';
          expect(classifyCommuneCode(c.code, { region: other }).kind).toBe('outside-region');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('every old code maps to its current commune; delegated, associated and municipal codes too', () => {
    const oldCodes = current.flatMap((c) =>
      (c.anciensCodes ?? []).filter((o) => !currentCodes.has(o)).map((o) => [o, c.code] as const),
    );
    const aliasOf = new Map(oldCodes);
    for (const c of source) {
      if (c.type === 'commune-actuelle' || currentCodes.has(c.code)) continue;
      aliasOf.set(c.code, (c.type === 'arrondissement-municipal' ? c.commune : c.chefLieu) as string);
    }
    expect(aliasOf.size).toBeGreaterThan(4000);
    for (const [old, target] of aliasOf) {
      const match = commune(old);
      expect(match?.mapped, old).toBe(true);
      expect(match?.commune.code, old).toBe(target);
      expect(match?.mappedFrom).toBe(old);
    }
  });

  it('every postal code of the source finds its communes', () => {
    const byPostal = new Map<string, Set<string>>();
    for (const c of current) {
      for (const pc of c.codesPostaux ?? []) byPostal.set(pc, (byPostal.get(pc) ?? new Set()).add(c.code));
    }
    for (const [pc, codes] of byPostal) {
      expect(new Set(communesByPostalCode(pc).map((c) => c.code)), pc).toEqual(codes);
    }
  });
});

describe('adversarial codes', () => {
  it('2A004 is Ajaccio in Corse (94)', () => {
    expect(commune('2A004')?.commune).toMatchObject({ name: 'Ajaccio', departement: '2A', region: '94' });
    expect(classifyCommuneCode('2A004').message).toBe(
      'commune code 2A004 is outside Hauts-de-France (département 2A, Corse)',
    );
    expect(commune('20001')?.commune.code).toBe('2A001'); // old code of the single Corsican département
  });
  it('97411 is Saint-Denis in La Réunion (04)', () => {
    expect(commune('97411')?.commune).toMatchObject({
      name: 'Saint-Denis',
      departement: '974',
      region: '04',
    });
    expect(requireCommune('97411', { region: '04' }).commune.name).toBe('Saint-Denis');
  });
  it('98735 is Papeete, in the collectivité d’outre-mer 987 (no region in the COG)', () => {
    expect(commune('98735')?.commune).toMatchObject({ name: 'Papeete', departement: '987', region: null });
    expect(departement('987')).toMatchObject({ name: 'Polynésie française', region: null });
    const c = classifyCommuneCode('98735', { region: '32' });
    expect(c).toMatchObject({ kind: 'outside-region', region: { code: 'COM' } });
    expect(territoryProvider('32').resolve({ communes: ['98735'] }).outside).toEqual(['98735']);
    expect(() => territoryProvider('COM')).toThrow(InvalidCodeError);
  });
  it('rejects malformed, lowercase, padded and hostile input with a typed error', () => {
    for (const bad of [
      '',
      ' 59350',
      '59350 ',
      '2a004',
      '5935',
      '593500',
      '59 350',
      '__proto__',
      'constructor',
    ]) {
      expect(() => commune(bad), bad).toThrow(InvalidCodeError);
    }
    for (const bad of [null, undefined, 59350, {}, []]) {
      expect(() => commune(bad as never)).toThrow(InvalidCodeError);
    }
    expect(() => classifyCommuneCode('x'.repeat(100000))).toThrow(InvalidCodeError);
    expect(() => resolveTerritory({}, { region: '99' })).toThrow(InvalidCodeError);
    expect(() => territoryProvider('__proto__')).toThrow(InvalidCodeError);
    expect(() => searchCommunes('lille', { region: 'constructor' })).toThrow(InvalidCodeError);
    expect(() => searchCommunes('lille', { departement: '99' })).toThrow(InvalidCodeError);
  });
  it('an unknown code is unknown wherever its département is, and never loads a chunk for it', () => {
    expect(commune('76999')).toBeUndefined();
    expect(classifyCommuneCode('76999').kind).toBe('unknown');
    expect(classifyCommuneCode('96001')).toMatchObject({ kind: 'unknown', departement: null });
    expect(() => requireCommune('76999', { region: '28' })).toThrow(UnknownCodeError);
  });
  it('survives arbitrary strings (property): a match, undefined or InvalidCodeError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9AB]{5}$/)), (value) => {
        try {
          const m = commune(value);
          if (m) expect(m.commune.code).toMatch(/^(?:\d{2}|2[AB])\d{3}$/);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidCodeError);
        }
        expect(Array.isArray(searchCommunes(value, { region: 'all' }))).toBe(true);
      }),
    );
  });
});

describe('territoryProvider()', () => {
  it('Caen resolves in Normandie; 76999 is invalid, Lille outside', () => {
    const t = territoryProvider('28').resolve({ communes: ['14118', '76999', '59350', 'nope'] });
    expect(t.communes).toEqual(['14118']);
    expect(t.outside).toEqual(['59350']);
    expect(t.invalid).toEqual(['76999', 'nope']);
    expect(t.units('departement')).toEqual(['14']);
  });
  it('maps old codes with a warning and flags an EPCI crossing the boundary', () => {
    const normandie = territoryProvider('28').resolve({ epcis: ['200069722'] });
    expect(normandie.communes.every((c) => c.startsWith('76'))).toBe(true);
    expect(normandie.warnings.map((w) => w.code)).toEqual(['epci-crosses-region']);
    const hdf = territoryProvider('32').resolve({ epcis: ['200069722', '200065597'], communes: ['02394'] });
    expect(hdf.communes.every((c) => c.startsWith('80') || c === '02008')).toBe(true);
    expect(hdf.outside).toEqual(['200065597']);
    expect(hdf.warnings.map((w) => w.code).sort()).toEqual(['epci-crosses-region', 'mapped-code']);
  });
  it('never throws on hostile references', () => {
    const p = territoryProvider('84');
    for (const ref of [
      {},
      { communes: [] },
      { communes: [1, null] as never },
      null as never,
      { epcis: 'x' as never },
    ]) {
      expect(() => p.resolve(ref)).not.toThrow();
    }
  });
});

describe('searchCommunes()', () => {
  it('reads st, ste and s. as Saint/Sainte', () => {
    expect(searchCommunes('st quentin', { limit: 1 })[0]?.name).toBe('Saint-Quentin');
    expect(searchCommunes('St-Quentin', { limit: 1 })[0]?.name).toBe('Saint-Quentin');
    expect(searchCommunes('s. quentin', { limit: 1 })[0]?.name).toBe('Saint-Quentin');
    const hits = searchCommunes('ste genevieve', { region: 'all' });
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.every((c) => c.name.includes('Sainte-Geneviève'))).toBe(true);
    expect(searchCommunes('st', { limit: 1 })[0]?.name).toMatch(/^St/); // a word being typed stays a prefix
  });
  it('finds delegated and associated communes and municipal arrondissements by their own names', () => {
    const [lomme] = searchCommunes('Lomme', { limit: 1 });
    expect(lomme).toMatchObject({ code: '59350', matchedAlias: { code: '59355', name: 'Lomme' } });
    const [paris15] = searchCommunes('paris 15e', { region: 'all', limit: 1 });
    expect(paris15).toMatchObject({ code: '75056', matchedAlias: { via: 'arrondissement-municipal' } });
    expect(searchCommunes('Lille', { limit: 1 })[0]?.matchedAlias).toBeUndefined();
  });
  it('scopes by region and département', () => {
    expect(searchCommunes('caen', { limit: 1 })).toEqual([]);
    expect(searchCommunes('caen', { region: '28', limit: 1 })[0]?.code).toBe('14118');
    expect(
      searchCommunes('saint', { departement: '14', limit: 30 }).every((c) => c.departement === '14'),
    ).toBe(true);
    expect(searchCommunes('saint', { region: '32', departement: '14' })).toEqual([]);
  });
  it('ranks like an independent scan of every name (property, all of France)', () => {
    const all = [...regions().flatMap((r) => communes(r.code)), ...communes('COM')];
    const byCode = new Map(all.map((c) => [c.code, c]));
    // Own names, then other names (delegated, associated, municipal) straight from the source.
    const names = [
      ...all.map((c) => ({ c, n: normalizeName(c.name), other: 0 })),
      ...source
        .filter((s) => s.type !== 'commune-actuelle')
        .map((s) => ({
          c: byCode.get((s.type === 'arrondissement-municipal' ? s.commune : s.chefLieu) as string),
          n: normalizeName(s.nom),
          other: 1,
        }))
        .filter((e): e is { c: (typeof all)[number]; n: string; other: number } => e.c !== undefined),
    ];
    const reference = (q: string, limit: number): string[] => {
      const qn = normalizeName(q);
      const bestRank = new Map<string, { c: (typeof all)[number]; rank: number }>();
      for (const { c, n, other } of names) {
        const quality = n === qn ? 0 : n.startsWith(qn) ? 2 : ` ${n}`.includes(` ${qn}`) ? 4 : -1;
        if (quality < 0) continue;
        const rank = quality + other;
        const prev = bestRank.get(c.code);
        if (!prev || rank < prev.rank) bestRank.set(c.code, { c, rank });
      }
      const hits = [...bestRank.values()];
      hits.sort(
        (a, b) =>
          a.rank - b.rank ||
          (b.c.population ?? -1) - (a.c.population ?? -1) ||
          (a.c.code < b.c.code ? -1 : 1),
      );
      return hits.slice(0, limit).map((h) => h.c.code);
    };
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 100 }),
        (c, cut, limit) => {
          const q = normalizeName(c.name).slice(0, cut + 2);
          if (/^(st|ste|s)( |$)/.test(q)) return; // expanded
          const ours = searchCommunes(q, { region: 'all', limit }).map((r) => r.code);
          expect(ours).toEqual(reference(q, limit));
        },
      ),
      { numRuns: 150 },
    );
  });
});
