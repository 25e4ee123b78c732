import { valueAtPath, withValueAtPath } from '../_shared/dottedPath.js';
import { isIsoDate, packIsoDate } from '../_shared/isoDate.js';
import { languageOption } from '../_shared/languageOption.js';
import { renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { CprdfopError } from '../errors.js';
import { type CriterionAccess, criterionAccess } from './_criterionAccess.js';
import { dateOps } from './_dates.js';
import type { EvaluateOptions, Evaluator } from './compile.js';
import type { Explanation } from './Explanation.js';
import type { FieldDeclaration, FieldType } from './FieldDeclaration.js';
import { fieldIndex } from './fieldIndex.js';
import { operatorEntry } from './operators/registry.js';
import { type ExpressionValue, isDatedValue, type RuleText } from './RuleSet.js';

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
/**
 * The chance of failing given to every criterion without `failureRates`: all alike, and rare enough that
 * questions settling several criteria at once count for about as many single ones.
 */
const DEFAULT_FAILURE_RATE = 0.1;
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
  /** The evaluator's criterion hook (`undefined` for an evaluator not built by `compile`). */
  readonly access: CriterionAccess | undefined;
  /** The criteria's ids, by position. */
  readonly ids: readonly string[];
  /** Per criterion (by position): whether its status may depend on the evaluation date. */
  readonly dated: readonly boolean[];
  /**
   * Per field path, the slot an answer to it is written to, when that is what writing it into the
   * application amounts to (no other slot reads a part of it, nor a path it is part of); -1 for the
   * evaluation date field that no criterion reads; absent when the answer needs a whole evaluation.
   */
  readonly writable: Map<string, number | null>;
  /** The answers tried per field, by path, evaluation date (dates) and the values of its peers. */
  readonly domains: Map<string, Domain | null>;
  /** Per numeric field: the answers tried that do not depend on the application (sorted). */
  readonly fixedNumbers: Map<string, number[]>;
  /** The date constants of the rule set and the days either side. */
  readonly fixedDates: readonly string[];
  /** The dates tried around each evaluation date met. */
  readonly anchorDates: Map<string, readonly string[]>;
  /** How each group of criteria met is analysed, with its cached analyses (see {@link planOf}). */
  readonly plans: Map<string | number, Plan[]>;
  /** The allowed values of each field met, with their labels, by language and path (frozen). */
  readonly choices: Map<string, readonly QuestionChoice[]>;
  /** Analyses cached over every plan (all are dropped past `CACHE_SIZE`). */
  readonly stored: { count: number };
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
let unkeyedSamples = 0;
/**
 * The cache key of a `samples` option: its JSON, or, when JSON cannot write it (a cycle, a BigInt, a
 * throwing `toJSON`), a key of its own that no other object shares (never a shortened or generic text:
 * two different samples must never share cached analyses).
 */
const samplesKey = (samples: object): string => {
  let key = sampleKeys.get(samples);
  if (key === undefined) {
    try {
      key = JSON.stringify(samples) ?? `\u0001${++unkeyedSamples}`;
    } catch {
      key = `\u0001${++unkeyedSamples}`;
    }
    sampleKeys.set(samples, key);
  }
  return key;
};

/** A value read that cannot key the analysis cache. */
const UNKEYABLE = Symbol('unkeyable');
/**
 * The key of a value read in the analysis cache: a primitive itself, an object its JSON (after a
 * `\u0000`), or {@link UNKEYABLE} when JSON cannot write it (a cycle, a BigInt inside, a throwing
 * `toJSON` or getter): that analysis is then made and not cached.
 */
function cacheKey(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  try {
    return `\u0000${JSON.stringify(value)}`;
  } catch {
    return UNKEYABLE;
  }
}

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
  // Which criteria may depend on the evaluation date: they read it (`asOf`), a dated parameter, a
  // territory or a custom operator, directly or through a definition.
  const definitionValues = new Map((ruleSet.definitions ?? []).map((entry) => [entry.name, entry.value]));
  const readsDate = (node: ExpressionValue, seen: Set<string>): boolean => {
    if (node === null || typeof node !== 'object') return false;
    if (Array.isArray(node)) return node.some((item) => readsDate(item, seen));
    const operator = operatorOf(node);
    if (!operator || operator === 'field') return false;
    const argument = (node as Record<string, ExpressionValue>)[operator]!;
    if (operator === 'param') {
      const value = typeof argument === 'string' ? parameters.get(argument) : undefined;
      return value !== undefined && isDatedValue(value);
    }
    if (operator === 'ref') {
      if (typeof argument !== 'string' || seen.has(argument)) return false;
      seen.add(argument);
      const definition = definitionValues.get(argument);
      return definition === undefined || readsDate(definition, seen);
    }
    if (operator === 'asOf' || operator === 'call' || operatorEntry(operator)?.family === 'territory')
      return true;
    return readsDate(argument, seen);
  };
  const result: Prepared = {
    declarations,
    order,
    facts,
    globalNumbers: [...globalNumbers],
    dateConstants: [...dateConstants],
    access: criterionAccess(evaluator),
    ids: ruleSet.criteria.map((criterion) => criterion.id),
    dated: ruleSet.criteria.map((criterion) => readsDate(criterion.when, new Set())),
    writable: new Map(),
    domains: new Map(),
    plans: new Map(),
    stored: { count: 0 },
    choices: new Map(),
    fixedNumbers: new Map(),
    fixedDates: [...dateConstants].flatMap((constant) =>
      [-1, 0, 1]
        .map((days) => shiftDate(constant, days))
        .filter((date): date is string => date !== undefined),
    ),
    anchorDates: new Map(),
  };
  prepared.set(evaluator, result);
  return result;
}

const uniqueSorted = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);
/** An answer rounded to 6 decimals (no binary noise such as 0.30000000000000004 in a question). */
const roundAnswer = (value: number): number => Math.round(value * 1e6) / 1e6;

/** The dates tried around an evaluation date: the day, either side, a year and two before, a year after. */
const ANCHOR_SHIFTS = [
  [0, 0],
  [-1, 0],
  [1, 0],
  [0, -12],
  [1, -12],
  [0, -24],
  [0, 12],
] as const;
function anchorDates(context: Prepared, anchor: string): readonly string[] {
  let dates = context.anchorDates.get(anchor);
  if (!dates) {
    dates = ANCHOR_SHIFTS.map(([days, months]) => shiftDate(anchor, days, months)).filter(
      (date): date is string => date !== undefined,
    );
    if (context.anchorDates.size >= CACHE_SIZE) context.anchorDates.clear();
    context.anchorDates.set(anchor, dates);
  }
  return dates;
}

function shiftDate(date: string, days: number, months = 0): string | undefined {
  const shifted = months ? dateOps.addMonths(packIsoDate(date), months) : date;
  return shifted === undefined ? undefined : days ? dateOps.addDays(packIsoDate(shifted), days) : shifted;
}

/**
 * The answers tried for a field, cached when they depend on nothing but the field (and the evaluation
 * date for a date): not when a field it is compared with is known, nor with `samples` (used as given).
 */
function domainOf(
  path: string,
  context: Prepared,
  evaluator: Evaluator,
  anchor: string,
  samples: NextQuestionsOptions['samples'],
  base: Record<string, unknown>,
): Domain | null {
  const facts = context.facts.get(path);
  if (
    (samples && Object.hasOwn(samples, path) && samples[path]?.length) ||
    facts?.peers.some((peer) => valueAtPath(base, peer) !== undefined)
  )
    return computeDomain(path, context, evaluator, anchor, samples, base);
  const kind = context.declarations.get(path)?.type ?? facts?.kind ?? null;
  const key = kind === 'date' ? `${path}\u0000${anchor}` : path;
  let domain = context.domains.get(key);
  if (domain === undefined) {
    domain = computeDomain(path, context, evaluator, anchor, undefined, base);
    if (context.domains.size >= CACHE_SIZE) context.domains.clear();
    context.domains.set(key, domain);
  }
  return domain;
}

/** The answers tried for a field (real values of its declared or inferred type). */
function computeDomain(
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
    const min = declaration?.min;
    const max = declaration?.max;
    const inRange = (value: number) =>
      (kind !== 'integer' || Number.isInteger(value)) &&
      (min === undefined || value >= min) &&
      (max === undefined || value <= max);
    // The points that do not depend on the application: 0, the bounds, the thresholds and beside them.
    let fixed = context.fixedNumbers.get(path);
    if (!fixed) {
      const near = facts?.numbers.length ? facts.numbers : context.globalNumbers;
      const points: number[] = [0];
      for (const value of near) points.push(value - step, value, value + step);
      if (min !== undefined) points.push(min);
      if (max !== undefined) points.push(max);
      fixed = uniqueSorted(points.filter(inRange).map(roundAnswer));
      context.fixedNumbers.set(path, fixed);
    }
    const scaled: number[] = [];
    for (const peer of facts?.peers ?? []) {
      const known = valueAtPath(base, peer);
      if (!(typeof known === 'number' && Number.isFinite(known))) continue;
      scaled.push(known);
      for (const factor of facts?.factors ?? [])
        if (factor !== 0) scaled.push(known * factor, known / factor, known + factor, known - factor);
    }
    if (!scaled.length) return { values: fixed, exact: false };
    const points: number[] = [...fixed];
    for (const value of scaled)
      for (const point of [value - step, value, value + step])
        if (inRange(point)) points.push(roundAnswer(point));
    return { values: uniqueSorted(points), exact: false };
  }
  if (kind === 'date') {
    const dates = new Set<string>(context.fixedDates);
    for (const date of anchorDates(context, anchor)) dates.add(date);
    for (const peer of facts?.peers ?? []) {
      const known = valueAtPath(base, peer);
      if (!isIsoDate(known)) continue;
      for (const days of [-1, 0, 1]) {
        const date = shiftDate(known, days);
        if (date !== undefined) dates.add(date);
      }
    }
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

type Assignment = readonly (number | undefined)[];

/** The outcome of a component under answers, by a whole evaluation of the completed application. */
function evaluationJudge(
  evaluator: Evaluator,
  base: Record<string, unknown>,
  options: EvaluateOptions | undefined,
  criteria: readonly number[],
  fields: readonly string[],
  domains: readonly (Domain | null)[],
): (assignment: Assignment) => Outcome {
  return (assignment) => {
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
}

/**
 * The same outcome from the component's criteria alone, on slot values (the evaluator's hook): what
 * `evaluationJudge` computes, without building explanations. `slots[position]` is where an answer to
 * `fields[position]` is written (-1: nowhere, the evaluation date field no criterion reads); an answer
 * to the evaluation date field also sets the evaluation date, as `evaluate` does, and one outside the
 * rule set's validity is no outcome (0).
 */
function slotJudge(
  access: CriterionAccess,
  evaluator: Evaluator,
  values: readonly unknown[],
  asOf: string | null,
  dateFromField: boolean,
  criteria: readonly number[],
  fields: readonly string[],
  slots: readonly number[],
  domains: readonly (Domain | null)[],
): (assignment: Assignment) => Outcome {
  const work = values.slice();
  const { asOfField, validFrom, validTo } = evaluator.ruleSet;
  const dateAt = dateFromField ? fields.indexOf(asOfField ?? '') : -1;
  return (assignment) => {
    let date = asOf;
    for (let position = 0; position < fields.length; position++) {
      const choice = assignment[position];
      const slot = slots[position]!;
      if (choice === undefined) {
        if (slot >= 0) work[slot] = values[slot];
        continue;
      }
      const value = domains[position]!.values[choice] ?? undefined;
      if (slot >= 0) work[slot] = value;
      if (position === dateAt) {
        date = isIsoDate(value) ? value : null;
        if (date !== null && (date < validFrom || (validTo && date > validTo))) return 0;
      }
    }
    let unknown = false;
    try {
      for (let index = 0; index < criteria.length; index++) {
        const status = access.status(criteria[index]!, work, date);
        if (status === false) return 2;
        if (status === undefined) unknown = true;
      }
    } catch {
      return 0;
    }
    return unknown ? 0 : 1;
  };
}

/** How one group of undecided criteria (with its absent fields) is analysed, and its cached analyses. */
interface Plan {
  /** The absent fields, in order. */
  readonly fields: readonly string[];
  /** Where each absent field's answer is written (see `writableSlot`), or `null`: whole evaluations. */
  readonly slots: readonly number[] | null;
  /** The slots whose values the analysis depends on (read by the criteria, or compared with a field). */
  readonly read: readonly number[];
  /** Whether the analysis depends on the evaluation date. */
  readonly dated: boolean;
  /** The analyses made, by the values they depend on (see {@link nextQuestions}). */
  readonly analyses: Trie;
}

/** A node of the analyses cache: one level per value an analysis depends on. */
type Trie = Map<unknown, unknown>;
/** Where a trie node keeps its analysis (a key no JSON value is). */
const ANALYSIS = Symbol('analysis');

/** The plan of a group of criteria and absent fields (made once per evaluator and group). */
function planOf(
  context: Prepared,
  evaluator: Evaluator,
  criteria: readonly number[],
  fields: readonly string[],
): Plan {
  // By criterion for one (no string to build), else by the list; then by the fields (a few per key).
  const signature = criteria.length === 1 ? criteria[0]! : criteria.join(',');
  let known = context.plans.get(signature);
  if (!known) {
    known = [];
    context.plans.set(signature, known);
  }
  for (const candidate of known)
    if (
      candidate.fields.length === fields.length &&
      candidate.fields.every((path, at) => path === fields[at])
    )
      return candidate;
  const access = context.access;
  const asOfField = evaluator.ruleSet.asOfField;
  const slots = access ? fields.map((path) => writableSlot(context, asOfField, path)) : [];
  const bySlots = access !== undefined && slots.every((slot) => slot !== null);
  const read = new Set<number>();
  if (access) {
    for (const position of criteria) for (const slot of access.criterionSlots[position]!) read.add(slot);
    for (const path of fields)
      for (const peer of context.facts.get(path)?.peers ?? []) {
        const slot = access.slots.get(peer);
        if (slot !== undefined) read.add(slot);
      }
  }
  const plan: Plan = {
    fields: [...fields],
    slots: bySlots ? (slots as number[]) : null,
    read: [...read],
    dated:
      !bySlots ||
      criteria.some((position) => context.dated[position]) ||
      fields.some(
        (path) =>
          path === asOfField ||
          context.facts.get(path)?.kind === 'date' ||
          context.declarations.get(path)?.type === 'date',
      ),
    analyses: new Map(),
  };
  known.push(plan);
  return plan;
}

/** Where an answer to `path` is written among the slots (see `Prepared.writable`), or `null`. */
function writableSlot(context: Prepared, asOfField: string | undefined, path: string): number | null {
  let slot = context.writable.get(path);
  if (slot !== undefined) return slot;
  const slots = context.access!.slots;
  let overlapping = false;
  for (const other of slots.keys())
    if (other !== path && (other.startsWith(`${path}.`) || path.startsWith(`${other}.`))) overlapping = true;
  const own = slots.get(path);
  slot = overlapping ? null : own !== undefined ? own : path === asOfField ? -1 : null;
  context.writable.set(path, slot);
  return slot;
}

/**
 * Searches answers to the absent fields of one component for witnesses (see {@link nextQuestions}):
 * 1. a depth-first search for answers under which every criterion of the component passes, pruned as
 *    soon as a partial assignment fails (a Kleene `fail` fails for every completion);
 * 2. from that pass witness, each field's other answers: one that fails proves the field relevant;
 * 3. the fields still unresolved: a (bounded) enumeration of every combination of answers;
 */
function analyse(
  judge: (assignment: readonly (number | undefined)[]) => Outcome,
  fields: readonly string[],
  domains: readonly (Domain | null)[],
): Analysis {
  let budget = SEARCH_BUDGET;
  const outcome = (assignment: readonly (number | undefined)[]): Outcome => {
    budget--;
    return judge(assignment);
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
    // Farthest answers first: with a threshold, the other end of the sorted answers is the likely flip.
    for (const position of searched) {
      const count = domains[position]!.values.length;
      const from = passWitness[position]!;
      const flipped = [...passWitness];
      for (let step = 0; step < count && !relevant[position]; step++) {
        // count-1, 0, count-2, 1, …: alternately from each end, skipping the witness's own answer.
        const choice = step % 2 === 0 ? count - 1 - (step >> 1) : step >> 1;
        if (choice === from) continue;
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
        renderBoth(
          {
            fr: 'nextQuestions : failureRates nomme « {id} », qui n’est pas un critère de {ruleSet}',
            en: 'nextQuestions: failureRates names "{id}", not a criterion of {ruleSet}',
          },
          { id, ruleSet: `${evaluator.id}@${evaluator.version}` },
        ),
      );
    if (!(typeof rate === 'number' && rate >= 0 && rate <= 1))
      throw new CprdfopError(
        'E_INVALID_OPTION',
        renderBoth(
          {
            fr: 'nextQuestions : failureRates.{id} vaut {rate}, pas une part entre 0 et 1',
            en: 'nextQuestions: failureRates.{id} is {rate}, not a share in [0, 1]',
          },
          { id, rate: showValue(rate) },
        ),
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
 * dates around the evaluation date and the date constants; at most 512 evaluations per group), judging
 * only the group's criteria on the field values, and each analysis is cached by the values it depends
 * on, so that applications differing elsewhere share it. Ranking, as sequential testing of an AND of
 * criteria: a field gets the best chance of a failure per question among the question sets that
 * settle a criterion it feeds (its absent fields, counting every criterion they settle), with the
 * criteria's `failureRates` (e.g. learnt with {@link criterionFailureRates}) or, without them, equal
 * rates. Ties keep the declaration order. It is a heuristic, not an optimal decision tree: on the issue
 * #4 workload it asks 0.96× the questions of the declaration order with learnt rates, where the best
 * achievable is 0.95× (see `bench/questions.bench.ts`, which computes it).
 *
 * @param evaluator - A compiled rule set (see `compile`).
 * @param application - The partial application (any JSON value; an object is expected).
 * @param options - `limit`, `lang` of `text`, `group: 'object'`, and the evaluation date `asOf`.
 * @returns The questions, best first (an empty array when nothing can change the verdict).
 * @throws {@link RuleSetNotInForceError} when the evaluation date is outside the rule set's validity.
 * @throws `CprdfopError` `E_INVALID_OPTION` when `limit` is not a positive integer, or `failureRates`
 * names an unknown criterion or holds a value outside [0, 1]; `E_INVALID_LANGUAGE` for a `lang` other than
 * `fr` or `en`.
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
  const { limit, group = 'none' } = options;
  const lang = languageOption(options.lang, 'nextQuestions', 'fr');
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw new CprdfopError(
      'E_INVALID_OPTION',
      renderBoth(
        {
          fr: 'nextQuestions : limit {limit} n’est pas un entier positif',
          en: 'nextQuestions: limit {limit} is not a positive integer',
        },
        { limit: showValue(limit) },
      ),
    );
  // `null` is no option, as it always was; a primitive cannot even key the caches (WeakMap).
  for (const [name, value, what] of [
    [
      'failureRates',
      options.failureRates,
      { fr: 'identifiant de critère → part', en: 'criterion id → share' },
    ],
    [
      'samples',
      options.samples,
      { fr: 'chemin de champ → liste de valeurs', en: 'field path → list of values' },
    ],
  ] as const)
    if (value !== undefined && value !== null && typeof value !== 'object')
      throw new CprdfopError(
        'E_INVALID_OPTION',
        renderBoth(
          {
            fr: 'nextQuestions : {name} est un objet ({what}), pas {value}',
            en: 'nextQuestions: {name} is an object ({what}), not {value}',
          },
          { name, what, value: showValue(value) },
        ),
      );
  if (options.failureRates) checkRates(evaluator, options.failureRates);
  const evaluateOptions: EvaluateOptions | undefined = options.asOf ? { asOf: options.asOf } : undefined;
  const context = prepare(evaluator);
  const access = context.access;
  const base: Record<string, unknown> =
    application !== null && typeof application === 'object' && !Array.isArray(application)
      ? (application as Record<string, unknown>)
      : {};
  const criteriaCount = evaluator.ruleSet.criteria.length;
  /** Per criterion: `null` when decided, else the fields that could decide it (its `missing`). */
  const open: (readonly string[] | null)[] = new Array(criteriaCount).fill(null);
  let values: unknown[] | undefined;
  let asOf: string | null;
  /** The fields whose answer could change the verdict, per `evaluate` (only from a whole evaluation). */
  let missingAll: readonly string[] = [];
  let explanation: Explanation | undefined;
  const { validFrom, validTo } = evaluator.ruleSet;
  const date = access && base === application ? access.dateOf(application, options.asOf || undefined) : null;
  if (
    access &&
    base === application &&
    (date === null || (date >= validFrom && (!validTo || date <= validTo)))
  ) {
    // The statuses without an explanation: what `evaluate` decides when the evaluation date is in force
    // or absent (then, with an `asOfField`, undetermined unless a criterion fails, that field missing).
    asOf = date;
    values = access!.read(application);
    let undecided = false;
    for (let position = 0; position < criteriaCount; position++) {
      const result = access!.result(position, values, date);
      if (result === false) return [];
      if (result !== true) {
        open[position] = result;
        undecided = true;
      }
    }
    const dateField = evaluator.ruleSet.asOfField;
    if (!undecided && !(date === null && dateField)) return [];
    const union: string[] = [];
    for (const missing of open)
      if (missing) for (const path of missing) if (!union.includes(path)) union.push(path);
    if (date === null && dateField && !union.includes(dateField)) union.push(dateField);
    missingAll = union;
  } else {
    explanation = evaluator.evaluate(application, evaluateOptions);
    if (explanation.verdict !== 'undetermined') return [];
    asOf = explanation.asOf;
    missingAll = explanation.missing;
    explanation.criteria.forEach((criterion, position) => {
      if (criterion.status === 'unknown') open[position] = criterion.missing;
    });
  }
  // Components: undecided criteria linked by the absent fields they share.
  const undecided: number[] = [];
  open.forEach((missing, position) => {
    if (missing) undecided.push(position);
  });
  const componentOfField = new Map<string, number>();
  const parent = undecided.map((_, position) => position);
  const root = (position: number): number => {
    while (parent[position] !== position) position = parent[position] = parent[parent[position]!]!;
    return position;
  };
  undecided.forEach((criterionPosition, position) => {
    for (const path of open[criterionPosition]!) {
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
    for (const path of open[criterionPosition]!)
      if (!component.fields.includes(path)) component.fields.push(path);
  });
  const anchor = asOf ?? validFrom;
  const analyses: { criteria: number[]; fields: string[]; analysis: Analysis }[] = [];
  const samplesPart = options.samples ? samplesKey(options.samples) : '';
  for (const component of components.values()) {
    const plan = planOf(context, evaluator, component.criteria, component.fields);
    // What the analysis depends on: the values of the fields its criteria read and of the fields
    // compared with its absent ones (the answers tried), and the evaluation date when a criterion or an
    // answer tried depends on it. Other applications with the same values share the analysis.
    // The cache is a trie of maps keyed by those values themselves (no key string to build). A value
    // that cannot be keyed leaves the analysis out of the cache (the keys come first: no empty branch).
    const keys: unknown[] = [samplesPart];
    if (plan.dated) keys.push(asOf);
    if (access) {
      values ??= access.read(base);
      for (const slot of plan.read) keys.push(cacheKey(values[slot]));
    } else
      keys.push(cacheKey(component.criteria.map((position) => explanation!.criteria[position]!.observed)));
    let node: Trie | undefined;
    if (!keys.includes(UNKEYABLE)) {
      node = plan.analyses;
      for (const keyed of keys) {
        let next = node.get(keyed) as Trie | undefined;
        if (!next) {
          next = new Map();
          node.set(keyed, next);
        }
        node = next;
      }
    }
    let analysis = node?.get(ANALYSIS) as Analysis | undefined;
    if (!analysis) {
      const domains = component.fields.map((path) =>
        domainOf(path, context, evaluator, anchor, options.samples, base),
      );
      const judge = plan.slots
        ? slotJudge(
            access!,
            evaluator,
            values!,
            asOf,
            !options.asOf,
            component.criteria,
            component.fields,
            plan.slots,
            domains,
          )
        : evaluationJudge(evaluator, base, evaluateOptions, component.criteria, component.fields, domains);
      analysis = analyse(judge, component.fields, domains);
      if (node) {
        if (++context.stored.count > CACHE_SIZE) {
          context.plans.clear(); // every cached analysis goes (plans are cheap to make again)
          context.stored.count = 1;
        }
        node.set(ANALYSIS, analysis);
      }
    }
    analyses.push({ criteria: component.criteria, fields: component.fields, analysis });
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
  const ids = context.ids;
  const rates = options.failureRates;
  const rateOf = (id: string): number =>
    rates ? (Object.hasOwn(rates, id) ? rates[id]! : 1) : DEFAULT_FAILURE_RATE;
  analyses.forEach(({ criteria, fields, analysis }, position) => {
    const others = othersCanPass(position);
    for (const path of fields) {
      const relevant = analysis.fields.get(path)!;
      if (analysis.exhaustive && !relevant) continue; // proven useless
      const fed = criteria.filter((criterionPosition) => open[criterionPosition]!.includes(path));
      // Sequential testing (an AND of criteria: the questionnaire ends at the first failure): the best
      // chance of a failure per question of the questions that settle a criterion fed by this field —
      // its absent fields, which may settle other criteria of the group too (`budget` settles both
      // budget bounds) — so that likely failures settled by few questions come first.
      let score = 0;
      for (const criterionPosition of fed) {
        const bundle = open[criterionPosition]!;
        let passing = 1;
        for (const other of criteria)
          if (open[other]!.every((needed) => bundle.includes(needed))) passing *= 1 - rateOf(ids[other]!);
        score = Math.max(score, (1 - passing) / bundle.length);
      }
      candidates.push({
        path,
        proven: relevant && others,
        score,
        criteria: fed.map((criterionPosition) => ids[criterionPosition]!),
      });
    }
  });
  // The evaluation date field, when it is the only thing missing (no criterion reads it).
  const asOfField = evaluator.ruleSet.asOfField;
  if (asOfField && missingAll.includes(asOfField) && !candidates.some((c) => c.path === asOfField))
    candidates.push({ path: asOfField, proven: undecided.length === 0, score: 0, criteria: [] });
  const rank = (path: string) => context.order.get(path) ?? context.order.size + missingAll.indexOf(path);
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
      values: choicesOf(context, candidate.path, declaration, lang),
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

/** The allowed values of a field with their labels in `lang`: frozen, made once per field and language. */
function choicesOf(
  context: Prepared,
  path: string,
  declaration: FieldDeclaration | undefined,
  lang: 'fr' | 'en',
): readonly QuestionChoice[] | null {
  if (!declaration?.values) return null;
  const key = `${lang}\u0000${path}`;
  let choices = context.choices.get(key);
  if (!choices) {
    choices = Object.freeze(
      declaration.values.map((choice) =>
        Object.freeze({ value: choice.value, label: choice.label, text: choice.label[lang] }),
      ),
    );
    context.choices.set(key, choices);
  }
  return choices;
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
