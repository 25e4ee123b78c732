import { z } from 'zod';
import { REGION_CODE } from '../_shared/inseeCodes.js';
import { packIsoDate } from '../_shared/isoDate.js';
import { isoDateSchema } from '../_shared/isoDateSchema.js';
import { type Message, type MessageValue, renderBoth } from '../_shared/messages.js';
import { FieldDeclaration } from './FieldDeclaration.js';
import { fieldDeclarationProblems } from './fieldIndex.js';
import { RuleText } from './RuleText.js';

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** A calendar date `YYYY-MM-DD` that exists (the one definition of `src/_shared/isoDate.ts`). */
const IsoDate = /* @__PURE__ */ (() => isoDateSchema())();

export { RuleText } from './RuleText.js';

/** `id@version` of a shipped (or already loaded) rule set, or a relative path to a rule file. */
const EXTENDS_REFERENCE =
  /^(?:[A-Za-z][A-Za-z0-9_-]*@[A-Za-z0-9][A-Za-z0-9._-]*|\.\.?\/(?!.*\/\/)[^\\\0\r\n]{0,1000}\.[Jj][Ss][Oo][Nn])$/;

/**
 * Tells whether an `extends` value names a rule file by a relative path (`./base.ruleset.json`,
 * `../common/base.json`) rather than a shipped `id@version`: it starts with `./` or `../`, ends with
 * `.json` (at most about 1,000 characters), and holds no backslash, NUL, line break nor `//`. Absolute paths and URLs are never rule-file
 * references (a rule file names its base relative to its own folder).
 *
 * @param reference - The `extends` value.
 * @returns `true` for a relative rule-file path.
 * @example
 * ```ts
 * import { isRuleFileReference } from 'cprdfop/rules';
 * isRuleFileReference('./base.ruleset.json'); // true
 * isRuleFileReference('itie-hdf@2023.1'); // false
 * isRuleFileReference('/etc/base.json'); // false
 * ```
 * @category Overlays
 */
export function isRuleFileReference(reference: string): boolean {
  return reference.startsWith('.') && EXTENDS_REFERENCE.test(reference);
}

/**
 * An expression of the rule language (see `docs/rules.md`): a JSON literal, a JSON array (a list whose
 * items are expressions) or an object with exactly one key, the operator, whose value holds its arguments.
 * The schema only checks the shape; operators, arity, parameter references and field paths are checked
 * by `compile`, with the path of the faulty node.
 *
 * @example
 * ```ts
 * import { Expression } from 'cprdfop/rules';
 * Expression.parse({ '>=': [{ field: 'budget.total' }, 1000] }); // {">=":[{"field":"budget.total"},1000]}
 * ```
 * @category Rule sets
 */
export const Expression: z.ZodType<ExpressionValue> = /* @__PURE__ */ (() =>
  z.lazy(() =>
    z.union([
      z.number(),
      z.string(),
      z.boolean(),
      z.null(),
      z.array(Expression),
      z
        .record(z.string().regex(/^[A-Za-z<>=!+*/-]+$/, 'an operator name'), Expression)
        .refine((o) => Object.keys(o).length === 1, 'an operator node has exactly one key'),
    ]),
  ))();
/**
 * The TypeScript shape of an {@link Expression}.
 * @category Rule sets
 */
export type ExpressionValue =
  | number
  | string
  | boolean
  | null
  | ExpressionValue[]
  | { [operator: string]: ExpressionValue };

/**
 * How sure a parameter value is — the one mark vocabulary of the package (the plan data's, see
 * `Mark` in `cprdfop/model`): `confirmed` (a source the rule set cites states it), `inferred` (deduced
 * from a source, with a justification) or `assumption` (no source gives it; chosen by the rule set's
 * author, with a justification — every verdict lists the assumptions it depended on).
 *
 * @example
 * ```ts
 * import { ParameterMark } from 'cprdfop/rules';
 * ParameterMark.parse('inferred'); // "inferred"
 * ```
 * @category Rule sets
 */
export const ParameterMark = /* @__PURE__ */ (() => z.enum(['confirmed', 'inferred', 'assumption']))();
/** @category Rule sets */
export type ParameterMark = z.infer<typeof ParameterMark>;

/** The marks of rule sets written before the vocabulary was unified, and what each now reads as. */
const LEGACY_MARKS = { official: 'confirmed', seed: 'confirmed' } as const;
const warnedLegacyMarks = new Set<string>();

/**
 * A parameter's mark as read from a document: one of {@link ParameterMark}, or a deprecated mark of
 * older rule sets (`official`, `seed`), read as `confirmed` with a one-time deprecation warning
 * (`process.emitWarning`, code `CPRDFOP_DEPRECATED_MARK`, where the runtime has it).
 * @example
 * ```ts
 * import { ParameterMarkInput } from 'cprdfop/rules';
 * ParameterMarkInput.parse('assumption'); // "assumption"
 * ```
 * @category Rule sets
 */
export const ParameterMarkInput = /* @__PURE__ */ (() =>
  z.union([
    ParameterMark,
    z.enum(['official', 'seed']).transform((legacy): ParameterMark => {
      if (!warnedLegacyMarks.has(legacy)) {
        warnedLegacyMarks.add(legacy);
        const runtime = (globalThis as { process?: { emitWarning?: (...args: unknown[]) => void } }).process;
        runtime?.emitWarning?.(
          `rule-set parameter mark "${legacy}" is deprecated: read as "${LEGACY_MARKS[legacy]}" (use confirmed, inferred or assumption)`,
          { type: 'DeprecationWarning', code: 'CPRDFOP_DEPRECATED_MARK' },
        );
      }
      return LEGACY_MARKS[legacy];
    }),
  ]))();

/**
 * A plain parameter value: a number, a string, a boolean or a list of strings or numbers.
 * @example
 * ```ts
 * import { ScalarParameterValue } from 'cprdfop/rules';
 * ScalarParameterValue.parse(2); // 2
 * ```
 * @category Rule sets
 */
export const ScalarParameterValue = /* @__PURE__ */ (() =>
  z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.array(z.number())]))();
/** @category Rule sets */
export type ScalarParameterValue = z.infer<typeof ScalarParameterValue>;

/** The kind of a plain value, for "every entry of a dated parameter has the same type". */
function valueKind(value: ScalarParameterValue): string {
  if (Array.isArray(value)) return value.length ? `list of ${typeof value[0]}` : 'list';
  return typeof value === 'string' && packIsoDate(value) >= 0 ? 'date' : typeof value;
}

const FRENCH_KINDS: Readonly<Record<string, string>> = {
  'list of number': 'une liste de nombres',
  'list of string': 'une liste de chaînes',
  'list of boolean': 'une liste de booléens',
  list: 'une liste',
  date: 'une date',
  string: 'une chaîne',
  number: 'un nombre',
  boolean: 'un booléen',
};

/** The kind of a value in a sentence: `a date` / « une date ». */
function kindInWords(value: ScalarParameterValue): Message {
  const kind = valueKind(value);
  return { fr: FRENCH_KINDS[kind] ?? kind, en: `a ${kind}` };
}

/**
 * The schema's own texts given to zod checks (one language only there): `parseRuleSet` tells them in
 * French from this list.
 * @internal
 */
export const HTTP_URL: Readonly<Message> = { fr: 'une URL http(s)', en: 'an http(s) URL' };

/** A custom zod issue told in both languages: the English `message`, both in `params.messages`. */
function bilingualIssue(
  path: (string | number)[],
  template: Message,
  values: Readonly<Record<string, MessageValue>> = {},
) {
  const messages = renderBoth(template, values);
  return { code: 'custom' as const, path, message: messages.en, params: { messages } };
}

/**
 * A dated parameter value (like OpenFisca's dated parameters): the values in force from each date, in
 * ascending order of `from` with no date twice, every value of the same type. `{"param": name}` gives
 * the value in force on the evaluation date.
 * @example
 * ```ts
 * import { DatedParameterValue } from 'cprdfop/rules';
 * DatedParameterValue.parse({ values: [{ from: '2023-01-01', value: 2 }, { from: '2025-01-01', value: 3 }] }).values.length; // 2
 * DatedParameterValue.safeParse({ values: [{ from: '2025-01-01', value: 3 }, { from: '2023-01-01', value: 2 }] }).success; // false
 * ```
 * @category Rule sets
 */
export const DatedParameterValue = /* @__PURE__ */ (() =>
  z
    .strictObject({
      values: z.array(z.strictObject({ from: IsoDate, value: ScalarParameterValue })).min(1),
    })
    .superRefine((dated, context) => {
      const first = dated.values[0]!;
      for (let index = 1; index < dated.values.length; index++) {
        const previous = dated.values[index - 1]!;
        const entry = dated.values[index]!;
        if (packIsoDate(entry.from) <= packIsoDate(previous.from))
          context.addIssue(
            entry.from === previous.from
              ? bilingualIssue(
                  ['values', index, 'from'],
                  {
                    fr: '{from} apparaît deux fois (chaque date une seule fois)',
                    en: '{from} appears twice (each date once)',
                  },
                  { from: `"from": "${entry.from}"` },
                )
              : bilingualIssue(
                  ['values', index, 'from'],
                  {
                    fr: '{from} vient après « {previous} » : les dates doivent être croissantes',
                    en: '{from} comes after "{previous}": the dates must ascend',
                  },
                  { from: `"from": "${entry.from}"`, previous: previous.from },
                ),
          );
        if (valueKind(entry.value) !== valueKind(first.value))
          context.addIssue(
            bilingualIssue(
              ['values', index, 'value'],
              {
                fr: '{kind} alors que la première valeur est {first} : toutes les valeurs d’un paramètre daté ont le même type',
                en: '{kind} where the first value is {first}: every value of a dated parameter has the same type',
              },
              { kind: kindInWords(entry.value), first: kindInWords(first.value) },
            ),
          );
      }
    }))();
/** @category Rule sets */
export type DatedParameterValue = z.infer<typeof DatedParameterValue>;

/**
 * A parameter value: a plain value (a number, a string, a boolean or a list of strings or numbers) or
 * a dated one ({@link DatedParameterValue}).
 * @example
 * ```ts
 * import { ParameterValue } from 'cprdfop/rules';
 * ParameterValue.parse(['a', 'b']); // ["a","b"]
 * ```
 * @category Rule sets
 */
export const ParameterValue = /* @__PURE__ */ (() => z.union([ScalarParameterValue, DatedParameterValue]))();
/** @category Rule sets */
export type ParameterValue = z.infer<typeof ParameterValue>;

/**
 * Whether a parameter value is dated.
 * @param value - A parameter value.
 * @returns `true` for `{ values: [...] }`.
 * @example
 * ```ts
 * import { isDatedValue } from 'cprdfop/rules';
 * isDatedValue({ values: [{ from: '2023-01-01', value: 1 }] }); // true
 * isDatedValue(1); // false
 * ```
 * @category Rule sets
 */
export function isDatedValue(value: ParameterValue): value is DatedParameterValue {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Where a value of a rule set comes from: its mark, a justification — `{ fr, en }` (what the shipped
 * rule sets carry) or one string (older rule files, still accepted) — and optionally the source's title
 * and the quoted passage (byte-exact).
 * @example
 * ```ts
 * import { RuleProvenance } from 'cprdfop/rules';
 * RuleProvenance.parse({ mark: 'inferred', justification: 'from context' }).mark; // "inferred"
 * RuleProvenance.parse({ mark: 'inferred', justification: { fr: 'du contexte', en: 'from context' } }).justification; // {"fr":"du contexte","en":"from context"}
 * ```
 * @category Rule sets
 */
export const RuleProvenance = /* @__PURE__ */ (() =>
  z.strictObject({
    mark: ParameterMarkInput,
    justification: z.union([RuleText, z.string().min(1)]),
    source: z.string().min(1).optional(),
    quote: z.string().min(1).optional(),
  }))();
/** @category Rule sets */
export type RuleProvenance = z.output<typeof RuleProvenance>;

/**
 * A named parameter of a rule set, with its unit and provenance.
 *
 * @example
 * ```ts
 * import { Parameter } from 'cprdfop/rules';
 * Parameter.parse({
 *   name: 'minStructures', value: 2, unit: 'structures',
 *   provenance: { mark: 'assumption', justification: 'collectif = at least two structures' },
 * }).value; // 2
 * ```
 * @category Rule sets
 */
export const Parameter = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z.string().regex(NAME),
    value: ParameterValue,
    unit: z.string().min(1).optional(),
    label: RuleText.optional(),
    provenance: RuleProvenance,
  }))();
/** @category Rule sets */
export type Parameter = z.infer<typeof Parameter>;

/**
 * Where a criterion comes from: a reference (title of the text), an optional URL and the quoted sentence.
 * The URL must be `http:` or `https:` (it is copied into every explanation, which web front-ends render:
 * `javascript:` or `data:` URLs are refused).
 *
 * @example
 * ```ts
 * import { RuleSource } from 'cprdfop/rules';
 * RuleSource.parse({ ref: 'Seed article', quote: 'projets collectifs' }).ref; // "Seed article"
 * ```
 * @category Rule sets
 */
export const RuleSource = /* @__PURE__ */ (() =>
  z.strictObject({
    ref: z.string().min(1),
    url: z
      .url({ protocol: /^https?$/, error: HTTP_URL.en })
      .regex(/^https?:\/\//i, HTTP_URL.en)
      .optional(),
    quote: z.string().min(1).optional(),
  }))();
/** @category Rule sets */
export type RuleSource = z.infer<typeof RuleSource>;

const Messages = /* @__PURE__ */ (() =>
  z.strictObject({
    pass: RuleText.optional(),
    fail: RuleText.optional(),
    unknown: RuleText.optional(),
  }))();

/**
 * A named intermediate value (issue #12): an expression computed once per evaluation and reused by
 * several criteria with `{"ref": "name"}`. Definitions may refer to each other, never in a cycle.
 *
 * @example
 * ```ts
 * import { Definition } from 'cprdfop/rules';
 * Definition.parse({ name: 'eligibleCost', value: { '-': [{ field: 'budget.total' }, { field: 'budget.inKind' }] } }).name; // "eligibleCost"
 * ```
 * @category Rule sets
 */
export const Definition = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z.string().regex(NAME),
    label: RuleText.optional(),
    value: Expression,
  }))();
/** @category Rule sets */
export type Definition = z.infer<typeof Definition>;

/**
 * One criterion: an id, a label, its source and a boolean expression (`when`).
 *
 * @example
 * ```ts
 * import { Criterion } from 'cprdfop/rules';
 * Criterion.parse({
 *   id: 'budget', label: { fr: 'Budget cohérent', en: 'Consistent budget' },
 *   when: { '<=': [{ field: 'budget.requested' }, { field: 'budget.total' }] },
 * }).id; // "budget"
 * ```
 * @category Rule sets
 */
export const Criterion = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string().regex(NAME),
    label: RuleText,
    source: RuleSource.optional(),
    when: Expression,
    messages: Messages.optional(),
  }))();
/** @category Rule sets */
export type Criterion = z.infer<typeof Criterion>;

/**
 * The funding formula: a numeric expression, off unless `enabled` is `true`.
 * @example
 * ```ts
 * import { Funding } from 'cprdfop/rules';
 * Funding.parse({ enabled: false, unit: 'EUR', amount: { field: 'budget.requested' } }).enabled; // false
 * ```
 * @category Rule sets
 */
export const Funding = /* @__PURE__ */ (() =>
  z.strictObject({
    enabled: z.boolean(),
    unit: z.string().min(1),
    amount: Expression,
    label: RuleText.optional(),
  }))();
/** @category Rule sets */
export type Funding = z.infer<typeof Funding>;

/**
 * An embedded example: an application and the expected verdict, criterion statuses and (optionally)
 * missing fields. `rules test` and the test suite run them all.
 * @example
 * ```ts
 * import { RuleExample } from 'cprdfop/rules';
 * RuleExample.parse({ name: 'empty', application: {}, verdict: 'undetermined' }).name; // "empty"
 * ```
 * @category Rule sets
 */
export const RuleExample = /* @__PURE__ */ (() =>
  z.strictObject({
    name: z.string().min(1),
    asOf: IsoDate.optional(),
    application: z.unknown(),
    verdict: z.enum(['eligible', 'ineligible', 'undetermined']),
    criteria: z.record(z.string().regex(NAME), z.enum(['pass', 'fail', 'unknown'])).optional(),
    missing: z.array(z.string()).optional(),
    funding: z.number().nullable().optional(),
  }))();
/** @category Rule sets */
export type RuleExample = z.infer<typeof RuleExample>;

/**
 * A rule set document (`cprdfop.ruleset/1`). A rule set with `extends` is an overlay: its parameters
 * override or add to the base's, its criteria replace (same id) or add to the base's, `remove` drops
 * base criteria, and `funding` replaces the base formula (see `resolveRuleSet`). `extends` is a shipped
 * `id@version` or a relative path to a rule file (`./base.ruleset.json`, resolved against the extending
 * file's folder by the CLI, see {@link isRuleFileReference}). `region` is the INSEE code of the region
 * whose territory the rules speak of (`"28"` Normandie, `"32"` Hauts-de-France); an overlay without one
 * inherits its base's. The schema checks its shape; that the region exists in COG 2026 is checked where
 * it is used (`checkWithRules`, `territoryProvider`, the CLI).
 *
 * @example
 * ```ts
 * import { RuleSet } from 'cprdfop/rules';
 * const rs = RuleSet.parse({
 *   format: 'cprdfop.ruleset/1', id: 'demo', version: '1', title: { fr: 'Démo', en: 'Demo' },
 *   validFrom: '2023-01-01', parameters: [], criteria: [],
 * });
 * rs.id; // "demo"
 * ```
 * @category Rule sets
 */
export const RuleSet = /* @__PURE__ */ (() =>
  z
    .strictObject({
      $schema: z.string().optional(),
      format: z.literal('cprdfop.ruleset/1'),
      id: z.string().regex(NAME),
      version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
      title: RuleText,
      description: RuleText.optional(),
      validFrom: IsoDate,
      validTo: IsoDate.optional(),
      region: z.string().regex(REGION_CODE, 'an INSEE region code of 2 digits, e.g. "28"').optional(),
      /** Why `validFrom` (and the open or given `validTo`) is what it is. */
      validityProvenance: RuleProvenance.optional(),
      extends: z
        .string()
        .regex(
          EXTENDS_REFERENCE,
          'id@version (a shipped rule set) or a relative path to a rule file such as ./base.ruleset.json',
        )
        .optional(),
      asOfField: z
        .string()
        .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/)
        .optional(),
      fields: z.array(FieldDeclaration).optional(),
      parameters: z.array(Parameter).default([]),
      definitions: z.array(Definition).optional(),
      criteria: z.array(Criterion).default([]),
      remove: z.array(z.string().regex(NAME)).optional(),
      funding: Funding.optional(),
      examples: z.array(RuleExample).optional(),
    })
    .superRefine((ruleSet, context) => {
      const validFrom = packIsoDate(ruleSet.validFrom);
      const validTo = packIsoDate(ruleSet.validTo);
      if (validFrom >= 0 && validTo >= 0 && validTo < validFrom) {
        context.addIssue(
          bilingualIssue(
            ['validTo'],
            {
              fr: 'validTo {validTo} est antérieur à validFrom {validFrom}',
              en: 'validTo {validTo} is before validFrom {validFrom}',
            },
            { validTo: String(ruleSet.validTo), validFrom: ruleSet.validFrom },
          ),
        );
      }
      const unique = (list: readonly string[] | undefined, where: string, what: Message) => {
        const seen = new Map<string, number>();
        if (!Array.isArray(list)) return;
        list.forEach((name, index) => {
          const first = seen.get(name);
          if (first === undefined) seen.set(name, index);
          else
            context.addIssue(
              bilingualIssue(
                [where, index],
                {
                  fr: '{what} « {name} » en double (première occurrence en {first})',
                  en: 'duplicate {what} "{name}" (first at {first})',
                },
                { what, name: String(name), first: `${where}[${first}]` },
              ),
            );
        });
      };
      unique(
        Array.isArray(ruleSet.parameters)
          ? ruleSet.parameters.map((parameter) => parameter?.name)
          : undefined,
        'parameters',
        { fr: 'paramètre', en: 'parameter' },
      );
      unique(
        Array.isArray(ruleSet.criteria) ? ruleSet.criteria.map((criterion) => criterion?.id) : undefined,
        'criteria',
        { fr: 'identifiant de critère', en: 'criterion id' },
      );
      unique(
        Array.isArray(ruleSet.definitions)
          ? ruleSet.definitions.map((definition) => definition?.name)
          : undefined,
        'definitions',
        { fr: 'définition', en: 'definition' },
      );
      unique(ruleSet.remove, 'remove', { fr: 'critère retiré', en: 'removed criterion' });
      if (Array.isArray(ruleSet.fields)) {
        for (const problem of fieldDeclarationProblems(ruleSet.fields)) {
          context.addIssue({
            code: 'custom',
            path: ['fields', ...problem.path],
            message: problem.message,
            params: { messages: problem.messages },
          });
        }
      }
      unique(
        Array.isArray(ruleSet.examples) ? ruleSet.examples.map((example) => example?.name) : undefined,
        'examples',
        { fr: 'nom d’exemple', en: 'example name' },
      );
    }))();
/** @category Rule sets */
export type RuleSet = z.output<typeof RuleSet>;
/** The input shape of a rule set document (defaults not applied). @category Rule sets */
export type RuleSetInput = z.input<typeof RuleSet>;
