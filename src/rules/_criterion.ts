/**
 * One criterion compiled: its closure, its static explanation parts (label, messages, source,
 * parameters, `missing` lists — frozen and shared, built on first use), its message templates and the
 * dependency tree of its assumptions. Internal to `cprdfop/rules`; `compile` drives it.
 */
import { lowerFirst, renderBoth } from '../_shared/messages.js';
import type { AssumptionRecords } from './_assumptions.js';
import { compileExpression } from './_compileExpression.js';
import { entryInForce } from './_datedParameters.js';
import { type DependencyNode, dependencyTree, isStatic } from './_dependsOn.js';
import { frozenCopy, type Part, registerPart, shareFrozen } from './_frozen.js';
import { type CompiledTemplate, compileTemplate, type Language } from './_messages.js';
import type { OperatorDefinition } from './defineOperator.js';
import type { AssumptionUsed, CriterionStatus } from './Explanation.js';
import { RuleSetError } from './errors.js';
import type { FieldType } from './FieldDeclaration.js';
import type { Compiled, CompileState, EvaluationContext } from './operators/_kernel.js';
import { operatorEntry } from './operators/registry.js';
import {
  type Criterion,
  isDatedValue,
  type Parameter,
  type ParameterValue,
  type RuleText,
} from './RuleSet.js';

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

const STATUSES: readonly CriterionStatus[] = ['pass', 'fail', 'unknown'];
/** The empty `missing` list, frozen and shared. */
export const EMPTY: readonly string[] = shareFrozen([]);

/** What compiling a criterion needs from the rule set (built once by `compile`). */
export interface CriterionEnvironment {
  readonly parameters: ReadonlyMap<string, Parameter>;
  /** Declared field types by path (message placeholders). */
  readonly kinds: ReadonlyMap<string, FieldType>;
  /** The field slots, shared by every criterion (filled while compiling). */
  readonly slots: ReadonlyMap<string, number>;
  readonly records: AssumptionRecords;
  /** A fresh compile state (shared slots and node count). */
  readonly stateOf: () => CompileState;
  /** The parameters a named value reads. */
  readonly definitionParams: (name: string) => readonly string[];
  // biome-ignore lint/suspicious/noExplicitAny: operator definitions of any arity
  readonly custom: Record<string, OperatorDefinition<any, any>> | undefined;
}

/** A compiled criterion: what each evaluation uses. */
export interface CompiledCriterion {
  readonly fn: Compiled;
  /** The dependency tree of its assumptions, when it branches over them (else its static list). */
  readonly tree: DependencyNode<EvaluationContext> | undefined;
  readonly assumptions: readonly AssumptionUsed[];
  /** The frozen list of the assumptions named (cached). */
  readonly listOf: (names: readonly string[]) => readonly AssumptionUsed[];
  /** Its parameters with the dated ones' values in force on a date (when it reads a dated one). */
  readonly parametersAt: ((asOf: string | null) => Readonly<Record<string, ParameterValue>>) | undefined;
  pass: Part | undefined;
  fail: Part | undefined;
  /** The `unknown` parts by `missing` list. */
  readonly unknown: Map<readonly string[], Part>;
  readonly part: (status: CriterionStatus, message: RuleText, missing?: readonly string[]) => Part;
  readonly msg: (status: CriterionStatus, missing?: string) => RuleText;
  /** Its own `unknown` message, when the rule set gives one (it serves every `missing` list). */
  readonly own: RuleText | undefined;
  /** The message of an evaluation, when the messages quote observed values. */
  readonly messageOf:
    | ((status: CriterionStatus, values: readonly unknown[], missing: readonly string[]) => RuleText)
    | undefined;
}

/**
 * Compiles criterion `index` of a rule set.
 * @throws {@link RuleSetError} for an invalid expression, a non-boolean one or an invalid message.
 */
export function compileCriterion(
  criterion: Criterion,
  index: number,
  environment: CriterionEnvironment,
): CompiledCriterion {
  const { parameters: paramMap, kinds, slots, records, stateOf } = environment;
  const { assumption, datedNames } = records;
  const state = stateOf();
  const at = `criteria[${index}].when`;
  const when = criterion.when;
  const fn = compileExpression(when, state, 0, at);
  if (when !== null && typeof when === 'object' && !Array.isArray(when)) {
    const name = Object.keys(when)[0];
    if (name && !isBooleanRoot(name, when[name]!, environment.custom)) {
      throw new RuleSetError(
        at,
        renderBoth(
          {
            fr: 'un critère doit être une expression booléenne, pas « {name} »',
            en: 'a criterion must be a boolean expression, not "{name}"',
          },
          { name },
        ),
      );
    }
  } else if (typeof when !== 'boolean') {
    throw new RuleSetError(
      at,
      renderBoth({
        fr: 'un critère doit être une expression booléenne',
        en: 'a criterion must be a boolean expression',
      }),
    );
  }
  const parameters: Record<string, ParameterValue> = {};
  for (const name of state.params) parameters[name] = frozenCopy(paramMap.get(name)!.value);
  shareFrozen(parameters);
  /** The parameters with the dated ones' values in force on a date (cached per date). */
  const dated = state.params.some((name) => datedNames.has(name));
  const parametersByDate = new Map<string, Readonly<Record<string, ParameterValue>>>();
  const parametersAt = (asOf: string | null): Readonly<Record<string, ParameterValue>> => {
    if (!dated || asOf === null) return parameters;
    let found = parametersByDate.get(asOf);
    if (!found) {
      const record: Record<string, ParameterValue> = {};
      for (const name of state.params) {
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
  const label = frozenCopy(criterion.label);
  const source = criterion.source ? frozenCopy(criterion.source) : null;
  const fieldSlots = state.fields.map((field) => slots.get(field)!);
  // Message templates: `{param:…}` filled now, `{field:…}` when evaluating (then the message is
  // built per evaluation instead of shared).
  const templates = {} as Record<CriterionStatus, { fr: CompiledTemplate; en: CompiledTemplate }>;
  for (const status of STATUSES) {
    const given = criterion.messages?.[status];
    const compileOne = (language: Language) =>
      given
        ? compileTemplate(
            given[language],
            language,
            paramMap,
            kinds,
            state.fields,
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
      fr: fill(render(template.fr, notRead), criterion.label.fr, missing),
      en: fill(render(template.en, notRead), criterion.label.en, missing),
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
          fr: fill(render(template.fr, read), criterion.label.fr, missingText),
          en: fill(render(template.en, read), criterion.label.en, missingText),
        };
      }
    : undefined;
  // Everything static is computed once, frozen and shared by every explanation: one part per status
  // (per `missing` list for `unknown`), built on first use; each evaluation builds a plain criterion
  // object with its `observed` values around those parts.
  const part = (status: CriterionStatus, message: RuleText, missing = EMPTY): Part =>
    registerPart({
      id: criterion.id,
      status,
      label,
      message,
      parameters,
      source,
      missing,
      assumptions: criterionAssumptions,
      keys: state.fields,
      slots: fieldSlots,
    });
  // Which assumptions a decision depended on: sub-expressions evaluated only for that (_dependsOn.ts).
  const criterionAssumptions = shareFrozen(assumption(state.params));
  const tree = dependencyTree<EvaluationContext>(
    when,
    (node) => compileExpression(node, { ...stateOf(), nodes: { count: 0 } }, 0, at),
    records.isAssumption,
    environment.definitionParams,
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
    own: criterion.messages?.unknown ? msg('unknown') : undefined,
    messageOf,
  };
}

/** The `unknown` part of a criterion, by `missing` list (merged unknowns have stable identities). */
export function unknownPart(compiled: CompiledCriterion, missing: readonly string[]): Part {
  let found = compiled.unknown.get(missing);
  if (!found) {
    if (compiled.unknown.size > 256) compiled.unknown.clear();
    found = compiled.part('unknown', compiled.own ?? compiled.msg('unknown', missing.join(', ')), missing);
    compiled.unknown.set(missing, found);
  }
  return found;
}

/** A criterion's status as the value of its expression. */
export const statusValue = (status: CriterionStatus): boolean | undefined =>
  status === 'pass' ? true : status === 'fail' ? false : undefined;

/** Whether a criterion may start with operator `name` (a boolean result, or a value checked when evaluated). */
function isBooleanRoot(
  name: string,
  argument: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: operator definitions of any arity
  custom: Record<string, OperatorDefinition<any, any>> | undefined,
): boolean {
  if (VALUE_ROOTS.has(name)) return true;
  const entry = operatorEntry(name);
  if (name === 'call') {
    const customName = Array.isArray(argument) ? argument[0] : undefined;
    return typeof customName === 'string' && custom?.[customName]?.returns === 'boolean';
  }
  if (entry) return entry.result === 'boolean';
  return !!custom && Object.hasOwn(custom, name) && custom[name]?.returns === 'boolean';
}
