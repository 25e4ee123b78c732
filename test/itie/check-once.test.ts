/**
 * One check does each piece of work once, with the same answers: the territory its validation resolved
 * is handed to the evaluation (not resolved again), and an invalid application's French issues come
 * from the one error map that words its English ones (not from a second parse in zod's French locale).
 * The references are computed here the old way: the explanation of a check whose territory provider is
 * the caller's (so the evaluation resolves the territory itself), and the issues of a parse in zod's
 * French locale matched by path, as `safeParseApplication` did.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ISO_DATE_REASON } from '../../src/_shared/isoDate.js';
import { formatPath } from '../../src/_shared/jsonSafety.js';
import { frenchTypography } from '../../src/_shared/typography.js';
import {
  Application,
  type CheckResult,
  checkApplication,
  hautsDeFranceTerritory,
  safeParseApplication,
} from '../../src/itie/index.js';
import { parseRuleSet, serializeExplanation } from '../../src/rules/index.js';
import { territoryProvider } from '../../src/territory/index.js';
import { appArb } from '../rules/_itie.js';

/** The French of the schema's own messages, as `safeParseApplication` had it. */
const CUSTOM_IN_FRENCH: Readonly<Record<string, string>> = {
  'a 5-character commune code (INSEE)': 'un code de commune INSEE de 5 caractères',
  'a 14-digit SIRET': 'un SIRET de 14 chiffres',
  'a 9-digit EPCI SIREN': 'un SIREN d’EPCI de 9 chiffres',
  'an arrondissement code (INSEE), e.g. 595': 'un code d’arrondissement INSEE, par exemple 595',
  'a département code (INSEE), e.g. 59': 'un code de département INSEE, par exemple 59',
  'an empty partner: give at least its name, its SIRET or its type':
    'un partenaire vide : donner au moins son nom, son SIRET ou son type',
  'a territory lists at least one code': 'un territoire liste au moins un code',
};

/** The schema issues of an invalid application the old way: two parses, French matched by path. */
function referenceIssues(input: unknown) {
  const english = Application.safeParse(input);
  if (english.success) return undefined;
  const frenchParse = Application.safeParse(input, { error: z.locales.fr().localeError });
  const french = new Map<string, string[]>();
  if (!frenchParse.success)
    for (const issue of frenchParse.error.issues) {
      const path = formatPath(issue.path);
      french.set(path, [...(french.get(path) ?? []), issue.message]);
    }
  return english.error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const zodFrench = french.get(path)?.shift();
    let fr = issue.message;
    const date = /^expected .* got (.*) \(attendu\u202f: .*\)$/s.exec(issue.message);
    if (zodFrench !== undefined && zodFrench !== issue.message) fr = frenchTypography(zodFrench);
    else if (CUSTOM_IN_FRENCH[issue.message]) fr = frenchTypography(CUSTOM_IN_FRENCH[issue.message]!);
    else if (date) fr = `attendu\u00a0: ${ISO_DATE_REASON.fr}, reçu ${date[1]}`;
    return { path, code: 'invalid', message: issue.message, messages: { fr, en: issue.message } };
  });
}

/** A value that is wrong somewhere in an application (a type, a code, a date, a key, a bound). */
const wrong = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '59999',
    'x',
    '2A004',
    '2023-02-30',
    '2023-13-01',
    '',
    ' ',
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    null,
    true,
    [],
    {},
    [null],
    ['cuisine'],
    ['autre'],
    { communes: [] },
    { communes: ['59350', 'x', 7] },
    { epcis: ['12345678'] },
    { departements: ['99', '2A'] },
    { arrondissements: ['0'] },
    { cantons: ['5901'] },
    [{}],
    [{ siret: '123' }],
    [{ type: 'ovni' }],
    { legalForm: 'sarl', commune: '59999' },
    { total: 'a', requested: -5 },
    { start: '2023-02-29', end: 20230101 },
    'a'.repeat(501),
  ),
);
const KEYS = [
  'title',
  'carrier',
  'partners',
  'territory',
  'publics',
  'publicsOther',
  'themes',
  'themesOther',
  'budget',
  'schedule',
  'submittedOn',
  'unexpected',
] as const;
/** An application with one to four wrong values, at the top or one level down. */
const invalidArb = fc
  .tuple(
    appArb,
    fc.array(
      fc.tuple(fc.constantFrom(...KEYS), fc.option(fc.string({ maxLength: 8 }), { nil: undefined }), wrong),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([app, edits]) => {
    const out: Record<string, unknown> = structuredClone(app);
    for (const [key, inner, value] of edits) {
      const current = out[key];
      if (inner !== undefined && current !== null && typeof current === 'object' && !Array.isArray(current))
        out[key] = { ...current, [inner]: value };
      else out[key] = value;
    }
    return out;
  });

/**
 * The paths of every own key that the JSON safety check refuses (`__proto__`, `constructor`,
 * `prototype`), found by a plain recursive walk: an application holding one is refused as `unsafe`
 * before the schema sees it, so the schema's issues are not its answer.
 */
function forbiddenKeyPaths(value: unknown, path: (string | number)[] = []): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => forbiddenKeyPaths(item, [...path, index]));
  return Object.keys(value).flatMap((key) =>
    ['__proto__', 'constructor', 'prototype'].includes(key)
      ? [formatPath([...path, key])]
      : forbiddenKeyPaths((value as Record<string, unknown>)[key], [...path, key]),
  );
}

const text = (result: CheckResult) =>
  result.ok ? serializeExplanation(result.explanation) : JSON.stringify(result.issues);

describe('an invalid application’s issues: one parse words them in English and in French', () => {
  it('the same issues (path, code, English, French, order) as two parses did', () => {
    let invalid = 0;
    fc.assert(
      fc.property(invalidArb, (app) => {
        const result = safeParseApplication(app);
        const forbidden = forbiddenKeyPaths(app);
        if (forbidden.length > 0) {
          // Refused before the schema: one `unsafe` issue naming one of the forbidden keys.
          const issues = result.success ? [] : result.issues;
          expect(issues).toHaveLength(1);
          expect(issues[0]).toMatchObject({
            code: 'unsafe',
            messages: {
              en: expect.stringMatching(/^forbidden key "(__proto__|constructor|prototype)"$/),
              fr: expect.stringMatching(/^clé interdite «\u202f(__proto__|constructor|prototype)\u202f»$/),
            },
          });
          expect(forbidden).toContain(issues[0]?.path);
          expect(checkApplication(app)).toEqual({ ok: false, issues });
          return;
        }
        const reference = referenceIssues(app);
        if (!reference) return;
        invalid++;
        expect(result.success).toBe(false);
        expect(result.success ? [] : result.issues).toEqual(reference);
        const checked = checkApplication(app);
        expect(checked.ok ? [] : checked.issues).toEqual(reference);
      }),
      { numRuns: 1500 },
    );
    expect(invalid).toBeGreaterThan(1000);
  });

  it('the same issues for top-level values that are not an application, and under a global error map', () => {
    for (const value of [null, 7, 'x', [], [1], true, { territory: null }, { partners: [{}, {}] }])
      expect(safeParseApplication(value).success ? [] : (safeParseApplication(value) as never)).toEqual({
        success: false,
        issues: referenceIssues(value),
      });
    const before = z.config().customError;
    z.config({
      customError: (issue) => (issue.code === 'invalid_type' ? `mine: ${issue.expected}` : undefined),
    });
    try {
      const app = { title: 7, themes: ['cuisine'], budget: { total: 'a' } };
      const result = safeParseApplication(app);
      expect(result.success ? [] : result.issues).toEqual(referenceIssues(app));
      expect(result.success ? [] : result.issues.map((issue) => issue.message)).toContain('mine: string');
    } finally {
      z.config({ customError: before });
    }
  });
});

describe('a check resolves the territory once, with the same explanation', () => {
  const normandie = parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 'itie-normandie',
    version: '1',
    title: { fr: 'ITIE Normandie', en: 'ITIE Normandie' },
    validFrom: '2023-01-01',
    extends: 'itie-hdf@2023.1',
    region: '28',
  });
  const hdf = hautsDeFranceTerritory();
  const caen = territoryProvider('28');
  const territories = fc.oneof(
    fc.record({
      communes: fc.uniqueArray(
        fc.constantFrom(
          '02408',
          '02394',
          '59350',
          '62160',
          '80021',
          '60057',
          '76540',
          '75056',
          '14118',
          '59999',
        ),
        { minLength: 1, maxLength: 5 },
      ),
    }),
    fc.record(
      {
        communes: fc.uniqueArray(fc.constantFrom('02408', '14118', '50129'), { maxLength: 2 }),
        epcis: fc.uniqueArray(
          fc.constantFrom('240200600', '200043495', '246200729', '200093201', '241400878'),
          {
            maxLength: 3,
          },
        ),
        arrondissements: fc.uniqueArray(fc.constantFrom('022', '595', '141'), { maxLength: 2 }),
        departements: fc.uniqueArray(fc.constantFrom('02', '59', '76', '14'), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  );
  const applications = fc
    .tuple(appArb, fc.option(territories, { nil: undefined }))
    .map(([app, territory]) => (territory ? { ...app, territory } : app));

  it('Hauts-de-France: byte-identical to a check whose provider resolves the territory itself', () => {
    fc.assert(
      fc.property(applications, fc.constantFrom(undefined, '2023-04-03', '2023-01-01'), (app, asOf) => {
        const result = checkApplication(app, { asOf });
        const reference = checkApplication(app, { asOf, territory: hdf });
        expect(text(result)).toBe(text(reference));
        if (result.ok)
          expect(serializeExplanation(result.explanation)).toBe(JSON.stringify(result.explanation));
      }),
      { numRuns: 600 },
    );
  });

  it('another region’s overlay: byte-identical to a check with that region’s provider', () => {
    fc.assert(
      fc.property(applications, (app) => {
        const result = checkApplication(app, { ruleSet: normandie });
        expect(text(result)).toBe(text(checkApplication(app, { ruleSet: normandie, territory: caen })));
      }),
      { numRuns: 300 },
    );
  });

  it('calls a caller’s provider once per check, and never hands it another check’s territory', () => {
    const seen: unknown[] = [];
    const spy = {
      resolve: (ref: Parameters<typeof hdf.resolve>[0]) => {
        seen.push(ref);
        return hdf.resolve(ref);
      },
    };
    const app = { territory: { epcis: ['240200600'] }, submittedOn: '2023-04-03' };
    checkApplication(app);
    checkApplication(app, { territory: spy });
    expect(seen).toEqual([{ epcis: ['240200600'] }]);
  });

  it('a check nested in another (from a contiguity callback) gets its own territory', () => {
    const inner = { territory: { communes: ['75056'] }, submittedOn: '2023-04-03' };
    let nested: CheckResult | undefined;
    const outer = checkApplication(
      { territory: { communes: ['02408', '02381'] }, submittedOn: '2023-04-03' },
      {
        contiguity: () => {
          nested = checkApplication(inner);
          return true;
        },
      },
    );
    expect(nested && text(nested)).toBe(text(checkApplication(inner, { territory: hdf })));
    expect(text(outer)).toBe(
      text(
        checkApplication(
          { territory: { communes: ['02408', '02381'] }, submittedOn: '2023-04-03' },
          { contiguity: () => true, territory: hdf },
        ),
      ),
    );
  });
});
