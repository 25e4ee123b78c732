import { normalizeName } from '../../_shared/normalizeName.js';
import { GRAPH_JSON } from '../_data/graph.generated.js';
import type { Arrondissement } from '../schemas/Arrondissement.js';
import type { Commune, CommuneMatch } from '../schemas/Commune.js';
import type { Departement } from '../schemas/Departement.js';
import type { Epci } from '../schemas/Epci.js';
import type { Region } from '../schemas/Region.js';
import type { TerritoryDataFile } from '../schemas/TerritoryDataFile.js';
import type { TerritoryVintage } from '../schemas/TerritoryVintage.js';

/** The parsed, indexed territory graph (built once, on first use). */
export interface Graph {
  vintage: TerritoryVintage;
  region: Region;
  communes: readonly Commune[];
  communeByCode: ReadonlyMap<string, Commune>;
  /** Current, old, delegated and associated codes → precomputed frozen match. */
  matchByCode: ReadonlyMap<string, CommuneMatch>;
  byPostalCode: ReadonlyMap<string, readonly Commune[]>;
  epcis: readonly Epci[];
  epciBySiren: ReadonlyMap<string, Epci>;
  arrondissements: readonly Arrondissement[];
  arrondissementByCode: ReadonlyMap<string, Arrondissement>;
  departements: readonly Departement[];
  departementByCode: ReadonlyMap<string, Departement>;
  /** Old codes of a regional département whose current commune is in another region. */
  externalAliases: ReadonlyMap<string, { current: string; name: string; departement: string }>;
  /** Every département of France → name and region. */
  franceDepartements: ReadonlyMap<string, { name: string; region: string }>;
  regionNames: ReadonlyMap<string, string>;
}

/** Word-suffix index of normalised commune names (sorted), for prefix search by binary search. */
export interface SearchIndex {
  /** Normalised name of each commune (same order as `Graph.communes`). */
  names: readonly string[];
  suffixes: readonly string[];
  /** Commune index of each suffix. */
  suffixCommune: Int32Array;
  /** 1 when the suffix starts at the beginning of the name. */
  suffixAtStart: Uint8Array;
}

let graph: Graph | undefined;

/** @internal Whether the graph has been parsed (for the laziness test). */
export function isLoaded(): boolean {
  return graph !== undefined;
}

let searchIndex: SearchIndex | undefined;

/** @internal The search index, built on the first search (not part of the graph load). */
export function getSearchIndex(): SearchIndex {
  if (searchIndex === undefined) searchIndex = buildSearchIndex(getGraph().communes);
  return searchIndex;
}

function buildSearchIndex(communes: readonly Commune[]): SearchIndex {
  const names = communes.map((c) => normalizeName(c.name));
  const suffixes: string[] = [];
  const owners: number[] = [];
  const atStart: number[] = [];
  names.forEach((n, i) => {
    suffixes.push(n);
    owners.push(i);
    atStart.push(1);
    for (let p = n.indexOf(' '); p !== -1; p = n.indexOf(' ', p + 1)) {
      suffixes.push(n.slice(p + 1));
      owners.push(i);
      atStart.push(0);
    }
  });
  const order = Array.from(suffixes.keys()).sort((a, b) => {
    const x = suffixes[a] as string;
    const y = suffixes[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  return {
    names,
    suffixes: order.map((k) => suffixes[k] as string),
    suffixCommune: Int32Array.from(order, (k) => owners[k] as number),
    suffixAtStart: Uint8Array.from(order, (k) => atStart[k] as number),
  };
}

/** @internal The graph, parsed and indexed on the first call. */
export function getGraph(): Graph {
  if (graph === undefined) graph = build(JSON.parse(GRAPH_JSON) as TerritoryDataFile);
  return graph;
}

const freezeArr = <T>(a: T[]): readonly T[] => Object.freeze(a);

function build(data: TerritoryDataFile): Graph {
  const vintage: TerritoryVintage = Object.freeze({
    ...data.vintage,
    population: Object.freeze({ ...data.population }),
  });

  const communes: Commune[] = [];
  const communeByCode = new Map<string, Commune>();
  const matchByCode = new Map<string, CommuneMatch>();
  const pcLists = new Map<string, Commune[]>();
  const epciMembers = new Map<string, string[]>();
  const arrMembers = new Map<string, string[]>();
  const depMembers = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string): void => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const [code, name, dep, arr, epci, postalCodes, population] of data.communes) {
    const c: Commune = Object.freeze({
      code,
      name,
      departement: dep,
      arrondissement: arr,
      epci,
      postalCodes: freezeArr([...postalCodes]) as string[],
      population,
    });
    communes.push(c);
    communeByCode.set(code, c);
    matchByCode.set(code, Object.freeze({ commune: c, mapped: false }));
    for (const pc of postalCodes) {
      const list = pcLists.get(pc);
      if (list) list.push(c);
      else pcLists.set(pc, [c]);
    }
    if (epci) push(epciMembers, epci, code);
    push(arrMembers, arr, code);
    push(depMembers, dep, code);
  }
  for (const [old, current, via, aliasName] of data.aliases) {
    const c = communeByCode.get(current);
    if (!c || matchByCode.has(old)) continue;
    const match: CommuneMatch = { commune: c, mapped: true, mappedFrom: old, via };
    if (aliasName !== null) match.aliasName = aliasName;
    matchByCode.set(old, Object.freeze(match));
  }
  const byPostalCode = new Map<string, readonly Commune[]>();
  for (const [pc, list] of pcLists) {
    list.sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1));
    byPostalCode.set(pc, freezeArr(list));
  }

  const epcis: Epci[] = data.epcis.map(([siren, name, type, outside]) => {
    const members = epciMembers.get(siren) ?? [];
    const deps = new Set(members.map((m) => communeByCode.get(m)?.departement ?? ''));
    for (const [, , d] of outside) deps.add(d);
    return Object.freeze({
      siren,
      name,
      type,
      members: freezeArr(members) as string[],
      outsideMembers: freezeArr(
        outside.map(([code, n, departement]) => Object.freeze({ code, name: n, departement })),
      ) as Epci['outsideMembers'],
      crossesRegion: outside.length > 0,
      departements: freezeArr([...deps].sort()) as string[],
    });
  });
  const arrondissements: Arrondissement[] = data.arrondissements.map(([code, name, departement, chefLieu]) =>
    Object.freeze({
      code,
      name,
      departement,
      chefLieu,
      communes: freezeArr(arrMembers.get(code) ?? []) as string[],
    }),
  );
  const departements: Departement[] = data.departements.map(([code, name, chefLieu]) =>
    Object.freeze({
      code,
      name,
      region: data.region[0],
      chefLieu,
      arrondissements: freezeArr(
        arrondissements.filter((a) => a.departement === code).map((a) => a.code),
      ) as string[],
      communes: freezeArr(depMembers.get(code) ?? []) as string[],
    }),
  );
  const region: Region = Object.freeze({
    code: data.region[0],
    name: data.region[1],
    chefLieu: data.region[2],
    departements: freezeArr(departements.map((d) => d.code)) as string[],
  });

  return {
    vintage,
    region,
    communes: freezeArr(communes),
    communeByCode,
    matchByCode,
    byPostalCode,
    epcis: freezeArr(epcis),
    epciBySiren: new Map(epcis.map((e) => [e.siren, e])),
    arrondissements: freezeArr(arrondissements),
    arrondissementByCode: new Map(arrondissements.map((a) => [a.code, a])),
    departements: freezeArr(departements),
    departementByCode: new Map(departements.map((d) => [d.code, d])),
    externalAliases: new Map(
      data.externalAliases.map(([old, current, name, departement]) => [old, { current, name, departement }]),
    ),
    franceDepartements: new Map(
      data.franceDepartements.map(([code, name, r]) => [code, { name, region: r }]),
    ),
    regionNames: new Map(data.regions),
  };
}
