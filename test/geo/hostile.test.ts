/**
 * Hostile contours: a small valid tessellation with random parts of its structure replaced by traps
 * (wrong types, non-finite numbers, empty and nested arrays, out-of-range coordinates, missing or
 * duplicate codes, forbidden keys). `validateContours` never throws and answers `valid: false` with
 * an issue naming a feature whenever the input was broken; `parseContours` throws only a
 * `GeoDataError`; whatever it accepts builds a topology.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTopology, GeoDataError, parseContours, validateContours } from '../../src/geo/index.js';

/** A 3 × 3 grid of unit-ish squares in the Somme, codes 80001…80009, counterclockwise rings. */
function grid(): { type: 'FeatureCollection'; features: Record<string, unknown>[] } {
  const features: Record<string, unknown>[] = [];
  const step = 0.02;
  for (let row = 0; row < 3; row++)
    for (let column = 0; column < 3; column++) {
      const x = 2.2 + column * step;
      const y = 49.8 + row * step;
      features.push({
        type: 'Feature',
        properties: { code: `8000${row * 3 + column + 1}`, nom: `C${row * 3 + column + 1}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + step, y],
              [x + step, y + step],
              [x, y + step],
              [x, y],
            ],
          ],
        },
      });
    }
  return { type: 'FeatureCollection', features };
}

const trap = fc.constantFrom<unknown>(
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1e308,
  'x',
  '',
  [],
  [[]],
  [[[]]],
  {},
  [1],
  [200, 49.8],
  [2.2, 95],
  [49.8, 2.2],
  [0.0384, 0.869],
  [600_000, 6_900_000],
  '80001',
  { type: 'Point', coordinates: [2.2, 49.8] },
  { type: 'MultiPolygon', coordinates: [] },
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  true,
);

/** Every path to a value inside `value` (object keys and array indices). */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value))
    value.forEach((item, index) => {
      pathsOf(item, [...path, index], out);
    });
  else if (value !== null && typeof value === 'object')
    for (const key of Object.keys(value))
      pathsOf((value as Record<string, unknown>)[key], [...path, key], out);
  return out;
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return root;
}

/** The grid with one to three of its parts (any depth) replaced by a trap. */
const broken = fc.array(fc.tuple(fc.nat(), trap), { minLength: 1, maxLength: 3 }).map((edits) => {
  let contours: unknown = grid();
  for (const [pick, value] of edits) {
    const paths = pathsOf(contours);
    // a fresh copy of the trap each time: a shared instance set twice could make a cycle
    contours = setAt(contours, paths[pick % paths.length] as (string | number)[], structuredClone(value));
  }
  return contours;
});

describe('hostile contours', () => {
  it('validateContours never throws; parseContours throws only GeoDataError; what is accepted builds', () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(broken, (contours) => {
        const before = JSON.stringify(contours);
        const validation = validateContours(contours);
        expect(typeof validation.valid).toBe('boolean');
        if (!validation.valid) {
          expect(validation.errors.length).toBeGreaterThan(0);
          for (const error of validation.errors) {
            expect(error.message.length).toBeGreaterThan(0);
            expect(error.messages.fr.length).toBeGreaterThan(0);
          }
        }
        let parsed: ReturnType<typeof parseContours> | undefined;
        try {
          parsed = parseContours(contours);
        } catch (error) {
          expect(error).toBeInstanceOf(GeoDataError);
        }
        // the answer of the validation and of the parse agree
        expect(parsed !== undefined).toBe(validation.valid);
        if (parsed) {
          accepted++;
          const topology = buildTopology(parsed);
          expect(topology.geometries.length).toBe(parsed.features.length);
        } else refused++;
        // the caller's input is never changed
        expect(JSON.stringify(contours)).toBe(before);
      }),
      { numRuns: 400 },
    );
    expect(refused).toBeGreaterThan(100);
    expect(accepted).toBeGreaterThan(0);
  });

  it('the untouched grid is valid (so every refusal above comes from a trap)', () => {
    expect(validateContours(grid())).toMatchObject({ valid: true, errors: [] });
  });

  it.each([
    [null, 'null'],
    [7, '7'],
    ['x', '"x"'],
    [[], '[]'],
  ])(
    'a feature that is not an object (%j) is an E_FORMAT error naming it, in French and English',
    (bad, shown) => {
      const contours = grid() as { features: unknown[] };
      contours.features[4] = bad;
      const validation = validateContours(contours);
      expect(validation.valid).toBe(false);
      const issue = validation.errors.find((error) => error.feature === 4);
      expect(issue).toMatchObject({ code: 'E_FORMAT', severity: 'error' });
      expect(issue?.messages.en).toBe(`features[4]: expected a GeoJSON Feature object, got ${shown}`);
      expect(issue?.messages.fr).toBe(
        `features[4]\u00a0: un objet Feature GeoJSON est attendu, reçu ${shown}`,
      );
      // the other eight features are still checked: only this one is refused
      expect(validation.errors.filter((error) => error.feature !== 4)).toEqual([]);
      expect(() => parseContours(contours)).toThrow(GeoDataError);
    },
  );

  it('a numeric code counts only when it is a non-negative safe integer', () => {
    for (const code of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY]) {
      const contours = grid();
      (contours.features[0] as { properties: Record<string, unknown> }).properties.code = code;
      const validation = validateContours(contours);
      expect(
        validation.errors.map((error) => error.code),
        String(code),
      ).toContain('E_NO_CODE');
    }
  });
});
