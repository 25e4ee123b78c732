import { z } from 'zod';
import { FORBIDDEN_KEYS } from '../_shared/jsonSafety.js';
import { renderBoth } from '../_shared/messages.js';
import { RuleText } from './RuleText.js';

/**
 * Refuses a field path with a segment that reaches prototypes (`constructor.name`, `a.prototype`;
 * `__proto__` already fails the pattern): no application may hold such a key (the JSON safety check
 * refuses it), so the field could never be answered. Told in both languages (`params.messages`).
 */
function checkPathSegments(path: string, context: z.core.$RefinementCtx<string>): void {
  const segment = path.split('.').find((name) => FORBIDDEN_KEYS.has(name));
  if (segment === undefined) return;
  const messages = renderBoth(
    {
      fr: '« {segment} » est interdit dans un chemin de champ (ce nom atteint le prototype des objets : aucune demande ne peut porter cette clé)',
      en: '"{segment}" is not allowed in a field path (the name reaches the prototype of objects: no application may hold this key)',
    },
    { segment },
  );
  context.addIssue({ code: 'custom', message: messages.en, params: { messages } });
}

/**
 * The kinds of value an application field can hold.
 *
 * - `integer`, `decimal`: numbers (`decimal` is exact to 6 places in rule arithmetic);
 * - `money`: an amount in the rule set's currency unit (exact decimal, 2 places on input);
 * - `percent`: a rate written as a percentage (`35` means 35 %);
 * - `boolean`, `string`, `date` (`YYYY-MM-DD`, a real calendar date);
 * - `enum`: one of `values`; `set`: a list of distinct `values`;
 * - `list`: a list of objects whose fields are declared in `items`;
 * - `territory`: a territory reference (commune, EPCI, arrondissement, département codes).
 *
 * @example
 * ```ts
 * import { FieldType } from 'cprdfop/rules';
 * FieldType.parse('money'); // "money"
 * ```
 * @category Rule sets
 */
export const FieldType = /* @__PURE__ */ (() =>
  z.enum([
    'integer',
    'decimal',
    'money',
    'percent',
    'boolean',
    'string',
    'date',
    'enum',
    'set',
    'list',
    'territory',
  ]))();
/** @category Rule sets */
export type FieldType = z.infer<typeof FieldType>;

/**
 * One allowed value of an `enum` or `set` field, with its labels.
 *
 * @example
 * ```ts
 * import { FieldValue } from 'cprdfop/rules';
 * FieldValue.parse({ value: 'mobilite', label: { fr: 'Mobilité', en: 'Mobility' } }).value; // "mobilite"
 * ```
 * @category Rule sets
 */
export const FieldValue = /* @__PURE__ */ (() =>
  z.strictObject({ value: z.string().min(1), label: RuleText }))();
/** @category Rule sets */
export type FieldValue = z.infer<typeof FieldValue>;

/**
 * Why a list of allowed `values` is what it is and where it comes from: a mark of the one vocabulary
 * (`confirmed`, `inferred`, `assumption`), a justification (`{ fr, en }` or one string) and optionally
 * the source's title and the quoted passage (byte-exact). A closed list says why it is closed.
 *
 * @example
 * ```ts
 * import { ValuesProvenance } from 'cprdfop/rules';
 * ValuesProvenance.parse({ mark: 'assumption', justification: { fr: 'aucune source', en: 'no source' } }).mark; // "assumption"
 * ```
 * @category Rule sets
 */
export const ValuesProvenance = /* @__PURE__ */ (() =>
  z.strictObject({
    mark: z.enum(['confirmed', 'inferred', 'assumption']),
    justification: z.union([RuleText, z.string().min(1)]),
    source: z.string().min(1).optional(),
    quote: z.string().min(1).optional(),
  }))();
/** @category Rule sets */
export type ValuesProvenance = z.infer<typeof ValuesProvenance>;

/**
 * A declared application field: its dotted `path` (relative to the list item inside `items`), its
 * `type`, FR/EN `label`, and optionally the `question` a form asks, the allowed `values` (with their
 * `valuesProvenance`: why the list is what it is, where it comes from), a `unit`,
 * inclusive `min`/`max` bounds and, for a `list`, the fields of its objects (`items`).
 *
 * @example
 * ```ts
 * import { FieldDeclaration } from 'cprdfop/rules';
 * FieldDeclaration.parse({
 *   path: 'budget.selfFinancing', type: 'money', unit: 'EUR',
 *   label: { fr: 'Autofinancement', en: 'Self-financing' },
 * }).type; // "money"
 * ```
 * @category Rule sets
 */
export const FieldDeclaration: z.ZodType<FieldDeclaration> = /* @__PURE__ */ (() =>
  z.lazy(() =>
    z.strictObject({
      path: z
        .string()
        .regex(
          /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/,
          'a dotted field path such as budget.total',
        )
        .superRefine(checkPathSegments),
      type: FieldType,
      label: RuleText,
      question: RuleText.optional(),
      values: z.array(FieldValue).min(1).optional(),
      valuesProvenance: ValuesProvenance.optional(),
      unit: z.string().min(1).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      items: z.array(FieldDeclaration).min(1).optional(),
    }),
  ))();
/**
 * The TypeScript shape of a {@link FieldDeclaration}.
 * @category Rule sets
 */
export interface FieldDeclaration {
  path: string;
  type: FieldType;
  label: RuleText;
  question?: RuleText | undefined;
  values?: FieldValue[] | undefined;
  /** Why the allowed `values` are these (mark, justification, source): a closed list says why. */
  valuesProvenance?: ValuesProvenance | undefined;
  unit?: string | undefined;
  min?: number | undefined;
  max?: number | undefined;
  items?: FieldDeclaration[] | undefined;
}
