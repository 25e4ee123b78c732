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
 * Why an `inferred` or `assumption` value was chosen (or what a `confirmed` one rests on): a text in
 * French and English (`{ fr, en }`, what the package's own data always carries, French typography
 * applied), or a single string in one language (still accepted, for records written before
 * justifications were bilingual and for user-built overlays).
 *
 * @example
 * ```ts
 * import { Justification } from 'cprdfop';
 * Justification.parse({ fr: 'Aucune source ne le dit.', en: 'No source says so.' }); // {"fr": "Aucune source ne le dit.", "en": "No source says so."}
 * Justification.safeParse('No source says so.').success; // true
 * Justification.safeParse({ en: 'No source says so.' }).success; // false
 * ```
 * @category Models
 */
export const Justification = z.union([LocalizedText, z.string().min(1)]);
/** @category Models */
export type Justification = z.infer<typeof Justification>;

/**
 * The text of a justification in the language asked for. A bilingual justification gives that
 * language; a single-language string is returned as it is (it has no other version).
 *
 * @param justification - A justification, or `undefined` when the record has none.
 * @param lang - `fr` or `en`.
 * @returns The text, or `undefined` when there is no justification.
 * @example
 * ```ts
 * import { justificationText } from 'cprdfop';
 * justificationText({ fr: 'Déduit du contexte.', en: 'Inferred from context.' }, 'fr'); // "Déduit du contexte."
 * justificationText('Inferred from context.', 'fr'); // "Inferred from context."
 * justificationText(undefined, 'en'); // undefined
 * ```
 * @category Models
 */
export function justificationText(
  justification: Justification | undefined,
  lang: 'fr' | 'en',
): string | undefined {
  if (justification === undefined) return undefined;
  return typeof justification === 'string' ? justification : justification[lang];
}

/**
 * Where a recorded value comes from and how sure it is. Every record of the package carries one.
 *
 * @example
 * ```ts
 * import { justificationText, Provenance } from 'cprdfop';
 * const p = Provenance.parse({
 *   source: { title: 'IREV', url: 'https://irev.fr/node/236945' },
 *   mark: 'confirmed',
 *   quote: 'plus de 80 partenaires',
 * });
 * p.mark; // "confirmed"
 * const q = Provenance.parse({
 *   source: { title: 'Article de presse Hauts-de-France, février 2023' },
 *   mark: 'inferred',
 *   justification: { fr: 'Janvier 2023 d’après le contexte.', en: 'January 2023 from context.' },
 * });
 * justificationText(q.justification, 'en'); // "January 2023 from context."
 * ```
 * @category Models
 */
export const Provenance = z.object({
  source: Source,
  mark: Mark,
  /** A short quotation of the source, in its language. */
  quote: z.string().min(1).optional(),
  /** Why an `inferred` or `assumption` value was chosen: `{ fr, en }` (or one string, see {@link Justification}). */
  justification: Justification.optional(),
});
/** @category Models */
export type Provenance = z.infer<typeof Provenance>;

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
