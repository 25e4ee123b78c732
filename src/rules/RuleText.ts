import { z } from 'zod';

/**
 * A text in French and in English.
 *
 * @example
 * ```ts
 * import { RuleText } from 'cprdfop/rules';
 * RuleText.parse({ fr: 'Oui', en: 'Yes' }); // {"fr":"Oui","en":"Yes"}
 * ```
 * @category Rule sets
 */
export const RuleText = /* @__PURE__ */ (() =>
  z.strictObject({ fr: z.string().min(1), en: z.string().min(1) }))();
/** @category Rule sets */
export type RuleText = z.infer<typeof RuleText>;
