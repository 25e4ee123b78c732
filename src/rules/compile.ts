import { lowerFirst } from '../_shared/messages.js';
import { compileExpression } from './_compileExpression.js';
import { entryInForce } from './_datedParameters.js';
import { isIsoDate } from './_dates.js';
import { definitionOrder } from './_definitions.js';
import { dependencyTree, dependsOn, isStatic } from './_dependsOn.js';
import { isNumeric, roundTo, toNumber } from './_exact.js';
import { frozenCopy, type Part, registerPart, shareFrozen } from './_frozen.js';
import { type CompiledTemplate, compileTemplate, fieldKinds, type Language } from './_messages.js';
import { readTop } from './_readTop.js';
import { assumptionTexts, noAsOfWarning, notInForceWarning } from './_warnings.js';
import type { OperatorDefinition } from './defineOperator.js';
import {
  type AssumptionUsed,
  type CriterionExplanation,
  type CriterionStatus,
  EXPLANATION_FORMAT,
  type Explanation,
  type RuleWarning,
  type Verdict,
} from './Explanation.js';
import { RuleSetError, RuleSetNotInForceError } from './errors.js';
import { hashRuleSet } from './hashRuleSet.js';
import {
  type Compiled,
  type CompiledDefinition,
  type CompileState,
  type EvaluationContext,
  isSafeName,
  isUnknown,
  pathSegments,
  readPath,
} from './operators/_kernel.js';
import type { ValueType } from './operators/registry.js';
import { operatorEntry } from './operators/registry.js';
import { isDatedValue, type Parameter, type ParameterValue, type RuleSet, type RuleText } from './RuleSet.js';
import type { TerritoryProvider } from './TerritoryProvider.js';
import { declaredFieldTypes, type TypeEnvironment, typeOf } from './typeCheck.js';

export { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_NODES } from './_compileExpression.js';

/** Options of {@link compile}. @category Evaluation */
export interface CompileOptions {
  /** Backs the territory predicates; required when the rule set uses one. */
  territory?: TerritoryProvider;
  /**
   * Custom operators, by name (see `defineOperator`), called with `{"call": ["name", …]}`: their own
   * namespace, so a name may even be a built-in's (then only `call` reaches it).
   */
  // biome-ignore lint/suspicious/noExplicitAny: operator definitions of any arity
  operators?: Record<string, OperatorDefinition<any, any>>;
}

/** Options of `Evaluator.evaluate`. @category Evaluation */
export interface EvaluateOptions {
  /** The evaluation date `YYYY-MM-DD`; defaults to the application's `asOfField` (its submission date). */
  asOf?: string | undefined;
}

/**
 * A compiled rule set: evaluates applications with closures built once.
 * @category Evaluation
 */
export interface Evaluator {
  readonly id: string;
  readonly version: string;
  /** `sha256-<hex>` of the canonical JSON of the rule set (examples and `$schema` excluded). */
  readonly hash: string;
  /** The (flat) rule set compiled. */
  readonly ruleSet: RuleSet;
  /**
   * Evaluates an application (any JSON value; never throws on data).
   * @param application - The application.
   * @param options - The evaluation date.
   * @returns The verdict and its explanation.
   */
  evaluate(application: unknown, options?: EvaluateOptions): Explanation;
}

/** Operators a criterion may start with besides the boolean ones (their value is checked when evaluated). */
const VALUE_ROOTS = new Set(['field', 'param', 'if']);

/** The message catalogue: a message per status, with `{label}` and `{missing}` placeholders. */
const CATALOGUE: Record<CriterionStatus, RuleText> = {
  pass: { fr: 'Critère rempli : {label}.', en: 'Criterion met: {label}.' },
  fail: { fr: 'Critère non rempli : {label}.', en: 'Criterion not met: {label}.' },
  unknown: {
    fr: 'Impossible de conclure : {label} — à renseigner : {missing}.',
    en: 'Cannot tell yet: {label} — please provide: {missing}.',
  },
};
const fill = (template: string, label: string, missing: string) =>
  template.replace('{label}', lowerFirst(label)).replace('{missing}', missing || '—');

const freeze = Object.freeze;
const EMPTY_ASSUMPTIONS: readonly AssumptionUsed[] = shareFrozen([]);
/** Unions of two frozen assumption lists, cached by identity (the same pair gives the same list). */
const MERGES = new WeakMap<
  readonly AssumptionUsed[],
  Map<readonly AssumptionUsed[], readonly AssumptionUsed[]>
>();
function merged(
  first: readonly AssumptionUsed[],
  second: readonly AssumptionUsed[],
): readonly AssumptionUsed[] {
  if (second.length === 0 || first === second) return first;
  if (first.length === 0) return second;
  let bySecond = MERGES.get(first);
  if (!bySecond) {
    bySecond = new Map();
    MERGES.set(first, bySecond);
  }
  let union = bySecond.get(second);
  if (!union) {
    union = shareFrozen(dedupe([...first, ...second]));
    if (bySecond.size > 256) bySecond.clear();
    bySecond.set(second, union);
  }
  return union;
}
const STATUSES: readonly CriterionStatus[] = ['pass', 'fail', 'unknown'];
const EMPTY: readonly string[] = shareFrozen([]);

/**
 * Compiles a flat rule set (no `extends`; see `resolveRuleSet`) into an {@link Evaluator}: every
 * expression becomes a closure once; evaluation does no interpretation of rule text and never runs code
 * from it. Operators, arity, parameter references and field paths are checked here.
 *
 * Verdict semantics: a criterion is `pass`, `fail` or `unknown` (Kleene logic, unknown is never
 * coerced to false); the verdict is `ineligible` as soon as one criterion fails, `eligible` when all
 * pass, `undetermined` otherwise, with `missing` listing the fields whose answer could still change it.
 *
 * @param ruleSet - A validated, flat rule set (see `parseRuleSet`).
 * @param options - The territory provider and custom operators.
 * @returns The evaluator.
 * @throws {@link RuleSetError} for an unknown operator, a wrong arity, an unknown parameter, an unsafe
 * field path, an expression too deep or too large, or a rule set that still `extends` another.
 * @example
 * ```ts
 * import { compile, parseRuleSet } from 'cprdfop/rules';
 * const rs = parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'demo', version: '1', title: { fr: 'Démo', en: 'Demo' },
 *   validFrom: '2023-01-01',
 *   parameters: [{ name: 'min', value: 2, provenance: { mark: 'assumption', justification: 'demo' } }],
 *   criteria: [{ id: 'enough', label: { fr: 'Assez', en: 'Enough' },
 *     when: { '>=': [{ field: 'n' }, { param: 'min' }] } }],
 * });
 * const ev = compile(rs);
 * ev.evaluate({ n: 3 }, { asOf: '2023-05-01' }).verdict; // "eligible"
 * ev.evaluate({}, { asOf: '2023-05-01' }).missing; // ["n"]
 * ```
 * @category Evaluation
 */
export function compile(ruleSet: RuleSet, options: CompileOptions = {}): Evaluator {
  if (ruleSet.extends) {
    throw new RuleSetError('extends', `extends "${ruleSet.extends}": resolve it first with resolveRuleSet`);
  }
  for (const name of Object.keys(options.operators ?? {})) {
    if (!isSafeName(name)) throw new RuleSetError('', `custom operator "${name}" is reserved or invalid`);
  }
  const paramMap = new Map<string, Parameter>();
  ruleSet.parameters.forEach((parameter, index) => {
    if (paramMap.has(parameter.name))
      throw new RuleSetError(`parameters[${index}]`, `duplicate parameter "${parameter.name}"`);
    paramMap.set(parameter.name, parameter);
  });
  // Static types first: wrong operand kinds, arity and unknown fields are errors before any closure.
  const types: TypeEnvironment = {
    parameters: paramMap,
    fields: declaredFieldTypes(ruleSet.fields),
    custom: new Map(
      Object.entries(options.operators ?? {}).map(([name, definition]) => [
        name,
        { operands: definition.args, result: definition.returns },
      ]),
    ),
    definitions: new Map(),
  };
  const definitionList = ruleSet.definitions ?? [];
  const order = definitionOrder(definitionList);
  for (const index of order) {
    const definition = definitionList[index]!;
    (types.definitions as Map<string, ValueType>).set(
      definition.name,
      typeOf(definition.value, types, `definitions[${index}].value`),
    );
  }
  ruleSet.criteria.forEach((criterion, index) => {
    typeOf(criterion.when, types, `criteria[${index}].when`);
  });
  if (ruleSet.funding?.enabled) {
    const amount = typeOf(ruleSet.funding.amount, types, 'funding.amount');
    if (amount !== 'number' && amount !== 'any')
      throw new RuleSetError('funding.amount', `the amount must be a number, not a ${amount}`);
  }
  const nodes = { count: 0 };
  const kinds = fieldKinds(ruleSet.fields);
  const slots = new Map<string, number>();
  const asOfField = ruleSet.asOfField;
  const asOfPath = asOfField ? pathSegments(asOfField, 'asOfField') : undefined;
  // One frozen record per assumption, shared by every explanation that lists it.
  const assumptionUsed = new Map<string, AssumptionUsed>();
  const assumption = (names: readonly string[]): AssumptionUsed[] =>
    names.flatMap((name) => {
      const parameter = paramMap.get(name)!;
      if (parameter.provenance.mark !== 'assumption') return [];
      let used = assumptionUsed.get(name);
      if (!used) {
        used = shareFrozen({
          name,
          value: frozenCopy(parameter.value),
          ...assumptionTexts(parameter.provenance.justification),
        });
        assumptionUsed.set(name, used);
      }
      return [used];
    });
  /**
   * Dated parameters: explanations show the value in force on the evaluation date, with `from` in
   * the assumptions (frozen, cached per date); without a date, the schedule itself.
   */
  const datedNames = new Set(
    ruleSet.parameters
      .filter((parameter) => isDatedValue(parameter.value))
      .map((parameter) => parameter.name),
  );
  const datedAssumption = new Map<string, Map<string, AssumptionUsed>>();
  const assumptionAt = (used: AssumptionUsed, asOf: string): AssumptionUsed => {
    if (!datedNames.has(used.name) || !isDatedValue(used.value)) return used;
    let byDate = datedAssumption.get(used.name);
    if (!byDate) {
      byDate = new Map();
      datedAssumption.set(used.name, byDate);
    }
    let found = byDate.get(asOf);
    if (!found) {
      const entry = entryInForce(used.value, asOf);
      found = entry
        ? shareFrozen({
            name: used.name,
            value: frozenCopy(entry.value),
            from: entry.from,
            justification: used.justification,
            justifications: used.justifications,
          })
        : used;
      if (byDate.size > 64) byDate.clear();
      byDate.set(asOf, found);
    }
    return found;
  };
  const listsAt = new WeakMap<readonly AssumptionUsed[], Map<string, readonly AssumptionUsed[]>>();
  const assumptionsAt = (list: readonly AssumptionUsed[], asOf: string | null): readonly AssumptionUsed[] => {
    if (asOf === null || !datedNames.size || !list.some((used) => datedNames.has(used.name))) return list;
    let byDate = listsAt.get(list);
    if (!byDate) {
      byDate = new Map();
      listsAt.set(list, byDate);
    }
    let found = byDate.get(asOf);
    if (!found) {
      found = shareFrozen(list.map((used) => assumptionAt(used, asOf)));
      if (byDate.size > 64) byDate.clear();
      byDate.set(asOf, found);
    }
    return found;
  };
  const isAssumption = (name: string) => paramMap.get(name)?.provenance.mark === 'assumption';
  const stateOf = (): CompileState => ({
    slots,
    fields: [],
    params: [],
    nodes,
    parameters: paramMap,
    territory: options.territory,
    custom: options.operators,
    asOfField,
    itemDepth: 0,
    definitions,
  });
  // Definitions first, each after those it refers to: compiled once, computed once per evaluation.
  const definitions = new Map<string, CompiledDefinition>();
  for (const index of order) {
    const definition = definitionList[index]!;
    const st = stateOf();
    const compiled = compileExpression(definition.value, st, 0, `definitions[${index}].value`);
    definitions.set(definition.name, {
      index: definitions.size,
      compiled,
      fields: st.fields,
      params: st.params,
    });
  }
  const ids = new Set<string>();
  const crits = ruleSet.criteria.map((cr, index) => {
    if (ids.has(cr.id)) throw new RuleSetError(`criteria[${index}]`, `duplicate criterion "${cr.id}"`);
    ids.add(cr.id);
    const st = stateOf();
    const at = `criteria[${index}].when`;
    const when = cr.when;
    const fn = compileExpression(when, st, 0, at);
    if (when !== null && typeof when === 'object' && !Array.isArray(when)) {
      const name = Object.keys(when)[0];
      if (name && !isBooleanRoot(name, when[name]!, options)) {
        throw new RuleSetError(at, `a criterion must be a boolean expression, not "${name}"`);
      }
    } else if (typeof when !== 'boolean') {
      throw new RuleSetError(at, 'a criterion must be a boolean expression');
    }
    const parameters: Record<string, ParameterValue> = {};
    for (const name of st.params) parameters[name] = frozenCopy(paramMap.get(name)!.value);
    shareFrozen(parameters);
    /** The parameters with the dated ones' values in force on a date (cached per date). */
    const dated = st.params.some((name) => datedNames.has(name));
    const parametersByDate = new Map<string, Readonly<Record<string, ParameterValue>>>();
    const parametersAt = (asOf: string | null): Readonly<Record<string, ParameterValue>> => {
      if (!dated || asOf === null) return parameters;
      let found = parametersByDate.get(asOf);
      if (!found) {
        const record: Record<string, ParameterValue> = {};
        for (const name of st.params) {
          const value = parameters[name]!;
          const entry = isDatedValue(value) ? entryInForce(value, asOf) : undefined;
          record[name] = entry ? entry.value : value;
        }
        found = shareFrozen(record);
        if (parametersByDate.size > 64) parametersByDate.clear();
        parametersByDate.set(asOf, found);
      }
      return found;
    };
    const label = frozenCopy(cr.label);
    const source = cr.source ? frozenCopy(cr.source) : null;
    const fieldSlots = st.fields.map((field) => slots.get(field)!);
    // Message templates: `{param:…}` filled now, `{field:…}` when evaluating (then the message is
    // built per evaluation instead of shared).
    const templates = {} as Record<CriterionStatus, { fr: CompiledTemplate; en: CompiledTemplate }>;
    for (const status of STATUSES) {
      const given = cr.messages?.[status];
      const compileOne = (language: Language) =>
        given
          ? compileTemplate(
              given[language],
              language,
              paramMap,
              kinds,
              st.fields,
              `criteria[${index}].messages.${status}.${language}`,
            )
          : CATALOGUE[status][language];
      templates[status] = { fr: compileOne('fr'), en: compileOne('en') };
    }
    const render = (template: CompiledTemplate, read: (path: string) => unknown) =>
      typeof template === 'string' ? template : template(read);
    const notRead = () => undefined;
    const msg = (status: CriterionStatus, missing = ''): RuleText => {
      const template = templates[status];
      return shareFrozen({
        fr: fill(render(template.fr, notRead), cr.label.fr, missing),
        en: fill(render(template.en, notRead), cr.label.en, missing),
      });
    };
    const quotesFields = STATUSES.some(
      (status) => typeof templates[status].fr !== 'string' || typeof templates[status].en !== 'string',
    );
    /** The message of an evaluation whose message quotes observed values. */
    const messageOf = quotesFields
      ? (status: CriterionStatus, values: readonly unknown[], missing: readonly string[]): RuleText => {
          const template = templates[status];
          const read = (path: string) => values[slots.get(path)!];
          const missingText = missing.join(', ');
          return {
            fr: fill(render(template.fr, read), cr.label.fr, missingText),
            en: fill(render(template.en, read), cr.label.en, missingText),
          };
        }
      : undefined;
    // Everything static is computed once, frozen and shared by every explanation: one part per status
    // (per `missing` list for `unknown`), built on first use; each evaluation builds a plain criterion
    // object with its `observed` values around those parts.
    const part = (status: CriterionStatus, message: RuleText, missing = EMPTY): Part =>
      registerPart({
        id: cr.id,
        status,
        label,
        message,
        parameters,
        source,
        missing,
        assumptions: criterionAssumptions,
        keys: st.fields,
        slots: fieldSlots,
      });
    // Which assumptions a decision depended on: sub-expressions evaluated only for that (_dependsOn.ts).
    const criterionAssumptions = shareFrozen(assumption(st.params));
    const tree = dependencyTree<EvaluationContext>(
      when,
      (node) => compileExpression(node, { ...stateOf(), nodes: { count: 0 } }, 0, at),
      isAssumption,
      (name) => definitions.get(name)?.params ?? [],
    );
    /** Frozen lists of the assumptions an evaluation depended on, by names (a few per criterion). */
    const lists = new Map<string, readonly AssumptionUsed[]>();
    const byIdentity = new Map<readonly string[], readonly AssumptionUsed[]>();
    const listOf = (names: readonly string[]): readonly AssumptionUsed[] => {
      const known = byIdentity.get(names);
      if (known) return known;
      const key = names.join('\u0000');
      let list = lists.get(key);
      if (!list) {
        if (lists.size > 256) lists.clear();
        list = shareFrozen(assumption(names));
        lists.set(key, list);
      }
      // `dependsOn` hands back the tree's own lists when nothing was left out: found by identity.
      if (byIdentity.size < 64) byIdentity.set(names, list);
      return list;
    };
    return {
      fn,
      tree: isStatic(tree) ? undefined : tree,
      assumptions: criterionAssumptions,
      listOf,
      parametersAt: dated ? parametersAt : undefined,
      pass: undefined as Part | undefined,
      fail: undefined as Part | undefined,
      unknown: new Map<readonly string[], Part>(),
      part,
      msg,
      own: cr.messages?.unknown ? msg('unknown') : undefined,
      messageOf,
    };
  });
  let funding: { fn: Compiled; unit: string; assumptions: AssumptionUsed[] } | undefined;
  if (ruleSet.funding?.enabled) {
    const st = stateOf();
    funding = {
      fn: compileExpression(ruleSet.funding.amount, st, 0, 'funding.amount'),
      unit: ruleSet.funding.unit,
      assumptions: assumption(st.params),
    };
  }
  const criterionCount = crits.length;
  const allAssumptions = shareFrozen(dedupe(crits.flatMap((compiled) => compiled.assumptions)));
  /**
   * Assumptions of the failed criteria, by bit set of failed criteria (the first 30): a dense array up
   * to 12 criteria (an index, not a hash lookup), a sparse one beyond; at most 4,096 sets kept.
   */
  const failedAssumptions: (readonly AssumptionUsed[] | undefined)[] = new Array(
    criterionCount > 12 ? 0 : 1 << criterionCount,
  );
  let failedSets = 0;
  /** Whether some criterion's assumptions depend on the evaluation (else they are static lists). */
  const dynamic = crits.some((k) => k.tree !== undefined);
  /**
   * The assumptions the verdict depended on: an ineligible verdict, those of one failed criterion with
   * the fewest; otherwise those of every criterion — each as its evaluation actually used them.
   */
  const assumptionsUsed = (
    criteria: readonly CriterionExplanation[],
    ineligible: boolean,
  ): readonly AssumptionUsed[] => {
    if (ineligible) {
      // The criteria's lists are frozen, shared and without repeats: one of them is the answer.
      let best: readonly AssumptionUsed[] | undefined;
      for (let index = 0; index < criteria.length; index++) {
        const criterion = criteria[index]!;
        if (criterion.status === 'fail' && (!best || criterion.assumptions.length < best.length))
          best = criterion.assumptions;
      }
      return best ?? EMPTY_ASSUMPTIONS;
    }
    let union: readonly AssumptionUsed[] = EMPTY_ASSUMPTIONS;
    for (let index = 0; index < criteria.length; index++) union = merged(union, criteria[index]!.assumptions);
    return union;
  };
  // The hash is computed on first use (cold start: compiling does not wait for SHA-256).
  let stamp: Explanation['ruleSet'] | undefined;
  const stampOf = (): Explanation['ruleSet'] =>
    (stamp ??= shareFrozen({ id: ruleSet.id, version: ruleSet.version, hash: hashRuleSet(ruleSet) }));
  const { validFrom, validTo } = ruleSet;

  // Slots read the application's top-level properties (`tops`), then the rest of their path.
  const tops = new Map<string, number>();
  const paths = [...slots.keys()].map((field) => {
    const [top, ...rest] = field.split('.') as [string, ...string[]];
    if (!tops.has(top)) tops.set(top, tops.size);
    return { top: tops.get(top)!, rest };
  });
  const topKeys = [...tops.keys()];
  /** The evaluation date's slot among the top-level values, when it is one (read once). */
  const asOfTop = asOfPath?.length === 1 ? tops.get(asOfPath[0]!) : undefined;
  const seen: (string | number | undefined)[] = [];
  const slotCount = paths.length;
  /** Every slot is a top-level property, in the same order: the top-level values are the slots. */
  const flat = paths.every((path, index) => path.top === index && !path.rest.length);
  /** The `unknown` part of a criterion, by `missing` list (merged unknowns have stable identities). */
  const unknownPart = (compiled: (typeof crits)[number], missing: readonly string[]): Part => {
    let found = compiled.unknown.get(missing);
    if (!found) {
      if (compiled.unknown.size > 256) compiled.unknown.clear();
      found = compiled.part('unknown', compiled.own ?? compiled.msg('unknown', missing.join(', ')), missing);
      compiled.unknown.set(missing, found);
    }
    return found;
  };
  /** The evaluation date is checked when it changes (applications often share it). */
  const NO_AS_OF: RuleWarning = shareFrozen(noAsOfWarning());
  const notInForce = (date: string): RuleWarning =>
    shareFrozen(notInForceWarning(ruleSet, date, validFrom, validTo));
  let lastGiven: unknown;
  let lastAsOf: string | null = null;
  let lastWarning: RuleWarning | undefined = NO_AS_OF;

  const evaluate = (application: unknown, opts?: EvaluateOptions): Explanation => {
    const topValues = readTop(application, topKeys, tops, seen);
    const given =
      opts?.asOf ??
      (asOfTop === undefined ? asOfPath && readPath(application, asOfPath) : topValues[asOfTop]);
    if (given !== lastGiven) {
      lastGiven = given;
      const date = isIsoDate(given) ? given : null;
      lastAsOf = date;
      lastWarning =
        date === null
          ? NO_AS_OF
          : date < validFrom || (validTo && date > validTo)
            ? notInForce(date)
            : undefined;
    }
    const asOf = lastAsOf;
    const asOfWarning = lastWarning;
    if (asOf !== null && asOfWarning) throw new RuleSetNotInForceError(ruleSet, asOf);
    let values = topValues;
    if (!flat) {
      values = new Array(slotCount);
      for (let slot = 0; slot < slotCount; slot++)
        values[slot] = readPath(topValues[paths[slot]!.top], paths[slot]!.rest);
    }
    const context: EvaluationContext = {
      asOf,
      warnings: null,
      territoryCache: null,
      values,
      definitionValues: null,
    };
    let failed = 0;
    let unknown = false;
    const criteria: CriterionExplanation[] = new Array(criterionCount);
    for (let index = 0; index < criterionCount; index++) {
      const compiled = crits[index]!;
      const result = compiled.fn(context);
      let part: Part;
      if (result === true) part = compiled.pass ??= compiled.part('pass', compiled.msg('pass'));
      else if (result === false) {
        part = compiled.fail ??= compiled.part('fail', compiled.msg('fail'));
        failed |= index < 30 ? 1 << index : 1 << 30;
      } else {
        unknown = true;
        part = unknownPart(compiled, isUnknown(result) ? result.paths : EMPTY);
      }
      // A fresh plain object per evaluation around the frozen shared parts (freezing it would cost
      // three times its building: what is fresh is the caller's, what is shared is frozen).
      const observed: Record<string, unknown> = {};
      const { keys, slots: fieldSlots } = part;
      for (let key = 0; key < keys.length; key++) observed[keys[key]!] = values[fieldSlots[key]!] ?? null;
      const tree = compiled.tree;
      // The assumptions its status depended on: a static list unless its tree branches over them.
      let criterionAssumptions = tree
        ? compiled.listOf(dependsOn(tree, context, statusValue(part.status)))
        : part.assumptions;
      if (datedNames.size) criterionAssumptions = assumptionsAt(criterionAssumptions, asOf);
      criteria[index] = {
        id: part.id,
        status: part.status,
        label: part.label,
        message: compiled.messageOf ? compiled.messageOf(part.status, values, part.missing) : part.message,
        observed,
        parameters: compiled.parametersAt ? compiled.parametersAt(asOf) : part.parameters,
        source: part.source,
        missing: part.missing,
        assumptions: criterionAssumptions,
      };
    }
    let verdict: Verdict = failed ? 'ineligible' : unknown ? 'undetermined' : 'eligible';
    const missing: string[] = [];
    if (unknown && !failed)
      for (let index = 0; index < criterionCount; index++) {
        const criterionMissing = criteria[index]!.missing;
        for (let position = 0; position < criterionMissing.length; position++) {
          const path = criterionMissing[position]!;
          if (!missing.includes(path)) missing.push(path);
        }
      }
    const warnings: RuleWarning[] = context.warnings ?? [];
    if (asOfWarning) {
      warnings.push(asOfWarning);
      if (asOf === null && !failed && asOfField) {
        verdict = 'undetermined';
        if (!missing.includes(asOfField)) missing.push(asOfField);
      }
    }
    let assumptions: readonly AssumptionUsed[] = allAssumptions;
    if (dynamic) assumptions = assumptionsUsed(criteria, failed !== 0);
    else if (failed) {
      assumptions = failedAssumptions[failed]!;
      if (!assumptions) {
        assumptions = fewestOfFailed(
          crits.map((k) => k.assumptions),
          criteria,
        );
        if (!(failed & (1 << 30)) && failedSets++ < 4096) failedAssumptions[failed] = assumptions;
      }
    }
    let fundingOut: Explanation['funding'] = null;
    if (funding) {
      const amount = failed ? null : funding.fn(context);
      fundingOut = {
        amount: isNumeric(amount) ? toNumber(roundTo(amount, 2, 'half-up')) : null,
        unit: funding.unit,
        missing: isUnknown(amount) ? amount.paths : EMPTY,
      };
      if (!failed && funding.assumptions.length)
        assumptions = freeze(dedupe([...assumptions, ...funding.assumptions]));
    }
    if (datedNames.size) assumptions = assumptionsAt(assumptions, asOf);
    return {
      format: EXPLANATION_FORMAT,
      verdict,
      ruleSet: stamp ?? stampOf(),
      asOf,
      criteria,
      missing,
      assumptions,
      warnings,
      funding: fundingOut,
    };
  };
  return {
    id: ruleSet.id,
    version: ruleSet.version,
    get hash() {
      return stampOf().hash;
    },
    ruleSet,
    evaluate,
  };
}

/** A criterion's status as the value of its expression. */
const statusValue = (status: CriterionStatus): boolean | undefined =>
  status === 'pass' ? true : status === 'fail' ? false : undefined;

/** The assumptions of one failed criterion with the fewest (none when one failed criterion uses none). */
function fewestOfFailed(
  perCriterion: readonly (readonly AssumptionUsed[])[],
  criteria: readonly CriterionExplanation[],
): readonly AssumptionUsed[] {
  let best: readonly AssumptionUsed[] | undefined;
  for (let i = 0; i < criteria.length; i++)
    if (criteria[i]!.status === 'fail' && (!best || perCriterion[i]!.length < best.length))
      best = perCriterion[i]!;
  return shareFrozen(dedupe(best ?? []));
}

function dedupe(list: readonly AssumptionUsed[]): AssumptionUsed[] {
  const seen = new Set<string>();
  return list.filter((assumption) => {
    if (seen.has(assumption.name)) return false;
    seen.add(assumption.name);
    return true;
  });
}

/** Whether a criterion may start with operator `name` (a boolean result, or a value checked when evaluated). */
function isBooleanRoot(name: string, argument: unknown, options: CompileOptions): boolean {
  if (VALUE_ROOTS.has(name)) return true;
  const entry = operatorEntry(name);
  if (name === 'call') {
    const customName = Array.isArray(argument) ? argument[0] : undefined;
    return typeof customName === 'string' && options.operators?.[customName]?.returns === 'boolean';
  }
  if (entry) return entry.result === 'boolean';
  return (
    !!options.operators &&
    Object.hasOwn(options.operators, name) &&
    options.operators[name]?.returns === 'boolean'
  );
}
