/**
 * `resolveTerritory` sums up a territory made of one unit (an EPCI, an arrondissement, a département)
 * once, and reads a current commune code without classifying it: the answers are those of a brute-force
 * reference built here from the region's commune list, and every call returns its own arrays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMUNE_CODE } from '../../src/_shared/inseeCodes.js';
import {
  arrondissements,
  classifyCommuneCode,
  communes,
  departements,
  epcis,
  resolveTerritory,
} from '../../src/territory/index.js';

const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

/** The communes and coverage of a territory, from the region's communes alone. */
function reference(
  ref: { communes?: string[]; epcis?: string[]; arrondissements?: string[]; departements?: string[] },
  region = '32',
) {
  const all = communes(region);
  const byCode = new Map(all.map((c) => [c.code, c]));
  const codes: string[] = [];
  for (const code of ref.communes ?? []) {
    if (!COMMUNE_CODE.test(code)) continue;
    const c = classifyCommuneCode(code, { region });
    if (c.kind === 'in-region') codes.push(c.match.commune.code);
  }
  for (const siren of ref.epcis ?? []) codes.push(...all.filter((c) => c.epci === siren).map((c) => c.code));
  for (const a of ref.arrondissements ?? [])
    codes.push(...all.filter((c) => c.arrondissement === a).map((c) => c.code));
  for (const d of ref.departements ?? [])
    codes.push(...all.filter((c) => c.departement === d).map((c) => c.code));
  const out = sorted(codes);
  const of = out.map((code) => byCode.get(code)!);
  return {
    communes: out,
    covered: {
      departements: sorted(of.map((c) => c.departement)),
      arrondissements: sorted(of.flatMap((c) => (c.arrondissement ? [c.arrondissement] : []))),
      epcis: sorted(of.flatMap((c) => (c.epci ? [c.epci] : []))),
    },
  };
}

const hdf = {
  communes: communes('32').map((c) => c.code),
  epcis: epcis('32').map((e) => e.siren),
  arrondissements: arrondissements('32').map((a) => a.code),
  departements: departements('32').map((d) => d.code),
};
const someOf = (codes: readonly string[], extra: readonly string[], max: number) =>
  fc.uniqueArray(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...codes) }, fc.constantFrom(...extra)), {
    maxLength: max,
  });
const refs = fc.record(
  {
    communes: someOf(hdf.communes, ['02394', '76540', '75056', '59999', '2A004', 'x'], 4),
    epcis: someOf(hdf.epcis, ['200043495', '241400878', '123456789', '12'], 3),
    arrondissements: someOf(hdf.arrondissements, ['141', '999'], 2),
    departements: someOf(hdf.departements, ['76', '14', '99'], 2),
  },
  { requiredKeys: [] },
);

describe('resolveTerritory: one unit summed up once, current codes read directly', () => {
  it('each unit of Hauts-de-France alone, twice, matches the reference', () => {
    for (const field of ['epcis', 'arrondissements', 'departements'] as const)
      for (const code of hdf[field]) {
        const expected = reference({ [field]: [code] });
        for (let round = 0; round < 2; round++) {
          const r = resolveTerritory({ [field]: [code] });
          expect({ communes: r.communes, covered: r.covered }).toEqual(expected);
        }
      }
  });

  it('any mix of codes matches the reference (communes and coverage)', () => {
    fc.assert(
      fc.property(refs, (ref) => {
        const r = resolveTerritory(ref);
        expect({ communes: r.communes, covered: r.covered }).toEqual(reference(ref));
        // A current commune of the region is never reported.
        for (const d of r.diagnostics)
          if (d.field === 'communes')
            expect(hdf.communes.includes(d.code) && d.kind !== 'mapped').toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('another region’s units too', () => {
    for (const d of departements('28').map((x) => x.code))
      expect(resolveTerritory({ departements: [d] }, { region: '28' }).communes).toEqual(
        reference({ departements: [d] }, '28').communes,
      );
  });

  it('every call returns its own arrays (a caller may change them)', () => {
    const first = resolveTerritory({ epcis: ['240200600'] });
    const expected = structuredClone(first);
    first.communes.length = 0;
    first.covered.departements.push('99');
    first.covered.arrondissements.length = 0;
    first.covered.epcis.push('x');
    expect(resolveTerritory({ epcis: ['240200600'] })).toEqual(expected);
  });
});
