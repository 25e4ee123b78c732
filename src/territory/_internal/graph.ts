import type { Arrondissement } from '../schemas/Arrondissement.js';
import type { Commune, CommuneMatch } from '../schemas/Commune.js';
import type { Departement } from '../schemas/Departement.js';
import type { Epci } from '../schemas/Epci.js';
import type { Region } from '../schemas/Region.js';
import type { TerritoryDataFile } from '../schemas/TerritoryDataFile.js';
import type { TerritoryVintage } from '../schemas/TerritoryVintage.js';

/**
 * The parsed, indexed graph of one chunk (a region, or the collectivités d'outre-mer). The communes and
 * their codes are built with the chunk; the other indexes on first access (getters).
 */
export interface Graph {
  /** Chunk key: the region's INSEE code, or `COM`. */
  key: string;
  vintage: TerritoryVintage;
  /** The region (`null` for the chunk of the collectivités d'outre-mer). */
  region: Region | null;
  /** The region's name, or « collectivités d'outre-mer ». */
  name: string;
  communes: readonly Commune[];
  communeByCode: ReadonlyMap<string, Commune>;
  /** Current, old, delegated, associated and municipal-arrondissement codes → precomputed frozen match. */
  matchByCode: ReadonlyMap<string, CommuneMatch>;
  byPostalCode: ReadonlyMap<string, readonly Commune[]>;
  epcis: readonly Epci[];
  epciBySiren: ReadonlyMap<string, Epci>;
  arrondissements: readonly Arrondissement[];
  arrondissementByCode: ReadonlyMap<string, Arrondissement>;
  departements: readonly Departement[];
  departementByCode: ReadonlyMap<string, Departement>;
  /** Names searchable besides the communes' own: `[code, currentCode, via, name]`. */
  searchAliases: TerritoryDataFile['searchAliases'];
}

const freezeArr = <T>(a: T[]): readonly T[] => Object.freeze(a);

/** Sorts communes most populated first (unknown population last), then by code. */
export function byPopulation(a: Commune, b: Commune): number {
  return (b.population ?? -1) - (a.population ?? -1) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * Builds the graph of one chunk.
 * @param data - The parsed chunk.
 * @param epciRegions - SIREN → every chunk with a member (from the index).
 * @param sink - When given, every entry of `matchByCode` is also set there, in the same pass.
 */
export function buildGraph(
  data: TerritoryDataFile,
  epciRegions: (siren: string) => readonly string[],
  sink?: Map<string, CommuneMatch>,
): Graph {
  const vintage: TerritoryVintage = Object.freeze({
    ...data.vintage,
    population: Object.freeze({ ...data.population }),
  });
  const regionCode = data.region ? data.region[0] : null;

  // Eager: what a lookup by code needs. Lazy (built on first use, once): postal codes, EPCI,
  // arrondissements and départements, so that the first `commune()` of a region pays only for its
  // communes and codes.
  const communes: Commune[] = new Array(data.communes.length);
  const communeByCode = new Map<string, Commune>();
  const matchByCode = new Map<string, CommuneMatch>();
  // Indexed loops, no destructuring: this runs once per chunk, cold (interpreted), where the iterator
  // protocol of `for (const [a, b] of rows)` costs more than the work itself.
  const rows = data.communes;
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at] as TerritoryDataFile['communes'][number];
    const code = row[0];
    const c: Commune = Object.freeze({
      code,
      name: row[1],
      departement: row[2],
      region: regionCode,
      arrondissement: row[3],
      epci: row[4],
      postalCodes: freezeArr(row[5]) as string[],
      population: row[6],
    });
    communes[at] = c;
    communeByCode.set(code, c);
    const match: CommuneMatch = Object.freeze({ commune: c, mapped: false });
    matchByCode.set(code, match);
    sink?.set(code, match);
  }
  const aliasRows = data.aliases;
  for (let at = 0; at < aliasRows.length; at++) {
    const [old, current, via, aliasName] = aliasRows[at] as TerritoryDataFile['aliases'][number];
    const c = communeByCode.get(current);
    if (!c || matchByCode.has(old)) continue;
    const match: CommuneMatch = { commune: c, mapped: true, mappedFrom: old, via };
    if (aliasName !== null) match.aliasName = aliasName;
    Object.freeze(match);
    matchByCode.set(old, match);
    sink?.set(old, match);
  }

  const once = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    let made = false;
    return () => {
      if (!made) {
        value = make();
        made = true;
      }
      return value as T;
    };
  };
  const membersBy = (key: (c: Commune) => string | null): Map<string, string[]> => {
    const out = new Map<string, string[]>();
    for (const c of communes) {
      const k = key(c);
      if (k === null) continue;
      const list = out.get(k);
      if (list) list.push(c.code);
      else out.set(k, [c.code]);
    }
    return out;
  };
  const byPostalCode = once(() => {
    const lists = new Map<string, Commune[]>();
    for (const c of communes) {
      for (const pc of c.postalCodes) {
        const list = lists.get(pc);
        if (list) list.push(c);
        else lists.set(pc, [c]);
      }
    }
    const out = new Map<string, readonly Commune[]>();
    for (const [pc, list] of lists) out.set(pc, freezeArr(list.sort(byPopulation)));
    return out;
  });
  const epcis = once(() => {
    const epciMembers = membersBy((c) => c.epci);
    return freezeArr(
      data.epcis.map(([siren, name, type, outside]): Epci => {
        const members = epciMembers.get(siren) ?? [];
        const deps = new Set(members.map((m) => communeByCode.get(m)?.departement ?? ''));
        for (const [, , d] of outside) deps.add(d);
        return Object.freeze({
          siren,
          name,
          type,
          region: data.key,
          regions: freezeArr([...epciRegions(siren)]) as string[],
          members: freezeArr(members) as string[],
          outsideMembers: freezeArr(
            outside.map(([code, n, departement]) => Object.freeze({ code, name: n, departement })),
          ) as Epci['outsideMembers'],
          crossesRegion: outside.length > 0,
          departements: freezeArr([...deps].sort()) as string[],
        });
      }),
    );
  });
  const epciBySiren = once(() => new Map(epcis().map((e) => [e.siren, e])));
  const arrondissements = once(() => {
    const arrMembers = membersBy((c) => c.arrondissement);
    return freezeArr(
      data.arrondissements.map(
        ([code, name, departement, chefLieu]): Arrondissement =>
          Object.freeze({
            code,
            name,
            departement,
            chefLieu,
            communes: freezeArr(arrMembers.get(code) ?? []) as string[],
          }),
      ),
    );
  });
  const arrondissementByCode = once(() => new Map(arrondissements().map((a) => [a.code, a])));
  const departements = once(() => {
    const depMembers = membersBy((c) => c.departement);
    return freezeArr(
      data.departements.map(
        ([code, name, chefLieu]): Departement =>
          Object.freeze({
            code,
            name,
            region: regionCode,
            chefLieu,
            arrondissements: freezeArr(
              arrondissements()
                .filter((a) => a.departement === code)
                .map((a) => a.code),
            ) as string[],
            communes: freezeArr(depMembers.get(code) ?? []) as string[],
          }),
      ),
    );
  });
  const departementByCode = once(() => new Map(departements().map((d) => [d.code, d])));
  const region: Region | null = data.region
    ? Object.freeze({
        code: data.region[0],
        name: data.region[1],
        chefLieu: data.region[2],
        departements: freezeArr(data.departements.map((d) => d[0])) as string[],
      })
    : null;

  return {
    key: data.key,
    vintage,
    region,
    name: region ? region.name : 'collectivités d’outre-mer',
    communes: freezeArr(communes),
    communeByCode,
    matchByCode,
    get byPostalCode() {
      return byPostalCode();
    },
    get epcis() {
      return epcis();
    },
    get epciBySiren() {
      return epciBySiren();
    },
    get arrondissements() {
      return arrondissements();
    },
    get arrondissementByCode() {
      return arrondissementByCode();
    },
    get departements() {
      return departements();
    },
    get departementByCode() {
      return departementByCode();
    },
    searchAliases: data.searchAliases,
  };
}
