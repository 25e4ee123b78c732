import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping, type Mapping } from '../../src/screen/index.js';

const mapping = (decimalSeparator: '.' | ','): Mapping => ({
  format: 'cprdfop.screen-mapping/1',
  listSeparator: ';',
  decimalSeparator,
  fields: { 'budget.total': { column: 'Budget', type: 'number' } },
});
const read = (text: string, decimal: '.' | ',' = ',') =>
  applyMapping(new Map([['Budget', text]]), mapping(decimal));
const total = (text: string, decimal: '.' | ',' = ',') =>
  (read(text, decimal).application as { budget?: { total?: number } }).budget?.total;

describe('number cells: spaces only as thousands separators', () => {
  it('reads French groupings (space, no-break, narrow no-break) and spaces around the number', () => {
    expect(total('80 000')).toBe(80000);
    expect(total('1\u00a0234\u00a0567,50')).toBe(1234567.5);
    expect(total('-12\u202f000')).toBe(-12000);
    expect(total('  42 ')).toBe(42);
    expect(total('\t1 000\n')).toBe(1000);
    expect(total('1 000.25', '.')).toBe(1000.25);
  });

  it('refuses a line end, a tab or a badly grouped space inside a number instead of joining its digits', () => {
    for (const text of [
      '1\n2',
      '1\r\n2',
      '1\t000',
      '12 34',
      '1 2345',
      '1  000',
      '1 000 00',
      ' - 1',
      '1 ,5',
    ]) {
      const { application, errors } = read(text);
      expect(application).toEqual({});
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toContain('not a number');
    }
  });

  it('agrees with a reference reading on random digit-and-space cells', () => {
    const reference = (text: string): number | undefined => {
      const t = text.trim();
      const groups = t.split(/[ \u00a0\u202f]/);
      const digits = /^-?\d+(,\d+)?$/;
      if (groups.length === 1) return digits.test(t) ? Number(t.replace(',', '.')) : undefined;
      const [head, ...rest] = groups as [string, ...string[]];
      const last = rest.at(-1) as string;
      const ok =
        /^-?\d{1,3}$/.test(head) &&
        rest.slice(0, -1).every((g) => /^\d{3}$/.test(g)) &&
        /^\d{3}(,\d+)?$/.test(last);
      return ok ? Number(groups.join('').replace(',', '.')) : undefined;
    };
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12, unit: fc.constantFrom('1', '0', '9', ' ', '\u00a0', ',', '-', '\n') }),
        (text) => {
          expect(total(text)).toBe(text.trim() === '' ? undefined : reference(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
