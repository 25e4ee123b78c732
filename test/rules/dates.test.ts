/**
 * The engine's date operators work on packed integers (hot path, no `Date`); date-fns is the reference
 * for their meaning. These properties check every operator against date-fns on random calendar dates,
 * month ends and 29 February included.
 */
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { format } from 'date-fns/format';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOps, isIsoDate, ymd } from '../../src/rules/_dates.js';

// The reference, date-fns, works on local Dates: in a zone that skipped a day (Pacific/Kiritimati has
// no 1994-12-31) or has midnight DST changes it disagrees with the calendar. The operators under test
// use no Date, so the reference runs in UTC whatever the machine's zone.
const machineZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'UTC';
});
afterAll(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const local = (s: string) => {
  const t = new Date(2000, 0, 1);
  t.setFullYear(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return t;
};
const fmt = (d: Date) => format(d, 'yyyy-MM-dd');
const dim = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Valid dates, biased towards month ends (where the month arithmetic has its special cases). */
const date = fc
  .record({
    y: fc.integer({ min: 1900, max: 2100 }),
    m: fc.integer({ min: 1, max: 12 }),
    end: fc.integer({ min: 0, max: 3 }),
    d: fc.integer({ min: 1, max: 31 }),
    nearEnd: fc.boolean(),
  })
  .map(({ y, m, d, end, nearEnd }) => iso(y, m, nearEnd ? dim(y, m) - end : Math.min(d, dim(y, m))));

describe('date operators agree with date-fns', () => {
  it('ymd accepts exactly the valid YYYY-MM-DD calendar dates', () => {
    for (const s of ['2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])
      expect(ymd(s)).toBeGreaterThan(0);
    for (const s of [
      '2023-02-29',
      '1900-02-29',
      '2023-13-01',
      '2023-00-10',
      '2023-04-31',
      '2023-1-01',
      '20230101',
      'x023-01-01',
      '',
      20230101,
      null,
    ])
      expect(ymd(s), String(s)).toBe(-1);
    fc.assert(
      fc.property(date, (s) => isIsoDate(s) && ymd(s) > 0),
      { numRuns: 500 },
    );
  });

  it('packed dates order like the strings', () => {
    fc.assert(
      fc.property(date, date, (a, b) => Math.sign(ymd(a) - ymd(b)) === (a < b ? -1 : a > b ? 1 : 0)),
      { numRuns: 1000 },
    );
  });

  it('months(a, b) = differenceInMonths(b, a)', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(dateOps.months(ymd(a), ymd(b)), `${a} → ${b}`).toBe(differenceInMonths(local(b), local(a)));
      }),
      { numRuns: 5000 },
    );
    // The end-of-February and end-of-month cases, exhaustively over two years.
    const days: string[] = [];
    for (let y = 2023; y <= 2024; y++)
      for (let m = 1; m <= 12; m++) for (let d = 1; d <= dim(y, m); d++) days.push(iso(y, m, d));
    const ends = days.filter((s) => Number(s.slice(8)) >= 27 || Number(s.slice(8)) <= 2);
    for (const a of ends)
      for (const b of ends)
        expect(dateOps.months(ymd(a), ymd(b)), `${a} → ${b}`).toBe(differenceInMonths(local(b), local(a)));
  });

  it('addMonths, addDays and days agree with addMonths, addDays and differenceInCalendarDays', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), date, (a, n, b) => {
        expect(dateOps.addMonths(ymd(a), n), `${a} + ${n} months`).toBe(fmt(addMonths(local(a), n)));
        expect(dateOps.addDays(ymd(a), n * 37), `${a} + ${n * 37} days`).toBe(fmt(addDays(local(a), n * 37)));
        expect(dateOps.days(ymd(a), ymd(b)), `${a} → ${b}`).toBe(
          differenceInCalendarDays(local(b), local(a)),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
