/**
 * `classify` (choropleth classes): rounded, strictly increasing breaks with one number of decimals,
 * never an empty class, fewer classes said when values tie, colour-blind-safe palettes, a distinct
 * no-data style — checked by properties against a brute-force recount of the values.
 */
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, parse } from 'culori';
import * as chromatic from 'd3-scale-chromatic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ClassificationMethod,
  classify,
  GeoDataError,
  type PaletteName,
  paletteColours,
  paletteNames,
} from '../../src/geo/index.js';

const deltaE = differenceCiede2000();
const deuteranopia = filterDeficiencyDeuter(1);
const protanopia = filterDeficiencyProt(1);
/** Smallest CIEDE2000 difference between adjacent colours, as seen through a simulation. */
const worstAdjacent = (colours: readonly string[], see: (colour: never) => unknown): number => {
  let worst = Number.POSITIVE_INFINITY;
  for (let index = 0; index + 1 < colours.length; index++)
    worst = Math.min(
      worst,
      deltaE(
        see(parse(colours[index] as string) as never) as never,
        see(parse(colours[index + 1] as string) as never) as never,
      ),
    );
  return worst;
};
/** Below this CIEDE2000 difference two map classes are too close to tell apart (JND ≈ 1–2.3). */
const DISTINGUISHABLE = 2.5;

const decimalsIn = (label: string): number[] =>
  label.split(' – ').map((part) => (part.includes(',') ? (part.split(',')[1] as string).length : 0));

describe('classify: breaks', () => {
  const methods: ClassificationMethod[] = ['quantile', 'equal', 'jenks'];
  const valuesArb = fc
    .array(
      fc.oneof(
        fc.integer({ min: -1000, max: 100_000 }),
        fc
          .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
          .filter((v) => v === 0 || Math.abs(v) > 1e-6),
        fc.constantFrom(0, 0, 10, 10, 10),
      ),
      { minLength: 1, maxLength: 200 },
    )
    .filter((values) => {
      const span = Math.max(...values) - Math.min(...values);
      return span === 0 || span > 1e-3;
    });
  it('every class is non-empty, bounds strictly increase, counts match a brute-force recount', () => {
    fc.assert(
      fc.property(
        valuesArb,
        fc.constantFrom(...methods),
        fc.integer({ min: 2, max: 9 }),
        (values, method, asked) => {
          const result = classify(values, { method, classes: asked });
          const distinct = new Set(values).size;
          expect(result.classes.length).toBeLessThanOrEqual(Math.min(asked, distinct));
          expect(result.classes.length).toBeGreaterThanOrEqual(1);
          expect(result.reduced === null).toBe(result.classes.length === asked);
          for (let index = 1; index < result.breaks.length; index++)
            expect(result.breaks[index]).toBeGreaterThan(result.breaks[index - 1] as number);
          const sorted = [...values].sort((a, b) => a - b);
          const first = result.classes[0];
          const last = result.classes.at(-1);
          expect(first?.lower).toBeLessThanOrEqual(sorted[0] as number);
          expect(last?.upper).toBeGreaterThanOrEqual(sorted.at(-1) as number);
          let total = 0;
          result.classes.forEach((bin, index) => {
            expect(bin.count).toBeGreaterThan(0);
            expect(bin.lower).toBeLessThanOrEqual(bin.upper);
            if (index > 0) expect(bin.lower).toBe(result.classes[index - 1]?.upper);
            const members = values.filter((value) =>
              index === 0
                ? value <= bin.upper
                : value > bin.lower && (index === result.classes.length - 1 || value <= bin.upper),
            );
            expect(members.length).toBe(bin.count);
            for (const value of members) expect(result.classOf(value)).toBe(index);
            total += bin.count;
            // one number of decimals for the whole legend, in both languages
            for (const decimals of decimalsIn(bin.label.fr)) expect(decimals).toBe(result.decimals);
          });
          expect(total).toBe(values.length);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('rounds breaks to nice numbers (population-like values)', () => {
    const values = Array.from({ length: 92 }, (_, index) =>
      Math.round(1000 * Math.exp(index / 10) + index * 37),
    );
    for (const method of methods) {
      const result = classify(values, { method, classes: 5 });
      expect(result.classes).toHaveLength(5);
      expect(result.decimals).toBe(0);
      for (const value of result.breaks) {
        // at most two significant digits (2.5-style steps give 25, 250…)
        const digits = String(value).replace(/0+$/, '').replace('-', '');
        expect(digits.length, `${method} break ${value}`).toBeLessThanOrEqual(3);
      }
    }
  });
  it('keeps Jenks clusters exactly (ckmeans) while rounding', () => {
    const values = [1, 2, 3, 10.2, 11, 12.5, 40, 41, 42.9, 100, 104];
    const result = classify(values, { method: 'jenks', classes: 4 });
    expect(result.classes.map((bin) => bin.count)).toEqual([3, 3, 3, 2]);
    expect(result.breaks).toEqual([10, 25, 50]);
  });
  it('equal intervals are equal and nice', () => {
    const result = classify([3, 12, 18, 25, 41, 47, 60, 88], { method: 'equal', classes: 4 });
    expect(result.classes.map((bin) => [bin.lower, bin.upper])).toEqual([
      [0, 25],
      [25, 50],
      [50, 75],
      [75, 100],
    ]);
  });
  it('ties give fewer classes, said in both languages, never "0 – 0" or an empty class', () => {
    const result = classify([0, 0, 0, 0, 0, 0, 0, 1, 2, 3], { classes: 5 });
    expect(result.classes.length).toBeLessThan(5);
    expect(result.reduced?.asked).toBe(5);
    expect(result.reduced?.note.fr).toMatch(/^\d classes au lieu de 5\u00a0: les valeurs sont égales$/);
    expect(result.reduced?.note.en).toMatch(/^\d classes instead of 5: the values tie$/);
    expect(result.classes.map((bin) => bin.label.en)).not.toContain('0 – 0');
    const same = classify([7, 7, 7], { classes: 3, method: 'equal' });
    expect(same.classes).toEqual([
      expect.objectContaining({ lower: 7, upper: 7, count: 3, label: { fr: '7', en: '7' } }),
    ]);
  });
  it('formats French and English numbers with the same decimals', () => {
    const result = classify([0.5, 1234.25, 2500.75, 10_000], { method: 'manual', breaks: [1000.5, 2500.25] });
    expect(result.decimals).toBe(2);
    expect(result.classes.map((bin) => bin.label.fr)).toEqual([
      '0,50 – 1\u202f000,50',
      '1\u202f000,50 – 2\u202f500,25',
      '2\u202f500,25 – 10\u202f000,00',
    ]);
    expect(result.classes[0]?.label.en).toBe('0.50 – 1,000.50');
  });
  it('manual breaks outside the values or with empty classes are merged and said', () => {
    const result = classify([1, 2, 3], { method: 'manual', breaks: [1.5, 100, 200] });
    expect(result.breaks).toEqual([1.5]);
    expect(result.reduced?.note.en).toBe('2 classes instead of 4: some breaks are outside the values');
  });
  it('counts no data instead of dropping it', () => {
    const result = classify([1, null, Number.NaN, undefined, 5, Number.POSITIVE_INFINITY], { classes: 2 });
    expect(result.count).toBe(2);
    expect(result.noDataCount).toBe(4);
    expect(result.classOf(null)).toBe(-1);
    expect(result.colourOf(Number.NaN)).toBe(result.noData.colour);
    expect(result.noData.label).toEqual({ fr: 'Pas de donnée', en: 'No data' });
  });
  it('rejects bad input with a typed error naming the value', () => {
    const bad: Array<[unknown[], object, RegExp]> = [
      [[], {}, /no value to classify: 0 value/],
      [[null, Number.NaN], {}, /2 value\(s\), none a finite number/],
      [[1, 2], { classes: 1 }, /1 classes asked/],
      [[1, 2], { classes: 10 }, /10 classes asked/],
      [[1, 2], { classes: 2.5 }, /2.5 classes asked/],
      [[1, 2], { method: 'manual' }, /without breaks/],
      [[1, 2], { method: 'manual', breaks: [3, 2] }, /break 2 \(2\) follows 3/],
      [[1, 2], { method: 'manual', breaks: [Number.NaN] }, /break 1 is NaN/],
      [[1e-323, 9e-323], {}, /the values span only/],
      [[1, 2], { method: 'kmeans' }, /unknown classification method "kmeans"/],
      [[1, 2], { palette: 'Rainbow' }, /unknown palette "Rainbow"/],
      // names every object has are not palettes (they used to throw a TypeError)
      [[1, 2], { palette: 'toString' }, /unknown palette "toString"/],
      [[1, 2], { palette: '__proto__' }, /unknown palette "__proto__"/],
      [[1, 2], { palette: 'constructor' }, /unknown palette "constructor"/],
      [[1, 2], { palette: { toString: 1 } }, /unknown palette "\{"toString":1\}"/],
      [[1, 2], { classes: 10n }, /10n classes asked/],
      [
        [-8, -7, -6, -5, -4, -3, -2, -1, 1],
        { method: 'manual', breaks: [-7, -6, -5, -4, -3, -2, -1], palette: 'RdBu' },
        /7 class\(es\) below the midpoint 0, 0 above and 1 across it need 15 colours/,
      ],
    ];
    for (const [values, options, message] of bad) {
      let caught: unknown;
      try {
        classify(values as number[], options);
      } catch (error) {
        caught = error;
      }
      expect(caught, String(message)).toBeInstanceOf(GeoDataError);
      expect((caught as GeoDataError).code).toBe('E_INVALID_CLASSIFICATION');
      expect((caught as GeoDataError).message).toMatch(message);
    }
  });
});

describe('paletteColours: names from anywhere', () => {
  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty'])(
    'refuses %s as an unknown palette, in French and English',
    (name) => {
      let caught: unknown;
      try {
        paletteColours(name as 'Blues', 3);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(GeoDataError);
      expect((caught as GeoDataError).messages.en).toContain(`unknown palette "${name}"`);
      expect((caught as GeoDataError).messages.fr).toContain(`palette «\u202f${name}\u202f» inconnue`);
    },
  );
});

describe('classify: colours', () => {
  it('every palette keeps adjacent classes distinguishable under deuteranopia and protanopia (3–9 classes)', () => {
    for (const name of paletteNames()) {
      for (let classes = 3; classes <= 9; classes++) {
        const colours = paletteColours(name, classes);
        expect(colours).toHaveLength(classes);
        expect(new Set(colours).size).toBe(classes);
        expect(
          worstAdjacent(colours, deuteranopia),
          `${name} ${classes} deuteranopia`,
        ).toBeGreaterThanOrEqual(DISTINGUISHABLE);
        expect(worstAdjacent(colours, protanopia), `${name} ${classes} protanopia`).toBeGreaterThanOrEqual(
          DISTINGUISHABLE,
        );
      }
    }
  });
  it('the check would reject palettes known to be unsafe (RdYlGn, Spectral)', () => {
    const worst = (scheme: readonly (readonly string[])[]) =>
      Math.min(
        ...[3, 4, 5, 6, 7, 8, 9].map((classes) => worstAdjacent(scheme[classes] as string[], deuteranopia)),
      );
    expect(worst(chromatic.schemeRdYlGn)).toBeLessThan(DISTINGUISHABLE);
    expect(worst(chromatic.schemeSpectral)).toBeLessThan(DISTINGUISHABLE);
  });
  it("the palettes are d3-scale-chromatic's ColorBrewer schemes (the generated copy has not drifted)", () => {
    for (const name of paletteNames()) {
      const scheme = (chromatic as unknown as Record<string, ReadonlyArray<ReadonlyArray<string>>>)[
        `scheme${name}`
      ];
      expect(scheme, name).toBeDefined();
      for (let classes = 3; classes < (scheme?.length ?? 0); classes++)
        expect(
          paletteColours(name, classes),
          `${name} ${classes} (npx tsx scripts/generate-palettes.ts)`,
        ).toEqual([...(scheme?.[classes] ?? [])]);
    }
  });
  it('the no-data colour is none of the palette colours and stays distinct from them', () => {
    const result = classify([1, 2]);
    for (const name of paletteNames())
      for (let classes = 2; classes <= 9; classes++)
        for (const colour of paletteColours(name, classes)) {
          expect(colour).not.toBe(result.noData.colour);
          for (const see of [(value: unknown) => value, deuteranopia, protanopia] as Array<
            (colour: never) => unknown
          >)
            expect(
              deltaE(
                see(parse(colour) as never) as never,
                see(parse(result.noData.colour) as never) as never,
              ),
              `${name} ${classes} ${colour}`,
            ).toBeGreaterThanOrEqual(DISTINGUISHABLE);
        }
  });
  it('sequential colours go light to dark with the classes', () => {
    const result = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { classes: 5, palette: 'Blues' });
    expect(result.classes.map((bin) => bin.colour)).toEqual(paletteColours('Blues', 5));
  });
  it('diverging palettes put the midpoint on a break: below on one side, above on the other', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 80 }),
        // 5 classes at most on one side of the midpoint: diverging schemes have 11 colours
        fc.integer({ min: 2, max: 5 }),
        fc.constantFrom<PaletteName>('RdBu', 'BrBG', 'PuOr'),
        (values, classes, palette) => {
          const result = classify(values, { classes, palette, method: 'quantile' });
          const scheme = new Map<string, number>();
          for (let size = 3; size <= 11; size++)
            paletteColours(palette, size).forEach((colour, index) => {
              scheme.set(colour, Math.sign(index - (size - 1) / 2));
            });
          for (const bin of result.classes) {
            if (bin.upper <= 0) expect(scheme.get(bin.colour), `${bin.label.en}`).toBeLessThanOrEqual(0);
            if (bin.lower >= 0) expect(scheme.get(bin.colour), `${bin.label.en}`).toBeGreaterThanOrEqual(0);
          }
          const colours = result.classes.map((bin) => bin.colour);
          expect(new Set(colours).size).toBe(colours.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
