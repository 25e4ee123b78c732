import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPH_JSON } from '../../src/territory/_data/graph.generated.js';
import { TerritoryDataFile } from '../../src/territory/index.js';

const dir = join(import.meta.dirname, '../../data/territory');

describe('data/territory', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it.each(files)('%s matches its schema', (file) => {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const parsed = TerritoryDataFile.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
  });

  it('the generated module holds the same data as the canonical file', () => {
    const canonical = JSON.parse(readFileSync(join(dir, 'hdf-cog2026.json'), 'utf8'));
    expect(JSON.parse(GRAPH_JSON)).toEqual(canonical);
  });

  it('states its vintage and population source', () => {
    const data = TerritoryDataFile.parse(JSON.parse(readFileSync(join(dir, 'hdf-cog2026.json'), 'utf8')));
    expect(data.vintage).toMatchObject({
      cog: 2026,
      source: '@etalab/decoupage-administratif',
      sourceVersion: '6.0.0',
    });
    expect(data.population.year).toBeNull();
    expect(data.communes).toHaveLength(3782);
    expect(data.epcis).toHaveLength(92);
    expect(data.franceDepartements.find((d) => d[0] === '76')?.[2]).toBe('28');
  });
});
