import { languageOption } from '../_shared/languageOption.js';
import { defineOwn, ownOrDefine } from '../_shared/ownProperty.js';
import type { FieldDeclaration } from './FieldDeclaration.js';
import type { RuleSet } from './RuleSet.js';

/** A JSON Schema (draft 2020-12) object. @category Declared fields */
export type JsonSchema = { [keyword: string]: unknown };

/**
 * The annotation keywords of the schemas written by {@link applicationJsonSchema}, beside the standard
 * `title` (English label) and `description` (English question): a validator in strict mode must know
 * them (with Ajv: `ajv.addVocabulary(APPLICATION_SCHEMA_KEYWORDS)`).
 *
 * @example
 * ```ts
 * import { APPLICATION_SCHEMA_KEYWORDS } from 'cprdfop/rules';
 * APPLICATION_SCHEMA_KEYWORDS; // ["x-cprdfop-type", "x-label", "x-question", "x-unit", "x-values", "x-values-provenance"]
 * ```
 * @category Declared fields
 */
export const APPLICATION_SCHEMA_KEYWORDS: readonly string[] = Object.freeze([
  'x-cprdfop-type',
  'x-label',
  'x-question',
  'x-unit',
  'x-values',
  'x-values-provenance',
]);

const TERRITORY_KEYS = ['communes', 'epcis', 'arrondissements', 'departements'] as const;

/** Options of {@link applicationJsonSchema}. @category Declared fields */
export interface ApplicationJsonSchemaOptions {
  /** The language of `title` and `description` (and of the choices' `title`): `en` by default. */
  lang?: 'fr' | 'en' | undefined;
}

type Lang = 'fr' | 'en';

function annotations(declaration: FieldDeclaration, lang: Lang): JsonSchema {
  const out: JsonSchema = { title: declaration.label[lang], 'x-label': declaration.label };
  if (declaration.question) {
    out.description = declaration.question[lang];
    out['x-question'] = declaration.question;
  }
  if (declaration.unit) out['x-unit'] = declaration.unit;
  out['x-cprdfop-type'] = declaration.type;
  return out;
}

function valueSchema(declaration: FieldDeclaration, lang: Lang): JsonSchema {
  const { min, max } = declaration;
  const numberBounds: JsonSchema = {};
  if (min !== undefined) numberBounds.minimum = min;
  if (max !== undefined) numberBounds.maximum = max;
  const itemBounds: JsonSchema = {};
  if (min !== undefined) itemBounds.minItems = min;
  if (max !== undefined) itemBounds.maxItems = max;
  const values = declaration.values ?? [];
  const choices = values.map((entry) => ({ const: entry.value, title: entry.label[lang] }));
  const provenance: JsonSchema = declaration.valuesProvenance
    ? { 'x-values-provenance': declaration.valuesProvenance }
    : {};
  switch (declaration.type) {
    case 'integer':
      return { type: 'integer', ...numberBounds };
    case 'decimal':
    case 'money':
    case 'percent':
      return { type: 'number', ...numberBounds };
    case 'boolean':
      return { type: 'boolean' };
    case 'string':
      return { type: 'string', minLength: 1 };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'enum':
      return { type: 'string', oneOf: choices, 'x-values': values, ...provenance };
    case 'set':
      return {
        type: 'array',
        items: { type: 'string', anyOf: choices },
        uniqueItems: true,
        ...itemBounds,
        'x-values': values,
        ...provenance,
      };
    case 'list':
      return { type: 'array', items: objectSchema(declaration.items ?? [], lang), ...itemBounds };
    case 'territory': {
      const codes = { type: 'array', items: { type: 'string', minLength: 1 } };
      return {
        type: 'object',
        properties: Object.fromEntries(TERRITORY_KEYS.map((key) => [key, codes])),
        additionalProperties: false,
        anyOf: TERRITORY_KEYS.map((key) => ({
          required: [key],
          properties: { [key]: { ...codes, minItems: 1 } },
        })),
      };
    }
    default:
      return {};
  }
}

/**
 * The object schema of a list of declarations (dotted paths become nested objects). Only own
 * properties are read and defined: a field path such as `toString.name` or `constructor.name` makes a
 * property named so, never reads or writes what `Object.prototype` holds under that name.
 */
function objectSchema(fields: readonly FieldDeclaration[], lang: Lang, extra: JsonSchema = {}): JsonSchema {
  const root: JsonSchema = { type: 'object', properties: { ...extra }, additionalProperties: false };
  for (const declaration of fields) {
    const segments = declaration.path.split('.');
    let node = root;
    segments.forEach((segment, position) => {
      const properties = node.properties as JsonSchema;
      if (position === segments.length - 1) {
        defineOwn(properties, segment, {
          ...annotations(declaration, lang),
          ...valueSchema(declaration, lang),
        });
        return;
      }
      node = ownOrDefine<JsonSchema>(properties, segment, {
        type: 'object',
        properties: {},
        additionalProperties: false,
      });
    });
  }
  return root;
}

/**
 * The JSON Schema (draft 2020-12) of the applications of a rule set, built from its declared `fields`:
 * nested objects for dotted paths, every field optional (an absent field is *missing*, not invalid), no
 * undeclared property (but `$schema`), `title`/`description` from the label and question in `lang`
 * (English by default) and the bilingual `x-label`, `x-question`, `x-unit`, `x-values` annotations (see
 * {@link APPLICATION_SCHEMA_KEYWORDS}). Allowed values are labelled choices, as form libraries (react-
 * jsonschema-form, JSON Forms) render them: `oneOf` of `{ const, title }` for an `enum`, `items.anyOf`
 * for a `set`. Dates are `format: "date"`. It checks shapes only: what JSON
 * Schema cannot say — 2 decimals at most for `money`, that a `date` exists (unless the validator checks
 * formats), territory codes — is checked by `validateApplication` and the rules.
 *
 * @param ruleSet - A flat rule set (resolve overlays first).
 * @param options - The language of titles and descriptions.
 * @returns The schema, a plain JSON object.
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a `lang` other than `fr` or `en`.
 * @example
 * ```ts
 * import { applicationJsonSchema, parseRuleSet } from 'cprdfop/rules';
 * const rs = parseRuleSet({ format: 'cprdfop.ruleset/1', id: 'x', version: '1',
 *   title: { fr: 'X', en: 'X' }, validFrom: '2023-01-01',
 *   fields: [{ path: 'budget.total', type: 'money', min: 0, label: { fr: 'Budget total', en: 'Total budget' } }] });
 * const schema = applicationJsonSchema(rs);
 * schema.$schema; // "https://json-schema.org/draft/2020-12/schema"
 * (schema.properties as any).budget.properties.total.type; // "number"
 * (applicationJsonSchema(rs, { lang: 'fr' }).properties as any).budget.properties.total.title; // "Budget total"
 * ```
 * @category Declared fields
 */
export function applicationJsonSchema(
  ruleSet: Pick<RuleSet, 'id' | 'version' | 'title' | 'fields'>,
  options: ApplicationJsonSchemaOptions = {},
): JsonSchema {
  const lang: Lang = languageOption(options.lang, 'applicationJsonSchema', 'en');
  const body = objectSchema(ruleSet.fields ?? [], lang, { $schema: { type: 'string' } });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title:
      lang === 'fr'
        ? `${ruleSet.title.fr} — dossier de candidature (${ruleSet.id}@${ruleSet.version})`
        : `${ruleSet.title.en} — application (${ruleSet.id}@${ruleSet.version})`,
    'x-label': {
      fr: `${ruleSet.title.fr} — dossier de candidature (${ruleSet.id}@${ruleSet.version})`,
      en: `${ruleSet.title.en} — application (${ruleSet.id}@${ruleSet.version})`,
    },
    ...body,
  };
}
