import { differenceInMonths } from 'date-fns/differenceInMonths';

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

/** Year, month, day of a valid date (no substrings). */
const parts = (s: string): [number, number, number] => [two(s, 0) * 100 + two(s, 2), two(s, 5), two(s, 8)];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** "00" … "99". */
const D2 = Array.from({ length: 100 }, (_, i) => pad(i));
/** "YYYY-MM-" prefixes by year and month (one string concatenation per formatted date). */
const YM = new Map<number, string>();
const fmt = (y: number, m: number, d: number) => {
  if (y < 0 || y > 9999) return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  let p = YM.get(y * 16 + m);
  if (p === undefined) {
    if (YM.size > 4096) YM.clear();
    p = `${D2[(y / 100) | 0]}${D2[y % 100]}-${D2[m]}-`;
    YM.set(y * 16 + m, p);
  }
  return p + D2[d];
};
/** Days since 1970-01-01 of a proleptic Gregorian date (integer arithmetic, exact). */
const epochDay = (s: string): number => {
  const [y0, m, d] = parts(s);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = (((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) | 0) + d - 1;
  return era * 146097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719468;
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
  days: (a: string, b: string): number => epochDay(b) - epochDay(a),
  /** Full months from a to b (date-fns `differenceInMonths`). */
  months: (a: string, b: string): number => differenceInMonths(local(b), local(a)),
  addDays: (a: string, n: number): string => {
    const t = new Date((epochDay(a) + n) * DAY);
    return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  },
  /** Adds months, clamping to the end of the month like date-fns `addMonths` (integers only). */
  addMonths: (a: string, n: number): string => {
    const k = (two(a, 0) * 100 + two(a, 2)) * 12 + two(a, 5) - 1 + n;
    const ny = Math.floor(k / 12);
    const nm = k - ny * 12 + 1;
    const d = two(a, 8);
    return fmt(ny, nm, d < 29 ? d : Math.min(d, dim(ny, nm)));
  },
};
