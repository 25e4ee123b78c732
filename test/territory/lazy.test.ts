import { describe, expect, it } from 'vitest';
import * as territory from '../../src/territory/index.js';

describe('laziness', () => {
  it('does not parse the data at import; the first call loads it once', () => {
    expect(territory.isLoaded()).toBe(false);
    const first = territory.region();
    expect(territory.isLoaded()).toBe(true);
    expect(territory.region()).toBe(first);
    expect(territory.communes()).toBe(territory.communes());
  });
});
