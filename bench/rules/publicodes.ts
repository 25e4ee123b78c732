/**
 * The 12 criteria of the grant workload written in Publicodes (v1), as a JS object.
 * Inputs live under `demande . …`, one rule per criterion under `critères . …`, and `éligible`
 * combines them with `toutes ces conditions`.
 */

import type { Situation } from 'publicodes';
import Engine from 'publicodes';
import {
  type Application,
  CRITERIA,
  type CriterionId,
  ELIGIBLE_LEGAL_FORMS,
  EXCLUDED_SECTORS,
  FIELDS,
  type Field,
  MAX_BUDGET,
  MAX_HEADCOUNT,
  MAX_TURNOVER,
  MIN_BUDGET,
  type PartialApplication,
  REGION,
} from './workload.js';

/** Publicodes input rule for each application field. */
export const PUBLICODES_INPUT: Readonly<Record<Field, string>> = {
  legalForm: 'demande . forme juridique',
  headcount: 'demande . effectif',
  turnover: "demande . chiffre d'affaires",
  region: 'demande . région',
  creationDate: 'demande . date de création',
  filingDate: 'demande . date de dépôt',
  projectStartDate: 'demande . date de début du projet',
  budget: 'demande . budget',
  requested: 'demande . montant demandé',
  obligationsUpToDate: 'demande . obligations à jour',
  inDifficulty: 'demande . en difficulté',
  sector: 'demande . secteur',
};

/** Publicodes rule for each criterion. */
export const PUBLICODES_CRITERION: Readonly<Record<CriterionId, string>> = {
  legalForm: 'critères . forme juridique',
  headcount: 'critères . effectif',
  turnover: "critères . chiffre d'affaires",
  region: 'critères . région',
  companyAge: 'critères . ancienneté',
  projectStart: 'critères . début du projet',
  budgetMin: 'critères . budget minimum',
  budgetMax: 'critères . budget maximum',
  requestedShare: 'critères . part demandée',
  obligations: 'critères . obligations à jour',
  notInDifficulty: 'critères . pas en difficulté',
  sector: 'critères . secteur non exclu',
};

const q = (s: string): string => `'${s}'`;

/** The rule set. */
export const publicodesRules: Record<string, unknown> = {
  demande: null,
  ...Object.fromEntries(FIELDS.map((f) => [PUBLICODES_INPUT[f], null])),
  ancienneté: {
    // `unité` inside `durée` (leap-aware year difference); at rule level it would convert days / 365.
    durée: { depuis: 'demande . date de création', "jusqu'à": 'demande . date de dépôt', unité: 'an' },
  },
  critères: null,
  'critères . forme juridique': {
    'une de ces conditions': ELIGIBLE_LEGAL_FORMS.map((f) => `demande . forme juridique = ${q(f)}`),
  },
  'critères . effectif': `demande . effectif < ${MAX_HEADCOUNT}`,
  "critères . chiffre d'affaires": `demande . chiffre d'affaires <= ${MAX_TURNOVER}`,
  'critères . région': `demande . région = ${q(REGION)}`,
  'critères . ancienneté': 'ancienneté >= 1 an',
  'critères . début du projet': 'demande . date de début du projet >= demande . date de dépôt',
  'critères . budget minimum': `demande . budget >= ${MIN_BUDGET}`,
  'critères . budget maximum': `demande . budget <= ${MAX_BUDGET}`,
  'critères . part demandée': 'demande . montant demandé <= 50% * demande . budget',
  'critères . obligations à jour': 'demande . obligations à jour = oui',
  'critères . pas en difficulté': 'demande . en difficulté = non',
  'critères . secteur non exclu': {
    'toutes ces conditions': EXCLUDED_SECTORS.map((s) => `demande . secteur != ${q(s)}`),
  },
  éligible: { 'toutes ces conditions': CRITERIA.map((c) => PUBLICODES_CRITERION[c]) },
};

const isoToFr = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Converts an application into a Publicodes situation (done once, outside the timed loop). */
export function toPublicodesSituation(a: Application | PartialApplication): Situation<string> {
  const s: Record<string, string | number> = {};
  for (const f of FIELDS) {
    const v = a[f];
    if (v === undefined) continue;
    const name = PUBLICODES_INPUT[f];
    if (typeof v === 'boolean') s[name] = v ? 'oui' : 'non';
    else if (typeof v === 'number') s[name] = v;
    else if (f === 'creationDate' || f === 'filingDate' || f === 'projectStartDate') s[name] = isoToFr(v);
    else s[name] = q(v);
  }
  return s;
}

/** Result of one Publicodes evaluation (nodeValue `undefined` = missing inputs). */
export interface PublicodesResult {
  eligible: boolean | undefined;
  criteria: Record<CriterionId, boolean | undefined>;
  /** Missing application fields (Publicodes `missingVariables` mapped back), in FIELDS order. */
  missing: Field[];
}

const INPUT_TO_FIELD = new Map(FIELDS.map((f) => [PUBLICODES_INPUT[f], f]));

const quietLogger = { log() {}, warn() {}, error() {} };

/** Builds the engine once; `evaluate(situation)` sets the situation and evaluates the 13 rules. */
export function createPublicodesEvaluator(): {
  engine: Engine;
  evaluate(situation: Situation<string>): PublicodesResult;
} {
  const engine = new Engine(publicodesRules as ConstructorParameters<typeof Engine>[0], {
    logger: quietLogger,
  });
  // The rule nodes, looked up once (evaluating a rule name would parse it on every call).
  const verdictNode = engine.getRule('éligible');
  const criterionNodes = CRITERIA.map((c) => [c, engine.getRule(PUBLICODES_CRITERION[c])] as const);
  return {
    engine,
    evaluate(situation) {
      engine.setSituation(situation);
      const verdict = engine.evaluate(verdictNode);
      const criteria = {} as Record<CriterionId, boolean | undefined>;
      for (const [c, node] of criterionNodes) {
        const v = engine.evaluate(node).nodeValue;
        criteria[c] = v === undefined ? undefined : v === true;
      }
      const missingNames = Object.keys(verdict.missingVariables);
      const missing = FIELDS.filter((f) => missingNames.some((n) => INPUT_TO_FIELD.get(n) === f));
      const v = verdict.nodeValue;
      return { eligible: v === undefined ? undefined : v === true, criteria, missing };
    },
  };
}
