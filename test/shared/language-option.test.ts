/**
 * The `lang` option of every public function that takes one: `fr` and `en` work, absent gives the
 * documented default, anything else is a typed error naming the value and the function (it used to
 * give `undefined` texts for `'de'`, and a function for `'toString'`).
 */
import { describe, expect, it } from 'vitest';
import { CprdfopError } from '../../src/errors.js';
import { renderMap, renderSvg } from '../../src/geo/index.js';
import { itieEvaluator, itieRuleSets } from '../../src/itie/index.js';
import { applicationJsonSchema, fieldsOf, formatRuleSetDiff, nextQuestions } from '../../src/rules/index.js';
import { parseMapping, readCsv, readJsonl, readXlsx, screenRow } from '../../src/screen/index.js';

const BAD: unknown[] = [
  'de',
  'FR',
  '',
  'toString',
  '__proto__',
  'constructor',
  1,
  null,
  10n,
  { toString: false },
];

const square = (code: string, x: number, value: number) => ({
  code,
  value,
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, 50],
        [x + 0.1, 50],
        [x + 0.1, 50.1],
        [x, 50.1],
        [x, 50],
      ],
    ],
  },
});
const layers = [{ shapes: [square('A', 3, 1), square('B', 3.1, 2)] }];
const ruleSet = () => {
  const latest = itieRuleSets().at(-1);
  if (!latest) throw new Error('no built-in rule set');
  return latest;
};

const calls: Array<[string, (lang: unknown) => unknown]> = [
  ['fieldsOf', (lang) => fieldsOf(ruleSet(), { lang: lang as 'fr' })],
  ['renderMap', (lang) => renderMap(layers, { title: 'T', lang: lang as 'fr' })],
  ['renderSvg', (lang) => renderSvg(layers, { title: 'T', lang: lang as 'fr' })],
  ['applicationJsonSchema', (lang) => applicationJsonSchema(ruleSet(), { lang: lang as 'fr' })],
  ['nextQuestions', (lang) => nextQuestions(itieEvaluator(), {}, { asOf: '2023-05-01', lang: lang as 'fr' })],
  ['screenRow', (lang) => screenRow({ line: 1, value: {} }, 1, undefined, { lang: lang as 'fr' })],
  ['readCsv', (lang) => readCsv('a,b\n1,2\n', 'x.csv', lang as 'fr')],
  ['readJsonl', (lang) => readJsonl('{}\n', lang as 'fr')],
  [
    'parseMapping',
    (lang) =>
      parseMapping(
        { format: 'cprdfop.screen-mapping/1', fields: {} },
        (lang === undefined ? 'en' : lang) as 'fr',
      ),
  ],
  [
    'formatRuleSetDiff',
    (lang) =>
      formatRuleSetDiff([{ kind: 'metadata', field: 'version', before: '1', after: '2' }], lang as 'fr'),
  ],
];

/** The error a call throws, or undefined. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('lang options', () => {
  for (const [name, call] of calls) {
    it(`${name}: fr, en and absent work`, () => {
      for (const lang of ['fr', 'en', undefined]) expect(thrown(() => call(lang))).toBeUndefined();
    });
    it.each(BAD.map((value) => [value]))(`${name}: lang %o is E_INVALID_LANGUAGE naming it`, (value) => {
      const error = thrown(() => call(value));
      expect(error).toBeInstanceOf(CprdfopError);
      expect((error as CprdfopError).code).toBe('E_INVALID_LANGUAGE');
      expect((error as CprdfopError).messages.en).toMatch(
        new RegExp(`^invalid lang option ".*" of ${name}: expected fr or en$`),
      );
      expect((error as CprdfopError).messages.fr).toMatch(
        new RegExp(`^option lang «\\u202f.*\\u202f» de ${name} invalide\\u00a0: fr ou en est attendu$`),
      );
    });
  }
  it('fieldsOf gives each language’s own texts', () => {
    for (const lang of ['fr', 'en'] as const) {
      const entries = fieldsOf(ruleSet(), { lang });
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.text).toBe((entry.question ?? entry.label)[lang]);
        for (const value of entry.values ?? []) expect(value.text).toBe(value.label[lang]);
      }
    }
  });
  it('readXlsx rejects a bad lang before reading anything', async () => {
    await expect(readXlsx(Buffer.from('not a workbook'), 'x.xlsx', 'de' as 'fr')).rejects.toMatchObject({
      code: 'E_INVALID_LANGUAGE',
      message: 'invalid lang option "de" of readXlsx: expected fr or en',
    });
  });
});
