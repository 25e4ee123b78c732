import { z } from 'zod';
import { LocalizedText, Provenance } from './provenance.js';

/**
 * Another wording of an ambition (e.g. the seed article's paraphrase), with its source.
 * @example
 * ```ts
 * import { AmbitionAlias, ambition } from 'cprdfop';
 * AmbitionAlias.parse(ambition(1)?.aliases[0]).lang; // "fr"
 * ```
 * @category Models
 */
export const AmbitionAlias = z.object({
  text: z.string().min(1),
  lang: z.enum(['fr', 'en']),
  provenance: Provenance,
});
/** @category Models */
export type AmbitionAlias = z.infer<typeof AmbitionAlias>;

/**
 * One of the four strategic ambitions of the CPRDFOP.
 *
 * `label.fr` is the wording as published; `label.en` is the package's translation. `verified` is
 * `false` when the official wording could not be read (ambition 4: only the seed's paraphrase).
 *
 * @example
 * ```ts
 * import { Ambition, ambition } from 'cprdfop';
 * Ambition.parse(ambition(1)).number; // 1
 * ```
 * @category Models
 */
export const Ambition = z.object({
  number: z.number().int().min(1).max(4),
  label: LocalizedText,
  shortLabel: LocalizedText,
  aliases: z.array(AmbitionAlias),
  provenance: Provenance,
  verified: z.boolean(),
});
/** @category Models */
export type Ambition = z.infer<typeof Ambition>;
