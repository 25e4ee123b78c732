import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as indexModule from '../../src/territory/_data/index.generated.js';
import { CHUNK_LOADERS } from '../../src/territory/_data/loaders.generated.js';
import { TerritoryDataFile, TerritoryIndexFile } from '../../src/territory/index.js';

const dir = join(import.meta.dirname, '../../data/territory');
const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const chunkFiles = readdirSync(dir).filter((f) => /^cog2026-(?!index)[\w]+\.json$/.test(f));

describe('data/territory', () => {
  it('has one chunk per region of COG 2026 and one for the collectivités d’outre-mer', () => {
    const index = TerritoryIndexFile.parse(read('cog2026-index.json'));
    expect(index.regions).toHaveLength(18);
    expect(index.chunks).toEqual([...index.regions.map((r) => r[0]), 'COM']);
    expect(chunkFiles.sort()).toEqual(index.chunks.map((k) => `cog2026-${k}.json`).sort());
    expect(Object.keys(CHUNK_LOADERS).sort()).toEqual([...index.chunks].sort());
  });

  it.each(chunkFiles)('%s matches its schema', (file) => {
    const parsed = TerritoryDataFile.safeParse(read(file));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });

  it.each(chunkFiles)(
    'the dynamic import of %s (the embedded module for Hauts-de-France) holds the canonical data',
    async (file) => {
      const key = file.replace(/^cog2026-|\.json$/g, '');
      expect(await (CHUNK_LOADERS[key] as () => Promise<unknown>)()).toEqual(read(file));
    },
  );

  it('the generated index module holds the same data as the canonical index', () => {
    const canonical = read('cog2026-index.json') as Record<string, unknown>;
    const core = JSON.parse(indexModule.INDEX_CORE_JSON) as Record<string, unknown>;
    expect({
      ...core,
      epcis: JSON.parse(indexModule.INDEX_EPCIS_JSON),
      postalCodes: JSON.parse(indexModule.INDEX_POSTAL_CODES_JSON),
      crossAliases: JSON.parse(indexModule.INDEX_CROSS_ALIASES_JSON),
      known: JSON.parse(indexModule.INDEX_KNOWN_JSON),
    }).toEqual(canonical);
  });

  it('states its vintage and population source; counts match the release', () => {
    const chunks = chunkFiles.map((f) => TerritoryDataFile.parse(read(f)));
    for (const data of chunks) {
      expect(data.vintage).toMatchObject({
        cog: 2026,
        source: '@etalab/decoupage-administratif',
        sourceVersion: '6.0.0',
      });
      expect(data.population.year).toBeNull();
    }
    const sum = (f: (d: TerritoryDataFile) => number): number => chunks.reduce((n, d) => n + f(d), 0);
    expect(sum((d) => d.communes.length)).toBe(34969);
    expect(sum((d) => d.arrondissements.length)).toBe(333);
    expect(new Set(chunks.flatMap((d) => d.epcis.map((e) => e[0]))).size).toBe(1255);
    expect(sum((d) => d.departements.length)).toBe(101 + 8);
    const hdf = chunks.find((d) => d.key === '32') as TerritoryDataFile;
    expect(hdf.communes).toHaveLength(3782);
    expect(hdf.epcis).toHaveLength(92);
  });
});
