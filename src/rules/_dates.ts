import { differenceInMonths } from 'date-fns';

const DAY = 86_400_000;
const dim = (y: number, m: number) =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;
const two = (s: string, i: number) => {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/** Tells whether a value is a valid `YYYY-MM-DD` calendar date (no regex, no Date: hot path). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return false;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const m = two(s, 5);
  const d = two(s, 8);
  return hi >= 0 && lo >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= dim(hi * 100 + lo, m);
}

const parts = (s: string): [number, number, number] => [+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const fmt = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const utc = (s: string) => {
  const [y, m, d] = parts(s);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
};
const local = (s: string) => {
  const [y, m, d] = parts(s);
  const t = new Date(2000, 0, 1);
  t.setFullYear(y, m - 1, d);
  return t;
};

/** Date operators on valid `YYYY-MM-DD` strings (validated by the caller). */
export const dateOps = {
  /** Calendar days from a to b. */
  days: (a: string, b: string): number => Math.round((utc(b) - utc(a)) / DAY),
  /** Full months from a to b (date-fns `differenceInMonths`). */
  months: (a: string, b: string): number => differenceInMonths(local(b), local(a)),
  addDays: (a: string, n: number): string => {
    const t = new Date(utc(a) + n * DAY);
    return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  },
  /** Adds months, clamping to the end of the month like date-fns `addMonths`. */
  addMonths: (a: string, n: number): string => {
    const [y, m, d] = parts(a);
    const k = y * 12 + (m - 1) + n;
    const ny = Math.floor(k / 12);
    const nm = k - ny * 12 + 1;
    return fmt(ny, nm, Math.min(d, dim(ny, nm)));
  },
};
