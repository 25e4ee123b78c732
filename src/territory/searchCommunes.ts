import { renderBoth } from '../_shared/messages.js';
import { normalizeName } from '../_shared/normalizeName.js';
import { showValue } from '../_shared/showValue.js';
import { CprdfopError } from '../errors.js';
import { DEPARTEMENT_CODE } from './_internal/codes.js';
import { chunkOfDepartement, DEFAULT_REGION, getCore, getGraph } from './_internal/france.js';
import type { Graph } from './_internal/graph.js';
import { searchKey } from './_internal/searchKey.js';
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
  /** Per slot: population (−1 when unknown) and the rank of the commune's code among all codes. */
  slotPopulation: Float64Array;
  slotCodeRank: Int32Array;
  /**
   * Built on the first query matching many names: per suffix its static score (match quality,
   * other-name flag, population, code; higher first) and a segment tree of the suffix with the best
   * score per node (leaves at `leaves + k`; −1 when empty).
   */
  ranking?: { score: Float64Array; tree: Int32Array; leaves: number };
}

const indexes = new Map<string, SearchIndex>();

function buildIndex(graphs: readonly Graph[]): SearchIndex {
  // Built once per scope, cold (interpreted): indexed loops, no destructuring, no closures per row,
  // and the suffixes sorted by the engine's own string order rather than a JS comparator.
  const results: CommuneSearchResult[] = [];
  const slotOf: number[] = [];
  const slotByCode = new Map<string, number>();
  for (let g = 0; g < graphs.length; g++) {
    const communes = (graphs[g] as Graph).communes;
    for (let at = 0; at < communes.length; at++) {
      const c = communes[at] as Commune;
      const slot = slotByCode.size;
      slotByCode.set(c.code, slot);
      results.push(c);
      slotOf.push(slot);
    }
  }
  for (let g = 0; g < graphs.length; g++) {
    const graph = graphs[g] as Graph;
    const aliases = graph.searchAliases;
    for (let at = 0; at < aliases.length; at++) {
      const [code, current, via, name] = aliases[at] as Graph['searchAliases'][number];
      const c = graph.communeByCode.get(current);
      const slot = slotByCode.get(current);
      if (!c || slot === undefined) continue;
      results.push(Object.freeze({ ...c, matchedAlias: Object.freeze({ code, name, via }) }));
      slotOf.push(slot);
    }
  }
  const names: string[] = new Array(results.length);
  // Suffix → the entries having it, in entry order: sorting the distinct suffixes with the default
  // (code-unit) order then listing each one's entries gives the order (suffix, entry) without a
  // comparator.
  const owners = new Map<string, number[]>();
  const add = (suffix: string, entry: number): void => {
    const list = owners.get(suffix);
    if (list === undefined) owners.set(suffix, [entry]);
    else list.push(entry);
  };
  let count = 0;
  for (let entry = 0; entry < results.length; entry++) {
    const result = results[entry] as CommuneSearchResult;
    const normalized = searchKey(result.matchedAlias ? result.matchedAlias.name : result.name);
    names[entry] = normalized;
    add(normalized, entry);
    count++;
    for (let p = normalized.indexOf(' '); p !== -1; p = normalized.indexOf(' ', p + 1)) {
      // A word suffix is marked by a negative entry (−1 − entry): not at the start of the name.
      add(normalized.slice(p + 1), -1 - entry);
      count++;
    }
  }
  const distinct = [...owners.keys()].sort();
  const suffixes: string[] = new Array(count);
  const suffixEntry = new Int32Array(count);
  const suffixAtStart = new Uint8Array(count);
  let k = 0;
  for (let d = 0; d < distinct.length; d++) {
    const suffix = distinct[d] as string;
    const list = owners.get(suffix) as number[];
    // Already in entry order (entries were added in order; an entry has each suffix at most once).
    for (let at = 0; at < list.length; at++) {
      const owner = list[at] as number;
      suffixes[k] = suffix;
      suffixEntry[k] = owner < 0 ? -1 - owner : owner;
      suffixAtStart[k] = owner < 0 ? 0 : 1;
      k++;
    }
  }
  const slots = slotByCode.size;
  const slotPopulation = new Float64Array(slots);
  const slotCodeRank = new Int32Array(slots);
  // One chunk's communes are already in code order; several chunks need a sort.
  if (graphs.length === 1) for (let slot = 0; slot < slots; slot++) slotCodeRank[slot] = slot;
  else {
    const codes = [...slotByCode.keys()].sort();
    for (let rank = 0; rank < codes.length; rank++)
      slotCodeRank[slotByCode.get(codes[rank] as string) as number] = rank;
  }
  for (let entry = 0; entry < results.length; entry++)
    slotPopulation[slotOf[entry] as number] = (results[entry] as CommuneSearchResult).population ?? -1;
  return {
    slotPopulation,
    slotCodeRank,
    results,
    slotOf: Int32Array.from(slotOf),
    names,
    suffixes,
    suffixEntry,
    suffixAtStart,
    slots,
    stamp: new Int32Array(slots),
    best: new Int32Array(slots),
  };
}

/** Rank first (lower is better), then population (higher), then code order: one comparable number. */
function staticScore(rank: number, population: number, codeRank: number): number {
  return -rank * 1e13 + (population + 1) * 1e5 + (99999 - codeRank);
}

function ranking(index: SearchIndex): NonNullable<SearchIndex['ranking']> {
  if (index.ranking !== undefined) return index.ranking;
  const { suffixEntry, suffixAtStart, slotOf, results, slotPopulation, slotCodeRank } = index;
  const count = index.suffixes.length;
  const score = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const entry = suffixEntry[k] as number;
    const slot = slotOf[entry] as number;
    score[k] = staticScore(
      (suffixAtStart[k] === 1 ? 1 : 2) * 2 + (results[entry]?.matchedAlias ? 1 : 0),
      slotPopulation[slot] as number,
      slotCodeRank[slot] as number,
    );
  }
  let leaves = 1;
  while (leaves < count) leaves *= 2;
  const tree = new Int32Array(2 * leaves).fill(-1);
  for (let k = 0; k < count; k++) tree[leaves + k] = k;
  for (let node = leaves - 1; node >= 1; node--) {
    const left = tree[2 * node] as number;
    const right = tree[2 * node + 1] as number;
    tree[node] =
      right === -1 || (left !== -1 && (score[left] as number) >= (score[right] as number)) ? left : right;
  }
  index.ranking = { score, tree, leaves };
  return index.ranking;
}

/** The suffix with the best score in [lo, hi), or −1. */
function bestIn(index: SearchIndex, lo: number, hi: number): number {
  const { tree, score, leaves } = ranking(index);
  let best = -1;
  const take = (k: number): void => {
    if (k !== -1 && (best === -1 || (score[k] as number) > (score[best] as number))) best = k;
  };
  for (let l = lo + leaves, r = hi + leaves; l < r; l >>= 1, r >>= 1) {
    if (l & 1) take(tree[l++] as number);
    if (r & 1) take(tree[--r] as number);
  }
  return best;
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

// A Map, not an object literal: a query word such as « constructor » or « __proto__ » must not find
// Object.prototype's members.
const EXPANSIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['st', ['saint']],
  ['ste', ['sainte']],
  ['s', ['saint', 'sainte']],
]);

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
    const expansions = EXPANSIONS.get(token);
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
 * @throws {CprdfopError} `E_INVALID_OPTION` when `query` is not a string, or `limit` not a number.
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
  // A query or a limit of the wrong type is said, never answered by « no commune » (a plausible wrong
  // answer) nor by a TypeError from `String()` or `Math.floor`. A numeric text limit reads as before.
  const given: unknown = query;
  const rawLimit: unknown = options.limit;
  const limitNumber =
    rawLimit === undefined ? 10 : typeof rawLimit === 'string' ? Number(rawLimit) : rawLimit;
  if (typeof given !== 'string' || typeof limitNumber !== 'number' || Number.isNaN(limitNumber))
    throw new CprdfopError(
      'E_INVALID_OPTION',
      typeof given !== 'string'
        ? renderBoth(
            {
              fr: 'searchCommunes : la recherche est un texte, pas {value}',
              en: 'searchCommunes: the query is a string, not {value}',
            },
            { value: showValue(given) },
          )
        : renderBoth(
            {
              fr: 'searchCommunes : limit est un nombre, pas {value}',
              en: 'searchCommunes: limit is a number, not {value}',
            },
            { value: showValue(rawLimit) },
          ),
    );
  const limit = Math.max(0, Math.floor(limitNumber));
  const { departement } = options;
  if (departement !== undefined && (typeof departement !== 'string' || !DEPARTEMENT_CODE.test(departement))) {
    throw new InvalidCodeError(departement, 'département');
  }
  const depChunk = departement === undefined ? undefined : chunkOfDepartement(departement);
  if (departement !== undefined && depChunk === undefined)
    throw new InvalidCodeError(departement, 'département');
  const scope = options.region ?? depChunk ?? DEFAULT_REGION;
  if (scope !== 'all' && !getCore().chunks.includes(scope)) throw new InvalidCodeError(scope, 'region');
  const text = given;
  const q = normalizeName(text);
  if (q === '' || !(limit > 0)) return [];
  if (depChunk !== undefined && scope !== 'all' && scope !== depChunk) return [];
  const index = indexFor(scope);
  const { suffixes, suffixEntry, suffixAtStart, names, slotOf, stamp, best, results } = index;
  generation = (generation + 1) | 0 || 1;
  const hits: number[] = [];
  const treeable = departement === undefined && limit <= 64;
  for (const variant of variants(text, q)) {
    // Lower bound of the variant among sorted suffixes.
    let lo = 0;
    let hi = suffixes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((suffixes[mid] as string) < variant) lo = mid + 1;
      else hi = mid;
    }
    const consider = (k: number, rank: number): boolean => {
      const entry = suffixEntry[k] as number;
      const slot = slotOf[entry] as number;
      if (stamp[slot] !== generation) {
        stamp[slot] = generation;
        best[slot] = rank * 0x1000000 + entry;
        hits.push(slot);
        return true;
      }
      if (rank < Math.floor((best[slot] as number) / 0x1000000)) best[slot] = rank * 0x1000000 + entry;
      return false;
    };
    // A query matching many names (a wide range of suffixes) takes the best `limit` communes of the
    // range by static score from the segment tree, after the exact names (which sort first); a narrow
    // range is scanned.
    let wide = false;
    if (treeable) {
      let probe = lo;
      while (probe < suffixes.length && probe - lo <= 64 && (suffixes[probe] as string).startsWith(variant))
        probe++;
      wide = probe - lo > 64;
    }
    if (wide) {
      let end = lo;
      while (end < suffixes.length && suffixes[end] === variant) {
        if (suffixAtStart[end] === 1)
          consider(end, results[suffixEntry[end] as number]?.matchedAlias ? 1 : 0);
        end++;
      }
      let stop = end;
      while (stop < suffixes.length && (suffixes[stop] as string).startsWith(variant)) {
        if (stop - end > 64) {
          // Wide range: find its end by binary search on the prefix.
          let a = stop;
          let b = suffixes.length;
          while (a < b) {
            const mid = (a + b) >>> 1;
            if ((suffixes[mid] as string).startsWith(variant) || (suffixes[mid] as string) < variant)
              a = mid + 1;
            else b = mid;
          }
          stop = a;
          break;
        }
        stop++;
      }
      const { score } = ranking(index);
      const ranges: Array<[number, number, number]> = [];
      const push = (a: number, b: number): void => {
        if (a >= b) return;
        const k = bestIn(index, a, b);
        if (k !== -1) ranges.push([k, a, b]);
      };
      push(lo, stop);
      let found = 0;
      while (ranges.length && found < limit) {
        let at = 0;
        for (let i = 1; i < ranges.length; i++) {
          if (
            (score[(ranges[i] as [number, number, number])[0]] as number) >
            (score[(ranges[at] as [number, number, number])[0]] as number)
          )
            at = i;
        }
        const [k, a, b] = ranges[at] as [number, number, number];
        ranges.splice(at, 1);
        const rank =
          (suffixAtStart[k] === 1 ? 1 : 2) * 2 + (results[suffixEntry[k] as number]?.matchedAlias ? 1 : 0);
        if (consider(k, rank)) found++;
        push(a, k);
        push(k + 1, b);
      }
      continue;
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
      consider(k, quality * 2 + (result.matchedAlias ? 1 : 0));
    }
  }
  // Top `limit` by (rank, population descending, code): a bounded insertion, not a sort of every hit.
  const { slotPopulation, slotCodeRank } = index;
  const before = (a: number, b: number): boolean => {
    const ra = Math.floor((best[a] as number) / 0x1000000);
    const rb = Math.floor((best[b] as number) / 0x1000000);
    if (ra !== rb) return ra < rb;
    const pa = slotPopulation[a] as number;
    const pb = slotPopulation[b] as number;
    if (pa !== pb) return pa > pb;
    return (slotCodeRank[a] as number) < (slotCodeRank[b] as number);
  };
  let top: number[] = [];
  if (limit > 64) top = hits.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, limit);
  else
    for (const slot of hits) {
      if (top.length === limit && !before(slot, top[top.length - 1] as number)) continue;
      let at = top.length === limit ? limit - 1 : top.length;
      if (top.length < limit) top.push(slot);
      while (at > 0 && before(slot, top[at - 1] as number)) {
        top[at] = top[at - 1] as number;
        at--;
      }
      top[at] = slot;
    }
  const out: CommuneSearchResult[] = [];
  for (const slot of top) out.push(results[(best[slot] as number) % 0x1000000] as CommuneSearchResult);
  return out;
}
