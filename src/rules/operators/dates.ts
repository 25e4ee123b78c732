/** Dates (`YYYY-MM-DD`, calendar arithmetic with date-fns semantics). */
import { addDaysPacked, addMonthsPacked, dateOps, formatPacked, isIsoDate, ymd } from '../_dates.js';
import { isNumeric, roundTo, toNumber } from '../_exact.js';
import {
  type Compiled,
  type EvaluationContext,
  type FieldRead,
  isFiniteNumber,
  NONE,
  type OperatorEntry,
  operator,
  PACKED_DATE,
  type Unknown,
} from './_kernel.js';

/** An operator on two dates (anything else: unknown). */
function twoDates(evaluate: (first: number, second: number) => unknown) {
  return (first: unknown, second: unknown) => {
    const firstDate = ymd(first);
    const secondDate = ymd(second);
    return firstDate < 0 || secondDate < 0 ? NONE : evaluate(firstDate, secondDate);
  };
}
/** A date and a number of days or months (truncated); a result outside the years 0–9999 is unknown. */
function dateAndCount(evaluate: (date: number, count: number) => string | undefined) {
  return (date: unknown, count: unknown) => {
    const packed = ymd(date);
    if (packed < 0 || !isNumeric(count)) return NONE;
    return (
      evaluate(
        packed,
        typeof count === 'number' ? Math.trunc(count) : toNumber(roundTo(count, 0, 'trunc')),
      ) ?? NONE
    );
  };
}
/**
 * `field + constant` days or months; its packed twin (see `PACKED_DATE`) gives the same date unformatted
 * to a comparison.
 */
function fieldPlusCount(shiftPacked: (date: number, count: number) => number) {
  return ([slot, absent]: FieldRead, count: unknown): Compiled | undefined => {
    if (!isFiniteNumber(count)) return;
    const whole = Math.trunc(count);
    const packedTwin = (context: EvaluationContext): number | Unknown => {
      const value = context.values[slot];
      if (value === undefined) return absent;
      const packed = ymd(value);
      if (packed < 0) return NONE;
      const shifted = shiftPacked(packed, whole);
      return shifted < 0 ? NONE : shifted;
    };
    const compiled: Compiled = (context) => {
      const value = context.values[slot];
      if (value === undefined) return absent;
      const packed = ymd(value);
      if (packed < 0) return NONE;
      const shifted = shiftPacked(packed, whole);
      return shifted < 0 ? NONE : formatPacked(shifted);
    };
    PACKED_DATE.set(compiled, packedTwin);
    return compiled;
  };
}

/**
 * Full months of the period from `start` to `end`, both included: the full months from `start` to the
 * day after `end` (date-fns `differenceInMonths` rules); a partial month is not counted. `end` before
 * the day before `start` is unknown (not a period).
 */
function inclusiveMonths(start: number, end: number): number | typeof NONE {
  const dayAfter = dateOps.addDays(end, 1);
  if (dayAfter === undefined) return NONE;
  const after = ymd(dayAfter);
  if (after < start) return NONE;
  return dateOps.months(start, after);
}

const between = (name: 'days' | 'months'): OperatorEntry =>
  operator({
    name,
    family: 'dates',
    arity: [2, 2],
    operands: ['date'],
    result: 'number',
    missing: 'strict',
    evaluate: twoDates(dateOps[name]),
  });
const shift = (name: 'addDays' | 'addMonths'): OperatorEntry =>
  operator({
    name,
    family: 'dates',
    arity: [2, 2],
    operands: ['date', 'number'],
    result: 'date',
    missing: 'strict',
    evaluate: dateAndCount(dateOps[name]),
    fieldConstant: fieldPlusCount(name === 'addDays' ? addDaysPacked : addMonthsPacked),
  });

/** The operators of the `dates` family. */
export const dateOperators = () => [
  between('days'),
  between('months'),
  shift('addDays'),
  shift('addMonths'),
  operator({
    name: 'isDate',
    family: 'dates',
    unary: true,
    operands: ['any'],
    result: 'boolean',
    missing: 'strict',
    evaluate: (value: unknown) => isIsoDate(value),
  }),
  operator({
    name: 'durationMonths',
    family: 'dates',
    arity: [2, 2],
    operands: ['date'],
    result: 'number',
    missing: 'strict',
    evaluate: twoDates(inclusiveMonths),
  }),
];
