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
import { nextQuestions as nextQuestionsBefore } from './rules/nextQuestionsBefore.js';
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

/**
 * The optimal questionnaire not knowing the answers, on the empirical distribution of `applicants`.
 * An applicant goes on answering while every criterion settled so far passes (a criterion is settled
 * once all the fields it reads are answered: true of this rule set, where no criterion is decided by a
 * part of its fields). The state is then the set of fields answered: V(S) = |still going at S| +
 * min over f ∉ S of V(S ∪ {f}), V(all fields) = 0; the mean is V(∅) / |applicants|.
 */
export function bestAchievable(
  evaluator: Evaluator,
  applicants: readonly Application[],
): { mean: number; order: string[] } {
  const bitOf = new Map(FIELDS.map((field, position) => [field as string, 1 << position]));
  const failing = applicants.map((applicant) =>
    evaluator
      .evaluate(applicant)
      .criteria.filter((criterion) => criterion.status === 'fail')
      .map((criterion) =>
        Object.keys(criterion.observed).reduce((mask, field) => mask | bitOf.get(field)!, 0),
      ),
  );
  const all = (1 << FIELDS.length) - 1;
  const value = new Float64Array(all + 1);
  const choice = new Int8Array(all + 1);
  for (let answered = all - 1; answered >= 0; answered--) {
    let going = 0;
    for (const masks of failing) if (!masks.some((mask) => (mask & answered) === mask)) going++;
    let bestNext = Number.POSITIVE_INFINITY;
    for (let field = 0; field < FIELDS.length; field++)
      if (!(answered & (1 << field)) && value[answered | (1 << field)]! < bestNext) {
        bestNext = value[answered | (1 << field)]!;
        choice[answered] = field;
      }
    value[answered] = going + bestNext;
  }
  const order: string[] = [];
  for (let answered = 0; answered !== all; answered |= 1 << choice[answered]!)
    order.push(FIELDS[choice[answered]!]!);
  return { mean: value[0]! / applicants.length, order };
}

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
    const best = bestAchievable(evaluator, applicants);
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

    // Throughput on partial applications (≈ 30 % of the fields absent). "New" applications: each call
    // sees an application never seen before (distinct seeded ones, one call each), on a fresh evaluator
    // (nothing cached), after warming the JIT on other applications: what a portal meets. The old
    // implementation (bench/rules/nextQuestionsBefore.ts) runs in the same process, on the same ones.
    const fresh = generatePartialApplications(smoke ? 2000 : 20_000, 0x15_2027);
    const warm = generatePartialApplications(500, 0x15_2028);
    let sink = 0;
    for (const implementation of [nextQuestions, nextQuestionsBefore]) {
      const warmEvaluator = grantWithFields();
      for (const partial of warm) sink += implementation(warmEvaluator, partial).length;
    }
    /** Calls per second, wall clock and CPU time of this process (the machine may be shared). */
    const pass = (implementation: typeof nextQuestions, count: number) => {
      const passEvaluator = grantWithFields();
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let position = 0; position < count; position++)
        sink += implementation(passEvaluator, fresh[position]!).length;
      const wall = (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      return { wall: count / wall, cpu: count / ((used.user + used.system) / 1e6) };
    };
    const beforeCount = smoke ? 200 : 2000;
    const before = pass(nextQuestionsBefore, beforeCount);
    const afterSame = pass(nextQuestions, beforeCount);
    const after = pass(nextQuestions, fresh.length);
    // The same 1,000 partial applications in turn (the analyses of each are cached after its first call).
    const partials = generatePartialApplications(1000);
    let index = 0;
    const [throughput] = await compare(
      {
        nextQuestions: () => {
          sink += nextQuestions(evaluator, partials[index++ % partials.length]!).length;
        },
      },
      { smoke },
    );
    if (sink < 0) throw new Error('unreachable');
    const rate = after.wall;
    const row = (name: string, s: ReturnType<typeof summary>) => ({
      name,
      note: `mean ${fmt(s.mean, 2)} questions, max ${s.max}, ${s.useless} useless questions, ${s.disagreements} wrong verdicts (${applicants.length} applicants)`,
    });
    const goals: GoalResult[] = [
      {
        goal: 'mean questions ≤ 0.8× declaration order',
        measured: `${fmt(ours.mean, 2)} vs ${fmt(declared.mean, 2)} (${fmt(ours.mean / declared.mean, 2)}×); with learnt failure rates ${fmt(learnt.mean, 2)} (${fmt(learnt.mean / declared.mean, 2)}×); best achievable ${fmt(best.mean, 2)} (${fmt(best.mean / declared.mean, 2)}×): 0.8× is ${best.mean <= 0.8 * declared.mean ? 'within reach' : 'out of reach of any questionnaire'}`,
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
        measured: `${fmt(rate)} calls/s on ${fmt(fresh.length)} new partial applications (CPU time: ${fmt(after.cpu)}/s); before: ${fmt(before.wall)} calls/s (CPU ${fmt(before.cpu)}/s) on the first ${fmt(beforeCount)}, where now ${fmt(afterSame.wall)} (CPU ${fmt(afterSame.cpu)}/s)`,
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
        {
          name: 'questionnaire — best achievable: the optimal policy not knowing the answers (exact, DP over the 4,096 sets of answered fields)',
          note: `mean ${fmt(best.mean, 2)} questions (${fmt(best.mean / declared.mean, 2)}× declaration order), asking ${best.order.join(', ')}`,
        },
        row('questionnaire — declaration order (fields `missing` lists)', declared),
        row('questionnaire — Publicodes 1.10 missingVariables, best score first', publicodesSummary),
        {
          name: `nextQuestions on ${fmt(fresh.length)} new partial applications, one call each (fresh evaluator)`,
          opsPerSec: after.wall,
          note: `CPU time of this process: ${fmt(after.cpu)} calls/s`,
        },
        {
          name: `nextQuestions on the first ${fmt(beforeCount)} of them (fresh evaluator)`,
          opsPerSec: afterSame.wall,
          note: `CPU time: ${fmt(afterSame.cpu)} calls/s`,
        },
        {
          name: `nextQuestions before issue #15's speed work, same ${fmt(beforeCount)} applications (fresh evaluator)`,
          opsPerSec: before.wall,
          note: `CPU time: ${fmt(before.cpu)} calls/s`,
        },
        { ...throughput!, name: 'nextQuestions on 1,000 partial applications in turn (analyses cached)' },
      ],
      notes: [
        `Best achievable (not knowing the answers): ${fmt(best.mean, 2)} questions on average, ${fmt(best.mean / declared.mean, 2)}× declaration order — the 0.8× goal (${fmt(0.8 * declared.mean, 2)}) is ${best.mean <= 0.8 * declared.mean ? 'reachable' : 'out of reach of any questionnaire'} on this workload. A questionnaire learns nothing from an answer but whether the criteria it settles pass (the generator draws the criteria independently), and it goes on only while they all pass: every policy is a fixed order of the fields, and the dynamic programme over the sets of answered fields finds the best one on these very applicants (in-sample, so an optimistic bound).`,
        `${fmt(eligibleShare * 100, 1)} % of the applicants are eligible: they must answer all ${FIELDS.length} fields whatever the order. Knowing every answer in advance, the fewest questions possible average ${fmt(oracleMean, 2)} (${fmt(oracleMean / declared.mean, 2)}× declaration order): the 0.8× goal is ${oracleMean <= 0.8 * declared.mean ? 'within' : 'beyond'} reach of any questionnaire on this workload.`,
      ],
      ratios: [
        `mean questions: ours / declaration order = ${fmt(ours.mean / declared.mean, 2)}×`,
        `mean questions: ours / Publicodes = ${fmt(ours.mean / publicodesSummary.mean, 2)}×`,
        `nextQuestions on new partial applications: after / before = ${fmt(afterSame.wall / before.wall, 1)}× (same ${fmt(beforeCount)} applications, wall clock), ${fmt(afterSame.cpu / before.cpu, 1)}× (CPU time)`,
      ],
      goals,
    };
  },
};
