/**
 * The `nextQuestions` of before issue #15's speed work (commit 8a9dc6a), kept verbatim so that the
 * questions benchmark measures the old and the new implementation in the same run. Not shipped.
 */
/* biome-ignore-all lint: a frozen copy, compared with, never edited */
import { valueAtPath, withValueAtPath } from '../../src/_shared/dottedPath.js';
import { isIsoDate, packIsoDate } from '../../src/_shared/isoDate.js';
import { CprdfopError } from '../../src/errors.js';
import { dateOps } from '../../src/rules/_dates.js';
import type { EvaluateOptions, Evaluator } from '../../src/rules/compile.js';
import type { Explanation } from '../../src/rules/Explanation.js';
import type { FieldDeclaration, FieldType } from '../../src/rules/FieldDeclaration.js';
import { fieldIndex } from '../../src/rules/fieldIndex.js';
import { type ExpressionValue, isDatedValue, type RuleText } from '../../src/rules/RuleSet.js';

/** One allowed value of a question, with its labels. @category Questions */
export interface QuestionChoice {
  readonly value: string;
  readonly label: RuleText;
  /** The label in the requested language. */
  readonly text: string;
}

/**
 * A question to ask: an absent application field whose answer can change the verdict, with what a form
 * needs to ask it (declared label and question, type, allowed values with labels, unit, bounds).
 * @category Questions
 */
export interface NextQuestion {
  /** The field's dotted path (`budget.total`). */
  readonly path: string;
  /** The declared type, or the type inferred from the rules for an undeclared field (`null`: unknown). */
  readonly type: FieldType | null;
  /** Whether the rule set declares the field (`false`: label and question are the path itself). */
  readonly declared: boolean;
  /** The declared label (the path when undeclared). */
  readonly label: RuleText;
  /** The declared question, or `null`. */
  readonly question: RuleText | null;
  /** What to ask, in the requested language: the question when declared, else the label. */
  readonly text: string;
  /** The allowed values of an `enum` or `set` field, with their labels; `null` otherwise. */
  readonly values: readonly QuestionChoice[] | null;
  readonly unit: string | null;
  readonly min: number | null;
  readonly max: number | null;
  /** The undecided criteria the answer feeds, by id. */
  readonly criteria: readonly string[];
  /**
   * `true` when a witness was found: two answers to this field, with answers to the other absent fields,
   * that give two different verdicts. `false` only when no question could be proven (see
   * {@link nextQuestions}): the field may then be useless.
   */
  readonly proven: boolean;
  /** With `group: 'object'`: the object the field belongs to (`budget`), asked together; else `null`. */
  readonly group: string | null;
}

/** Options of {@link nextQuestions}. @category Questions */
export interface NextQuestionsOptions extends EvaluateOptions {
  /** At most this many questions (a positive integer; all by default). */
  limit?: number | undefined;
  /** The language of `text` (default `fr`). */
  lang?: 'fr' | 'en' | undefined;
  /**
   * `'object'`: fields of the same object (`budget.total`, `budget.requested`) are returned together,
   * at the rank of the best of them, each with its `group`; `'none'` (default): one field at a time.
   */
  group?: 'object' | 'none' | undefined;
  /**
   * Answers to try, by field path, for fields whose answers cannot be derived from the rules (a
   * territory, a free string): e.g. `{ territory: [{ communes: ['02408'] }, { communes: ['75056'] }] }`.
   * Without them such a field cannot be proven useful (nor the others of its verdict: see `proven`).
   */
  samples?: Readonly<Record<string, readonly unknown[]>> | undefined;
  /**
   * How often each criterion fails, by criterion id (a share in [0, 1], e.g. from past applications:
   * see {@link criterionFailureRates}); a criterion not listed counts as 1. Fields that settle likely
   * failures with fewer questions come first.
   */
  failureRates?: Readonly<Record<string, number>> | undefined;
}

/** Evaluations spent at most on one group of undecided criteria sharing absent fields. */
const SEARCH_BUDGET = 512;
/** Analyses kept per evaluator before the cache is emptied. */
const CACHE_SIZE = 20_000;

type Outcome = 0 | 1 | 2; // 0 unknown, 1 pass, 2 fail

/** The answers tried for a field, and whether they cover every behaviour (booleans, enums, small sets). */
interface Domain {
  readonly values: readonly unknown[];
  readonly exact: boolean;
}

interface FieldFacts {
  kind: FieldType | 'number' | null;
  numbers: number[];
  strings: string[];
  /** Fields compared directly with this one (their known values are thresholds too). */
  peers: string[];
  /** Numbers inside the expressions compared with this one (`0.5` in `requested <= budget * 0.5`). */
  factors: number[];
}

interface Prepared {
  readonly declarations: ReadonlyMap<string, FieldDeclaration>;
  readonly order: ReadonlyMap<string, number>;
  readonly facts: ReadonlyMap<string, FieldFacts>;
  readonly globalNumbers: readonly number[];
  readonly dateConstants: readonly string[];
  readonly cache: Map<string, Analysis>;
}

/** What a search over one group of criteria (a component) found. */
interface Analysis {
  /** Some answers make every criterion of the group pass (and these answers, by field). */
  readonly passWitness: boolean;
  /** The search covered every behaviour: what it did not find does not exist. */
  readonly exhaustive: boolean;
  /** Per field of the group: whether a witness of relevance was found. */
  readonly fields: ReadonlyMap<string, boolean>;
}

const prepared = new WeakMap<Evaluator, Prepared>();
const sampleKeys = new WeakMap<object, string>();
const samplesKey = (samples: object): string => {
  let key = sampleKeys.get(samples);
  if (key === undefined) {
    key = JSON.stringify(samples);
    sampleKeys.set(samples, key);
  }
  return key;
};

const DATE_OPS = new Set(['addMonths', 'addDays', 'days', 'months', 'isDate']);
const NUMBER_OPS = new Set(['+', '-', '*', '/', 'min', 'max', 'round', 'floor', 'ceil', 'percent', 'count']);
const NUMERIC_TYPES = new Set<string>(['integer', 'decimal', 'money', 'percent', 'number']);

function prepare(evaluator: Evaluator): Prepared {
  const cached = prepared.get(evaluator);
  if (cached) return cached;
  const ruleSet = evaluator.ruleSet;
  const declarations = fieldIndex(ruleSet);
  const order = new Map<string, number>();
  for (const path of declarations.keys()) order.set(path, order.size);
  const parameters = new Map(ruleSet.parameters.map((parameter) => [parameter.name, parameter.value]));
  const facts = new Map<string, FieldFacts>();
  const factsOf = (path: string): FieldFacts => {
    let entry = facts.get(path);
    if (!entry) {
      entry = { kind: null, numbers: [], strings: [], peers: [], factors: [] };
      facts.set(path, entry);
    }
    return entry;
  };
  const globalNumbers = new Set<number>();
  const dateConstants = new Set<string>();
  const sameKind: [string, string][] = [];
  const constantsOf = (node: ExpressionValue): unknown[] => {
    if (node === null || typeof node !== 'object') return [node];
    if (Array.isArray(node)) return node.flatMap((item) => constantsOf(item));
    if ('param' in node && typeof node.param === 'string') {
      const value = parameters.get(node.param);
      if (value !== undefined && isDatedValue(value))
        return value.values.flatMap((entry) => (Array.isArray(entry.value) ? entry.value : [entry.value]));
      return Array.isArray(value) ? value : [value];
    }
    return [];
  };
  const operatorOf = (node: ExpressionValue): string | undefined =>
    node !== null && typeof node === 'object' && !Array.isArray(node) ? Object.keys(node)[0] : undefined;
  const fieldOf = (node: ExpressionValue): string | undefined =>
    operatorOf(node) === 'field' ? ((node as { field: unknown }).field as string) : undefined;
  const fieldsIn = (node: ExpressionValue): string[] => {
    if (node === null || typeof node !== 'object') return [];
    if (Array.isArray(node)) return node.flatMap(fieldsIn);
    const path = fieldOf(node);
    if (path) return [path];
    const operator = operatorOf(node);
    return operator && operator !== 'param'
      ? fieldsIn((node as Record<string, ExpressionValue>)[operator]!)
      : [];
  };
  const numbersIn = (node: ExpressionValue): number[] => {
    if (typeof node === 'number') return [node];
    if (node === null || typeof node !== 'object') return [];
    if (Array.isArray(node)) return node.flatMap(numbersIn);
    const operator = operatorOf(node);
    if (!operator || operator === 'field') return [];
    if (operator === 'param')
      return constantsOf(node).filter((value): value is number => typeof value === 'number');
    return numbersIn((node as Record<string, ExpressionValue>)[operator]!);
  };
  const walk = (node: ExpressionValue): void => {
    if (node === null || typeof node !== 'object') {
      if (typeof node === 'number') globalNumbers.add(node);
      if (isIsoDate(node)) dateConstants.add(node);
      return;
    }
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const operator = operatorOf(node);
    if (!operator || operator === 'field') return;
    if (operator === 'param') {
      for (const value of constantsOf(node)) {
        if (typeof value === 'number') globalNumbers.add(value);
        if (isIsoDate(value)) dateConstants.add(value);
      }
      return;
    }
    const argument = (node as Record<string, ExpressionValue>)[operator]!;
    const operands = Array.isArray(argument) ? argument : [argument];
    const direct = operands.map(fieldOf);
    operands.forEach((_operand, position) => {
      const path = direct[position];
      if (!path) return;
      const entry = factsOf(path);
      if (DATE_OPS.has(operator)) entry.kind ??= 'date';
      operands.forEach((other, otherPosition) => {
        if (otherPosition === position) return;
        const otherField = direct[otherPosition];
        if (otherField) {
          sameKind.push([path, otherField]);
          if (!entry.peers.includes(otherField)) entry.peers.push(otherField);
        } else {
          for (const inner of fieldsIn(other)) if (!entry.peers.includes(inner)) entry.peers.push(inner);
          for (const factor of numbersIn(other))
            if (!entry.factors.includes(factor)) entry.factors.push(factor);
          if (DATE_OPS.has(operatorOf(other) ?? '')) entry.kind ??= 'date';
        }
        if (!otherField && NUMBER_OPS.has(operatorOf(other) ?? '')) entry.kind ??= 'number';
        for (const value of constantsOf(other)) {
          if (typeof value === 'number') entry.numbers.push(value);
          else if (typeof value === 'string') entry.strings.push(value);
          else if (typeof value === 'boolean') entry.kind ??= 'boolean';
        }
      });
    });
    for (const operand of operands) walk(operand);
  };
  for (const criterion of ruleSet.criteria) walk(criterion.when);
  for (const entry of facts.values()) {
    if (entry.kind) continue;
    if (entry.strings.length && entry.strings.every(isIsoDate)) entry.kind = 'date';
    else if (entry.strings.length) entry.kind = 'string';
    else if (entry.numbers.length) entry.kind = 'number';
  }
  for (let pass = 0; pass < 2; pass++)
    for (const [path, other] of sameKind) {
      const entry = factsOf(path);
      entry.kind ??= factsOf(other).kind;
    }
  if (ruleSet.asOfField) factsOf(ruleSet.asOfField).kind = 'date';
  const result: Prepared = {
    declarations,
    order,
    facts,
    globalNumbers: [...globalNumbers],
    dateConstants: [...dateConstants],
    cache: new Map(),
  };
  prepared.set(evaluator, result);
  return result;
}

const uniqueSorted = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

function shiftDate(date: string, days: number, months = 0): string | undefined {
  const shifted = months ? dateOps.addMonths(packIsoDate(date), months) : date;
  return shifted === undefined ? undefined : days ? dateOps.addDays(packIsoDate(shifted), days) : shifted;
}

/** The answers tried for a field (real values of its declared or inferred type). */
function domainOf(
  path: string,
  context: Prepared,
  evaluator: Evaluator,
  anchor: string,
  samples: NextQuestionsOptions['samples'],
  base: Record<string, unknown>,
): Domain | null {
  const given = samples && Object.hasOwn(samples, path) ? samples[path] : undefined;
  if (given?.length) return { values: given, exact: false };
  const declaration = context.declarations.get(path);
  const facts = context.facts.get(path);
  const kind: string | null = declaration?.type ?? facts?.kind ?? null;
  if (kind === 'boolean') return { values: [true, false], exact: true };
  if (kind === 'enum' && declaration?.values)
    return { values: declaration.values.map((choice) => choice.value), exact: true };
  if (kind === 'set' && declaration?.values) {
    const choices = declaration.values.map((choice) => choice.value);
    if (choices.length <= 4) {
      const subsets: string[][] = [];
      for (let mask = 0; mask < 1 << choices.length; mask++)
        subsets.push(choices.filter((_, position) => mask & (1 << position)));
      return { values: subsets, exact: true };
    }
    return { values: [[], ...choices.map((choice) => [choice]), choices], exact: false };
  }
  if (kind === 'list')
    return { values: [0, 1, 2, 3, 4].map((size) => Array.from({ length: size }, () => ({}))), exact: false };
  if (kind !== null && NUMERIC_TYPES.has(kind)) {
    const step = kind === 'integer' ? 1 : kind === 'money' ? 0.01 : kind === 'number' ? 1 : 1e-6;
    const near = facts?.numbers.length ? facts.numbers : context.globalNumbers;
    const points: number[] = [0];
    const peerValues = (facts?.peers ?? [])
      .map((peer) => valueAtPath(base, peer))
      .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    const scaled: number[] = [];
    for (const peer of peerValues) {
      scaled.push(peer);
      for (const factor of facts?.factors ?? [])
        if (factor !== 0) scaled.push(peer * factor, peer / factor, peer + factor, peer - factor);
    }
    for (const value of [...near, ...scaled]) points.push(value - step, value, value + step);
    if (declaration?.min !== undefined) points.push(declaration.min);
    if (declaration?.max !== undefined) points.push(declaration.max);
    const values = uniqueSorted(points).filter(
      (value) =>
        (kind !== 'integer' || Number.isInteger(value)) &&
        (declaration?.min === undefined || value >= declaration.min) &&
        (declaration?.max === undefined || value <= declaration.max),
    );
    return { values: values.map((value) => Math.round(value * 1e6) / 1e6), exact: false };
  }
  if (kind === 'date') {
    const dates = new Set<string>();
    const add = (date: string | undefined) => {
      if (date !== undefined) dates.add(date);
    };
    const peerDates = (facts?.peers ?? []).map((peer) => valueAtPath(base, peer)).filter(isIsoDate);
    for (const constant of [...context.dateConstants, ...peerDates])
      for (const days of [-1, 0, 1]) add(shiftDate(constant, days));
    for (const [days, months] of [
      [0, 0],
      [-1, 0],
      [1, 0],
      [0, -12],
      [1, -12],
      [0, -24],
      [0, 12],
    ] as const)
      add(shiftDate(anchor, days, months));
    let values = [...dates].sort();
    if (path === evaluator.ruleSet.asOfField) {
      const { validFrom, validTo } = evaluator.ruleSet;
      values = values.filter((date) => date >= validFrom && (!validTo || date <= validTo));
      if (!values.length) values = [validFrom];
    }
    return { values, exact: false };
  }
  if (kind === 'string') {
    const strings = [...new Set(facts?.strings ?? [])];
    return { values: [...strings, `${strings.join('')}\u2014`], exact: false };
  }
  return null;
}

function outcomeOf(explanation: Explanation, criteria: readonly number[]): Outcome {
  let unknown = false;
  for (const position of criteria) {
    const status = explanation.criteria[position]!.status;
    if (status === 'fail') return 2;
    if (status === 'unknown') unknown = true;
  }
  return unknown ? 0 : 1;
}

/**
 * Searches answers to the absent fields of one component for witnesses (see {@link nextQuestions}):
 * 1. a depth-first search for answers under which every criterion of the component passes, pruned as
 *    soon as a partial assignment fails (a Kleene `fail` fails for every completion);
 * 2. from that pass witness, each field's other answers: one that fails proves the field relevant;
 * 3. the fields still unresolved: a (bounded) enumeration of every combination of answers;
 */
function analyse(
  evaluator: Evaluator,
  base: Record<string, unknown>,
  options: EvaluateOptions | undefined,
  criteria: readonly number[],
  fields: readonly string[],
  domains: readonly (Domain | null)[],
): Analysis {
  let budget = SEARCH_BUDGET;
  const outcome = (assignment: readonly (number | undefined)[]): Outcome => {
    budget--;
    let application = base;
    assignment.forEach((choice, position) => {
      if (choice !== undefined)
        application = withValueAtPath(application, fields[position]!, domains[position]!.values[choice]);
    });
    try {
      return outcomeOf(evaluator.evaluate(application, options), criteria);
    } catch {
      return 0; // an answer that puts the evaluation date outside the rule set's validity
    }
  };
  const searched = fields.map((_, position) => position).filter((position) => domains[position]);
  const allExact = searched.length === fields.length && domains.every((domain) => domain?.exact);
  const relevant = new Array<boolean>(fields.length).fill(false);
  // 1. A pass witness by depth-first search with pruning.
  let passWitness: (number | undefined)[] | undefined;
  let complete = true;
  const assignment: (number | undefined)[] = new Array(fields.length).fill(undefined);
  const search = (depth: number): boolean => {
    if (depth === searched.length) {
      if (outcome(assignment) === 1) {
        passWitness = [...assignment];
        return true;
      }
      return false;
    }
    const position = searched[depth]!;
    const values = domains[position]!.values;
    for (let choice = 0; choice < values.length; choice++) {
      if (budget <= 0) {
        complete = false;
        break;
      }
      assignment[position] = choice;
      if (depth + 1 < searched.length && outcome(assignment) === 2) continue; // pruned: fails whatever follows
      if (search(depth + 1)) return true;
    }
    assignment[position] = undefined;
    return false;
  };
  search(0);
  // 2. Flips from the pass witness: an answer that then fails proves the field relevant.
  if (passWitness) {
    for (const position of searched) {
      const values = domains[position]!.values;
      for (let choice = 0; choice < values.length && !relevant[position]; choice++) {
        if (choice === passWitness[position]) continue;
        const flipped = [...passWitness];
        flipped[position] = choice;
        if (outcome(flipped) === 2) relevant[position] = true;
      }
    }
  }
  // 3. Enumeration for the fields still unresolved (every combination when it fits the budget).
  const unresolved = searched.filter((position) => !relevant[position]);
  let enumerated = false;
  if (passWitness && unresolved.length) {
    const radices = searched.map((position) => domains[position]!.values.length);
    const product = radices.reduce((total, radix) => total * radix, 1);
    if (product <= Math.max(budget, 0)) {
      enumerated = true;
      const outcomes = new Int8Array(product);
      for (let index = 0; index < product; index++) {
        const combination: (number | undefined)[] = new Array(fields.length).fill(undefined);
        let rest = index;
        searched.forEach((position, depth) => {
          combination[position] = rest % radices[depth]!;
          rest = Math.floor(rest / radices[depth]!);
        });
        outcomes[index] = outcome(combination);
      }
      let weight = 1;
      searched.forEach((position, depth) => {
        const radix = radices[depth]!;
        if (!relevant[position])
          for (let index = 0; index < product && !relevant[position]; index++) {
            const here = outcomes[index]!;
            if (here === 0) continue;
            const digit = Math.floor(index / weight) % radix;
            for (let other = 0; other < radix; other++) {
              const there = outcomes[index + (other - digit) * weight]!;
              if (there !== 0 && there !== here) {
                relevant[position] = true;
                break;
              }
            }
          }
        weight *= radix;
      });
    }
  }
  const exhaustive = allExact && complete && (!passWitness || unresolved.length === 0 || enumerated);
  const result = new Map<string, boolean>();
  fields.forEach((path, position) => {
    result.set(path, relevant[position]!);
  });
  return { passWitness: passWitness !== undefined, exhaustive, fields: result };
}

const checkedRates = new WeakMap<object, Evaluator>();
/** Rejects a failure rate that is not a share, or of a criterion the rule set does not have. */
function checkRates(evaluator: Evaluator, rates: Readonly<Record<string, number>>): void {
  if (checkedRates.get(rates) === evaluator) return;
  const ids = new Set(evaluator.ruleSet.criteria.map((criterion) => criterion.id));
  for (const [id, rate] of Object.entries(rates)) {
    if (!ids.has(id))
      throw new CprdfopError(
        'E_INVALID_OPTION',
        `nextQuestions: failureRates names "${id}", not a criterion of ${evaluator.id}@${evaluator.version} / failureRates nomme « ${id} », qui n’est pas un critère de ${evaluator.id}@${evaluator.version}`,
      );
    if (!(typeof rate === 'number' && rate >= 0 && rate <= 1))
      throw new CprdfopError(
        'E_INVALID_OPTION',
        `nextQuestions: failureRates.${id} is ${String(rate)}, not a share in [0, 1] / failureRates.${id} vaut ${String(rate)}, pas une part entre 0 et 1`,
      );
  }
  checkedRates.set(rates, evaluator);
}

/**
 * The next questions to ask an applicant: the absent fields whose answer can change the verdict, best
 * first, each with what a form needs (declared label and question in French and English, type, allowed
 * values with labels, unit, bounds).
 *
 * **Guarantees.** The list is empty when the verdict is decided (`eligible` or `ineligible`), and when
 * every answer to the absent fields gives the same verdict. Every question with `proven: true` can change
 * the verdict: two real answers to it were found, with answers to the other absent fields, giving two
 * different verdicts. A field is left out only when it is proven useless (every combination of its answers
 * was tried: booleans, enums, sets of up to 4 values). When no witness can be found for a field that
 * `missing` lists (a territory, a number compared with a computed amount beyond the search), it is kept
 * with `proven: false`, after the proven ones: the list is never empty while the verdict can still change.
 *
 * **Strategy.** Undecided criteria are grouped when they share absent fields; each group is searched
 * over real answers (enum and set values, booleans, numbers at and beside the rule set's thresholds,
 * dates around the evaluation date and the date constants; at most 512 evaluations per group, cached by
 * the group's known values). Ranking: each undecided criterion a field feeds gives it the criterion's
 * chance of failing (`failureRates`, e.g. learnt from past applications with
 * {@link criterionFailureRates}) divided by the questions still needed to settle it (its absent fields);
 * with rates the chances add up, without them every criterion counts as equally likely and the best
 * chance wins. Ties keep the declaration order. It is a heuristic, not an optimal decision tree: on the
 * issue #4 workload it asks 0.96× the questions of the declaration order with learnt rates, about as
 * many without (see `bench/questions.bench.ts`, which also gives the lower bound).
 *
 * @param evaluator - A compiled rule set (see `compile`).
 * @param application - The partial application (any JSON value; an object is expected).
 * @param options - `limit`, `lang` of `text`, `group: 'object'`, and the evaluation date `asOf`.
 * @returns The questions, best first (an empty array when nothing can change the verdict).
 * @throws {@link RuleSetNotInForceError} when the evaluation date is outside the rule set's validity.
 * @throws `CprdfopError` `E_INVALID_OPTION` when `limit` is not a positive integer, or `failureRates`
 * names an unknown criterion or holds a value outside [0, 1].
 * @example
 * ```ts
 * import { compile, nextQuestions, parseRuleSet } from 'cprdfop/rules';
 * const evaluator = compile(parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'q', version: '1', title: { fr: 'Q', en: 'Q' },
 *   validFrom: '2023-01-01',
 *   fields: [
 *     { path: 'adult', type: 'boolean', label: { fr: 'Majeur', en: 'Adult' },
 *       question: { fr: 'Êtes-vous majeur ?', en: 'Are you an adult?' } },
 *     { path: 'member', type: 'boolean', label: { fr: 'Adhérent', en: 'Member' } },
 *   ],
 *   criteria: [
 *     { id: 'adult', label: { fr: 'Majeur', en: 'Adult' }, when: { field: 'adult' } },
 *     // A tautology: `missing` lists "member", but no answer to it can change the verdict.
 *     { id: 'open', label: { fr: 'Ouvert', en: 'Open' },
 *       when: { any: [{ field: 'member' }, { not: { field: 'member' } }] } },
 *   ],
 * }));
 * evaluator.evaluate({}, { asOf: '2023-05-01' }).missing; // ["adult", "member"]
 * nextQuestions(evaluator, {}, { asOf: '2023-05-01' }).map((question) => question.path); // ["adult"]
 * nextQuestions(evaluator, {}, { asOf: '2023-05-01', lang: 'en' })[0]?.text; // "Are you an adult?"
 * nextQuestions(evaluator, { adult: false }, { asOf: '2023-05-01' }); // []
 * ```
 * @category Questions
 */
export function nextQuestions(
  evaluator: Evaluator,
  application: unknown,
  options: NextQuestionsOptions = {},
): NextQuestion[] {
  const { limit, lang = 'fr', group = 'none' } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw new CprdfopError(
      'E_INVALID_OPTION',
      `nextQuestions: limit ${String(limit)} is not a positive integer / limit ${String(limit)} n’est pas un entier positif`,
    );
  if (options.failureRates) checkRates(evaluator, options.failureRates);
  const evaluateOptions: EvaluateOptions | undefined = options.asOf ? { asOf: options.asOf } : undefined;
  const explanation = evaluator.evaluate(application, evaluateOptions);
  if (explanation.verdict !== 'undetermined') return [];
  const context = prepare(evaluator);
  const base: Record<string, unknown> =
    application !== null && typeof application === 'object' && !Array.isArray(application)
      ? (application as Record<string, unknown>)
      : {};
  // Components: undecided criteria linked by the absent fields they share.
  const undecided: number[] = [];
  explanation.criteria.forEach((criterion, position) => {
    if (criterion.status === 'unknown') undecided.push(position);
  });
  const componentOfField = new Map<string, number>();
  const parent = undecided.map((_, position) => position);
  const root = (position: number): number => {
    while (parent[position] !== position) position = parent[position] = parent[parent[position]!]!;
    return position;
  };
  undecided.forEach((criterionPosition, position) => {
    for (const path of explanation.criteria[criterionPosition]!.missing) {
      const other = componentOfField.get(path);
      if (other === undefined) componentOfField.set(path, position);
      else parent[root(position)] = root(other);
    }
  });
  const components = new Map<number, { criteria: number[]; fields: string[] }>();
  undecided.forEach((criterionPosition, position) => {
    const key = root(position);
    let component = components.get(key);
    if (!component) {
      component = { criteria: [], fields: [] };
      components.set(key, component);
    }
    component.criteria.push(criterionPosition);
    for (const path of explanation.criteria[criterionPosition]!.missing)
      if (!component.fields.includes(path)) component.fields.push(path);
  });
  const anchor = explanation.asOf ?? evaluator.ruleSet.validFrom;
  const analyses: { criteria: number[]; fields: string[]; analysis: Analysis }[] = [];
  for (const component of components.values()) {
    const observed = component.criteria.map((position) => explanation.criteria[position]!.observed);
    const key = `${options.samples ? samplesKey(options.samples) : ''}|${explanation.asOf}|${component.criteria.join(',')}|${component.fields.join(',')}|${JSON.stringify(observed)}`;
    let analysis = context.cache.get(key);
    if (!analysis) {
      const domains = component.fields.map((path) =>
        domainOf(path, context, evaluator, anchor, options.samples, base),
      );
      analysis = analyse(evaluator, base, evaluateOptions, component.criteria, component.fields, domains);
      if (context.cache.size >= CACHE_SIZE) context.cache.clear();
      context.cache.set(key, analysis);
    }
    analyses.push({ ...component, analysis });
  }
  // A group that provably never passes makes every answer ineligible: nothing can change the verdict.
  if (analyses.some(({ analysis }) => analysis.exhaustive && !analysis.passWitness)) return [];
  const othersCanPass = (except: number) =>
    analyses.every(({ analysis }, position) => position === except || analysis.passWitness);
  interface Candidate {
    path: string;
    proven: boolean;
    score: number;
    criteria: string[];
  }
  const candidates: Candidate[] = [];
  const rateOf = (id: string): number =>
    options.failureRates && Object.hasOwn(options.failureRates, id) ? options.failureRates[id]! : 1;
  analyses.forEach(({ criteria, fields, analysis }, position) => {
    const others = othersCanPass(position);
    for (const path of fields) {
      const relevant = analysis.fields.get(path)!;
      if (analysis.exhaustive && !relevant) continue; // proven useless
      const fed = criteria.filter((criterionPosition) =>
        explanation.criteria[criterionPosition]!.missing.includes(path),
      );
      // The chance of ending the questionnaire, per question still needed to settle each criterion fed.
      // Without rates every criterion is as likely to fail: the best chance among the criteria fed.
      let score = 0;
      for (const criterionPosition of fed) {
        const criterion = explanation.criteria[criterionPosition]!;
        const chance = rateOf(criterion.id) / criterion.missing.length;
        score = options.failureRates ? score + chance : Math.max(score, chance);
      }
      candidates.push({
        path,
        proven: relevant && others,
        score,
        criteria: fed.map((criterionPosition) => explanation.criteria[criterionPosition]!.id),
      });
    }
  });
  // The evaluation date field, when it is the only thing missing (no criterion reads it).
  const asOfField = evaluator.ruleSet.asOfField;
  if (asOfField && explanation.missing.includes(asOfField) && !candidates.some((c) => c.path === asOfField))
    candidates.push({ path: asOfField, proven: undecided.length === 0, score: 0, criteria: [] });
  const rank = (path: string) =>
    context.order.get(path) ?? context.order.size + explanation.missing.indexOf(path);
  candidates.sort(
    (a, b) =>
      Number(b.proven) - Number(a.proven) ||
      b.score - a.score ||
      b.criteria.length - a.criteria.length ||
      rank(a.path) - rank(b.path),
  );
  let ordered = candidates;
  if (group === 'object') {
    const objectOf = (path: string) => (path.includes('.') ? path.slice(0, path.indexOf('.')) : null);
    const seen = new Set<string>();
    ordered = [];
    for (const candidate of candidates) {
      if (seen.has(candidate.path)) continue;
      const object = objectOf(candidate.path);
      const together = object ? candidates.filter((other) => objectOf(other.path) === object) : [candidate];
      for (const member of together) {
        seen.add(member.path);
        ordered.push(member);
      }
    }
  }
  const chosen = limit === undefined ? ordered : ordered.slice(0, limit);
  return chosen.map((candidate) => {
    const declaration = context.declarations.get(candidate.path);
    const facts = context.facts.get(candidate.path);
    const inferred = facts?.kind === 'number' ? 'decimal' : (facts?.kind ?? null);
    const label: RuleText = declaration?.label ?? { fr: candidate.path, en: candidate.path };
    const question = declaration?.question ?? null;
    return {
      path: candidate.path,
      type: declaration?.type ?? inferred,
      declared: declaration !== undefined,
      label,
      question,
      text: (question ?? label)[lang],
      values:
        declaration?.values?.map((choice) => ({
          value: choice.value,
          label: choice.label,
          text: choice.label[lang],
        })) ?? null,
      unit: declaration?.unit ?? null,
      min: declaration?.min ?? null,
      max: declaration?.max ?? null,
      criteria: candidate.criteria,
      proven: candidate.proven,
      group:
        group === 'object' && candidate.path.includes('.')
          ? candidate.path.slice(0, candidate.path.indexOf('.'))
          : null,
    };
  });
}

/**
 * How often each criterion fails over past (complete or partial) applications: per criterion id, the
 * share of the applications evaluated where it fails — the `failureRates` option of
 * {@link nextQuestions}, so that likely failures are asked first. An application the evaluator cannot
 * evaluate (a date outside the rule set's validity) is skipped and counted in `skipped`.
 *
 * @param evaluator - A compiled rule set.
 * @param applications - Past applications (any iterable of JSON values).
 * @param options - The evaluation date `asOf` (else each application's own date).
 * @returns The rates by criterion id, the number of applications evaluated and skipped.
 * @example
 * ```ts
 * import { compile, criterionFailureRates, parseRuleSet } from 'cprdfop/rules';
 * const evaluator = compile(parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'r', version: '1', title: { fr: 'R', en: 'R' },
 *   validFrom: '2023-01-01',
 *   criteria: [{ id: 'adult', label: { fr: 'Majeur', en: 'Adult' }, when: { field: 'adult' } }],
 * }));
 * const past = [{ adult: true }, { adult: false }, { adult: true }, { adult: true }];
 * criterionFailureRates(evaluator, past, { asOf: '2023-05-01' }).rates; // {"adult":0.25}
 * ```
 * @category Questions
 */
export function criterionFailureRates(
  evaluator: Evaluator,
  applications: Iterable<unknown>,
  options: EvaluateOptions = {},
): { rates: Record<string, number>; evaluated: number; skipped: number } {
  const failures = new Map<string, number>(evaluator.ruleSet.criteria.map((criterion) => [criterion.id, 0]));
  let evaluated = 0;
  let skipped = 0;
  for (const application of applications) {
    let explanation: Explanation;
    try {
      explanation = evaluator.evaluate(application, options.asOf ? { asOf: options.asOf } : undefined);
    } catch {
      skipped++;
      continue;
    }
    evaluated++;
    for (const criterion of explanation.criteria)
      if (criterion.status === 'fail') failures.set(criterion.id, (failures.get(criterion.id) ?? 0) + 1);
  }
  const rates: Record<string, number> = {};
  for (const [id, count] of failures) rates[id] = evaluated ? count / evaluated : 0;
  return { rates, evaluated, skipped };
}
