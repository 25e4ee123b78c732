import { z } from 'zod';
import { ISO_DATE_SHAPE, isIsoDate, isoDateMessage } from './isoDate.js';

/**
 * A zod schema of a `YYYY-MM-DD` calendar date: the shape (kept as the JSON Schema `pattern`) then the
 * calendar check of {@link isIsoDate} (`2023-02-30` is rejected). One issue per bad value, whose message
 * names it. Internal: used by the rule-set and application schemas.
 */
export function isoDateSchema() {
  return z
    .string()
    .regex(ISO_DATE_SHAPE, { error: (issue) => isoDateMessage(issue.input), abort: true })
    .refine(isIsoDate, { error: (issue) => isoDateMessage(issue.input) })
    .meta({ format: 'date' });
}
