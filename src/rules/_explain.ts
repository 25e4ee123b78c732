/**
 * One evaluation's explanation: reads the application's fields into slots, checks the evaluation date,
 * runs every compiled criterion and builds the explanation around the criteria's frozen shared parts
 * (verdict, `missing`, assumptions, warnings, funding). Internal to `cprdfop/rules`; `compile` drives it.
 */
import { type AssumptionRecords, assumptionsUsed, dedupe, fewestOfFailed } from './_assumptions.js';
import { type CompiledCriterion, EMPTY, statusValue, unknownPart } from './_criterion.js';
import { isIsoDate } from './_dates.js';
import { dependsOn } from './_dependsOn.js';
import { isNumeric, roundTo, toNumber } from './_exact.js';
import type { Part } from './_frozen.js';
import { shareFrozen } from './_frozen.js';
import { readTop } from './_readTop.js';
import { noAsOfWarning, notInForceWarning } from './_warnings.js';
import {
  type AssumptionUsed,
  type CriterionExplanation,
  EXPLANATION_FORMAT,
  type Explanation,
  type RuleWarning,
  type Verdict,
} from './Explanation.js';
import { RuleSetNotInForceError } from './errors.js';
import { type Compiled, type EvaluationContext, isUnknown, readPath } from './operators/_kernel.js';
import type { RuleSet } from './RuleSet.js';

const freeze = Object.freeze;

/** The compiled funding amount. */
export interface CompiledFunding {
  readonly fn: Compiled;
  readonly unit: string;
  readonly assumptions: AssumptionUsed[];
}

/** What {@link explainer} needs: the compiled parts of one rule set. */
export interface ExplainerInput {
  readonly ruleSet: RuleSet;
  readonly crits: readonly CompiledCriterion[];
  readonly funding: CompiledFunding | undefined;
  readonly records: AssumptionRecords;
  /** Every field slot, by path (complete once every expression is compiled). */
  readonly slots: ReadonlyMap<string, number>;
  /** The path of the evaluation date in the application, split. */
  readonly asOfPath: readonly string[] | undefined;
  /** The stamp of the rule set (its hash computed on first use). */
  readonly stampOf: () => Explanation['ruleSet'];
}

/** The evaluation function of a compiled rule set. */
export function explainer(
  input: ExplainerInput,
): (application: unknown, opts?: { asOf?: string | undefined }) => Explanation {
  const { ruleSet, crits, funding, records, slots, asOfPath, stampOf } = input;
  const { datedNames, assumptionsAt } = records;
  const asOfField = ruleSet.asOfField;
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
  const dynamic = crits.some((compiled) => compiled.tree !== undefined);
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
  /** The evaluation date is checked when it changes (applications often share it). */
  const NO_AS_OF: RuleWarning = shareFrozen(noAsOfWarning());
  const notInForce = (date: string): RuleWarning =>
    shareFrozen(notInForceWarning(ruleSet, date, validFrom, validTo));
  let lastGiven: unknown;
  let lastAsOf: string | null = null;
  let lastWarning: RuleWarning | undefined = NO_AS_OF;

  return (application: unknown, opts?: { asOf?: string | undefined }): Explanation => {
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
          crits.map((compiled) => compiled.assumptions),
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
      ruleSet: stampOf(),
      asOf,
      criteria,
      missing,
      assumptions,
      warnings,
      funding: fundingOut,
    };
  };
}
