/**
 * Dates from anywhere: a BigInt, a cycle, an object whose `toString` is not a function, an invalid Date.
 * Every date-taking function throws its typed error naming the value (never a TypeError from the
 * message itself), and `checkApplication` returns an issue for a bad `asOf` instead of throwing.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidDateError, isWithinPlanPeriod, planYear } from '../../src/index.js';
import { checkApplication } from '../../src/itie/index.js';
import { isInForce, selectRuleSet } from '../../src/rules/index.js';

const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;

const hostile: Array<[string, unknown, string]> = [
  ['a BigInt', 10n, '10n'],
  ['a cycle', cyclic, '[object Object]'],
  ['an object with a non-function toString', { toString: false }, '{"toString":false}'],
  ['a null-prototype object', Object.create(null), '{}'],
  ['an invalid Date', new Date('nope'), 'Invalid Date'],
  ['a symbol', Symbol('d'), 'Symbol(d)'],
];

const callers: Array<[string, (value: never) => unknown]> = [
  ['planYear', (value) => planYear(value)],
  ['isWithinPlanPeriod', (value) => isWithinPlanPeriod(value)],
  ['selectRuleSet', (value) => selectRuleSet([], 'itie', value)],
  ['isInForce', (value) => isInForce({ validFrom: '2023-01-01' }, value)],
];

describe('hostile dates', () => {
  for (const [name, call] of callers)
    it.each(hostile)(
      `${name}: %s is an InvalidDateError naming it, in French and English`,
      (_, value, shown) => {
        let caught: unknown;
        try {
          call(value as never);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(InvalidDateError);
        const error = caught as InvalidDateError;
        expect(error.code).toBe('E_INVALID_DATE');
        expect(error.messages.en).toContain(`invalid date ${shown} for`);
        expect(error.messages.fr).toContain(`date «\u202f${shown}\u202f» invalide pour`);
        expect(error.value).toBe(value);
      },
    );

  it('a string date is quoted as before, and a long one is cut, not copied whole', () => {
    expect(() => planYear('2023-13-45')).toThrow('invalid date "2023-13-45" for');
    const long = `2023-${'9'.repeat(10_000)}`;
    let caught: unknown;
    try {
      planYear(long);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidDateError);
    expect((caught as Error).message.length).toBeLessThan(300);
  });

  it('checkApplication returns an issue on asOf for any non-date value, never throws', () => {
    const application: unknown = JSON.parse(
      readFileSync(
        new URL('../../examples/applications/eligible-mobilite-laonnois.json', import.meta.url),
        'utf8',
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.bigInt(),
          fc.constantFrom<unknown>(
            cyclic,
            { toString: false },
            Object.create(null),
            new Date('nope'),
            Symbol('s'),
          ),
          fc.string().filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
          fc.double({ noDefaultInfinity: false }),
        ),
        (asOf) => {
          const result = checkApplication(application, { asOf: asOf as never });
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.issues).toHaveLength(1);
          expect(result.issues[0]).toMatchObject({
            code: 'invalid',
            messages: {
              en: expect.stringMatching(/^invalid date .* for asOf: expected a valid Date or YYYY-MM-DD$/),
              fr: expect.stringMatching(/^date «\u202f.*\u202f» invalide pour asOf\u00a0: /),
            },
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
