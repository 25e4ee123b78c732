/**
 * Issue #15 benchmark: how many questions a questionnaire asks, and how fast `nextQuestions` is.
 *
 * The issue #4 12-criteria workload (`bench/rules/grant-12.rules.json`, with its fields declared here:
 * types and allowed values, as a portal would) and 1,000 seeded applicants (`generateApplications`).
 * From an empty application, each strategy asks one field, the answer is read from the hidden complete
 * applicant, and so on until the verdict is decided:
 * - ours: `nextQuestions(…)[0]`;
 * - declaration order: the first field of the rule set, in declaration order, that `missing` lists;
 * - Publicodes 1.10: the first of `missingVariables` by score (the same rules in Publicodes,
 *   `bench/rules/publicodes.ts`), until Publicodes' own verdict is defined.
 * A question is useless when the field was not in the exact `missing` of cprdfop at that moment (no
 * answer to it could change the verdict: `missing` is complete, and exact on this rule set which has no
 * tautology).
 */
import { readFileSync } from 'node:fs';
import {
  compile,
  criterionFailureRates,
  type Evaluator,
  nextQuestions,
  parseRuleSet,
} from '../src/rules/index.js';
import { compare, fmt, type GoalResult, type Scenario } from './_harness.js';
import { RULESET_PATH } from './rules/ours.js';
import { createPublicodesEvaluator, PUBLICODES_INPUT, toPublicodesSituation } from './rules/publicodes.js';
import {
  ALL_SECTORS,
  type Application,
  ELIGIBLE_LEGAL_FORMS,
  FIELDS,
  type Field,
  generateApplications,
  generatePartialApplications,
  INELIGIBLE_LEGAL_FORMS,
} from './rules/workload.js';

const label = (fr: string, en: string) => ({ fr, en });
const REGIONS = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];
const choices = (values: readonly string[]) => values.map((value) => ({ value, label: label(value, value) }));

/** The workload rule set with its fields declared (what a portal declares for its form). */
export function grantWithFields(): Evaluator {
  const ruleSet = JSON.parse(readFileSync(RULESET_PATH, 'utf8'));
  ruleSet.fields = [
    {
      path: 'legalForm',
      type: 'enum',
      label: label('Forme juridique', 'Legal form'),
      values: choices([...ELIGIBLE_LEGAL_FORMS, ...INELIGIBLE_LEGAL_FORMS]),
    },
    { path: 'headcount', type: 'integer', min: 0, label: label('Effectif', 'Headcount') },
    { path: 'turnover', type: 'money', min: 0, unit: 'EUR', label: label('Chiffre d’affaires', 'Turnover') },
    { path: 'region', type: 'enum', label: label('Région', 'Region'), values: choices(REGIONS) },
    { path: 'creationDate', type: 'date', label: label('Date de création', 'Creation date') },
    { path: 'filingDate', type: 'date', label: label('Date de dépôt', 'Filing date') },
    { path: 'projectStartDate', type: 'date', label: label('Début du projet', 'Project start') },
    { path: 'budget', type: 'money', min: 0, unit: 'EUR', label: label('Budget', 'Budget') },
    { path: 'requested', type: 'money', min: 0, unit: 'EUR', label: label('Montant demandé', 'Requested') },
    {
      path: 'obligationsUpToDate',
      type: 'boolean',
      label: label('Obligations à jour', 'Obligations up to date'),
    },
    { path: 'inDifficulty', type: 'boolean', label: label('En difficulté', 'In difficulty') },
    {
      path: 'sector',
      type: 'enum',
      label: label('Secteur NAF', 'NAF section'),
      values: choices(ALL_SECTORS),
    },
  ];
  return compile(parseRuleSet(ruleSet));
}

interface Run {
  questions: number;
  useless: number;
  /** The verdict reached agrees with the complete applicant's. */
  agrees: boolean;
}

/** A questionnaire from an empty application, answering from `applicant` the field `pick` chooses. */
function questionnaire(
  evaluator: Evaluator,
  applicant: Application,
  pick: (application: Record<string, unknown>, missing: readonly string[]) => string | undefined,
  decided: (application: Record<string, unknown>) => boolean = (application) =>
    evaluator.evaluate(application).verdict !== 'undetermined',
): Run {
  const application: Record<string, unknown> = {};
  let questions = 0;
  let useless = 0;
  while (!decided(application)) {
    const missing = evaluator.evaluate(application).missing;
    const field = pick(application, missing);
    if (field === undefined || questions > FIELDS.length) throw new Error(`stuck on ${applicant.id}`);
    if (!missing.includes(field)) useless++;
    application[field] = applicant[field as Field];
    questions++;
  }
  const final = evaluator.evaluate(application).verdict;
  const truth = evaluator.evaluate(applicant).verdict;
  return { questions, useless, agrees: final === truth };
}

const summary = (runs: Run[]) => {
  const total = runs.reduce((sum, run) => sum + run.questions, 0);
  return {
    mean: total / runs.length,
    max: Math.max(...runs.map((run) => run.questions)),
    useless: runs.reduce((sum, run) => sum + run.useless, 0),
    disagreements: runs.filter((run) => !run.agrees).length,
  };
};

export const scenario: Scenario = {
  name: 'Next questions: questionnaire length and nextQuestions throughput',
  issue: 15,
  async run({ smoke }) {
    const evaluator = grantWithFields();
    const applicants = generateApplications(smoke ? 100 : 1000);
    const ours = summary(
      applicants.map((applicant) =>
        questionnaire(
          evaluator,
          applicant,
          (application) => nextQuestions(evaluator, application, { limit: 1 })[0]?.path,
        ),
      ),
    );
    // The failure rates a portal would learn from past applications: another seeded set.
    const { rates } = criterionFailureRates(evaluator, generateApplications(1000, 0x15_2026));
    const learnt = summary(
      applicants.map((applicant) =>
        questionnaire(
          evaluator,
          applicant,
          (application) => nextQuestions(evaluator, application, { limit: 1, failureRates: rates })[0]?.path,
        ),
      ),
    );
    // The fewest questions possible knowing the answers: every field when eligible, else the fields
    // of the cheapest failing criterion (a bound no questionnaire can beat).
    const oracleMean =
      applicants.reduce((total, applicant) => {
        const explanation = evaluator.evaluate(applicant);
        if (explanation.verdict === 'eligible') return total + FIELDS.length;
        const cheapest = Math.min(
          ...explanation.criteria
            .filter((criterion) => criterion.status === 'fail')
            .map((criterion) => Object.keys(criterion.observed).length),
        );
        return total + cheapest;
      }, 0) / applicants.length;
    const eligibleShare =
      applicants.filter((applicant) => evaluator.evaluate(applicant).verdict === 'eligible').length /
      applicants.length;
    const declared = summary(
      applicants.map((applicant) =>
        questionnaire(evaluator, applicant, (_application, missing) =>
          FIELDS.find((field) => missing.includes(field)),
        ),
      ),
    );
    const publicodes = createPublicodesEvaluator();
    const inputToField = new Map(FIELDS.map((field) => [PUBLICODES_INPUT[field], field]));
    const publicodesRuns = applicants.map((applicant) =>
      questionnaire(
        evaluator,
        applicant,
        (application) => {
          publicodes.engine.setSituation(toPublicodesSituation({ id: applicant.id, ...application }));
          const ranked = Object.entries(publicodes.engine.evaluate('éligible').missingVariables).sort(
            (a, b) => b[1] - a[1],
          );
          for (const [name] of ranked) {
            const field = inputToField.get(name);
            if (field && !(field in application)) return field;
          }
          return undefined;
        },
        (application) =>
          publicodes.evaluate(toPublicodesSituation({ id: applicant.id, ...application })).eligible !==
          undefined,
      ),
    );
    const publicodesSummary = summary(publicodesRuns);

    // Throughput on partial applications (≈ 30 % of the fields absent), distinct ones each call.
    const partials = generatePartialApplications(1000);
    let index = 0;
    let sink = 0;
    const coldEvaluator = grantWithFields();
    const coldStart = performance.now();
    for (const partial of partials) sink += nextQuestions(coldEvaluator, partial).length;
    const coldRate = partials.length / ((performance.now() - coldStart) / 1000);
    const [throughput] = await compare(
      {
        nextQuestions: () => {
          sink += nextQuestions(evaluator, partials[index++ % partials.length]!).length;
        },
      },
      { smoke },
    );
    if (sink < 0) throw new Error('unreachable');
    const rate = throughput!.opsPerSec ?? 0;
    const row = (name: string, s: ReturnType<typeof summary>) => ({
      name,
      note: `mean ${fmt(s.mean, 2)} questions, max ${s.max}, ${s.useless} useless questions, ${s.disagreements} wrong verdicts (${applicants.length} applicants)`,
    });
    const goals: GoalResult[] = [
      {
        goal: 'mean questions ≤ 0.8× declaration order',
        measured: `${fmt(ours.mean, 2)} vs ${fmt(declared.mean, 2)} (${fmt(ours.mean / declared.mean, 2)}×)`,
        met: ours.mean <= 0.8 * declared.mean,
      },
      {
        goal: 'mean questions ≤ Publicodes 1.10 missingVariables ranking',
        measured: `${fmt(ours.mean, 2)} vs ${fmt(publicodesSummary.mean, 2)}`,
        met: ours.mean <= publicodesSummary.mean,
      },
      {
        goal: 'no useless question (ours)',
        measured: `${ours.useless} (Publicodes: ${publicodesSummary.useless})`,
        met: ours.useless === 0,
      },
      {
        goal: 'nextQuestions ≥ 50 k calls/s on partial applications',
        measured: `${fmt(rate)} calls/s (cache warm: 1,000 partial applications in turn); ${fmt(coldRate)} calls/s on the first pass (cold cache)`,
        met: rate >= 50_000,
      },
    ];
    return {
      tasks: [
        row('questionnaire — cprdfop nextQuestions(…)[0]', ours),
        row(
          'questionnaire — cprdfop nextQuestions(…, { failureRates })[0], rates from 1,000 past applications (another seed)',
          learnt,
        ),
        {
          name: 'questionnaire — lower bound: the fewest questions possible, knowing every answer in advance',
          note: `mean ${fmt(oracleMean, 2)} questions (${fmt(eligibleShare * 100, 1)} % eligible applicants answer all ${FIELDS.length} fields whatever the order)`,
        },
        row('questionnaire — declaration order (fields `missing` lists)', declared),
        row('questionnaire — Publicodes 1.10 missingVariables, best score first', publicodesSummary),
        { ...throughput!, name: 'nextQuestions on partial applications (1,000 in turn)' },
        {
          name: 'nextQuestions, first pass over 1,000 distinct partial applications (cold cache)',
          opsPerSec: coldRate,
        },
      ],
      notes: [
        `${fmt(eligibleShare * 100, 1)} % of the applicants are eligible: they must answer all ${FIELDS.length} fields whatever the order. Knowing every answer in advance, the fewest questions possible average ${fmt(oracleMean, 2)} (${fmt(oracleMean / declared.mean, 2)}× declaration order): the 0.8× goal is ${oracleMean <= 0.8 * declared.mean ? 'within' : 'beyond'} reach of any questionnaire on this workload.`,
      ],
      ratios: [
        `mean questions: ours / declaration order = ${fmt(ours.mean / declared.mean, 2)}×`,
        `mean questions: ours / Publicodes = ${fmt(ours.mean / publicodesSummary.mean, 2)}×`,
      ],
      goals,
    };
  },
};
