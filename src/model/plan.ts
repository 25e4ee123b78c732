import { z } from 'zod';
import { REGION_CODE } from '../_shared/inseeCodes.js';
import { DatedFact, LocalizedText, PartialDate, Provenance } from './provenance.js';

/**
 * Another label under which the plan's period is cited, with its source.
 * @example
 * ```ts
 * import { PeriodAlias, plan } from 'cprdfop';
 * PeriodAlias.parse(plan().period.aliases[0]).label; // "2022-2027"
 * ```
 * @category Models
 */
export const PeriodAlias = z.object({ label: z.string().min(1), provenance: Provenance });
/** @category Models */
export type PeriodAlias = z.infer<typeof PeriodAlias>;

/**
 * The plan: a CPRDFOP of one region, its period, key dates and signatories.
 *
 * The signatories are described by attested categories and an attested count range; the named
 * list is not public and is never invented.
 *
 * @example
 * ```ts
 * import { Plan, plan } from 'cprdfop';
 * Plan.parse(plan()).regionCode; // "32"
 * ```
 * @category Models
 */
export const Plan = z.object({
  id: z.string().min(1),
  regionCode: z.string().regex(REGION_CODE),
  title: z.string().min(1),
  acronym: z.string().min(1),
  nature: z.array(z.object({ text: LocalizedText, provenance: Provenance })),
  period: z.object({
    label: z.string().regex(/^\d{4}-\d{4}$/),
    /** Length of the roadmap in years, as published (« feuille de route de six ans »). */
    years: z.number().int().positive(),
    /** First day of plan year 1 (ISO date) — see `boundaries.provenance`. */
    start: PartialDate,
    /** Last day of the last plan year (ISO date, inclusive). */
    end: PartialDate,
    labelProvenance: Provenance,
    boundariesProvenance: Provenance,
    aliases: z.array(PeriodAlias),
  }),
  dates: z.object({
    elaborationStart: DatedFact,
    presentedToCouncillors: DatedFact,
    signed: DatedFact,
    announcedUpdate: DatedFact,
    other: z.array(DatedFact),
  }),
  signatories: z.object({
    /** Categories the sources name as signatories (a confirmed provenance, in `provenance`). */
    categories: z.array(z.string()),
    /**
     * Categories the sources name as partners of the plan but not as signatories: probably among the
     * signatories (the signature was offered to the contributors), never confirmed (`inferred`, in
     * `otherCategoriesProvenance`).
     */
    otherCategories: z.array(z.string()),
    otherCategoriesProvenance: Provenance,
    count: z.object({ min: z.number().int().positive(), approx: z.number().int().positive() }),
    countProvenance: z.array(Provenance),
    namedListPublished: z.literal(false),
    provenance: Provenance,
  }),
  provenance: Provenance,
});
/** @category Models */
export type Plan = z.infer<typeof Plan>;
