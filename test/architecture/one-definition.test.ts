/**
 * One concept, one definition: ISO dates (src/_shared/isoDate.ts) and INSEE code shapes
 * (src/_shared/inseeCodes.ts). A scan finds no other date or code regex in src/, and properties check
 * that every schema and function that takes a date or a code agrees with the shared definition.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  ARRONDISSEMENT_CODE,
  COMMUNE_CODE,
  DEPARTEMENT_CODE,
  POSTAL_CODE,
  SIREN,
} from '../../src/_shared/inseeCodes.js';
import { isIsoDate } from '../../src/_shared/isoDate.js';
import { isWithinPlanPeriod, PartialDate } from '../../src/index.js';
import { Application } from '../../src/itie/index.js';
import { RuleSet, safeParseRuleSet } from '../../src/rules/index.js';
import { resolveTerritory } from '../../src/territory/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function regexLiterals(dir: string): { file: string; source: string }[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return regexLiterals(path);
    if (!entry.name.endsWith('.ts')) return [];
    const out: { file: string; source: string }[] = [];
    const source = ts.createSourceFile(
      path,
      readFileSync(join(root, path), 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral)
        out.push({ file: path, source: node.getText() });
      ts.forEachChild(node, visit);
    };
    visit(source);
    return out;
  });
}

describe('one definition in src/', () => {
  const literals = regexLiterals('src');

  it('finds the regular expressions of src/ (the scan works)', () => {
    expect(literals.length).toBeGreaterThan(50);
    expect(literals).toContainEqual({ file: 'src/_shared/inseeCodes.ts', source: String(COMMUNE_CODE) });
  });

  it('has no ISO date regex outside src/_shared/isoDate.ts', () => {
    const date = /\\d\{4\}\(?-\(?(\\d\{2\}|0\[1-9\])/;
    expect(date.test(String(/^\d{4}-\d{2}-\d{2}$/))).toBe(true);
    expect(date.test(String(/^\d{4}(-(0[1-9]|1[0-2]))?$/))).toBe(true);
    expect(literals.filter((l) => date.test(l.source) && l.file !== 'src/_shared/isoDate.ts')).toEqual([]);
  });

  it('has no INSEE or SIRENE code regex outside src/_shared/inseeCodes.ts', () => {
    const code = /2\[AB\]|\\d\{(5|9|14)\}|\^\\d\{[23]\}\$/;
    expect(code.test(String(/^(\d{5}|2[AB]\d{3})$/))).toBe(true);
    expect(literals.filter((l) => code.test(l.source) && l.file !== 'src/_shared/inseeCodes.ts')).toEqual([]);
  });
});

/** Strings shaped like `YYYY-MM-DD` with any digits, plus a few other strings. */
const dateLike = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 0, max: 39 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ),
  fc.constantFrom(
    '2023-02-29',
    '2023-02-30',
    '2024-02-29',
    '1900-02-29',
    '2000-02-29',
    '2023-04-31',
    '2023-1-01',
  ),
  fc.string({ maxLength: 12 }),
);

const ruleSet = (validFrom: string) => ({
  format: 'cprdfop.ruleset/1',
  id: 'demo',
  version: '1',
  title: { fr: 'Démo', en: 'Demo' },
  validFrom,
  parameters: [],
  criteria: [],
});

describe('every date check agrees with isIsoDate', () => {
  it('rule-set validFrom/validTo and examples, application dates, PartialDate, plan functions', () => {
    fc.assert(
      fc.property(dateLike, (value) => {
        const valid = isIsoDate(value);
        expect(RuleSet.safeParse(ruleSet(value)).success).toBe(valid);
        expect(RuleSet.safeParse({ ...ruleSet('0000-01-01'), validTo: value }).success).toBe(valid);
        expect(Application.safeParse({ submittedOn: value }).success).toBe(valid);
        expect(Application.safeParse({ schedule: { start: value } }).success).toBe(valid);
        if (value.length === 10) expect(PartialDate.safeParse(value).success).toBe(valid);
        let planAccepts = true;
        try {
          isWithinPlanPeriod(value);
        } catch {
          planAccepts = false;
        }
        expect(planAccepts).toBe(valid);
      }),
      { numRuns: 400 },
    );
  });

  it('rejects validFrom 2023-02-30 with a message naming the value (it used to be accepted)', () => {
    const result = safeParseRuleSet(ruleSet('2023-02-30'));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]?.path).toBe('validFrom');
      expect(result.issues[0]?.message).toContain('"2023-02-30"');
    }
    expect(safeParseRuleSet(ruleSet('2024-02-29')).success).toBe(true);
  });
});

/** Short strings over the characters of INSEE codes. */
const codeLike = fc.string({
  unit: fc.constantFrom('0', '1', '2', '5', '7', '8', '9', 'A', 'B', 'a', 'x'),
  minLength: 1,
  maxLength: 10,
});

describe('every code check agrees with src/_shared/inseeCodes.ts', () => {
  const fields = [
    ['communes', COMMUNE_CODE],
    ['epcis', SIREN],
    ['arrondissements', ARRONDISSEMENT_CODE],
    ['departements', DEPARTEMENT_CODE],
  ] as const;

  it('the application schema and resolveTerritory accept exactly the well-formed codes', () => {
    fc.assert(
      fc.property(codeLike, fc.constantFrom(...fields), (code, [field, shape]) => {
        const wellFormed = shape.test(code);
        expect(Application.safeParse({ territory: { [field]: [code] } }).success).toBe(wellFormed);
        const invalid = resolveTerritory({ [field]: [code] }).diagnostics.some((d) => d.kind === 'invalid');
        expect(invalid).toBe(!wellFormed);
      }),
      { numRuns: 500 },
    );
  });

  it('knows Corsica, overseas codes and postal codes', () => {
    expect(['2A004', '2B033', '97101', '59350'].every((c) => COMMUNE_CODE.test(c))).toBe(true);
    expect(['2C004', '1A123', '5935', '593500'].some((c) => COMMUNE_CODE.test(c))).toBe(false);
    expect(['595', '2A1', '9711'].every((c) => ARRONDISSEMENT_CODE.test(c))).toBe(true);
    expect(['59', '2A', '971', '988'].every((c) => DEPARTEMENT_CODE.test(c))).toBe(true);
    expect(POSTAL_CODE.test('59000') && !POSTAL_CODE.test('5900')).toBe(true);
  });
});
