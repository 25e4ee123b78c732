/**
 * Names and values that `Object.prototype` or JSON trip over, in the rules: field paths named like its
 * members (`toString.name`, `constructor.name`), custom operator types that are not types (`toString`),
 * field values that JSON cannot write (a BigInt, a cycle) quoted in a criterion message or read by
 * `nextQuestions`, and hostile `nextQuestions` options. Never a TypeError: a clear `RuleSetError` or
 * `E_INVALID_OPTION` in French and English, or an answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showValue } from '../../src/_shared/showValue.js';
import { NBSP, NNBSP } from '../../src/_shared/typography.js';
import { CprdfopError } from '../../src/errors.js';
import { itieEvaluator } from '../../src/itie/index.js';
import {
  applicationJsonSchema,
  compile,
  defineOperator,
  nextQuestions,
  type OperatorValueType,
  parseRuleSet,
  RuleSetError,
  safeParseRuleSet,
} from '../../src/rules/index.js';
import { appArb } from './_itie.js';

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const FORBIDDEN = new Set(['constructor', 'prototype']);
const RUNS = { numRuns: 200 };

const document = (extra: Record<string, unknown>) => ({
  format: 'cprdfop.ruleset/1',
  id: 'demo',
  version: '1',
  title: { fr: 'D', en: 'D' },
  validFrom: '2023-01-01',
  ...extra,
});

/** Field paths from hostile and ordinary segments, none inside another (a rule set refuses that). */
const pathsArb = fc
  .uniqueArray(
    fc
      .array(fc.constantFrom(...HOSTILE, 'name', 'budget'), { minLength: 1, maxLength: 3 })
      .map((segments) => segments.join('.')),
    { minLength: 1, maxLength: 4 },
  )
  .filter((paths) => paths.every((path) => !paths.some((other) => path.startsWith(`${other}.`))));

describe('declared field paths named like Object.prototype members', () => {
  it('a JSON Schema with own properties for toString, valueOf, hasOwnProperty; constructor and prototype refused with a clear issue (random paths)', () => {
    fc.assert(
      fc.property(pathsArb, (paths) => {
        const parsed = safeParseRuleSet(
          document({
            fields: paths.map((path) => ({ path, type: 'string', label: { fr: path, en: path } })),
          }),
        );
        const refused = paths
          .map((path, index) => ({ index, segments: path.split('.') }))
          .filter(({ segments }) =>
            segments.some((segment) => segment === '__proto__' || FORBIDDEN.has(segment)),
          );
        if (refused.length > 0) {
          expect(parsed.success).toBe(false);
          if (parsed.success) return;
          for (const { index, segments } of refused) {
            const issue = parsed.issues.find((candidate) => candidate.path === `fields[${index}].path`);
            expect(issue).toBeDefined();
            const segment = segments.find((name) => FORBIDDEN.has(name));
            // `__proto__` fails the path pattern first; the others are named.
            if (segment === undefined || segments.includes('__proto__')) continue;
            expect(parsed.issues).toContainEqual({
              path: `fields[${index}].path`,
              message: `"${segment}" is not allowed in a field path (the name reaches the prototype of objects: no application may hold this key)`,
              messages: {
                en: `"${segment}" is not allowed in a field path (the name reaches the prototype of objects: no application may hold this key)`,
                fr: `«${NNBSP}${segment}${NNBSP}» est interdit dans un chemin de champ (ce nom atteint le prototype des objets${NBSP}: aucune demande ne peut porter cette clé)`,
              },
            });
          }
          return;
        }
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        for (const lang of ['en', 'fr'] as const) {
          const schema = applicationJsonSchema(parsed.data, { lang });
          for (const path of paths) {
            let node: Record<string, unknown> = schema;
            for (const segment of path.split('.')) {
              const properties = node.properties as Record<string, unknown>;
              expect(Object.hasOwn(properties, segment)).toBe(true);
              node = properties[segment] as Record<string, unknown>;
            }
            expect(node.type).toBe('string');
            expect(node.title).toBe(path);
          }
          expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
        }
      }),
      RUNS,
    );
  });
});

const VALID: readonly OperatorValueType[] = ['number', 'string', 'boolean', 'date', 'list', 'any'];

describe('custom operator types that are not types', () => {
  const ruleSet = (arity: number) => {
    const call = { call: ['op', ...Array.from({ length: arity }, () => ({ field: 'x' }))] };
    return parseRuleSet(
      document({ criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when: { '==': [call, call] } }] }),
    );
  };

  it('defineOperator and compile refuse an unknown argument or result type with a RuleSetError naming it (random types)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<string>(...VALID, ...HOSTILE, 'nope'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom<string>(...VALID, ...HOSTILE),
        (args, returns) => {
          const definition = { args, returns, evaluate: () => true } as never;
          const badArgument = args.find((type) => !(VALID as readonly string[]).includes(type));
          const bad = badArgument ?? ((VALID as readonly string[]).includes(returns) ? undefined : returns);
          const compiled = () => compile(ruleSet(args.length), { operators: { op: definition } });
          if (bad === undefined) {
            expect(defineOperator(definition)).toBe(definition);
            expect(compiled).not.toThrow();
            return;
          }
          const what =
            badArgument === undefined
              ? { fr: 'de résultat', en: 'result' }
              : { fr: 'd’argument', en: 'argument' };
          const known = VALID.join(', ');
          const en = `unknown ${what.en} type "${bad}" (known types: ${known})`;
          const fr = `type ${what.fr} inconnu «${NNBSP}${bad}${NNBSP}» (types connus${NBSP}: ${known})`;
          expect(() => defineOperator(definition)).toThrow(RuleSetError);
          expect(() => defineOperator(definition)).toThrow(en);
          try {
            compiled();
            expect.unreachable('compile must refuse the definition');
          } catch (error) {
            expect(error).toBeInstanceOf(RuleSetError);
            expect((error as RuleSetError).messages).toEqual({
              en: `custom operator "op": ${en}`,
              fr: `opérateur personnalisé «${NNBSP}op${NNBSP}»${NBSP}: ${fr}`,
            });
          }
        },
      ),
      RUNS,
    );
  });
});

/** Values JSON cannot write (or would write badly), with the text a message shows for them. */
const cycle: Record<string, unknown> = { a: 1 };
cycle.self = cycle;
const selfList: unknown[] = [1];
selfList.push(selfList);
const HOSTILE_VALUES: readonly unknown[] = [
  10n,
  { big: 10n },
  cycle,
  [cycle],
  [10n, 2],
  selfList,
  {
    toJSON() {
      throw new Error('boom');
    },
  },
  { toString: false },
  Object.create(null),
];

describe('field values JSON cannot write', () => {
  const ev = compile(
    parseRuleSet(
      document({
        criteria: [
          {
            id: 'c',
            label: { fr: 'c', en: 'c' },
            when: { isDefined: { field: 'x' } },
            messages: { pass: { fr: 'x vaut {field:x}', en: 'x is {field:x}' } },
          },
        ],
      }),
    ),
  );

  it('a criterion message quoting one never makes evaluate throw (shown by showValue)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOSTILE_VALUES), (x) => {
        const message = ev.evaluate({ x }).criteria[0]!.message;
        // A list is written item by item (a list inside itself by its tag), any other value whole.
        const whole = (value: unknown) => showValue(value, Number.POSITIVE_INFINITY);
        const shown = Array.isArray(x) ? x.map(whole).join(', ') : whole(x);
        expect(message).toEqual({ en: `x is ${shown}`, fr: `x vaut ${shown}` });
      }),
      { numRuns: 50 },
    );
  });

  it('nextQuestions never throws on one, and answers the same twice (random ITIE applications)', () => {
    const itie = itieEvaluator();
    const paths = ['partners', 'publics', 'themes', 'budget', 'territory', 'title', 'carrier'];
    fc.assert(
      fc.property(
        appArb,
        fc.constantFrom(...paths),
        fc.constantFrom(...HOSTILE_VALUES),
        fc.boolean(),
        (app, path, value, nested) => {
          const hostile: Record<string, unknown> = { ...app };
          hostile[path] = nested ? { epcis: value, communes: value, total: value } : value;
          const first = nextQuestions(itie, hostile, { limit: 3 });
          expect(nextQuestions(itie, hostile, { limit: 3 })).toEqual(first);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('nextQuestions names a hostile option with showValue: E_INVALID_OPTION, never a TypeError', () => {
    const itie = itieEvaluator();
    const id = itie.ruleSet.criteria[0]!.id;
    const refused = (options: object, en: string) => {
      try {
        nextQuestions(itie, {}, options as never);
        expect.unreachable('the option must be refused');
      } catch (error) {
        expect(error).toBeInstanceOf(CprdfopError);
        expect((error as CprdfopError).code).toBe('E_INVALID_OPTION');
        expect((error as CprdfopError).messages.en).toBe(en);
      }
    };
    fc.assert(
      fc.property(fc.constantFrom(...HOSTILE_VALUES, 1.5, -1, 'x'), (value) => {
        refused({ limit: value }, `nextQuestions: limit ${showValue(value)} is not a positive integer`);
        refused(
          { failureRates: { [id]: value } },
          `nextQuestions: failureRates.${id} is ${showValue(value)}, not a share in [0, 1]`,
        );
      }),
      { numRuns: 50 },
    );
    refused({ failureRates: 5 }, 'nextQuestions: failureRates is an object (criterion id → share), not 5');
    refused({ samples: 'abc' }, 'nextQuestions: samples is an object (field path → list of values), not abc');
    // Samples JSON cannot write are used, each keyed apart in the cache (never a shared text).
    expect(() => nextQuestions(itie, {}, { samples: { 'budget.total': [10n] } as never })).not.toThrow();
    expect(() => nextQuestions(itie, {}, { samples: cycle as never })).not.toThrow();
  });
});

describe('names JSON cannot write in a rule set built in code', () => {
  // parseRuleSet refuses such a document; compile takes a RuleSet built in code as it is
  const built = (when: unknown) =>
    ({
      ...parseRuleSet(
        document({ criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when: { lit: true } }] }),
      ),
      criteria: [{ id: 'c', label: { fr: 'c', en: 'c' }, when }],
    }) as never;

  it('an unknown parameter or definition named by a BigInt, a cycle, a symbol…: a RuleSetError naming it, never a TypeError', () => {
    const names = [...HOSTILE_VALUES, Symbol('x'), 12, null];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('param', 'ref'), (name, operator) => {
        try {
          compile(built({ [operator]: name }));
          expect.unreachable('compile must refuse an unknown name');
        } catch (error) {
          expect(error).toBeInstanceOf(RuleSetError);
          const what = operator === 'param' ? 'unknown parameter' : 'unknown definition';
          expect((error as RuleSetError).message).toContain(`${what} ${showValue(name)}`);
          expect((error as RuleSetError).messages.fr).toContain(
            operator === 'param' ? 'paramètre inconnu' : 'définition inconnue',
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('an unknown name given as a string is still quoted as JSON', () => {
    expect(() => compile(built({ param: 'nope' }))).toThrow('unknown parameter "nope"');
    expect(() => compile(built({ ref: 'nope' }))).toThrow('unknown definition "nope"');
  });
});
