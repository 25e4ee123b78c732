/**
 * Assumptions exactly as used (issue 13 item 5): a verdict lists only the `assumption`-marked
 * parameters its decision depended on. Property: changing the value of an assumption the explanation
 * does not list never changes the verdict — on random rule sets and applications, and on the ITIE rule
 * set with its assumption parameters perturbed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkApplication, itieRuleSets } from '../../src/itie/index.js';
import {
  compile,
  type Explanation,
  type ExpressionValue,
  parseRuleSet,
  type RuleSet,
} from '../../src/rules/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sample = JSON.parse(
  readFileSync(join(root, 'examples/applications/eligible-mobilite-laonnois.json'), 'utf8'),
) as Record<string, unknown>;
const listed = (e: Explanation) => e.assumptions.map((a) => a.name);

function explain(app: unknown, ruleSet?: RuleSet): Explanation {
  const r = checkApplication(app, ruleSet ? { ruleSet } : {});
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.explanation;
}

describe('the ITIE verdicts list the assumptions they used', () => {
  it('the needs criterion passed through the recruitment theme alone does not list the publics', () => {
    const e = explain({ ...sample, publics: [], themes: ['recrutement'] });
    expect(e.verdict).toBe('eligible');
    expect(listed(e)).not.toContain('publicsFarFromEmployment');
    expect(listed(e)).toContain('needsEitherSuffices');
  });
  it('a territory local as one EPCI lists none of the proximity assumptions', () => {
    const e = explain(sample); // the CA du Pays de Laon: one EPCI decides it, no assumption needed
    expect(e.verdict).toBe('eligible');
    for (const name of ['proximityMesh', 'proximityMaxEpci', 'proximityMaxDepartements'])
      expect(listed(e)).not.toContain(name);
  });
  it('a territory local as one arrondissement (two EPCI) lists the mesh, not the EPCI counts', () => {
    // Laon (CA du Pays de Laon) and Abbécourt (another EPCI), both in the arrondissement of Laon.
    const e = explain({ ...sample, territory: { communes: ['02408', '02001'] } });
    expect(e.verdict).toBe('eligible');
    expect(listed(e)).toContain('proximityMesh');
    expect(listed(e)).not.toContain('proximityMaxEpci');
    expect(listed(e)).not.toContain('proximityMaxDepartements');
  });
  it('an ineligible verdict decided by one failed criterion lists only its assumptions', () => {
    // Outside the region (territoryWhollyInRegion) and a carrier alone (minStructures): the in-region
    // criterion fails with one assumption, the collective one with one: one of them, not both.
    const e = explain({ ...sample, partners: [], territory: { communes: ['02408', '76540'] } });
    expect(e.verdict).toBe('ineligible');
    expect(e.assumptions).toHaveLength(1);
    // A failed criterion using no assumption (budget) wins: none listed.
    const budget = explain({ ...sample, partners: [], budget: { total: 10, requested: 20 } });
    expect(budget.verdict).toBe('ineligible');
    expect(listed(budget)).toEqual([]);
  });

  const base = itieRuleSets()[0]!;
  const assumptionNames = base.parameters
    .filter((p) => p.provenance.mark === 'assumption')
    .map((p) => p.name);
  const perturbed = (name: string, seed: number): RuleSet => ({
    ...base,
    parameters: base.parameters.map((p) => {
      if (p.name !== name) return p;
      const value = p.value;
      const next =
        typeof value === 'boolean'
          ? !value
          : typeof value === 'number'
            ? [0, 1, 2, 5, 100][seed % 5]!
            : typeof value === 'string'
              ? ['departement', 'epci', 'arrondissement'][seed % 3]!
              : Array.isArray(value)
                ? (value as string[]).filter((_, index) => (seed >> index) % 2 === 0)
                : value;
      return { ...p, value: next };
    }),
  });
  const applications = fc.record({
    partners: fc.constantFrom([], [{ name: 'France Travail Laon' }], sample.partners),
    territory: fc.constantFrom(
      { epcis: ['200043495'] },
      { epcis: ['245900758'] },
      { epcis: ['200041960', '200042190', '245901160'] },
      { epcis: ['200041960', '200042190', '245901160', '200093201'] },
      { departements: ['59'] },
      { communes: ['02408', '76540'] },
      { communes: ['76540'] },
    ),
    publics: fc.subarray(['demandeurs-emploi', 'beneficiaires-rsa', 'jeunes', 'seniors']),
    themes: fc.subarray(['mobilite', 'recrutement', 'formation']),
  });
  it('property: perturbing an unlisted assumption of the ITIE rule set never changes the verdict', () => {
    fc.assert(
      fc.property(applications, fc.nat(1000), (changes, seed) => {
        const app = { ...sample, ...changes };
        const e = explain(app);
        for (const name of assumptionNames.filter((n) => !listed(e).includes(n))) {
          expect(explain(app, perturbed(name, seed)).verdict, `${name} in ${JSON.stringify(changes)}`).toBe(
            e.verdict,
          );
        }
        // Per criterion: an assumption a criterion does not list never changes its status.
        for (const name of assumptionNames) {
          const again = explain(app, perturbed(name, seed));
          e.criteria.forEach((criterion, index) => {
            if (criterion.assumptions.some((used) => used.name === name)) return;
            expect(
              again.criteria[index]!.status,
              `${criterion.id}, ${name} in ${JSON.stringify(changes)}`,
            ).toBe(criterion.status);
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('random rule sets', () => {
  const BOOLEAN_PARAMS = ['p0', 'p1', 'p2'];
  const NUMBER_PARAMS = ['t0', 't1'];
  const expression: fc.Arbitrary<ExpressionValue> = fc.letrec<{ node: ExpressionValue }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom<ExpressionValue>(
        { field: 'b0' },
        { field: 'b1' },
        { param: 'p0' },
        { param: 'p1' },
        { param: 'p2' },
        { '>=': [{ field: 'n' }, { param: 't0' }] },
        { '<': [{ field: 'n' }, { param: 't1' }] },
        true,
        false,
      ),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((operands) => ({ all: operands })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((operands) => ({ any: operands })),
      tie('node').map((operand) => ({ not: operand })),
      fc.tuple(tie('node'), tie('node'), tie('node')).map((operands) => ({ if: operands })),
    ),
  })).node;
  const ruleSet = (criteria: ExpressionValue[], values: Record<string, boolean | number>) =>
    parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'random',
      version: '1',
      title: { fr: 'Aléatoire', en: 'Random' },
      validFrom: '2023-01-01',
      parameters: [...BOOLEAN_PARAMS, ...NUMBER_PARAMS].map((name) => ({
        name,
        value: values[name]!,
        provenance: { mark: 'assumption', justification: 'random' },
      })),
      criteria: criteria.map((when, index) => ({ id: `c${index}`, label: { fr: 'c', en: 'c' }, when })),
    });
  const values = fc.record({
    p0: fc.boolean(),
    p1: fc.boolean(),
    p2: fc.boolean(),
    t0: fc.integer({ min: 0, max: 4 }),
    t1: fc.integer({ min: 0, max: 4 }),
  });
  const application = fc.record(
    { b0: fc.boolean(), b1: fc.boolean(), n: fc.integer({ min: 0, max: 4 }) },
    { requiredKeys: [] },
  );

  it('property: changing an unlisted assumption never changes the verdict', () => {
    fc.assert(
      fc.property(
        fc.array(expression, { minLength: 1, maxLength: 3 }),
        values,
        application,
        fc.constantFrom(...BOOLEAN_PARAMS, ...NUMBER_PARAMS),
        fc.integer({ min: 0, max: 4 }),
        (criteria, parameterValues, app, name, number) => {
          const e = compile(ruleSet(criteria, parameterValues)).evaluate(app, { asOf: '2023-05-01' });
          if (listed(e).includes(name)) return;
          const changed = {
            ...parameterValues,
            [name]:
              typeof parameterValues[name as keyof typeof parameterValues] === 'boolean'
                ? !parameterValues[name as keyof typeof parameterValues]
                : number,
          };
          const again = compile(ruleSet(criteria, changed)).evaluate(app, { asOf: '2023-05-01' });
          expect(again.verdict).toBe(e.verdict);
        },
      ),
      { numRuns: 400 },
    );
  });
  it('property: changing an assumption a criterion does not list never changes its status', () => {
    fc.assert(
      fc.property(
        fc.array(expression, { minLength: 1, maxLength: 3 }),
        values,
        application,
        fc.constantFrom(...BOOLEAN_PARAMS, ...NUMBER_PARAMS),
        fc.integer({ min: 0, max: 4 }),
        (criteria, parameterValues, app, name, number) => {
          const e = compile(ruleSet(criteria, parameterValues)).evaluate(app, { asOf: '2023-05-01' });
          const current = parameterValues[name as keyof typeof parameterValues];
          const changed = { ...parameterValues, [name]: typeof current === 'boolean' ? !current : number };
          const again = compile(ruleSet(criteria, changed)).evaluate(app, { asOf: '2023-05-01' });
          e.criteria.forEach((criterion, index) => {
            // The verdict's list is made of the criteria's lists (every criterion lists what it used).
            for (const used of criterion.assumptions)
              expect(criterion.parameters, `${criterion.id} lists ${used.name}`).toHaveProperty(used.name);
            if (criterion.assumptions.some((used) => used.name === name)) return;
            expect(again.criteria[index]!.status, `${criterion.id} with ${name} changed`).toBe(
              criterion.status,
            );
          });
          if (e.verdict !== 'ineligible') {
            const union = new Set(
              e.criteria.flatMap((criterion) => criterion.assumptions.map((used) => used.name)),
            );
            expect(new Set(listed(e))).toEqual(union);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
  it('a criterion lists the assumptions of the branch that decided it', () => {
    const rs = ruleSet([{ any: [{ field: 'b0' }, { param: 'p0' }] }, { param: 'p1' }], {
      p0: false,
      p1: true,
      p2: false,
      t0: 0,
      t1: 0,
    });
    const evaluator = compile(rs);
    const names = (e: Explanation) => e.criteria.map((criterion) => criterion.assumptions.map((a) => a.name));
    expect(names(evaluator.evaluate({ b0: true }, { asOf: '2023-05-01' }))).toEqual([[], ['p1']]);
    const e = evaluator.evaluate({ b0: false }, { asOf: '2023-05-01' });
    expect(names(e)).toEqual([['p0'], ['p1']]);
    expect(e.criteria[0]!.assumptions[0]).toEqual({
      name: 'p0',
      value: false,
      justification: 'random',
      justifications: { fr: 'random', en: 'random' },
    });
    expect(Object.isFrozen(e.criteria[0]!.assumptions)).toBe(true);
  });
  it('lists fewer assumptions than every mentioned one when a branch decides', () => {
    const rs = ruleSet([{ any: [{ field: 'b0' }, { param: 'p0' }] }], {
      p0: false,
      p1: false,
      p2: false,
      t0: 0,
      t1: 0,
    });
    const evaluator = compile(rs);
    expect(listed(evaluator.evaluate({ b0: true }, { asOf: '2023-05-01' }))).toEqual([]);
    expect(listed(evaluator.evaluate({ b0: false }, { asOf: '2023-05-01' }))).toEqual(['p0']);
  });
});
