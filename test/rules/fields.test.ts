import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { itieApplicationJsonSchema } from '../../scripts/generate-rules-schema.js';
import { isIsoDate } from '../../src/_shared/isoDate.js';
import { Application } from '../../src/itie/Application.js';
import { itieRuleSets } from '../../src/itie/index.js';
import {
  APPLICATION_SCHEMA_KEYWORDS,
  applicationJsonSchema,
  type FieldDeclaration,
  fieldIndex,
  parseRuleSet,
  RuleSetError,
  resolveRuleSet,
  safeParseRuleSet,
  validateApplication,
} from '../../src/rules/index.js';
import { cli } from '../_helpers/cli.js';

const label = (name: string) => ({ fr: `${name} (fr)`, en: name });
const toy = parseRuleSet({
  format: 'cprdfop.ruleset/1',
  id: 'toy',
  version: '1',
  title: { fr: 'Jouet', en: 'Toy' },
  validFrom: '2023-01-01',
  fields: [
    { path: 'count', type: 'integer', min: 1, max: 10, label: label('count') },
    { path: 'ratio', type: 'decimal', label: label('ratio') },
    { path: 'money.total', type: 'money', min: 0, unit: 'EUR', label: label('total') },
    { path: 'money.rate', type: 'percent', max: 100, label: label('rate') },
    { path: 'flag', type: 'boolean', label: label('flag') },
    { path: 'name', type: 'string', label: label('name'), question: { fr: 'Nom ?', en: 'Name?' } },
    { path: 'day', type: 'date', label: label('day') },
    {
      path: 'kind',
      type: 'enum',
      label: label('kind'),
      values: [
        { value: 'a', label: label('a') },
        { value: 'b', label: label('b') },
      ],
    },
    {
      path: 'tags',
      type: 'set',
      max: 2,
      label: label('tags'),
      values: [
        { value: 'x', label: label('x') },
        { value: 'y', label: label('y') },
        { value: 'z', label: label('z') },
      ],
    },
    {
      path: 'people',
      type: 'list',
      max: 3,
      label: label('people'),
      items: [
        { path: 'age', type: 'integer', min: 0, label: label('age') },
        { path: 'address.city', type: 'string', label: label('city') },
      ],
    },
    { path: 'area', type: 'territory', label: label('area') },
  ],
});

const ajvFor = (schema: object) => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addVocabulary([...APPLICATION_SCHEMA_KEYWORDS]);
  ajv.addFormat('date', { type: 'string', validate: (value: string) => isIsoDate(value) });
  expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
  return ajv.compile(schema);
};

describe('fieldIndex', () => {
  it('maps every path, list items under list[]', () => {
    expect([...fieldIndex(toy).keys()]).toEqual([
      'count',
      'ratio',
      'money.total',
      'money.rate',
      'flag',
      'name',
      'day',
      'kind',
      'tags',
      'people',
      'people[].age',
      'people[].address.city',
      'area',
    ]);
    expect(fieldIndex(toy).get('people[].address.city')?.type).toBe('string');
    expect(fieldIndex(toy)).toBe(fieldIndex(toy));
    expect(fieldIndex({}).size).toBe(0);
  });
});

describe('validateApplication: invalid (pointer + reason) is not missing', () => {
  it('reports each invalid value with its JSON pointer and a bilingual reason', () => {
    const r = validateApplication(toy, {
      count: 11,
      ratio: 'x',
      money: { total: 10.005, rate: 35 },
      flag: 'yes',
      name: '',
      day: '2023-02-30',
      kind: 'c',
      tags: ['x', 'x'],
      people: [{ age: -1, address: { city: 'Lille' } }, { age: 3, extra: 1 }, 'nope'],
      area: {},
      other: 1,
    });
    expect(r.valid).toBe(false);
    expect(r.invalid.map((i) => [i.pointer, i.field, i.reason.en])).toEqual([
      ['/other', '', 'not a field declared by the rule set'],
      ['/count', 'count', 'at most 10'],
      ['/ratio', 'ratio', 'a number'],
      ['/money/total', 'money.total', 'an amount (a number with at most 2 decimals)'],
      ['/flag', 'flag', 'true or false'],
      ['/name', 'name', 'a non-empty text'],
      ['/day', 'day', 'a real calendar date YYYY-MM-DD'],
      ['/kind', 'kind', 'one of: a, b'],
      ['/tags', 'tags', 'a list of distinct values among: x, y, z'],
      ['/people', 'people', 'a list of objects'],
      [
        '/area',
        'area',
        'a territory: an object { communes, epcis, arrondissements, departements } of lists of codes, with at least one code',
      ],
    ]);
    expect(r.invalid[1]!.reason.fr).toBe('au plus 10');
    expect(r.invalid[7]!.reason.fr).toBe('une des valeurs\u202f: a, b');
    expect(r.missing).toEqual([]);
  });
  it('list items are checked one by one; a missing item field is missing, not invalid', () => {
    const r = validateApplication(toy, {
      people: [
        { age: -1, address: { city: 'Lille' } },
        { age: 3, extra: 1 },
      ],
    });
    expect(r.invalid.map((i) => [i.pointer, i.field, i.reason.en])).toEqual([
      ['/people/0/age', 'people[].age', 'at least 0'],
      ['/people/1/extra', '', 'not a field declared by the rule set'],
    ]);
    expect(r.missing.map((i) => [i.pointer, i.field])).toContainEqual([
      '/people/1/address/city',
      'people[].address.city',
    ]);
  });
  it('an absent object makes all its fields missing; an empty application misses every field', () => {
    const r = validateApplication(toy, {});
    expect(r).toMatchObject({ valid: true, invalid: [] });
    expect(r.missing.map((i) => i.pointer)).toEqual([
      '/count',
      '/ratio',
      '/money/total',
      '/money/rate',
      '/flag',
      '/name',
      '/day',
      '/kind',
      '/tags',
      '/people',
      '/area',
    ]);
    const name = r.missing.find((i) => i.field === 'name')!;
    expect(name).toMatchObject({
      label: label('name'),
      question: { fr: 'Nom ?', en: 'Name?' },
      reason: { en: 'not answered yet' },
    });
  });
  it('null, a non-object on the way, hostile input: invalid, never a throw', () => {
    expect(validateApplication(toy, { money: null }).invalid.map((i) => i.pointer)).toEqual(['/money']);
    expect(validateApplication(toy, { money: 3 }).invalid.map((i) => [i.pointer, i.reason.en])).toEqual([
      ['/money', 'an object'],
    ]);
    expect(validateApplication(toy, [1]).invalid.map((i) => i.pointer)).toEqual(['']);
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}}');
    expect(validateApplication(toy, hostile).invalid[0]!.reason.en).toMatch(/forbidden key "__proto__"/);
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = { count: deep };
    expect(validateApplication(toy, deep).valid).toBe(false);
    expect(validateApplication(toy, { $schema: 'x.json', count: 2 }).valid).toBe(true);
  });
  it('agrees with Ajv on the generated JSON Schema for random applications (differential)', () => {
    const validate = ajvFor(applicationJsonSchema(toy));
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value !== 'number' || Number.isInteger(value)),
      fc.constantFrom('a', 'x', '2024-02-29', '2023-02-29', '', null),
    );
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.option(fc.oneof(arbitrary, anyValue), { nil: undefined });
    const application = fc.record(
      {
        count: maybe(fc.integer({ min: -2, max: 12 })),
        ratio: maybe(fc.double({ noNaN: true, noDefaultInfinity: true })),
        money: maybe(
          fc.record(
            {
              total: maybe(fc.integer({ min: -100, max: 10_000 }).map((cents) => cents / 100)),
              rate: maybe(fc.integer({ min: 0, max: 120 })),
            },
            { requiredKeys: [] },
          ),
        ),
        flag: maybe(fc.boolean()),
        name: maybe(fc.string()),
        day: maybe(fc.constantFrom('2023-01-31', '2023-02-29', '2024-02-29', '2023-13-01')),
        kind: maybe(fc.constantFrom('a', 'b', 'c')),
        tags: maybe(fc.array(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 3 })),
        people: maybe(
          fc.array(
            fc.record(
              {
                age: maybe(fc.integer({ min: -1, max: 99 })),
                address: maybe(fc.record({ city: maybe(fc.string()) }, { requiredKeys: [] })),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 4 },
          ),
        ),
        area: maybe(
          fc.dictionary(
            fc.constantFrom('communes', 'epcis', 'departements', 'cantons'),
            fc.array(fc.constantFrom('59350', '', '62'), { maxLength: 2 }),
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(application, (input) => {
        const app = JSON.parse(JSON.stringify(input));
        expect(validateApplication(toy, app).valid).toBe(validate(app));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('applicationJsonSchema', () => {
  it('is a valid JSON Schema 2020-12, accepted by Ajv in strict mode', () => {
    const schema = applicationJsonSchema(toy);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const validate = ajvFor(schema);
    expect(validate({ count: 2, people: [{ age: 3 }], area: { communes: ['59350'] } })).toBe(true);
    expect(validate({ count: 0 })).toBe(false);
  });
  it('the ITIE schema: valid, up to date in data/rules, and every shipped example application passes it', () => {
    const itie = itieRuleSets().at(-1)!;
    const schema = applicationJsonSchema(itie);
    const validate = ajvFor(schema);
    expect(JSON.parse(readFileSync('data/rules/itie-hdf-2023.application.schema.json', 'utf8'))).toEqual(
      JSON.parse(itieApplicationJsonSchema()),
    );
    const files = readdirSync('examples/applications').filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const application = JSON.parse(readFileSync(`examples/applications/${file}`, 'utf8'));
      expect(validate(application), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validateApplication(itie, application).valid, file).toBe(true);
    }
    for (const example of itie.examples ?? []) {
      expect(validate(example.application), example.name).toBe(true);
    }
    expect(validate({ themes: ['cuisine'] })).toBe(false);
  });
});

describe('declared fields of a rule set document', () => {
  const base = {
    format: 'cprdfop.ruleset/1',
    id: 'b',
    version: '1',
    title: { fr: 'B', en: 'B' },
    validFrom: '2023-01-01',
  };
  it('duplicates, prefixes, values and items that do not fit the type are errors', () => {
    const r = safeParseRuleSet({
      ...base,
      fields: [
        { path: 'a', type: 'money', label: label('a') },
        { path: 'a.b', type: 'money', label: label('a.b') },
        { path: 'a', type: 'money', label: label('a') },
        { path: 'e', type: 'enum', label: label('e') },
        { path: 's', type: 'string', label: label('s'), values: [{ value: 'v', label: label('v') }] },
        { path: 'l', type: 'list', label: label('l') },
        { path: 'n', type: 'integer', label: label('n'), min: 3, max: 1 },
        {
          path: 'v',
          type: 'set',
          label: label('v'),
          values: [
            { value: 'v', label: label('v') },
            { value: 'v', label: label('v') },
          ],
        },
      ],
    });
    expect(r.success ? [] : r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'fields[2].path: duplicate field "a" (first at index 0)',
      'fields[3]: an enum field lists its "values"',
      'fields[4].values: "values" only apply to enum and set fields',
      'fields[5]: a list field declares its "items"',
      'fields[6].max: max 1 is below min 3',
      'fields[7].values[1]: duplicate value "v"',
      'fields[1].path: "a.b" is inside the declared field "a"',
    ]);
  });
  it('overlays add fields and refine them by path (items too); a type change is an error', () => {
    const baseSet = parseRuleSet({
      ...base,
      fields: [
        { path: 'n', type: 'integer', label: label('n'), min: 0 },
        {
          path: 'l',
          type: 'list',
          label: label('l'),
          items: [{ path: 'k', type: 'string', label: label('k') }],
        },
      ],
    });
    const overlay = parseRuleSet({
      ...base,
      id: 'o',
      extends: 'b@1',
      fields: [
        { path: 'n', type: 'integer', label: { fr: 'Nombre', en: 'Number' }, max: 9 },
        {
          path: 'l',
          type: 'list',
          label: label('l'),
          items: [
            { path: 'k', type: 'string', label: label('k2') },
            { path: 'm', type: 'date', label: label('m') },
          ],
        },
        { path: 'new', type: 'boolean', label: label('new') },
      ],
    });
    const flat = resolveRuleSet(overlay, [baseSet]);
    expect(flat.fields).toEqual([
      { path: 'n', type: 'integer', label: { fr: 'Nombre', en: 'Number' }, min: 0, max: 9 },
      {
        path: 'l',
        type: 'list',
        label: label('l'),
        items: [
          { path: 'k', type: 'string', label: label('k2') },
          { path: 'm', type: 'date', label: label('m') },
        ],
      },
      { path: 'new', type: 'boolean', label: label('new') },
    ]);
    expect(resolveRuleSet(parseRuleSet({ ...base, id: 'o', extends: 'b@1' }), [baseSet]).fields).toEqual(
      baseSet.fields,
    );
    const retyped = parseRuleSet({
      ...base,
      id: 'o',
      extends: 'b@1',
      fields: [{ path: 'n', type: 'decimal', label: label('n') }],
    });
    expect(() => resolveRuleSet(retyped, [baseSet])).toThrow(RuleSetError);
    expect(() => resolveRuleSet(retyped, [baseSet])).toThrow(
      'fields[0]: refinement of field "n" changes its type from integer to decimal',
    );
    const inside = parseRuleSet({
      ...base,
      id: 'o',
      extends: 'b@1',
      fields: [{ path: 'n.x', type: 'decimal', label: label('n') }],
    });
    expect(() => resolveRuleSet(inside, [baseSet])).toThrow(/"n\.x" is inside the declared field "n"/);
  });
});

/** Declared fields, normalised: path → kind (money/decimal/percent are numbers), values, bounds. */
type Shape = Record<string, { kind: string; values?: string[]; min?: number; max?: number; items?: Shape }>;
const NUMBER_KINDS = new Set(['money', 'decimal', 'percent']);
function declaredShape(fields: readonly FieldDeclaration[]): Shape {
  const out: Shape = {};
  for (const field of fields) {
    out[field.path] = {
      kind: NUMBER_KINDS.has(field.type) ? 'number' : field.type,
      ...(field.values ? { values: field.values.map((value) => value.value) } : {}),
      ...(field.min !== undefined ? { min: field.min } : {}),
      ...(field.max !== undefined ? { max: field.max } : {}),
      ...(field.items ? { items: declaredShape(field.items) } : {}),
    };
  }
  return out;
}
/** The zod schema's JSON Schema, normalised the same way (an independent reading of Application). */
function zodShape(schema: Record<string, unknown>, prefix = '', out: Shape = {}): Shape {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [key, node] of Object.entries(properties)) {
    if (prefix === '' && key === '$schema') continue;
    const path = `${prefix}${key}`;
    const keys = Object.keys((node.properties ?? {}) as object).sort();
    const bounds = {
      ...(node.minimum !== undefined ? { min: node.minimum as number } : {}),
      ...(node.maxItems !== undefined ? { max: node.maxItems as number } : {}),
    };
    if (node.type === 'object' && keys.join() === 'arrondissements,communes,departements,epcis')
      out[path] = { kind: 'territory' };
    else if (node.type === 'object') zodShape(node, `${path}.`, out);
    else if (node.type === 'array') {
      const items = node.items as Record<string, unknown>;
      if (items.type === 'object') out[path] = { kind: 'list', ...bounds, items: zodShape(items) };
      else out[path] = { kind: 'set', values: items.enum as string[], ...bounds };
    } else if (node.type === 'string' && node.enum)
      out[path] = { kind: 'enum', values: node.enum as string[] };
    else if (node.type === 'string') out[path] = { kind: node.format === 'date' ? 'date' : 'string' };
    else out[path] = { kind: node.type as string, ...bounds };
  }
  return out;
}

describe('the ITIE rule set declares its fields, in agreement with the Application zod schema', () => {
  const itie = itieRuleSets().at(-1)!;
  it('same paths, same types, same allowed values and bounds (both directions)', () => {
    const declared = declaredShape(itie.fields ?? []);
    const zod = zodShape(z.toJSONSchema(Application, { io: 'input' }) as Record<string, unknown>);
    expect(Object.keys(declared).sort()).toEqual(Object.keys(zod).sort());
    expect(declared).toEqual(zod);
  });
  it('every declared field and value has FR and EN labels; every field read by a criterion is declared', () => {
    const index = fieldIndex(itie);
    for (const [path, field] of index) {
      expect(field.label.fr.length * field.label.en.length, path).toBeGreaterThan(0);
      for (const value of field.values ?? [])
        expect(value.label.fr && value.label.en, `${path}=${value.value}`).toBeTruthy();
    }
    const read = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'field' && typeof value === 'string') read.add(value);
          else walk(value);
        }
      }
    };
    walk(itie.criteria);
    walk(itie.funding);
    for (const path of read) expect(index.has(path), path).toBe(true);
    expect(index.has(itie.asOfField!)).toBe(true);
  });
  it('validateApplication and safeParseApplication agree on the example applications and on typical mistakes', async () => {
    const { safeParseApplication } = await import('../../src/itie/index.js');
    for (const input of [
      { themes: ['cuisine'] },
      { budget: { total: -1 } },
      { schedule: { start: '2023-02-30' } },
      { territory: {} },
      { partners: [{ type: 'etat', extra: 1 }] },
      { title: '' },
      { carrier: { legalForm: 'epci' }, submittedOn: '2023-04-03' },
    ]) {
      expect(validateApplication(itie, input).valid, JSON.stringify(input)).toBe(
        safeParseApplication(input).success,
      );
    }
  });
});

describe('cprdfop rules schema', () => {
  it('prints the ITIE application schema; an overlay inherits the fields; no fields is exit 65', async () => {
    const r = await cli(['rules', 'schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(applicationJsonSchema(itieRuleSets().at(-1)!));
    const dir = mkdtempSync(join(tmpdir(), 'cprdfop-schema-'));
    try {
      writeFileSync(
        join(dir, 'overlay.json'),
        JSON.stringify({
          format: 'cprdfop.ruleset/1',
          id: 'overlay',
          version: '1',
          title: { fr: 'O', en: 'O' },
          validFrom: '2024-01-01',
          extends: 'itie-hdf@2023.1',
          region: '28',
        }),
      );
      const overlay = await cli(['rules', 'schema', join(dir, 'overlay.json')]);
      expect(overlay.code).toBe(0);
      expect(Object.keys(JSON.parse(overlay.stdout).properties)).toContain('territory');
      const deffinov = await cli(['rules', 'schema', 'examples/normandie-deffinov/deffinov.ruleset.json']);
      expect(JSON.parse(deffinov.stdout).properties.budget.properties).toHaveProperty('selfFinancing');
      writeFileSync(
        join(dir, 'bare.json'),
        JSON.stringify({
          format: 'cprdfop.ruleset/1',
          id: 'x',
          version: '1',
          title: { fr: 'X', en: 'X' },
          validFrom: '2023-01-01',
        }),
      );
      const bare = await cli(['rules', 'schema', join(dir, 'bare.json')]);
      expect(bare.code).toBe(65);
      expect(bare.stderr).toContain('declares no fields');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
