import type { MultiPolygon, Polygon } from 'geojson';
import { feature as topoFeature, neighbors as topoNeighbors } from 'topojson-client';
import type {
  GeometryCollection,
  Topology,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
} from 'topojson-specification';
import { renderBoth } from '../_shared/messages.js';
import { GeoDataError } from './GeoDataError.js';
import type { CommuneContours, CommuneFeature, CommuneProperties } from './types.js';

/**
 * The TopoJSON form of a {@link CommuneTopology}: one GeometryCollection `communes` whose
 * geometries carry `id` = commune code and `properties` = `{ code, name }`, sorted by code.
 *
 * @example
 * ```ts
 * import { buildTopology, parseContours } from 'cprdfop/geo';
 * const t = buildTopology(parseContours({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'A' },
 *   geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }] }));
 * t.toTopoJSON().type; // "Topology"
 * ```
 * @category Topology
 */
export type CommuneTopoJSON = Topology<{ communes: GeometryCollection<CommuneProperties> }>;

/** @internal A polygonal geometry object of the topology. */
export type CommuneGeometryObject = (TopoPolygon<CommuneProperties> | TopoMultiPolygon<CommuneProperties>) & {
  id: string;
  properties: CommuneProperties;
};

/**
 * Commune contours as a topology: shared borders stored once as arcs, so that merging communes
 * ({@link composeTerritory}), borders between units ({@link unitBorders}) and adjacency
 * ({@link communeAdjacency}) are exact. Build it once with {@link buildTopology}; cache it with
 * {@link CommuneTopology.toTopoJSON} and {@link loadTopology}.
 *
 * @example
 * ```ts
 * import { buildTopology, parseContours } from 'cprdfop/geo';
 * const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code },
 *   geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * const topo = buildTopology(parseContours({ type: 'FeatureCollection', features: [sq('A', 0), sq('B', 1)] }));
 * topo.codes; // ["A","B"]
 * topo.neighbors('A'); // ["B"]
 * ```
 * @category Topology
 */
export class CommuneTopology {
  /** The TopoJSON topology (do not mutate). */
  readonly topology: CommuneTopoJSON;
  /** Commune codes in code order; `codes[i]` is geometry `i`. */
  readonly codes: readonly string[];
  readonly #index = new Map<string, number>();
  #neighbors: number[][] | undefined;
  #features: CommuneFeature[] | undefined;

  /**
   * Wraps a TopoJSON topology (prefer {@link buildTopology} / {@link loadTopology}).
   * @param topology - A topology whose `communes` object holds one polygonal geometry per commune, sorted by code.
   * @throws {@link GeoDataError} `E_INVALID_TOPOLOGY` when the object is missing or a code repeats.
   */
  constructor(topology: CommuneTopoJSON) {
    const coll = topology?.objects?.communes;
    if (coll?.type !== 'GeometryCollection' || !Array.isArray(coll.geometries)) {
      throw new GeoDataError(
        'E_INVALID_TOPOLOGY',
        renderBoth({
          fr: 'la topologie n’a pas de GeometryCollection « communes »',
          en: 'topology has no "communes" GeometryCollection',
        }),
      );
    }
    this.topology = topology;
    const codes: string[] = [];
    coll.geometries.forEach((g, i) => {
      const code = (g.properties as CommuneProperties | undefined)?.code ?? (g.id as string | undefined);
      if (typeof code !== 'string')
        throw new GeoDataError(
          'E_INVALID_TOPOLOGY',
          renderBoth(
            {
              fr: 'topologie : communes.geometries[{index}] n’a pas de code',
              en: 'topology communes.geometries[{index}] has no code',
            },
            { index: String(i) },
          ),
        );
      if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
        throw new GeoDataError(
          'E_INVALID_TOPOLOGY',
          renderBoth(
            {
              fr: 'topologie : communes.geometries[{index}] (commune {code}) est de type {type}, Polygon ou MultiPolygon attendu',
              en: 'topology communes.geometries[{index}] (commune {code}) is a {type}, expected Polygon or MultiPolygon',
            },
            { index: String(i), code, type: String(g.type) },
          ),
        );
      }
      if (this.#index.has(code))
        throw new GeoDataError(
          'E_INVALID_TOPOLOGY',
          renderBoth(
            { fr: 'la topologie répète la commune {code}', en: 'topology repeats commune {code}' },
            { code },
          ),
        );
      this.#index.set(code, i);
      codes.push(code);
    });
    this.codes = codes;
  }

  /** Number of communes. */
  get size(): number {
    return this.codes.length;
  }

  /**
   * @param code - A commune code.
   * @returns Whether the topology has a contour for this code.
   */
  has(code: string): boolean {
    return this.#index.has(code);
  }

  /**
   * @param code - A commune code.
   * @returns The geometry index of the commune, or `-1`.
   */
  indexOf(code: string): number {
    return this.#index.get(code) ?? -1;
  }

  /** @internal The topology geometry objects, in code order. */
  get geometries(): CommuneGeometryObject[] {
    return this.topology.objects.communes.geometries as CommuneGeometryObject[];
  }

  /**
   * @param code - A commune code.
   * @returns The commune contour as a GeoJSON feature, or `undefined`.
   */
  feature(code: string): CommuneFeature | undefined {
    const i = this.#index.get(code);
    return i === undefined ? undefined : this.features()[i];
  }

  /** @returns Every commune contour as GeoJSON features (computed once, in code order). */
  features(): CommuneFeature[] {
    if (!this.#features) {
      this.#features = this.geometries.map((g, i) => {
        const f = topoFeature(this.topology, g) as unknown as { geometry: Polygon | MultiPolygon };
        return {
          type: 'Feature',
          properties: { code: this.codes[i] as string, name: g.properties?.name ?? null },
          geometry: f.geometry,
        };
      });
    }
    return this.#features;
  }

  /** @returns The contours as a normalized FeatureCollection. */
  toContours(): CommuneContours {
    return { type: 'FeatureCollection', features: this.features() };
  }

  /** @internal Neighbor geometry indices (shared arc ⇒ adjacent), computed once. */
  neighborIndices(): number[][] {
    this.#neighbors ??= topoNeighbors(this.geometries as never);
    return this.#neighbors;
  }

  /**
   * @param code - A commune code.
   * @returns Codes of the communes sharing a border (an arc) with it, sorted; `[]` when unknown.
   */
  neighbors(code: string): string[] {
    const i = this.#index.get(code);
    if (i === undefined) return [];
    return (this.neighborIndices()[i] ?? []).map((j) => this.codes[j] as string).sort();
  }

  /** @returns The TopoJSON topology, ready for `JSON.stringify` (cache it; reload with {@link loadTopology}). */
  toTopoJSON(): CommuneTopoJSON {
    return this.topology;
  }
}
