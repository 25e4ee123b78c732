import { languageOption } from '../_shared/languageOption.js';
import type { FieldType, ValuesProvenance } from './FieldDeclaration.js';
import { fieldIndex } from './fieldIndex.js';
import type { RuleSet, RuleText } from './RuleSet.js';

/**
 * One entry of the field catalogue of a rule set (see {@link fieldsOf}), ready for a hand-built form.
 * @category Declared fields
 */
export interface FieldEntry {
  /** The path: `budget.total`, and `partners[].type` for a field of a list's objects. */
  readonly path: string;
  readonly type: FieldType;
  readonly label: RuleText;
  readonly question: RuleText | null;
  /** What to ask in the requested language: the question when declared, else the label. */
  readonly text: string;
  /** The allowed values of an `enum` or `set`, with their labels (`text` in the requested language). */
  readonly values: readonly { value: string; label: RuleText; text: string }[] | null;
  /** Why the allowed values are these (mark, justification, source), when the rule set says; else `null`. */
  readonly valuesProvenance: ValuesProvenance | null;
  readonly unit: string | null;
  readonly min: number | null;
  readonly max: number | null;
  /** The path of the list this field belongs to (`partners` for `partners[].type`), else `null`. */
  readonly list: string | null;
  /** The criteria that read this field (a list's item fields: the criteria that read the list). */
  readonly criteria: readonly string[];
}

/** Every `field` path an expression reads. */
function fieldsRead(node: unknown, out: Set<string>): Set<string> {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    for (const item of node) fieldsRead(item, out);
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'field' && typeof value === 'string') out.add(value);
    else fieldsRead(value, out);
  }
  return out;
}

/**
 * The field catalogue of a rule set, for portals that build their own forms: every declared field in
 * declaration order (a list before the fields of its objects), with its labels and question in French
 * and English, `text` in the requested language, its type, labelled values, unit, bounds and the
 * criteria that read it.
 *
 * @param ruleSet - A flat rule set (resolve overlays first).
 * @param options - `lang` of `text` (default `fr`).
 * @returns The catalogue (empty when the rule set declares no field).
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en`.
 * @example
 * ```ts
 * import { fieldsOf, parseRuleSet } from 'cprdfop/rules';
 * const rs = parseRuleSet({ format: 'cprdfop.ruleset/1', id: 'x', version: '1',
 *   title: { fr: 'X', en: 'X' }, validFrom: '2023-01-01',
 *   fields: [{ path: 'kind', type: 'enum', label: { fr: 'Nature', en: 'Kind' },
 *     values: [{ value: 'a', label: { fr: 'Association', en: 'Non-profit' } }] }],
 *   criteria: [{ id: 'k', label: { fr: 'K', en: 'K' }, when: { '==': [{ field: 'kind' }, 'a'] } }] });
 * fieldsOf(rs, { lang: 'en' })[0]?.values?.[0]?.text; // "Non-profit"
 * fieldsOf(rs)[0]?.criteria; // ["k"]
 * ```
 * @category Declared fields
 */
export function fieldsOf(
  ruleSet: Pick<RuleSet, 'fields' | 'criteria'>,
  options: { lang?: 'fr' | 'en' | undefined } = {},
): FieldEntry[] {
  const lang = languageOption(options.lang, 'fieldsOf', 'fr');
  const readers = ruleSet.criteria.map((criterion) => ({
    id: criterion.id,
    fields: fieldsRead(criterion.when, new Set()),
  }));
  return [...fieldIndex(ruleSet)].map(([path, declaration]) => {
    const list = path.includes('[].') ? path.slice(0, path.lastIndexOf('[].')) : null;
    const read = list ?? path;
    return {
      path,
      type: declaration.type,
      label: declaration.label,
      question: declaration.question ?? null,
      text: (declaration.question ?? declaration.label)[lang],
      valuesProvenance: declaration.valuesProvenance ?? null,
      values:
        declaration.values?.map((entry) => ({
          value: entry.value,
          label: entry.label,
          text: entry.label[lang],
        })) ?? null,
      unit: declaration.unit ?? null,
      min: declaration.min ?? null,
      max: declaration.max ?? null,
      list,
      criteria: readers
        .filter((reader) =>
          [...reader.fields].some((field) => field === read || field.startsWith(`${read}.`)),
        )
        .map((reader) => reader.id),
    };
  });
}
