/**
 * Mapping field paths and criterion ids named like what `Object.prototype` holds (`__proto__`,
 * `constructor`, `prototype`, `toString`, …): a mapping never reaches a prototype — `parseMapping`
 * refuses a path through `__proto__`, `constructor` or `prototype` (naming the field, in French and
 * English), and `applyMapping` writes own properties only, even for a mapping that was never parsed —
 * and the summary counts such criteria from 0, a plain object with the same keys as always.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { NBSP, NNBSP } from '../../src/_shared/typography.js';
import {
  applyMapping,
  count,
  emptySummary,
  type Mapping,
  parseMapping,
  type RowResult,
} from '../../src/screen/index.js';

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const LEAF = 'note';

/** Whether anything leaked onto a prototype a mapping could reach, then cleans it up. */
function leaked(): boolean {
  const reached = [Object.prototype, Function.prototype, Array.prototype, Object.prototype.toString, Object];
  const found = reached.some((target) => Object.hasOwn(target, LEAF));
  for (const target of reached) delete (target as unknown as Record<string, unknown>)[LEAF];
  return found;
}
afterEach(() => {
  expect(leaked()).toBe(false);
});

/** A field path: 1 to 3 segments from the hostile names and ordinary ones, then `note`; maybe one `[]`. */
const pathArb = fc
  .tuple(
    fc.array(fc.constantFrom(...HOSTILE, 'a', 'budget'), { minLength: 1, maxLength: 3 }),
    fc.option(fc.nat(2), { nil: undefined }),
  )
  .map(([segments, spreadAt]) => {
    const keys = [...segments, LEAF];
    const at = spreadAt === undefined ? -1 : Math.min(spreadAt, segments.length - 1);
    return { keys, at, path: keys.map((key, index) => (index === at ? `${key}[]` : key)).join('.') };
  });

/** The JSON the application must be: own keys all the way (JSON.parse keeps `__proto__` as a key). */
function expectedJson(keys: readonly string[], at: number, cell: string): string {
  const nest = (from: number, value: string): string =>
    keys.slice(from).reduceRight((inner, key) => `{${JSON.stringify(key)}:${inner}}`, JSON.stringify(value));
  if (at < 0) return nest(0, cell);
  const items = cell.split(';').map((item) => nest(at + 1, item));
  return keys
    .slice(0, at + 1)
    .reduceRight((inner, key) => `{${JSON.stringify(key)}:${inner}}`, `[${items.join(',')}]`);
}

describe('mapping field paths that reach prototypes', () => {
  it('parseMapping refuses a path through __proto__, constructor or prototype, naming the field in French and English (random paths)', () => {
    fc.assert(
      fc.property(pathArb, ({ keys, at, path }) => {
        // The mapping as read from a file: JSON.parse makes `__proto__` an own key, as a file would.
        const file = JSON.parse(
          JSON.stringify({
            format: 'cprdfop.screen-mapping/1',
            fields: { [path]: { column: 'c', type: at >= 0 ? 'list' : 'string' } },
          }),
        ) as unknown;
        const segment = keys.find((key) => FORBIDDEN.has(key));
        const english = parseMapping(file, 'en');
        const french = parseMapping(file, 'fr');
        if (segment === undefined) {
          expect(english.success).toBe(true);
          expect(french.success).toBe(true);
          return;
        }
        expect(english).toEqual({
          success: false,
          problem: {
            path: `fields.${path}`,
            message: `${path}: "${segment}" is not allowed in a field path (the name reaches the prototype of objects)`,
          },
        });
        expect(french).toEqual({
          success: false,
          problem: {
            path: `fields.${path}`,
            message: `${path}${NBSP}: «${NNBSP}${segment}${NNBSP}» est interdit dans un chemin de champ (ce nom atteint le prototype des objets)`,
          },
        });
        expect(leaked()).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a "__proto__" field alone is refused too (zod drops that key without a word)', () => {
    const file = JSON.parse(
      '{"format":"cprdfop.screen-mapping/1","fields":{"__proto__":{"column":"c","type":"string"}}}',
    ) as unknown;
    expect(parseMapping(file, 'en')).toEqual({
      success: false,
      problem: {
        path: 'fields.__proto__',
        message:
          '__proto__: "__proto__" is not allowed in a field path (the name reaches the prototype of objects)',
      },
    });
  });

  it('applyMapping writes own properties only, even with a mapping that was never parsed (random paths)', () => {
    fc.assert(
      fc.property(pathArb, fc.constantFrom('EVIL', 'x;y', 'un;deux;trois'), ({ keys, at, path }, cell) => {
        const mapping: Mapping = {
          format: 'cprdfop.screen-mapping/1',
          listSeparator: ';',
          decimalSeparator: '.',
          fields: { [path]: { column: 'c', type: at >= 0 ? 'list' : 'string' } },
        };
        const { application, errors } = applyMapping(new Map([['c', cell]]), mapping);
        expect(errors).toEqual([]);
        expect(leaked()).toBe(false);
        expect(({} as Record<string, unknown>)[LEAF]).toBeUndefined();
        expect(Object.getPrototypeOf(application)).toBe(Object.prototype);
        // A spread (`a[].note`, a list cell) puts one item of the cell in each object of `a`.
        expect(JSON.stringify(application)).toBe(expectedJson(keys, at, cell));
      }),
      { numRuns: 300 },
    );
  });
});

const screened = (failed: string[]): RowResult => ({
  row: 1,
  line: 2,
  id: '',
  failed,
  missing: [],
  assumptions: [],
  ruleSet: 'x@1',
  status: 'screened',
  verdict: 'ineligible',
  errors: [],
});

describe('the summary of criteria named like Object.prototype members', () => {
  it('counts every criterion from 0, the summary a plain object with the same keys (random ids)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.constantFrom(...HOSTILE.filter((id) => id !== '__proto__'), 'budget')), {
          maxLength: 6,
        }),
        (rows) => {
          const summary = emptySummary();
          const expected = new Map<string, number>();
          for (const failed of rows) {
            count(summary, screened(failed));
            for (const id of failed) expected.set(id, (expected.get(id) ?? 0) + 1);
          }
          const failedCriteria = summary.failedCriteria;
          expect(Object.getPrototypeOf(failedCriteria)).toBe(Object.prototype);
          expect(Object.entries(failedCriteria)).toEqual([...expected]);
          expect(JSON.parse(JSON.stringify(summary)).failedCriteria).toEqual(Object.fromEntries(expected));
          expect(summary.screened).toBe(rows.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a criterion named __proto__ (library callers) is an own key, the prototype untouched', () => {
    const summary = emptySummary();
    count(summary, screened(['__proto__', 'toString']));
    count(summary, screened(['__proto__']));
    expect(Object.getPrototypeOf(summary.failedCriteria)).toBe(Object.prototype);
    expect(JSON.stringify(summary.failedCriteria)).toBe('{"__proto__":2,"toString":1}');
  });
});
