import { describe, expect, it } from 'vitest';
import { loadedChunks } from '../../src/territory/_internal/france.js';
import * as territory from '../../src/territory/index.js';

describe('laziness', () => {
  it('does not parse the data at import; the first call loads it once', () => {
    expect(territory.isLoaded()).toBe(false);
    const first = territory.region();
    expect(territory.isLoaded()).toBe(true);
    expect(territory.region()).toBe(first);
    expect(territory.communes()).toBe(territory.communes());
  });

  it('loads only the chunk of the region of a code, and none for an unknown code', () => {
    territory.commune('59350');
    territory.classifyCommuneCode('76540');
    territory.classifyCommuneCode('76999');
    expect(territory.commune('76999')).toBeUndefined();
    territory.territoryProvider('32').resolve({ communes: ['14118', '97411'] });
    expect(loadedChunks()).toEqual(['32']);
    expect(territory.commune('14118')?.commune.name).toBe('Caen');
    expect(loadedChunks()).toEqual(['28', '32']);
    expect(territory.isLoaded('28')).toBe(true);
  });

  it('loads a region through its dynamic import, once', async () => {
    expect(territory.isLoaded('04')).toBe(false);
    const [a, b] = await Promise.all([territory.loadRegion('04'), territory.loadRegion('04')]);
    expect([a, b]).toEqual(['04', '04']);
    expect(loadedChunks()).toEqual(['04', '28', '32']);
    await expect(territory.loadRegion('99')).rejects.toThrow(territory.InvalidCodeError);
    expect((await territory.ready()).length).toBe(19);
  });
});
