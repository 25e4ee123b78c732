/**
 * Engine-side dates (issue #12): comparisons of date strings compare dates (an invalid date is never
 * ordered by text), and date arithmetic beyond the years 0–9999 is unknown, never a garbage string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type ExpressionValue, parseRuleSet } from '../../src/rules/index.js';

const criterion = (when: ExpressionValue, application: unknown = {}) =>
  compile(
    parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'd',
      version: '1',
      title: { fr: 'D', en: 'D' },
      validFrom: '2000-01-01',
      criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when }],
    }),
  ).evaluate(application, { asOf: '2020-01-01' }).criteria[0]!;

describe('date comparisons', () => {
  it('an invalid date is not ordered by text (issue #12: "2023-02-30" <= "2023-03-01" was true)', () => {
    for (const op of ['<', '<=', '>', '>=']) {
      const c = criterion({ [op]: [{ field: 'a' }, { field: 'b' }] }, { a: '2023-02-30', b: '2023-03-01' });
      expect(c.status, op).toBe('unknown');
      expect(criterion({ [op]: [{ field: 'a' }, '2023-03-01'] }, { a: '2023-1-5' }).status).toBe('unknown');
      expect(criterion({ [op]: [{ field: 'a' }, 'abc'] }, { a: '2023-01-05' }).status).toBe('unknown');
    }
  });
  it('valid dates compare chronologically, like their epoch days (property)', () => {
    const day = fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (x, y) => {
        const a = x.toISOString().slice(0, 10);
        const b = y.toISOString().slice(0, 10);
        const expected = Date.parse(a) <= Date.parse(b);
        expect(criterion({ '<=': [{ field: 'a' }, { field: 'b' }] }, { a, b }).status).toBe(
          expected ? 'pass' : 'fail',
        );
        expect(criterion({ '<=': [{ field: 'a' }, b] }, { a }).status).toBe(expected ? 'pass' : 'fail');
      }),
      { numRuns: 300 },
    );
  });
  it('other strings keep text order', () => {
    expect(criterion({ '<': [{ field: 'a' }, 'b'] }, { a: 'a' }).status).toBe('pass');
  });
});

describe('date arithmetic out of range', () => {
  it('is unknown, never "0NaN-NaN-NaN" or a five-digit year', () => {
    const cases: ExpressionValue[] = [
      { addDays: [{ field: 'd' }, 1e12] },
      { addDays: [{ field: 'd' }, -1e12] },
      { addMonths: [{ field: 'd' }, 1e6] },
      { addMonths: [{ field: 'd' }, -30000] },
      { addDays: ['9999-12-31', { field: 'n' }] },
      { addMonths: ['0000-01-31', { field: 'm' }] },
    ];
    for (const expr of cases) {
      const c = criterion({ '==': [expr, { lit: null }] }, { d: '2023-01-01', n: 1, m: -1 });
      expect(c.status, JSON.stringify(expr)).toBe('unknown');
      expect(c.missing).toEqual([]);
    }
    expect(criterion({ '==': [{ addDays: ['9999-12-30', 1] }, '9999-12-31'] }).status).toBe('pass');
    expect(criterion({ '==': [{ addMonths: ['0000-02-29', -1] }, '0000-01-29'] }).status).toBe('pass');
  });
});
