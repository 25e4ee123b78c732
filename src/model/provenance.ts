import { z } from 'zod';
import { isIsoDate, isoDateMessage, PARTIAL_DATE_SHAPE } from '../_shared/isoDate.js';

/**
 * How sure a recorded value is.
 * - `confirmed`: stated by the cited source;
 * - `inferred`: indirect, third-party or deduced from context (shown as not verified);
 * - `assumption`: no source gives it; the package chose it, with a justification.
 *
 * @example
 * ```ts
 * import { Mark } from 'cprdfop';
 * Mark.parse('confirmed'); // "confirmed"
 * ```
 * @category Models
 */
export const Mark = z.enum(['confirmed', 'inferred', 'assumption']);
/** @category Models */
export type Mark = z.infer<typeof Mark>;

/**
 * A source document: its title and, when it is online, its URL.
 *
 * @example
 * ```ts
 * import { Source } from 'cprdfop';
 * Source.parse({ title: 'IREV', url: 'https://irev.fr/node/236945' });
 * ```
 * @category Models
 */
export const Source = z.object({
  title: z.string().min(1),
  url: z.url().optional(),
});
/** @category Models */
export type Source = z.infer<typeof Source>;

/**
 * Where a recorded value comes from and how sure it is. Every record of the package carries one.
 *
 * @example
 * ```ts
 * import { Provenance } from 'cprdfop';
 * const p = Provenance.parse({
 *   source: { title: 'IREV', url: 'https://irev.fr/node/236945' },
 *   mark: 'confirmed',
 *   quote: 'plus de 80 partenaires',
 * });
 * p.mark; // "confirmed"
 * ```
 * @category Models
 */
export const Provenance = z.object({
  source: Source,
  mark: Mark,
  /** A short quotation of the source, in its language. */
  quote: z.string().min(1).optional(),
  /** Why an `inferred` or `assumption` value was chosen. */
  justification: z.string().min(1).optional(),
});
/** @category Models */
export type Provenance = z.infer<typeof Provenance>;

/**
 * A text in French (as published) and English (the package's translation).
 *
 * @example
 * ```ts
 * import { LocalizedText } from 'cprdfop';
 * LocalizedText.parse({ fr: 'Région', en: 'Region' });
 * ```
 * @category Models
 */
export const LocalizedText = z.object({ fr: z.string().min(1), en: z.string().min(1) });
/** @category Models */
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A date known to a given precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * import { PartialDate } from 'cprdfop';
 * PartialDate.parse('2021-12'); // "2021-12"
 * PartialDate.safeParse('2021-13').success; // false
 * ```
 * @category Models
 */
export const PartialDate = z
  .string()
  .regex(PARTIAL_DATE_SHAPE, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => value.length !== 10 || isIsoDate(value), {
    error: (issue) => isoDateMessage(issue.input),
  });
/** @category Models */
export type PartialDate = z.infer<typeof PartialDate>;

/**
 * A dated event of the plan with its provenance.
 *
 * @example
 * ```ts
 * import { DatedFact } from 'cprdfop';
 * DatedFact.parse({ date: '2023-02-10', provenance: { source: { title: 'IREV' }, mark: 'confirmed' } });
 * ```
 * @category Models
 */
export const DatedFact = z.object({
  date: PartialDate,
  label: LocalizedText.optional(),
  provenance: Provenance,
});
/** @category Models */
export type DatedFact = z.infer<typeof DatedFact>;
