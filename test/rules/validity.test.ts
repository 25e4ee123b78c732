import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../src/itie/index.js';
import {
  compile,
  InvalidDateError,
  isInForce,
  NoRuleSetInForceError,
  parseRuleSet,
  RuleSetError,
  RuleSetNotInForceError,
  safeParseRuleSet,
  selectRuleSet,
} from '../../src/rules/index.js';
import { cli } from '../_helpers/cli.js';

const base = {
  format: 'cprdfop.ruleset/1',
  id: 'demo',
  version: '1',
  title: { fr: 'Démo', en: 'Demo' },
  validFrom: '2023-01-01',
  validTo: '2023-12-31',
  asOfField: 'submittedOn',
  criteria: [{ id: 'yes', label: { fr: 'Oui', en: 'Yes' }, when: true }],
};

/** Independent reference: the date exists in the proleptic Gregorian calendar (via Date.UTC). */
const exists = (text: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

describe('dates of the rule set document', () => {
  it('validFrom, validTo and examples[].asOf must be real calendar dates', () => {
    for (const [field, value] of [
      ['validFrom', '2023-02-30'],
      ['validFrom', '2023-02-29'],
      ['validTo', '2023-04-31'],
      ['validFrom', '2023-1-01'],
      ['validFrom', ' 2023-01-01'],
    ] as const) {
      const r = safeParseRuleSet({ ...base, validTo: undefined, [field]: value });
      expect(r.success ? [] : r.issues, `${field} ${value}`).toMatchObject([
        { path: field, message: expect.stringContaining('a real calendar date YYYY-MM-DD') },
      ]);
    }
    expect(safeParseRuleSet({ ...base, validFrom: '2024-02-29', validTo: undefined }).success).toBe(true);
    const example = safeParseRuleSet({
      ...base,
      examples: [{ name: 'x', asOf: '2023-02-30', application: {}, verdict: 'eligible' }],
    });
    expect(example.success ? [] : example.issues.map((i) => i.path)).toEqual(['examples[0].asOf']);
  });
  it('agrees with an independent calendar on random strings of date shape', () => {
    const digits = (n: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(digits(4), digits(2), digits(2), (year, month, day) => {
        const date = `${year}-${month}-${day}`;
        const r = safeParseRuleSet({ ...base, validFrom: date, validTo: undefined });
        expect(r.success).toBe(exists(date));
      }),
      { numRuns: 500 },
    );
  });
  it('validTo before validFrom is a RuleSetError; the same day is allowed', () => {
    expect(() => parseRuleSet({ ...base, validTo: '2022-12-31' })).toThrow(RuleSetError);
    expect(() => parseRuleSet({ ...base, validTo: '2022-12-31' })).toThrow(
      'validTo: validTo 2022-12-31 is before validFrom 2023-01-01',
    );
    expect(parseRuleSet({ ...base, validTo: '2023-01-01' }).validTo).toBe('2023-01-01');
  });
});

describe('evaluating outside the validity window', () => {
  const evaluator = compile(parseRuleSet(base));
  it('is never a verdict: a typed RuleSetNotInForceError naming the date and the window', () => {
    for (const asOf of ['2022-12-31', '2024-01-01', '1900-01-01']) {
      let caught: unknown;
      try {
        evaluator.evaluate({}, { asOf });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(RuleSetNotInForceError);
      expect(caught).toMatchObject({
        name: 'RuleSetNotInForceError',
        code: 'E_RULESET_NOT_IN_FORCE',
        asOf,
        validFrom: '2023-01-01',
        validTo: '2023-12-31',
        ruleSetId: 'demo',
        version: '1',
      });
      expect((caught as Error).message).toContain(`not in force on ${asOf} (valid 2023-01-01 → 2023-12-31)`);
    }
    // The date found in the application (asOfField) is checked too, every time (not only when it changes).
    expect(() => evaluator.evaluate({ submittedOn: '2024-03-01' })).toThrow(RuleSetNotInForceError);
    expect(() => evaluator.evaluate({ submittedOn: '2024-03-01' })).toThrow(RuleSetNotInForceError);
  });
  it('both bounds are inclusive', () => {
    expect(evaluator.evaluate({}, { asOf: '2023-01-01' }).verdict).toBe('eligible');
    expect(evaluator.evaluate({}, { asOf: '2023-12-31' }).verdict).toBe('eligible');
    expect(isInForce({ validFrom: '2023-01-01' }, '9999-12-31')).toBe(true);
  });
  it('isInForce and selectRuleSet refuse a date that does not exist', () => {
    expect(() => isInForce(base, '2023-02-30')).toThrow(InvalidDateError);
    expect(() => selectRuleSet([parseRuleSet(base)], 'demo', '2023-02-30')).toThrow(InvalidDateError);
    expect(() => selectRuleSet([parseRuleSet(base)], 'demo', '2024-02-01')).toThrow(NoRuleSetInForceError);
  });
  it('checkApplication: an invalid asOf is an invalid input, not "no date"', () => {
    const r = checkApplication({}, { asOf: '2023-02-30' });
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.path])).toEqual([['invalid', '']]);
    const outside = checkApplication({}, { asOf: '2022-06-01' });
    expect(outside.ok ? [] : outside.issues.map((i) => i.code)).toEqual(['not-in-force']);
    // A rule set reading its date from another field finds it outside the window itself: still an issue.
    const other = parseRuleSet({
      ...base,
      asOfField: 'schedule.start',
      validTo: undefined,
      validFrom: '2023-01-01',
    });
    const found = checkApplication({ schedule: { start: '2022-05-01' } }, { ruleSet: other });
    expect(found.ok ? [] : found.issues.map((i) => [i.code, i.message])).toEqual([
      ['not-in-force', expect.stringContaining('not in force on 2022-05-01')],
    ]);
  });
});

describe('cprdfop check and the validity window', () => {
  const eligible = 'examples/applications/eligible-mobilite-laonnois.json';
  it('--as-of 2023-02-30 is a usage error (64)', async () => {
    const r = await cli(['check', eligible, '--as-of', '2023-02-30']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--as-of must be a real calendar date YYYY-MM-DD, not "2023-02-30"');
    const fr = await cli(['check', eligible, '--as-of', '2023-02-29', '--lang', 'fr']);
    expect(fr.code).toBe(64);
    expect(fr.stderr).toContain(
      '--as-of doit être une date réelle au format AAAA-MM-JJ, pas «\u202f2023-02-29\u202f»',
    );
  });
  it('a date outside the window is exit 65 naming the date and the window', async () => {
    const r = await cli(['check', eligible, '--as-of', '2022-12-31']);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('2022-12-31');
    expect(r.stderr).toContain('2023-01-01 → …');
  });
});
