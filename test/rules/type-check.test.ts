/**
 * Compile-time type checking (issue #12): wrong operand kinds, wrong arity and unknown declared fields
 * are RuleSetErrors with a path and a JSON pointer; the operator registry names exactly the operators
 * compile knows, each documented in docs/rules.md; custom operators have their own namespace (`call`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compile,
  defineOperator,
  type ExpressionValue,
  parseRuleSet,
  RuleSetError,
  type RuleSetInput,
} from '../../src/rules/index.js';
import { operators } from '../../src/rules/operators/registry.js';

const ruleSet = (when: ExpressionValue, over: Partial<RuleSetInput> = {}) =>
  parseRuleSet({
    format: 'cprdfop.ruleset/1',
    id: 't',
    version: '1',
    title: { fr: 'T', en: 'T' },
    validFrom: '2000-01-01',
    parameters: [
      { name: 'forms', value: ['SAS'], provenance: { mark: 'seed', justification: 't' } },
      { name: 'region', value: '32', provenance: { mark: 'seed', justification: 't' } },
    ],
    criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when }],
    ...over,
  });
const fields: RuleSetInput['fields'] = [
  { path: 'budget.total', type: 'money', label: { fr: 'Budget', en: 'Budget' } },
  {
    path: 'legalForm',
    type: 'enum',
    label: { fr: 'Forme', en: 'Form' },
    values: [{ value: 'SAS', label: { fr: 'SAS', en: 'SAS' } }],
  },
  { path: 'start', type: 'date', label: { fr: 'Début', en: 'Start' } },
  {
    path: 'partners',
    type: 'list',
    label: { fr: 'Partenaires', en: 'Partners' },
    items: [{ path: 'type', type: 'string', label: { fr: 'Type', en: 'Type' } }],
  },
];
const error = (when: ExpressionValue, over: Partial<RuleSetInput> = {}): RuleSetError => {
  try {
    compile(ruleSet(when, over));
  } catch (e) {
    if (e instanceof RuleSetError) return e;
    throw e;
  }
  throw new Error(`compiled: ${JSON.stringify(when)}`);
};

describe('compile-time type checking', () => {
  it('the issue’s bad rule files do not compile (with a JSON pointer)', () => {
    const inString = error({ in: [{ field: 'x' }, 'SAS,SARL'] });
    expect(inString.message).toMatch(/expects a list, not a string/);
    expect(inString.message).toContain('JSON pointer /criteria/0/when/in/1');
    expect(inString.path).toBe('criteria[0].when.in[1]');
    expect(error({ '>=': [{ field: 'budget.total' }, '20000'] }, { fields }).message).toMatch(
      /compares a number with a string/,
    );
    expect(error({ '<=': ['budget.total', 20000] }).message).toMatch(/compares a string with a number/);
  });
  it('rejects wrong operand kinds and arity', () => {
    const bad: [ExpressionValue, RegExp][] = [
      [{ '<=': [{ '+': [1, 'a'] }, 3] }, /\+\[1\]: expects a number, not a string/],
      [{ '>=': [{ days: ['2023-02-30', '2023-03-01'] }, 1] }, /expects a date, not a string/],
      [{ all: [1, true] }, /expects a boolean, not a number/],
      [{ not: 'yes' }, /expects a boolean, not a string/],
      [{ '==': [{ count: { field: 'x' } }, true] }, /compares a number with a boolean/],
      [{ '<': [[1], [2]] }, /orders numbers or strings, not a list/],
      [{ '==': [{ round: [1, 2, 3, 4] }, 1] }, /expects an array of 1 to 3 argument/],
      [{ subset: [{ field: 'a' }, { param: 'region' }] }, /expects a list, not a string/],
      [{ if: [1, true, false] }, /the condition must be a boolean/],
    ];
    for (const [when, re] of bad) expect(error(when).message, JSON.stringify(when)).toMatch(re);
  });
  it('checks fields against the declared ones', () => {
    expect(error({ '>=': [{ field: 'budget.totl' }, 1] }, { fields }).message).toMatch(
      /unknown field "budget.totl"/,
    );
    expect(error({ '==': [{ field: 'partners.0.tpye' }, 'a'] }, { fields }).message).toMatch(/unknown field/);
    expect(error({ '<=': [{ field: 'start' }, 3] }, { fields }).message).toMatch(
      /compares a date with a number/,
    );
    expect(error({ '>': [{ count: { field: 'legalForm' } }, 1] }, { fields }).message).toMatch(
      /expects a list, not a string/,
    );
    // What fits compiles.
    const ok: ExpressionValue = {
      all: [
        { '>=': [{ field: 'budget.total' }, 20000] },
        { in: [{ field: 'legalForm' }, { param: 'forms' }] },
        { '<=': [{ field: 'start' }, '2024-01-01'] },
        { '==': [{ field: 'partners.0.type' }, 'epci'] },
        { '>=': [{ count: { pluck: [{ field: 'partners' }, 'type'] } }, 1] },
      ],
    };
    expect(
      compile(ruleSet(ok, { fields })).evaluate({ budget: { total: 30000 } }, { asOf: '2020-01-01' }).verdict,
    ).toBe('undetermined');
  });
  it('without declared fields, fields are of any type (checked when evaluated)', () => {
    expect(() => compile(ruleSet({ '>=': [{ field: 'anything' }, '20000'] }))).not.toThrow();
  });
});

describe('the operator registry', () => {
  const names = operators().map((o) => o.name);
  it('names each operator once, each with exactly one evaluation (generic or compiled)', () => {
    expect(new Set(names).size).toBe(names.length);
    for (const entry of operators()) expect(!entry.evaluate !== !entry.compile, entry.name).toBe(true);
  });
  it('every operator is documented in docs/rules.md under a heading, with a runnable example', () => {
    const md = readFileSync('docs/rules.md', 'utf8');
    const headings = [...md.matchAll(/^#### (.*)$/gm)].map((m) => m[1]!);
    const examples = [...md.matchAll(/```json example\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const undocumented = names.filter((name) => !headings.some((h) => h.includes(`\`${name}\``)));
    expect(undocumented).toEqual([]);
    const unexampled = names.filter(
      (name) => name !== 'call' && !examples.some((e) => e.includes(`"${name}"`)),
    );
    expect(unexampled).toEqual([]);
  });
});

describe('custom operators have their own namespace', () => {
  const double = defineOperator({ args: ['number'], returns: 'number', evaluate: (x) => x * 2 });
  it('`call` runs a custom operator, typed', () => {
    const rs = ruleSet({ '==': [{ call: ['double', { field: 'x' }] }, 6] });
    expect(compile(rs, { operators: { double } }).evaluate({ x: 3 }, { asOf: '2020-01-01' }).verdict).toBe(
      'eligible',
    );
    expect(() =>
      compile(ruleSet({ '==': [{ call: ['double', 'a'] }, 6] }), { operators: { double } }),
    ).toThrow(/expects a number, not a string/);
    expect(() => compile(ruleSet({ '==': [{ call: ['nope', 1] }, 6] }), { operators: { double } })).toThrow(
      /unknown custom operator "nope"/,
    );
    expect(() =>
      compile(ruleSet({ '==': [{ call: ['double', 1, 2] }, 6] }), { operators: { double } }),
    ).toThrow(RuleSetError);
  });
  it('a custom operator may take a built-in name (a new built-in never breaks it): call reaches it', () => {
    for (const name of ['call', 'round', 'percent', 'floor']) {
      const evaluator = compile(ruleSet({ '==': [{ call: [name, { field: 'x' }] }, 6] }), {
        operators: { [name]: double },
      });
      expect(evaluator.evaluate({ x: 3 }, { asOf: '2020-01-01' }).verdict, name).toBe('eligible');
    }
    expect(() =>
      compile(ruleSet({ '==': [{ floor: { field: 'x' } }, 6] }), { operators: { floor: double } }),
    ).toThrow(/both a built-in and a custom operator/);
  });
});
