import type { ResolvedTerritory, TerritoryProvider, TerritoryRef } from '../../src/rules/index.js';

/** A toy territory provider: codes starting with 59 or 62 are in the region; arrondissement = first
 * 3 characters, EPCI = first 4, département = first 2; "59999" is invalid; "59000" is mapped to 59350. */
export const toyTerritory: TerritoryProvider = {
  resolve(ref: TerritoryRef): ResolvedTerritory {
    const codes = [...(ref.communes ?? []), ...(ref.departements ?? []), ...(ref.epcis ?? [])];
    const inside = codes
      .filter((c) => /^(59|62)/.test(c) && c !== '59999')
      .map((c) => (c === '59000' ? '59350' : c));
    return {
      communes: inside,
      outside: codes.filter((c) => !/^(59|62)/.test(c)),
      invalid: codes.filter((c) => c === '59999'),
      warnings: codes.includes('59000') ? [{ code: 'mapped-code', message: '59000 → 59350' }] : [],
      units: (mesh) => {
        const n = { departement: 2, arrondissement: 3, epci: 4 }[mesh];
        return n ? [...new Set(inside.map((c) => c.slice(0, n)))] : undefined;
      },
    };
  },
};
