import { daysInMonth as dim, isIsoDate, packIsoDate as ymd } from '../_shared/isoDate.js';

const DAY = 86_400_000;

export { isIsoDate, ymd };

/** Days since 1970-01-01 of 0000-01-01 and of 9999-12-31: the range of `YYYY-MM-DD` dates. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

/**
 * Whether a string reads as a date (`NNNN-…`): a comparison involving one must be between two valid
 * dates (compared as dates), never text order on an invalid one.
 */
export const dateLike = (text: string): boolean => {
  if (text.length < 5 || text.charCodeAt(4) !== 45) return false;
  for (let index = 0; index < 4; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Formatted dates by packed value (date arithmetic lands on few distinct days: no string building). */
const FORMATTED = new Map<number, string>();
/** The `YYYY-MM-DD` text of a packed date. */
export const formatPacked = (packed: number): string => {
  let text = FORMATTED.get(packed);
  if (text === undefined) {
    if (FORMATTED.size > 8192) FORMATTED.clear();
    text = `${pad(packed >> 9, 4)}-${pad((packed >> 5) & 15)}-${pad(packed & 31)}`;
    FORMATTED.set(packed, text);
  }
  return text;
};
/** Days since 1970-01-01 of a packed date (proleptic Gregorian, integer arithmetic, exact). */
const epochDay = (p: number): number => {
  const m = (p >> 5) & 15;
  const y = (p >> 9) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = (((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) | 0) + (p & 31) - 1;
  return era * 146097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719468;
};
/** Date operators on packed dates (see {@link ymd}; validated by the caller). */
export const dateOps = {
  /** Calendar days from a to b. */
  days: (a: number, b: number): number => epochDay(b) - epochDay(a),
  /**
   * Full months from a to b: date-fns `differenceInMonths(b, a)` step by step (its end-of-February and
   * end-of-month rules included) on integers; a property test checks it against date-fns.
   */
  months: (a: number, b: number): number => {
    const sign = b > a ? 1 : b < a ? -1 : 0;
    let y = b >> 9;
    let m = (b >> 5) & 15;
    let d = b & 31;
    const diff = Math.abs((y - (a >> 9)) * 12 + m - ((a >> 5) & 15));
    if (diff < 1) return 0;
    const last = d === dim(y, m);
    // date-fns sets 30 February, which rolls over to 1 or 2 March.
    if (m === 2 && d > 27) {
      d = 30 - dim(y, 2);
      m = 3;
    }
    const k = y * 12 + m - 1 - sign * diff;
    y = Math.floor(k / 12);
    m = k - y * 12 + 1;
    // Date#setMonth rolls a day beyond the month's end over to the next month.
    if (d > dim(y, m)) {
      d -= dim(y, m);
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
    const w = y * 512 + m * 32 + d;
    const notFull = (w > a ? 1 : w < a ? -1 : 0) === -sign && !(last && diff === 1 && sign === 1);
    return sign * (diff - (notFull ? 1 : 0)) || 0;
  },
  /** `undefined` when the result is not a `YYYY-MM-DD` date (before year 0 or after 9999). */
  addDays: (a: number, n: number): string | undefined => {
    const packed = addDaysPacked(a, n);
    return packed < 0 ? undefined : formatPacked(packed);
  },
  /** Adds months (`undefined` beyond the years 0–9999), clamping to the end of the month like date-fns `addMonths` (integers only). */
  addMonths: (a: number, n: number): string | undefined => {
    const packed = addMonthsPacked(a, n);
    return packed < 0 ? undefined : formatPacked(packed);
  },
};

/** `addDays` on packed dates: the packed result, or -1 when it is not a `YYYY-MM-DD` date. */
export function addDaysPacked(a: number, n: number): number {
  const day = epochDay(a) + n;
  if (!(day >= FIRST_DAY && day <= LAST_DAY)) return -1;
  const t = new Date(day * DAY);
  return t.getUTCFullYear() * 512 + (t.getUTCMonth() + 1) * 32 + t.getUTCDate();
}
/** `addMonths` on packed dates: the packed result, or -1 beyond the years 0–9999. */
export function addMonthsPacked(a: number, n: number): number {
  const k = (a >> 9) * 12 + ((a >> 5) & 15) - 1 + n;
  const ny = Math.floor(k / 12);
  if (!(ny >= 0 && ny <= 9999)) return -1;
  const nm = k - ny * 12 + 1;
  const d = a & 31;
  return ny * 512 + nm * 32 + (d < 29 ? d : Math.min(d, dim(ny, nm)));
}
