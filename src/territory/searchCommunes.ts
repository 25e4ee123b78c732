import { DEPARTEMENT_CODE } from './_internal/codes.js';
import { chunkOfDepartement, DEFAULT_REGION, getCore, getGraph } from './_internal/france.js';
import type { Graph } from './_internal/graph.js';
import { normalizeName } from './_internal/normalize.js';
import { InvalidCodeError } from './InvalidCodeError.js';
import type { Commune } from './schemas/Commune.js';

/** Options of {@link searchCommunes}. @category Resolvers */
export interface SearchCommunesOptions {
  /** Maximum number of results (default 10). */
  limit?: number | undefined;
  /**
   * Where to search: an INSEE region code (default `"32"`, Hauts-de-France), `"COM"` (collectivités
   * d'outre-mer) or `"all"` (all of France: loads every chunk).
   */
  region?: string | undefined;
  /** Only communes of this département (loads its region only); combined with `region`, both apply. */
  departement?: string | undefined;
}

/** A result of {@link searchCommunes}: a current commune, marked when it was found by another name. */
export type CommuneSearchResult = Commune & {
  /**
   * Present when the query matched the name of a delegated or associated commune, or of a municipal
   * arrondissement, rather than the commune's own name (« Lomme » → Lille).
   */
  readonly matchedAlias?: {
    readonly code: string;
    readonly name: string;
    readonly via: 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  };
};

/** Word-suffix index of normalised names (sorted), for prefix search by binary search. */
interface SearchIndex {
  /** Per entry: the result object and the slot of its commune (entries of one commune share a slot). */
  results: readonly CommuneSearchResult[];
  slotOf: Int32Array;
  names: readonly string[];
  suffixes: readonly string[];
  suffixEntry: Int32Array;
  suffixAtStart: Uint8Array;
  slots: number;
  stamp: Int32Array;
  best: Int32Array;
}

const indexes = new Map<string, SearchIndex>();

function buildIndex(graphs: readonly Graph[]): SearchIndex {
  const results: CommuneSearchResult[] = [];
  const slotOf: number[] = [];
  const slotByCode = new Map<string, number>();
  for (const g of graphs) {
    for (const c of g.communes) {
      slotByCode.set(c.code, slotByCode.size);
      results.push(c);
      slotOf.push(slotByCode.size - 1);
    }
  }
  for (const g of graphs) {
    for (const [code, current, via, name] of g.searchAliases) {
      const c = g.communeByCode.get(current);
      const slot = slotByCode.get(current);
      if (!c || slot === undefined) continue;
      results.push(Object.freeze({ ...c, matchedAlias: Object.freeze({ code, name, via }) }));
      slotOf.push(slot);
    }
  }
  const names = results.map((r) => normalizeName(r.matchedAlias ? r.matchedAlias.name : r.name));
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
    results,
    slotOf: Int32Array.from(slotOf),
    names,
    suffixes: order.map((k) => suffixes[k] as string),
    suffixEntry: Int32Array.from(order, (k) => owners[k] as number),
    suffixAtStart: Uint8Array.from(order, (k) => atStart[k] as number),
    slots: slotByCode.size,
    stamp: new Int32Array(slotByCode.size),
    best: new Int32Array(slotByCode.size),
  };
}

function indexFor(scope: string): SearchIndex {
  let index = indexes.get(scope);
  if (index === undefined) {
    const keys = scope === 'all' ? getCore().chunks : [scope];
    index = buildIndex(keys.map((key) => getGraph(key)));
    indexes.set(scope, index);
  }
  return index;
}

const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  st: ['saint'],
  ste: ['sainte'],
  s: ['saint', 'sainte'],
};

/**
 * The normalised query and its variants with `st`/`ste`/`s.` spelled out: a token is expanded when
 * another word follows it or when it was typed with a full stop (« st quentin », « Ste-Marie », « s. »).
 */
function variants(raw: string, normalized: string): string[] {
  const tokens = normalized.split(' ');
  const dotted = new Set(
    [...raw.toLowerCase().matchAll(/(?:^|[^a-z])(st|ste|s)\s*\./g)].map((m) => m[1] as string),
  );
  let out: string[][] = [[]];
  tokens.forEach((token, i) => {
    const expansions = EXPANSIONS[token];
    const expand = expansions !== undefined && (i < tokens.length - 1 || dotted.has(token));
    const choices = expand ? [...expansions, ...(token === 's' ? [] : [token])] : [token];
    out = out.flatMap((prefix) => choices.map((choice) => [...prefix, choice])).slice(0, 8);
  });
  const all = out.map((t) => t.join(' '));
  return [...new Set([normalized, ...all])];
}

let generation = 0;

/**
 * Searches current communes by name, ignoring case, accents, hyphens, apostrophes and ligatures
 * ("saint quentin", "Compiegne", "Oeuilly" and "villeneuve d ascq" all work); `st`, `ste` and `s.` are
 * read as Saint/Sainte (« st quentin »). Delegated and associated communes and the municipal
 * arrondissements of Paris, Lyon and Marseille are found by their own names and give their current
 * commune, marked with `matchedAlias` (« Lomme » → Lille). The query must match the start of the name
 * or of one of its words. Results are ranked by match quality (exact name, then name prefix, then word
 * prefix), then by population (largest first), then code; a commune appears once.
 *
 * @param query - Free text, e.g. `"saint quentin"`.
 * @param options - `limit` (default 10), `region` (default `"32"`; `"all"` for France), `departement`.
 * @returns Up to `limit` communes, best first (empty for an empty query).
 * @throws {@link InvalidCodeError} when `region` or `departement` is not a code of COG 2026.
 * @throws {@link RegionNotLoadedError} when a chunk is needed and cannot be read synchronously (browsers).
 * @example
 * ```ts
 * import { searchCommunes } from 'cprdfop/territory';
 * searchCommunes('saint quentin', { limit: 1 })[0]?.code; // "02691"
 * searchCommunes('st quentin', { limit: 1 })[0]?.code; // "02691"
 * searchCommunes('Compiegne', { limit: 1 })[0]?.name; // "Compiègne"
 * searchCommunes('Lomme', { limit: 1 })[0]?.matchedAlias?.name; // "Lomme"
 * searchCommunes('Lomme', { limit: 1 })[0]?.name; // "Lille"
 * searchCommunes('caen', { region: 'all', limit: 1 })[0]?.code; // "14118"
 * searchCommunes('saint', { departement: '80', limit: 1 })[0]?.departement; // "80"
 * ```
 * @category Resolvers
 */
export function searchCommunes(query: string, options: SearchCommunesOptions = {}): CommuneSearchResult[] {
  const limit = options.limit === undefined ? 10 : Math.max(0, Math.floor(options.limit));
  const { departement } = options;
  if (departement !== undefined && (typeof departement !== 'string' || !DEPARTEMENT_CODE.test(departement))) {
    throw new InvalidCodeError(departement, 'département');
  }
  const depChunk = departement === undefined ? undefined : chunkOfDepartement(departement);
  if (departement !== undefined && depChunk === undefined)
    throw new InvalidCodeError(departement, 'département');
  const scope = options.region ?? depChunk ?? DEFAULT_REGION;
  if (scope !== 'all' && !getCore().chunks.includes(scope)) throw new InvalidCodeError(scope, 'region');
  const q = normalizeName(String(query));
  if (q === '' || !(limit > 0)) return [];
  if (depChunk !== undefined && scope !== 'all' && scope !== depChunk) return [];
  const index = indexFor(scope);
  const { suffixes, suffixEntry, suffixAtStart, names, slotOf, stamp, best, results } = index;
  generation = (generation + 1) | 0 || 1;
  const hits: number[] = [];
  for (const variant of variants(String(query), q)) {
    // Lower bound of the variant among sorted suffixes.
    let lo = 0;
    let hi = suffixes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((suffixes[mid] as string) < variant) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < suffixes.length; k++) {
      const s = suffixes[k] as string;
      if (!s.startsWith(variant)) break;
      const entry = suffixEntry[k] as number;
      const result = results[entry] as CommuneSearchResult;
      if (departement !== undefined && result.departement !== departement) continue;
      // 0: exact name, 1: name prefix, 2: word prefix; ×2, +1 for a match by another name.
      const quality =
        suffixAtStart[k] === 1 ? ((names[entry] as string).length === variant.length ? 0 : 1) : 2;
      const rank = quality * 2 + (result.matchedAlias ? 1 : 0);
      const slot = slotOf[entry] as number;
      if (stamp[slot] !== generation) {
        stamp[slot] = generation;
        best[slot] = rank * 0x1000000 + entry;
        hits.push(slot);
      } else if (rank < Math.floor((best[slot] as number) / 0x1000000)) best[slot] = rank * 0x1000000 + entry;
    }
  }
  hits.sort((a, b) => {
    const ba = best[a] as number;
    const bb = best[b] as number;
    const r = Math.floor(ba / 0x1000000) - Math.floor(bb / 0x1000000);
    if (r !== 0) return r;
    const ca = results[ba % 0x1000000] as Commune;
    const cb = results[bb % 0x1000000] as Commune;
    return (cb.population ?? -1) - (ca.population ?? -1) || (ca.code < cb.code ? -1 : 1);
  });
  const out: CommuneSearchResult[] = [];
  for (let k = 0; k < hits.length && k < limit; k++) {
    out.push(results[(best[hits[k] as number] as number) % 0x1000000] as CommuneSearchResult);
  }
  return out;
}
