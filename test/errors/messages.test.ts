/**
 * Every error class of the package tells its message in both languages: for each name of
 * CPRDFOP_ERROR_NAMES, a sample has a French and an English text, the English one is (the start of) its
 * `message`, both name the same values, and the French has its typography right. Issues and
 * diagnostics made by the library carry both languages too.
 */
import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/_shared/typography.js';
import { CPRDFOP_ERROR_NAMES, CprdfopError } from '../../src/errors.js';
import { GeoDataError } from '../../src/geo/GeoDataError.js';
import { ApplicationError } from '../../src/itie/ApplicationError.js';
import { safeParseApplication, safeParseApplicationJson } from '../../src/itie/index.js';
import {
  CacheWriteError,
  HttpError,
  IncompleteResultError,
  NetworkError,
  OfflineError,
  QuotaExceededError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
} from '../../src/opendata/index.js';
import { InvalidDateError } from '../../src/plan/InvalidDateError.js';
import { NoRuleSetInForceError, RuleSetError, RuleSetNotInForceError } from '../../src/rules/errors.js';
import { InvalidCodeError } from '../../src/territory/InvalidCodeError.js';
import { requireCommune, resolveTerritory } from '../../src/territory/index.js';
import { MeshError } from '../../src/territory/MeshError.js';
import { RegionNotLoadedError } from '../../src/territory/RegionNotLoadedError.js';

/** One sample per error class, with the values its message must name in both languages. */
const SAMPLES: Record<string, { error: CprdfopError; values: string[] }> = {
  CprdfopError: {
    error: new CprdfopError('E_X', { fr: 'valeur «\u202fx\u202f» invalide', en: 'invalid value "x"' }),
    values: ['x'],
  },
  ApplicationError: {
    error: new ApplicationError([
      {
        path: 'themes[0]',
        code: 'invalid',
        message: 'unknown theme',
        messages: { fr: 'thème inconnu', en: 'unknown theme' },
      },
      { path: 'budget', code: 'invalid', message: 'x' },
    ]),
    values: ['themes[0]', '1'],
  },
  CacheWriteError: {
    error: new CacheWriteError('/ro/cache/x.json', Object.assign(new Error('read-only'), { code: 'EROFS' })),
    values: ['/ro/cache/x.json', 'EROFS'],
  },
  GeoDataError: {
    error: new GeoDataError('E_INVALID_CONTOURS', {
      fr: 'anneau non fermé en features[0]',
      en: 'ring not closed at features[0]',
    }),
    values: ['features[0]'],
  },
  HttpError: {
    error: new HttpError({ method: 'GET', url: 'https://x.test/a', status: 404, body: 'Not Found' }),
    values: ['GET', 'https://x.test/a', '404', 'Not Found'],
  },
  IncompleteResultError: {
    error: new IncompleteResultError({
      source: 'records r1',
      reason: 'empty-page',
      expected: 10,
      received: 4,
    }),
    values: ['records r1', 'empty-page', '10', '4'],
  },
  InvalidCodeError: {
    error: new InvalidCodeError('5935', 'commune', 'territory.communes[2]'),
    values: ['5935', 'territory.communes[2]', '59350'],
  },
  InvalidDateError: { error: new InvalidDateError('2023-13-45', 'asOf'), values: ['2023-13-45', 'asOf'] },
  MeshError: {
    error: new MeshError({ fr: 'commune 59350 listée deux fois', en: 'commune 59350 listed twice' }, [2, 3]),
    values: ['59350'],
  },
  NetworkError: {
    error: new NetworkError('GET', 'https://x.test/', new Error('ECONNRESET')),
    values: ['GET', 'https://x.test/', 'ECONNRESET'],
  },
  NoRuleSetInForceError: {
    error: new NoRuleSetInForceError('itie-hdf', '2019-01-01', ['2023.1 (2023-01-01 → …)']),
    values: ['itie-hdf', '2019-01-01', '2023.1 (2023-01-01 → …)'],
  },
  OfflineError: {
    error: new OfflineError('https://x.test/a', { fr: 'aucun cache configuré', en: 'no cache configured' }),
    values: ['https://x.test/a', 'CPRDFOP_OFFLINE'],
  },
  QuotaExceededError: {
    error: new QuotaExceededError({
      url: 'https://x.test/',
      errorcode: 10002,
      callLimit: 5000,
      limitTimeUnit: 'day',
      resetTime: '2021-01-26T00:00:00Z',
    }),
    values: ['https://x.test/', '10002', '5000', '2021-01-26T00:00:00.000Z'],
  },
  RegionNotLoadedError: { error: new RegionNotLoadedError('28'), values: ['28', "loadRegion('28')"] },
  ResponseTooLargeError: {
    error: new ResponseTooLargeError('https://x.test/', 10, 'mesh table'),
    values: ['https://x.test/', '10'],
  },
  ResponseValidationError: {
    error: new ResponseValidationError('https://x.test/r', [
      { path: [3, 'code'], message: 'expected string' },
      ...Array.from({ length: 6 }, (_, index) => ({ path: [index], message: 'bad' })),
    ]),
    values: ['https://x.test/r', '3.code', '2'],
  },
  RuleSetError: {
    error: new RuleSetError('criteria[2].when', {
      fr: 'opérateur inconnu «\u202ffoo\u202f»',
      en: 'unknown operator "foo"',
    }),
    values: ['criteria[2].when', 'foo'],
  },
  RuleSetNotInForceError: {
    error: new RuleSetNotInForceError(
      { id: 'itie-hdf', version: '2023.1', validFrom: '2023-01-01' },
      '2022-06-01',
    ),
    values: ['itie-hdf@2023.1', '2022-06-01', '2023-01-01'],
  },
  TimeoutError: {
    error: new TimeoutError('GET', 'https://x.test/', 1000),
    values: ['GET', 'https://x.test/', '1000'],
  },
  UnknownCodeError: {
    error: (() => {
      try {
        requireCommune('59999');
      } catch (error) {
        return error as CprdfopError;
      }
      throw new Error('requireCommune("59999") did not throw');
    })(),
    values: ['59999', '59'],
  },
};

/** What French typography forbids in a French text (a space before : ; ! ?, a straight apostrophe). */
function expectFrenchTypography(text: string, what: string): void {
  expect(frenchTypography(text), what).toBe(text);
  expect(text, what).not.toMatch(/\p{L}'\p{L}/u);
  expect(text, what).not.toMatch(/ [:;!?]/);
}

describe('every error class speaks French and English', () => {
  it('has a sample for every name of CPRDFOP_ERROR_NAMES (and no other)', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CPRDFOP_ERROR_NAMES].sort());
  });
  it.each(Object.entries(SAMPLES))('%s', (name, { error, values }) => {
    expect(error.name).toBe(name);
    const { fr, en } = error.messages;
    expect(fr.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(fr).not.toBe(en);
    // `message` is the English (a few older messages go on with a French note after « / »).
    expect(error.message.startsWith(en)).toBe(true);
    expect(error.localizedMessage('en')).toBe(en);
    expect(error.localizedMessage('fr')).toBe(fr);
    for (const value of values) {
      expect(fr, `${name}: ${value} in French`).toContain(value);
      expect(en, `${name}: ${value} in English`).toContain(value);
    }
    expectFrenchTypography(fr, name);
    expect(Object.isFrozen(error.messages)).toBe(true);
  });
  it('an error made with one English string has it in both languages, never an invented French', () => {
    const error = new CprdfopError('E_X', 'bad value "x"');
    expect(error.messages).toEqual({ fr: 'bad value "x"', en: 'bad value "x"' });
  });
  it('quoted input is inserted as it is, never retypeset', () => {
    const error = new InvalidCodeError("59'3:5", 'commune');
    expect(error.messages.fr).toContain("«\u202f59'3:5\u202f»");
  });
});

describe('issues and diagnostics made by the library speak both languages', () => {
  it('application issues: zod’s, the schema’s own, the territory’s and the JSON text’s', () => {
    const parsed = safeParseApplication({
      themes: ['cuisine'],
      budget: { total: 'x' },
      partners: [{}],
      schedule: { start: '2023-02-30' },
    });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.issues;
    expect(issues.length).toBeGreaterThanOrEqual(4);
    for (const issue of issues) {
      expect(issue.messages?.en, issue.path).toBe(issue.message);
      expect(issue.messages?.fr, issue.path).not.toBe(issue.message);
      expectFrenchTypography(issue.messages?.fr ?? '', issue.path);
    }
    const unknown = safeParseApplication({ territory: { communes: ['59999'] } });
    expect(unknown.success ? undefined : unknown.issues[0]?.messages?.fr).toMatch(
      /^code de commune inconnu 59999/,
    );
    const json = safeParseApplicationJson('{nope');
    expect(json.success ? undefined : json.issues[0]?.messages?.fr).toBe('JSON invalide à la position 1');
  });
  it('territory diagnostics: every kind', () => {
    const { diagnostics } = resolveTerritory({
      communes: ['59350', '02394', '76540', '59999', 'x'],
      epcis: ['999999999'],
      departements: ['76', '00'],
      arrondissements: ['765'],
    });
    expect(diagnostics.length).toBeGreaterThanOrEqual(7);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.messages?.en, diagnostic.path).toBe(diagnostic.message);
      expect(diagnostic.messages?.fr, diagnostic.path).not.toBe(diagnostic.message);
      expect(diagnostic.messages?.fr, diagnostic.path).toContain(diagnostic.path);
      expectFrenchTypography(diagnostic.messages?.fr ?? '', diagnostic.path);
    }
  });
});
