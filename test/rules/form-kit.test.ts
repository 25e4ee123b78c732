/**
 * The form kit (issue #15): `applicationJsonSchema(ruleSet, { lang })` with labelled choices a form
 * library renders, validated with Ajv on the shipped example applications; `fieldsOf` catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/_shared/isoDate.js';
import { itieRuleSets } from '../../src/itie/index.js';
import {
  APPLICATION_SCHEMA_KEYWORDS,
  applicationJsonSchema,
  fieldIndex,
  fieldsOf,
} from '../../src/rules/index.js';

const itie = itieRuleSets().at(-1)!;
const validatorFor = (schema: object) => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addVocabulary([...APPLICATION_SCHEMA_KEYWORDS]);
  ajv.addFormat('date', { type: 'string', validate: (value: string) => isIsoDate(value) });
  return ajv.compile(schema);
};
type Node = Record<string, unknown> & { properties?: Record<string, Node>; items?: Node };
const at = (schema: Node, path: string): Node =>
  path.split('.').reduce((node, segment) => node.properties![segment]!, schema);

describe('applicationJsonSchema for forms', () => {
  it('accepts every shipped example application (Ajv 2020, strict) in both languages', () => {
    const directory = 'examples/applications';
    const files = readdirSync(directory).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const lang of ['fr', 'en'] as const) {
      const validate = validatorFor(applicationJsonSchema(itie, { lang }));
      for (const file of files) {
        const application = JSON.parse(readFileSync(join(directory, file), 'utf8'));
        expect(validate(application), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });
  it('rejects a value outside the labelled choices and names where', () => {
    const validate = validatorFor(applicationJsonSchema(itie));
    expect(validate({ themes: ['cuisine'] })).toBe(false);
    expect(validate.errors!.some((error) => error.instancePath === '/themes/0')).toBe(true);
    expect(validate({ carrier: { legalForm: 'pirate' } })).toBe(false);
    expect(validate.errors!.some((error) => error.instancePath === '/carrier/legalForm')).toBe(true);
  });
  it('gives titles and descriptions in the language asked, and choices as oneOf/anyOf of const + title', () => {
    const index = fieldIndex(itie);
    for (const lang of ['fr', 'en'] as const) {
      const schema = applicationJsonSchema(itie, { lang }) as Node;
      for (const [path, declaration] of index) {
        if (path.includes('[]')) continue;
        const node = at(schema, path);
        expect(node.title).toBe(declaration.label[lang]);
        if (declaration.question) expect(node.description).toBe(declaration.question[lang]);
        const choices =
          declaration.type === 'enum' ? node.oneOf : declaration.type === 'set' ? node.items!.anyOf : null;
        if (choices)
          expect(choices).toEqual(
            declaration.values!.map((value) => ({ const: value.value, title: value.label[lang] })),
          );
      }
    }
    expect(applicationJsonSchema(itie).title).toBe(applicationJsonSchema(itie, { lang: 'en' }).title);
    expect(String(applicationJsonSchema(itie, { lang: 'fr' }).title)).toContain('dossier de candidature');
  });
});

describe('fieldsOf', () => {
  it('lists every declared field in declaration order, with the criteria that read it', () => {
    const catalogue = fieldsOf(itie, { lang: 'en' });
    expect(catalogue.map((entry) => entry.path)).toEqual([...fieldIndex(itie).keys()]);
    const themes = catalogue.find((entry) => entry.path === 'themes')!;
    expect(themes.criteria).toEqual(expect.arrayContaining(['contributes-to-insertion', 'addresses-needs']));
    expect(themes.values!.every((value) => value.text === value.label.en)).toBe(true);
    const partnerType = catalogue.find((entry) => entry.path === 'partners[].type');
    if (partnerType) {
      expect(partnerType.list).toBe('partners');
      expect(partnerType.criteria).toContain('collective');
    }
    expect(catalogue.find((entry) => entry.path === 'title')!.criteria).toEqual([]);
    expect(fieldsOf(itie).find((entry) => entry.path === 'themes')!.text).toMatch(/\u202f\?$/);
  });
  it('is empty for a rule set without declared fields', () => {
    expect(fieldsOf({ criteria: [] })).toEqual([]);
  });
});
