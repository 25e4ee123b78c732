import { renderBoth } from '../_shared/messages.js';
import { assumptionRecords } from './_assumptions.js';
import { checkTypes } from './_checkTypes.js';
import { compileExpression } from './_compileExpression.js';
import { type CriterionEnvironment, compileCriterion } from './_criterion.js';
import { buildCriterionAccess, registerCriterionAccess } from './_criterionAccess.js';
import { definitionOrder } from './_definitions.js';
import { type CompiledFunding, explainer } from './_explain.js';
import { shareFrozen } from './_frozen.js';
import { fieldKinds } from './_messages.js';
import { type OperatorDefinition, operatorDefinitionProblem } from './defineOperator.js';
import type { Explanation } from './Explanation.js';
import { RuleSetError } from './errors.js';
import { hashRuleSet } from './hashRuleSet.js';
import { type CompiledDefinition, type CompileState, isSafeName, pathSegments } from './operators/_kernel.js';
import type { Parameter, RuleSet } from './RuleSet.js';
import type { TerritoryProvider } from './TerritoryProvider.js';

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
    throw new RuleSetError(
      'extends',
      renderBoth(
        {
          fr: 'extends « {base} » : le résoudre d’abord avec resolveRuleSet',
          en: 'extends "{base}": resolve it first with resolveRuleSet',
        },
        { base: ruleSet.extends },
      ),
    );
  }
  for (const name of Object.keys(options.operators ?? {})) {
    if (!isSafeName(name))
      throw new RuleSetError(
        '',
        renderBoth(
          {
            fr: 'l’opérateur personnalisé « {name} » est réservé ou invalide',
            en: 'custom operator "{name}" is reserved or invalid',
          },
          { name },
        ),
      );
    const problem = operatorDefinitionProblem(options.operators![name]);
    if (problem)
      throw new RuleSetError(
        '',
        renderBoth(
          { fr: 'opérateur personnalisé « {name} » : {problem}', en: 'custom operator "{name}": {problem}' },
          { name, problem },
        ),
      );
  }
  const paramMap = new Map<string, Parameter>();
  ruleSet.parameters.forEach((parameter, index) => {
    if (paramMap.has(parameter.name))
      throw new RuleSetError(
        `parameters[${index}]`,
        renderBoth(
          { fr: 'paramètre « {name} » en double', en: 'duplicate parameter "{name}"' },
          { name: parameter.name },
        ),
      );
    paramMap.set(parameter.name, parameter);
  });
  // Static types first: wrong operand kinds, arity and unknown fields are errors before any closure.
  checkTypes(ruleSet, paramMap, options.operators);
  const definitionList = ruleSet.definitions ?? [];
  const order = definitionOrder(definitionList);
  const nodes = { count: 0 };
  const slots = new Map<string, number>();
  const asOfField = ruleSet.asOfField;
  const asOfPath = asOfField ? pathSegments(asOfField, 'asOfField') : undefined;
  const records = assumptionRecords(paramMap, ruleSet.parameters);
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
    const state = stateOf();
    const compiled = compileExpression(definition.value, state, 0, `definitions[${index}].value`);
    definitions.set(definition.name, {
      index: definitions.size,
      compiled,
      fields: state.fields,
      params: state.params,
    });
  }
  const environment: CriterionEnvironment = {
    parameters: paramMap,
    kinds: fieldKinds(ruleSet.fields),
    slots,
    records,
    stateOf,
    definitionParams: (name) => definitions.get(name)?.params ?? [],
    custom: options.operators,
  };
  const ids = new Set<string>();
  const criteria = ruleSet.criteria.map((criterion, index) => {
    if (ids.has(criterion.id))
      throw new RuleSetError(
        `criteria[${index}]`,
        renderBoth(
          { fr: 'critère « {id} » en double', en: 'duplicate criterion "{id}"' },
          { id: criterion.id },
        ),
      );
    ids.add(criterion.id);
    return compileCriterion(criterion, index, environment);
  });
  let funding: CompiledFunding | undefined;
  if (ruleSet.funding?.enabled) {
    const state = stateOf();
    funding = {
      fn: compileExpression(ruleSet.funding.amount, state, 0, 'funding.amount'),
      unit: ruleSet.funding.unit,
      assumptions: records.assumption(state.params),
    };
  }
  // The hash is computed on first use (cold start: compiling does not wait for SHA-256).
  let stamp: Explanation['ruleSet'] | undefined;
  const stampOf = (): Explanation['ruleSet'] =>
    (stamp ??= shareFrozen({ id: ruleSet.id, version: ruleSet.version, hash: hashRuleSet(ruleSet) }));
  const evaluate = explainer({ ruleSet, crits: criteria, funding, records, slots, asOfPath, stampOf });
  const evaluator: Evaluator = {
    id: ruleSet.id,
    version: ruleSet.version,
    get hash() {
      return stampOf().hash;
    },
    ruleSet,
    evaluate,
  };
  // nextQuestions' hook: one criterion on field values, without an explanation (internal).
  registerCriterionAccess(evaluator, buildCriterionAccess({ crits: criteria, slots, asOfPath }));
  return evaluator;
}
