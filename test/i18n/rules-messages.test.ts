/**
 * The errors of rule sets and of the engine speak French and English (issue #13): a sample of
 * `RuleSetError`s, at least one per source file that throws one, has a French text that differs from
 * the English one, holds no English word and has its French typography; no `new RuleSetError(` in
 * the sources is given a plain string; `rules test <bad file> --lang fr` prints the French line; the
 * server's explanation carries an assumption's French justification.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/_shared/typography.js';
import { CprdfopError } from '../../src/errors.js';
import { checkWithRules } from '../../src/itie/checkWithRules.js';
import {
  compile,
  nextQuestions,
  parseRuleSet,
  type RuleSet,
  RuleSetError,
  resolveRuleSet,
} from '../../src/rules/index.js';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { ExplanationSchema } from '../../src/server/schemas.js';
import { cli } from '../_helpers/cli.js';
import { ENGLISH_WORDS, prose } from '../_helpers/englishScan.js';
import { itieApplication } from '../_helpers/itieApplication.js';

const head = (id = 'sample', extra: object = {}) => ({
  format: 'cprdfop.ruleset/1',
  id,
  version: '1',
  title: { fr: `Règles ${id}`, en: `Rules ${id}` },
  validFrom: '2024-01-01',
  ...extra,
});
const label = { fr: 'Critère', en: 'Criterion' };
const criterion = (when: unknown, extra: object = {}) => ({ id: 'c', label, when, ...extra });
const withCriterion = (when: unknown, extra: object = {}) =>
  parseRuleSet(head('sample', { criteria: [criterion(when)], ...extra }));
const parameter = (name: string, value: unknown) => ({
  name,
  value,
  provenance: { mark: 'assumption', justification: { fr: 'Une raison.', en: 'A reason.' } },
});

/** The error a function throws (a test failure when it throws none). */
function thrown(run: () => unknown): CprdfopError {
  try {
    run();
  } catch (error) {
    if (error instanceof CprdfopError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

/** A French text: no English word in its prose, its typography set, and not the English text. */
function expectFrench(messages: { fr: string; en: string }, what: string): void {
  expect(messages.fr, what).not.toBe(messages.en);
  expect(ENGLISH_WORDS.exec(prose(messages.fr))?.[0], `${what}: ${messages.fr}`).toBeUndefined();
  expect(frenchTypography(messages.fr), what).toBe(messages.fr);
  expect(messages.fr, what).not.toMatch(/\p{L}'\p{L}/u);
  expect(messages.fr, what).not.toMatch(/ [:;!?»]|« /);
}

const base = parseRuleSet(
  head('base', { parameters: [parameter('min', 2)], criteria: [criterion({ '>=': [1, 0] })] }),
);
const overlay = (extra: object) => parseRuleSet(head('overlay', { extends: 'base@1', ...extra }));

/** One sample per source file: [where it is thrown, what triggers it, the English text expected]. */
const samples: [string, () => unknown, string][] = [
  [
    '_compileExpression: unknown operator',
    () => compile(withCriterion({ foo: 1 })),
    'unknown operator "foo"',
  ],
  [
    '_compileExpression: node with two keys',
    () => compile(withCriterion({ all: [{ not: true, and: 1 }] })),
    'an operator node has exactly one key',
  ],
  [
    'operators/tables: thresholds not ascending',
    () =>
      compile(
        withCriterion({
          '==': [
            {
              bracket: [
                { field: 'x' },
                [
                  [2, 'a'],
                  [1, 'b'],
                ],
              ],
            },
            'a',
          ],
        }),
      ),
    'row 1: thresholds must be strictly ascending',
  ],
  [
    'operators/tables: bounds',
    () => compile(withCriterion({ '==': [{ bracket: [{ field: 'x' }, [[1, 'a']], 'sideways'] }, 'a'] })),
    'expects "lower-inclusive" or "upper-inclusive"',
  ],
  [
    'operators/lists: property name',
    () => compile(withCriterion({ in: ['a', { pluck: [{ field: 'xs' }, 'a.b'] }] })),
    'expects a property name',
  ],
  [
    'operators/values: unknown parameter',
    () => compile(withCriterion({ '>': [{ param: 'nope' }, 1] })),
    'unknown parameter "nope"',
  ],
  [
    'operators/territory: no provider',
    () => compile(withCriterion({ inRegion: { field: 'territory' } })),
    '"inRegion" needs a territory provider',
  ],
  [
    'operators/_kernel: invalid field path',
    () => compile(withCriterion({ '>': [{ field: 'a..b' }, 1] })),
    'invalid field path "a..b"',
  ],
  [
    'resolveRuleSet: base not found',
    () => resolveRuleSet(overlay({}), []),
    'base rule set "base@1" not found',
  ],
  [
    'resolveRuleSet: extends loop',
    () => {
      const loop = parseRuleSet(head('loop', { extends: 'loop@1' }));
      return resolveRuleSet(loop, [loop]);
    },
    'circular or too long chain: loop@1 → loop@1',
  ],
  [
    'resolveRuleSet: override changes a type',
    () => resolveRuleSet(overlay({ parameters: [parameter('min', 'two')] }), [base]),
    'override of "min" changes its type from number to string',
  ],
  [
    'resolveRuleSet: remove an absent criterion',
    () => resolveRuleSet(overlay({ remove: ['absent'] }), [base]),
    'no criterion "absent" in the base',
  ],
  [
    'resolveRuleSet: duplicate in the overlay (built in code)',
    () =>
      resolveRuleSet({ ...overlay({}), parameters: [parameter('x', 1), parameter('x', 2)] } as RuleSet, [
        base,
      ]),
    'duplicate parameter "x"',
  ],
  [
    '_messages: unknown parameter in a message',
    () =>
      compile(
        parseRuleSet(
          head('sample', {
            criteria: [
              criterion(true, {
                messages: { fail: { fr: 'moins de {param:nope}', en: 'below {param:nope}' } },
              }),
            ],
          }),
        ),
      ),
    'unknown parameter "nope" in the message',
  ],
  [
    '_criterion: not a boolean',
    () => compile(withCriterion({ '+': [1, 2] })),
    'a criterion must be a boolean expression, not "+"',
  ],
  [
    'compile: duplicate criterion (built in code)',
    () => {
      const ruleSet = withCriterion(true);
      return compile({ ...ruleSet, criteria: [...ruleSet.criteria, ...ruleSet.criteria] });
    },
    'duplicate criterion "c"',
  ],
  [
    'compile: reserved custom operator',
    () => compile(withCriterion(true), { operators: { 'a.b': {} } as never }),
    'custom operator "a.b" is reserved or invalid',
  ],
  [
    '_checkTypes: funding amount',
    () => compile(withCriterion(true, { funding: { enabled: true, unit: 'EUR', amount: 'much' } })),
    'the amount must be a number, not a string',
  ],
  [
    'typeCheck: type mismatch',
    () => compile(withCriterion({ '<': [1, 'x'] })),
    'compares a number with a string: always unknown',
  ],
  [
    'typeCheck: arity',
    () => compile(withCriterion({ '==': [1] })),
    'expects an array of 2 argument(s), got 1',
  ],
  [
    'typeCheck: unknown field',
    () =>
      compile(
        withCriterion(
          { '>': [{ field: 'nope' }, 1] },
          { fields: [{ path: 'budget', type: 'integer', label }] },
        ),
      ),
    'unknown field "nope" (not in the declared fields)',
  ],
  [
    'typeCheck: item outside a list',
    () => compile(withCriterion({ '==': [{ item: 'x' }, 1] })),
    'an item is read only inside some, every, filter or sum',
  ],
  [
    '_definitions: cycle',
    () =>
      compile(
        withCriterion(
          { ref: 'a' },
          {
            definitions: [
              { name: 'a', value: { ref: 'b' } },
              { name: 'b', value: { ref: 'a' } },
            ],
          },
        ),
      ),
    'definitions refer to each other in a cycle: a → b → a',
  ],
  ['parseRuleSet: schema (zod)', () => parseRuleSet(head('sample', { id: 5 })), 'id: Invalid input'],
  [
    'parseRuleSet: duplicate id',
    () => parseRuleSet(head('sample', { criteria: [criterion(true), criterion(true)] })),
    'duplicate criterion id "c" (first at criteria[0])',
  ],
  [
    'parseRuleSet: an impossible date (the shared date schema)',
    () => parseRuleSet(head('sample', { validFrom: '2023-02-30' })),
    'validFrom: expected a real calendar date YYYY-MM-DD, got "2023-02-30"',
  ],
  [
    'parseRuleSet: an http(s) URL',
    () =>
      parseRuleSet(
        head('sample', { criteria: [criterion(true, { source: { ref: 'x', url: 'ftp://a.fr/x' } })] }),
      ),
    'criteria[0].source.url: an http(s) URL',
  ],
  [
    'RuleSet: validTo before validFrom',
    () => parseRuleSet(head('sample', { validTo: '2020-01-01' })),
    'validTo 2020-01-01 is before validFrom 2024-01-01',
  ],
  [
    'fieldIndex: duplicate field',
    () =>
      parseRuleSet(
        head('sample', {
          fields: [
            { path: 'budget', type: 'integer', label },
            { path: 'budget', type: 'integer', label },
          ],
        }),
      ),
    'duplicate field "budget" (first at index 0)',
  ],
  [
    'checkWithRules: unknown region',
    () => checkWithRules(withCriterion(true, { region: '99' }), itieApplication('x')),
    '"99" is not a region of COG 2026',
  ],
  [
    'nextQuestions: limit',
    () => nextQuestions(compile(withCriterion(true)), {}, { limit: 0 }),
    'limit 0 is not',
  ],
];

describe('RuleSetError in French and in English', () => {
  it.each(samples)('%s', (what, run, english) => {
    const error = thrown(run);
    if (what.startsWith('nextQuestions')) expect(error.code).toBe('E_INVALID_OPTION');
    else expect(error).toBeInstanceOf(RuleSetError);
    expect(error.message).toBe(error.messages.en);
    expect(error.message).toContain(english);
    expectFrench(error.messages, what);
    expect(error.localizedMessage('fr')).toBe(error.messages.fr);
  });

  it('the check finds English and bad typography: a test of the test', () => {
    expect(() =>
      expectFrench({ fr: 'opérateur inconnu "foo"', en: 'unknown operator "foo"' }, 'x'),
    ).not.toThrow();
    expect(() => expectFrench({ fr: 'unknown operator', en: 'unknown operator' }, 'x')).toThrow();
    expect(() => expectFrench({ fr: 'le champ is missing', en: 'x' }, 'x')).toThrow();
    expect(() => expectFrench({ fr: 'chemin invalide : a', en: 'x' }, 'x')).toThrow();
    expect(() => expectFrench({ fr: "l'opérateur", en: 'x' }, 'x')).toThrow();
  });
});

/** The second argument of each `new <name>(` call that is a plain string literal or template. */
function plainStringCalls(source: string, name: string): string[] {
  const found: string[] = [];
  const opener = `new ${name}(`;
  const code = source.replace(/^\s*(\*|\/\/).*$/gm, ''); // comments (TSDoc examples) are no calls
  for (let start = code.indexOf(opener); start >= 0; start = code.indexOf(opener, start + 1)) {
    let depth = 0;
    let quote = '';
    let index = start + opener.length;
    for (; index < code.length; index++) {
      const char = code[index]!;
      if (quote) {
        if (char === '\\') index++;
        else if (char === quote) quote = '';
      } else if (char === "'" || char === '"' || char === '`') quote = char;
      else if ('([{'.includes(char)) depth++;
      else if (')]}'.includes(char)) {
        if (depth === 0) break;
        depth--;
      } else if (char === ',' && depth === 0) break;
    }
    if (code[index] !== ',') continue;
    const second = code.slice(index + 1).trimStart();
    if (/^['"`]/.test(second)) found.push(code.slice(start, start + 120).split('\n')[0]!);
  }
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('no RuleSetError is given a plain string', () => {
  it('the scan finds a plain string or template: a test of the test', () => {
    expect(plainStringCalls("throw new RuleSetError('x', 'plain');", 'RuleSetError')).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a call, scanned
    expect(plainStringCalls('throw new RuleSetError(`${a}[1]`, `t ${b}`);', 'RuleSetError')).toHaveLength(1);
    expect(plainStringCalls('new RuleSetError(f(a, \'b\'),\n  "c")', 'RuleSetError')).toHaveLength(1);
    expect(
      plainStringCalls(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a call, scanned
        "throw new RuleSetError(`${a}[1]`, renderBoth({ fr: 'a', en: 'b' }));",
        'RuleSetError',
      ),
    ).toEqual([]);
    expect(plainStringCalls(" * new RuleSetError('x', 'in a TSDoc example');", 'RuleSetError')).toEqual([]);
  });

  it('in src, every new RuleSetError and every CprdfopError of the rules gets { fr, en }', () => {
    const files = sourceFiles('src');
    const calls = files.flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return [
        ...plainStringCalls(source, 'RuleSetError'),
        ...(file.startsWith(join('src', 'rules')) ? plainStringCalls(source, 'CprdfopError') : []),
      ].map((call) => `${file}: ${call}`);
    });
    expect(calls).toEqual([]);
    // The scan looked at the calls it is about.
    const count = files.reduce(
      (total, file) => total + (readFileSync(file, 'utf8').match(/new RuleSetError\(/g)?.length ?? 0),
      0,
    );
    expect(count).toBeGreaterThan(40);
  });
});

describe('cprdfop rules test <bad file> --lang fr', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cprdfop-rules-messages-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(head('bad', { criteria: [criterion({ foo: 1 })] })));
    writeFileSync(join(dir, 'loop.json'), JSON.stringify(head('loop', { extends: './loop.json' })));
  });

  it('an unknown operator: the French line, exit 65', async () => {
    const run = await cli(['rules', 'test', join(dir, 'bad.json'), '--lang', 'fr']);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('criteria[0].when\u00a0: opérateur inconnu «\u202ffoo\u202f»');
    expect(ENGLISH_WORDS.exec(prose(run.stderr))?.[0], run.stderr).toBeUndefined();
    const english = await cli(['rules', 'test', join(dir, 'bad.json'), '--lang', 'en']);
    expect(english.stderr).toContain('criteria[0].when: unknown operator "foo"');
  });

  it('a rule file that extends itself: the French line, exit 65', async () => {
    const run = await cli(['rules', 'test', join(dir, 'loop.json'), '--lang', 'fr']);
    expect(run.code).toBe(65);
    expect(run.stderr).toContain('chaîne circulaire de fichiers de règles');
  });
});

describe('the server gives an assumption’s justification in both languages', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, ruleSets: loadRuleSets(), version: '0.0.0-test' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('POST /v1/check?lang=fr: the French justification comes through the response schema', async () => {
    const response = await fetch(`${server.url}/v1/check?lang=fr`, {
      method: 'POST',
      body: JSON.stringify(itieApplication('x')),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    const explanation = ExplanationSchema.parse(await response.json());
    const assumption = explanation.assumptions[0];
    expect(assumption, 'the eligible application depends on an assumption').toBeDefined();
    expect(assumption!.justifications.en).toBe(assumption!.justification);
    expect(assumption!.justifications.fr).not.toBe(assumption!.justifications.en);
    expect(ENGLISH_WORDS.exec(prose(assumption!.justifications.fr))?.[0]).toBeUndefined();
    expect(explanation.criteria.some((criterion) => criterion.assumptions.length > 0)).toBe(true);
  });

  it('/openapi.json describes AssumptionUsed with its justifications', async () => {
    const document = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    const schema = document.components.schemas.AssumptionUsed;
    expect(schema?.properties).toHaveProperty('justifications');
    expect(schema?.required).toContain('justifications');
  });
});
