import { normalizeName } from '../_shared/normalizeName.js';
import { getGraph, getSearchIndex } from './_internal/graph.js';
import type { Commune } from './schemas/Commune.js';

/** Options of {@link searchCommunes}. @category Resolvers */
export interface SearchCommunesOptions {
  /** Maximum number of results (default 10). */
  limit?: number | undefined;
}

let stamp = new Int32Array(0);
let best = new Uint8Array(0);
let generation = 0;

/**
 * Searches the region's current communes by name, ignoring case, accents, hyphens, apostrophes and
 * ligatures ("saint quentin", "Compiegne", "Oeuilly" and "villeneuve d ascq" all work). The query must
 * match the start of the name or the start of one of its words. Results are ranked by match quality
 * (exact name, then name prefix, then word prefix), then by population (largest first), then code.
 *
 * @param query - Free text, e.g. `"saint quentin"`.
 * @param options - `limit` (default 10).
 * @returns Up to `limit` communes, best first (empty for an empty query).
 * @example
 * ```ts
 * import { searchCommunes } from 'cprdfop/territory';
 * searchCommunes('saint quentin', { limit: 1 })[0]?.code; // "02691"
 * searchCommunes('Compiegne', { limit: 1 })[0]?.name; // "Compiègne"
 * searchCommunes('Oeuilly', { limit: 1 })[0]?.name; // "Œuilly"
 * ```
 * @category Resolvers
 */
export function searchCommunes(query: string, options: SearchCommunesOptions = {}): Commune[] {
  const limit = options.limit === undefined ? 10 : Math.max(0, Math.floor(options.limit));
  const q = normalizeName(String(query));
  if (q === '' || limit === 0) return [];
  const g = getGraph();
  const { suffixes, suffixCommune, suffixAtStart, names } = getSearchIndex();
  const n = g.communes.length;
  if (stamp.length !== n) {
    stamp = new Int32Array(n);
    best = new Uint8Array(n);
  }
  generation = (generation + 1) | 0 || 1;
  // Lower bound of q among sorted suffixes.
  let lo = 0;
  let hi = suffixes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((suffixes[mid] as string) < q) lo = mid + 1;
    else hi = mid;
  }
  const hits: number[] = [];
  for (let k = lo; k < suffixes.length; k++) {
    const s = suffixes[k] as string;
    if (!s.startsWith(q)) break;
    const i = suffixCommune[k] as number;
    // 0: exact name, 1: name prefix, 2: word prefix.
    const rank = suffixAtStart[k] === 1 ? ((names[i] as string).length === q.length ? 0 : 1) : 2;
    if (stamp[i] !== generation) {
      stamp[i] = generation;
      best[i] = rank;
      hits.push(i);
    } else if (rank < (best[i] as number)) best[i] = rank;
  }
  const communes = g.communes;
  hits.sort((a, b) => {
    const r = (best[a] as number) - (best[b] as number);
    if (r !== 0) return r;
    const ca = communes[a] as Commune;
    const cb = communes[b] as Commune;
    return cb.population - ca.population || (ca.code < cb.code ? -1 : 1);
  });
  const out: Commune[] = [];
  for (let k = 0; k < hits.length && k < limit; k++) out.push(communes[hits[k] as number] as Commune);
  return out;
}
