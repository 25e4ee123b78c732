import { dependencyReason } from '../../_shared/errorReason.js';
import { REGION_CODE } from '../../_shared/inseeCodes.js';
import { renderBoth } from '../../_shared/messages.js';
import {
  INDEX_CORE_JSON,
  INDEX_CROSS_ALIASES_JSON,
  INDEX_EPCIS_JSON,
  INDEX_KNOWN_JSON,
  INDEX_POSTAL_CODES_JSON,
} from '../_data/index.generated.js';
import { CHUNK_LOADERS } from '../_data/loaders.generated.js';
import { CHUNK_JSON as HDF_CHUNK_JSON } from '../_data/regions/r32.generated.js';
import { InvalidCodeError } from '../InvalidCodeError.js';
import { RegionNotLoadedError } from '../RegionNotLoadedError.js';
import type { CommuneMatch } from '../schemas/Commune.js';
import type { TerritoryDataFile, TerritoryIndexFile } from '../schemas/TerritoryDataFile.js';
import { buildGraph, type Graph } from './graph.js';

/** The region every region-scoped function defaults to: Hauts-de-France. */
export const DEFAULT_REGION = '32';
/** The chunk key of the collectivités d'outre-mer. */
export const COM_KEY = 'COM';
/** An INSEE region code (2 digits). */
export { REGION_CODE };

interface Core {
  chunks: readonly string[];
  regionNames: ReadonlyMap<string, string>;
  regions: TerritoryIndexFile['regions'];
  /** département / COM code → name, region (null for a COM), chunk key, chef-lieu. */
  departements: ReadonlyMap<string, { name: string; region: string | null; chunk: string; chefLieu: string }>;
  arrondissements: ReadonlyMap<string, string>;
  vintage: TerritoryIndexFile['vintage'];
}

let core: Core | undefined;
/** @internal The index core (regions, départements, arrondissements), parsed on first use. */
export function getCore(): Core {
  if (core === undefined) {
    const data = JSON.parse(INDEX_CORE_JSON) as Pick<
      TerritoryIndexFile,
      'chunks' | 'regions' | 'departements' | 'arrondissements' | 'vintage'
    >;
    core = {
      chunks: Object.freeze([...data.chunks]),
      regions: data.regions,
      regionNames: new Map(data.regions.map(([code, name]) => [code, name])),
      departements: new Map(
        data.departements.map(([code, name, region, chefLieu]) => [
          code,
          { name, region, chunk: region ?? COM_KEY, chefLieu },
        ]),
      ),
      arrondissements: new Map(data.arrondissements),
      vintage: data.vintage,
    };
  }
  return core;
}

const lazyMap = <V>(text: string, map: (pairs: never[]) => Map<string, V>): (() => Map<string, V>) => {
  let value: Map<string, V> | undefined;
  return () => {
    if (value === undefined) value = map(JSON.parse(text) as never[]);
    return value;
  };
};

/** @internal SIREN → every chunk with a member. */
export const epciChunks = lazyMap<readonly string[]>(
  INDEX_EPCIS_JSON,
  (pairs: Array<[string, string[]]>) => new Map(pairs),
);
const postalExceptions = lazyMap<readonly string[]>(
  INDEX_POSTAL_CODES_JSON,
  (pairs: Array<[string, string[]]>) => new Map(pairs),
);
/**
 * @internal The chunks that may hold communes served by a well-formed postal code: the index lists the
 * postal codes used across chunks; any other is in the chunk of its leading département digits
 * (`20` → Corse, `97x`/`98x` three digits), or nowhere.
 */
export function postalCodeChunks(postalCode: string): readonly string[] {
  const listed = postalExceptions().get(postalCode);
  if (listed !== undefined) return listed;
  const chunk = chunkOfDepartement(postalCode.startsWith('20') ? '2A' : departementOfCommune(postalCode));
  return chunk === undefined ? [] : [chunk];
}
/** @internal Old codes whose current commune is in another chunk than their département's. */
export const crossAliases = lazyMap<{ current: string; name: string; chunk: string }>(
  INDEX_CROSS_ALIASES_JSON,
  (rows: Array<[string, string, string, string]>) =>
    new Map(rows.map(([old, current, name, chunk]) => [old, { current, name, chunk }])),
);
/** Département → base64 bitmap of its known codes; each bitmap is decoded on first use (`knownBitsOf`). */
const knownBase64 = lazyMap<string>(INDEX_KNOWN_JSON, (pairs: Array<[string, string]>) => new Map(pairs));
const knownDecoded = new Map<string, Uint8Array>();
function knownBitsOf(dep: string): Uint8Array | undefined {
  let bits = knownDecoded.get(dep);
  if (bits === undefined) {
    const text = knownBase64().get(dep);
    if (text === undefined) return undefined;
    bits = decodeBase64(text);
    knownDecoded.set(dep, bits);
  }
  return bits;
}

function decodeBase64(text: string): Uint8Array {
  const binary = (globalThis as { atob(data: string): string }).atob(text);
  const out = new Uint8Array(binary.length);
  for (let at = 0; at < binary.length; at++) out[at] = binary.charCodeAt(at);
  return out;
}

/** The département part of a well-formed commune code. */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

/** @internal Whether a well-formed commune code is a current or old code of COG 2026 (no chunk loaded). */
export function isKnownCommuneCode(code: string): boolean {
  const dep = departementOfCommune(code);
  const bits = knownBitsOf(dep);
  if (!bits) return false;
  const n = Number(code.slice(dep.length));
  return ((bits[n >> 3] as number) & (1 << (n & 7))) !== 0;
}

/** @internal The chunk of a département (or COM) code, `undefined` when there is no such code. */
export function chunkOfDepartement(dep: string): string | undefined {
  return getCore().departements.get(dep)?.chunk;
}

/** Where a well-formed code's département is: names, region and chunk, or `undefined`. */
export function departementInfo(dep: string):
  | {
      code: string;
      name: string;
      /** The region, or for a collectivité d'outre-mer `{ code: 'COM', name: 'collectivité d’outre-mer' }`. */
      region: { code: string; name: string };
      chunk: string;
    }
  | undefined {
  const d = getCore().departements.get(dep);
  if (!d) return undefined;
  const region =
    d.region === null
      ? { code: COM_KEY, name: 'collectivité d’outre-mer' }
      : { code: d.region, name: getCore().regionNames.get(d.region) ?? d.region };
  return { code: dep, name: d.name, region, chunk: d.chunk };
}

// ---------------------------------------------------------------------------------------------------
// Chunks: Hauts-de-France is bundled (as before); each other chunk ships once, as the package's
// data/territory/cog2026-<key>.json: Node reads it synchronously on first use, a browser app imports it
// (`await loadRegion(code)`) through a dynamic import() that its bundler splits into its own file.

const graphs = new Map<string, Graph>();
const pending = new Map<string, Promise<Graph>>();
/**
 * The fast path of `commune()`: the matches of the default chunk (its own map, not copied: an
 * Hauts-de-France user pays nothing more than before), then every code of the other loaded chunks.
 */
let defaultMatches: ReadonlyMap<string, CommuneMatch> = new Map();
const otherMatches = new Map<string, CommuneMatch>();

/** @internal The loaded chunks (for laziness tests and the benchmark). */
export function loadedChunks(): string[] {
  return [...graphs.keys()].sort();
}

/** @internal Whether a chunk is loaded, or is the bundled default chunk (so loading it reads no file). */
export function isAtHand(key: string): boolean {
  return key === DEFAULT_REGION || graphs.has(key);
}

/** @internal The fast path of `commune()`: a match of any loaded chunk. */
export function loadedMatch(code: string): CommuneMatch | undefined {
  return defaultMatches.get(code) ?? otherMatches.get(code);
}

/** Throws unless `key` is a chunk key (a region code of the COG, or `COM`). */
export function assertChunkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !getCore().chunks.includes(key)) {
    throw new InvalidCodeError(key, 'region');
  }
}

function install(chunk: unknown, key: string): Graph {
  const data = (typeof chunk === 'string' ? JSON.parse(chunk) : chunk) as TerritoryDataFile;
  const vintage = getCore().vintage;
  if (
    typeof data !== 'object' ||
    data === null ||
    data.format !== 'cprdfop-territory/2' ||
    data.key !== key ||
    data.vintage.sourceVersion !== vintage.sourceVersion ||
    data.vintage.cog !== vintage.cog
  ) {
    throw new RegionNotLoadedError(
      key,
      renderBoth(
        {
          fr: 'les données trouvées pour {key} ne sont pas celles de cette version du paquet (format {format}, clé {found}, source {source})',
          en: 'the data chunk found for {key} is not the one of this build (format {format}, key {found}, source {source})',
        },
        {
          key,
          format: String(data?.format),
          found: String(data?.key),
          source: String(data?.vintage?.sourceVersion),
        },
      ),
    );
  }
  const graph = buildGraph(
    data,
    (siren) => epciChunks().get(siren) ?? [key],
    key === DEFAULT_REGION ? undefined : otherMatches,
  );
  graphs.set(key, graph);
  if (key === DEFAULT_REGION) defaultMatches = graph.matchByCode;
  return graph;
}

interface NodeFs {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}
let dataDir: string | null | undefined;

/**
 * The file of this module, without `import.meta` (which a CommonJS build cannot contain): `__filename`
 * under CommonJS, else the first frame of a stack trace (V8 names the file or its `file:` URL).
 * @internal
 */
function moduleFile(toPath: (url: string) => string): string | undefined {
  const absolute = (path: string): boolean => /^(?:\/|[A-Za-z]:[\\/])/.test(path);
  // `node -e` defines a global `__filename` ("[eval]"): only an absolute path is this module's.
  if (typeof __filename === 'string' && absolute(__filename)) return __filename;
  const stack = new Error().stack ?? '';
  for (const line of stack.split('\n').slice(1)) {
    const m = /((?:file:\/\/)?(?:\/|[A-Za-z]:[\\/])[^():]*?)(?::\d+){1,2}\)?\s*$/.exec(line);
    if (!m?.[1]) continue;
    try {
      return m[1].startsWith('file:') ? toPath(m[1]) : m[1];
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Finds `data/territory` of this package by walking up from this module's file (Node only). */
function findDataDir(fs: NodeFs, toPath: (url: string) => string): string | null {
  const start = moduleFile(toPath);
  if (start === undefined) return null;
  let dir = start.replace(/[\\/][^\\/]*$/, '');
  for (let depth = 0; depth < 8; depth++) {
    const candidate = `${dir}/data/territory`;
    // The index is embedded in the builds, not shipped: the Corse chunk marks the package's folder.
    if (fs.existsSync(`${candidate}/cog2026-94.json`)) return candidate;
    const parent = dir.replace(/[\\/][^\\/]*$/, '');
    if (parent === dir || parent === '') break;
    dir = parent;
  }
  return null;
}

function readChunkSync(key: string): string | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return undefined;
  const fs = proc.getBuiltinModule('fs') as NodeFs | undefined;
  const url = proc.getBuiltinModule('url') as { fileURLToPath(url: string): string } | undefined;
  if (!fs || !url) return undefined;
  if (dataDir === undefined) dataDir = findDataDir(fs, (u) => url.fileURLToPath(u));
  if (dataDir === null) return undefined;
  const path = `${dataDir}/cog2026-${key}.json`;
  return fs.existsSync(path) ? fs.readFileSync(path, 'utf8') : undefined;
}

/**
 * @internal The graph of a chunk, loaded on first use: Hauts-de-France from the bundle, another chunk
 * synchronously from the package's data files in Node.
 * @throws {@link RegionNotLoadedError} when the chunk is not loaded and cannot be read synchronously
 *   (browsers: call `await loadRegion(code)` first).
 */
export function getGraph(key: string = DEFAULT_REGION): Graph {
  const loaded = graphs.get(key);
  if (loaded !== undefined) return loaded;
  assertChunkKey(key);
  const text = key === DEFAULT_REGION ? HDF_CHUNK_JSON : readChunkSync(key);
  if (text === undefined) throw new RegionNotLoadedError(key);
  return install(text, key);
}

/**
 * @internal Loads a chunk: in Node, synchronously from the package's data file (the same one copy);
 * elsewhere (browsers and bundlers) through its dynamic import, which the app's bundler splits.
 */
export function loadChunk(key: string): Promise<Graph> {
  const loaded = graphs.get(key);
  if (loaded !== undefined) return Promise.resolve(loaded);
  assertChunkKey(key);
  let promise = pending.get(key);
  if (promise === undefined) {
    try {
      const text = key === DEFAULT_REGION ? HDF_CHUNK_JSON : readChunkSync(key);
      if (text !== undefined) return Promise.resolve(install(text, key));
    } catch (error: unknown) {
      return Promise.reject(error);
    }
    const loader = CHUNK_LOADERS[key] as () => Promise<unknown>;
    promise = loader().then(
      (text) => {
        pending.delete(key);
        return graphs.get(key) ?? install(text, key);
      },
      (error: unknown) => {
        pending.delete(key);
        throw new RegionNotLoadedError(
          key,
          renderBoth(
            {
              fr: 'ses données n’ont pas pu être importées ({reason})',
              en: 'its chunk could not be imported ({reason})',
            },
            { reason: dependencyReason(String(error)) },
          ),
        );
      },
    );
    pending.set(key, promise);
  }
  return promise;
}
