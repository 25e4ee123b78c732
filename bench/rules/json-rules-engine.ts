/**
 * The 12 criteria of the grant workload written for json-rules-engine (v7): one rule per criterion
 * (so every run reports each criterion's result), facts = the application object itself.
 * Dates are ISO strings compared with two custom operators; the derived values (first anniversary
 * of the creation date, half the budget) are dynamic facts computed through the almanac.
 */
import { type Almanac, Engine, type RuleProperties } from 'json-rules-engine';
import {
  type Application,
  addYears,
  CRITERIA,
  type CriterionId,
  ELIGIBLE_LEGAL_FORMS,
  EXCLUDED_SECTORS,
  MAX_BUDGET,
  MAX_HEADCOUNT,
  MAX_REQUESTED_SHARE,
  MAX_TURNOVER,
  MIN_BUDGET,
  REGION,
} from './workload.js';

type Condition = { fact: string; operator: string; value: unknown };

const CONDITIONS: Record<CriterionId, Condition> = {
  legalForm: { fact: 'legalForm', operator: 'in', value: [...ELIGIBLE_LEGAL_FORMS] },
  headcount: { fact: 'headcount', operator: 'lessThan', value: MAX_HEADCOUNT },
  turnover: { fact: 'turnover', operator: 'lessThanInclusive', value: MAX_TURNOVER },
  region: { fact: 'region', operator: 'equal', value: REGION },
  companyAge: { fact: 'filingDate', operator: 'dateOnOrAfter', value: { fact: 'firstAnniversary' } },
  projectStart: { fact: 'projectStartDate', operator: 'dateOnOrAfter', value: { fact: 'filingDate' } },
  budgetMin: { fact: 'budget', operator: 'greaterThanInclusive', value: MIN_BUDGET },
  budgetMax: { fact: 'budget', operator: 'lessThanInclusive', value: MAX_BUDGET },
  requestedShare: { fact: 'requested', operator: 'lessThanInclusive', value: { fact: 'maxRequested' } },
  obligations: { fact: 'obligationsUpToDate', operator: 'equal', value: true },
  notInDifficulty: { fact: 'inDifficulty', operator: 'equal', value: false },
  sector: { fact: 'sector', operator: 'notIn', value: [...EXCLUDED_SECTORS] },
};

/** The rule set: one rule per criterion, named after it. */
export const jsonRules: RuleProperties[] = CRITERIA.map((c) => ({
  name: c,
  conditions: { all: [CONDITIONS[c]] },
  event: { type: c },
}));

/** Result of one run. */
export interface JsonRulesResult {
  eligible: boolean;
  criteria: Record<CriterionId, boolean>;
}

/** Builds the engine once; `evaluate(app)` runs the 12 rules on one application. */
export function createJsonRulesEvaluator(): {
  engine: Engine;
  evaluate(app: Application): Promise<JsonRulesResult>;
} {
  const engine = new Engine(jsonRules);
  engine.addOperator<string, string>('dateOnOrAfter', (a, b) => typeof a === 'string' && a >= b);
  engine.addFact('firstAnniversary', async (_params: Record<string, unknown>, almanac: Almanac) =>
    addYears(await almanac.factValue<string>('creationDate'), 1),
  );
  engine.addFact(
    'maxRequested',
    async (_params: Record<string, unknown>, almanac: Almanac) =>
      (await almanac.factValue<number>('budget')) * MAX_REQUESTED_SHARE,
  );
  return {
    engine,
    async evaluate(app) {
      const { results, failureResults } = await engine.run(app as unknown as Record<string, unknown>);
      const criteria = {} as Record<CriterionId, boolean>;
      for (const r of results) criteria[r.name as CriterionId] = true;
      for (const r of failureResults) criteria[r.name as CriterionId] = false;
      return { eligible: failureResults.length === 0, criteria };
    },
  };
}
