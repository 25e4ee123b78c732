/**
 * The 12-criteria grant workload of issue 4: seeded synthetic applications and a hand-written
 * plain-TypeScript reference evaluator (the "hand-written speed" baseline every engine is compared to).
 *
 * Dates are ISO `YYYY-MM-DD` strings. "Company at least one year old at filing" means the filing date
 * is on or after the first anniversary of the creation date (same month and day, one year later).
 * The generator never produces a 29 February creation date, whose anniversary is ambiguous
 * (28 February or 1 March depending on the engine's date arithmetic).
 */

/** One grant application, every field present. */
export interface Application {
  id: string;
  /** Legal form, e.g. "SAS". */
  legalForm: string;
  /** Employees (full-time equivalent, rounded). */
  headcount: number;
  /** Annual turnover, in euros. */
  turnover: number;
  /** INSEE region code ("32" = Hauts-de-France). */
  region: string;
  /** Company creation date (ISO). */
  creationDate: string;
  /** Application filing date (ISO). */
  filingDate: string;
  /** Project start date (ISO). */
  projectStartDate: string;
  /** Project budget, in euros. */
  budget: number;
  /** Requested grant, in euros. */
  requested: number;
  obligationsUpToDate: boolean;
  inDifficulty: boolean;
  /** NAF section letter ("A" … "U"). */
  sector: string;
}

/** The input fields (every key of {@link Application} but `id`). */
export type Field = Exclude<keyof Application, 'id'>;

/** An application where some fields are absent (for partial evaluation). */
export type PartialApplication = { id: string } & Partial<Omit<Application, 'id'>>;

export const FIELDS: readonly Field[] = [
  'legalForm',
  'headcount',
  'turnover',
  'region',
  'creationDate',
  'filingDate',
  'projectStartDate',
  'budget',
  'requested',
  'obligationsUpToDate',
  'inDifficulty',
  'sector',
];

/** The 12 criteria, in the order every engine reports them. */
export const CRITERIA = [
  'legalForm',
  'headcount',
  'turnover',
  'region',
  'companyAge',
  'projectStart',
  'budgetMin',
  'budgetMax',
  'requestedShare',
  'obligations',
  'notInDifficulty',
  'sector',
] as const;
export type CriterionId = (typeof CRITERIA)[number];

/** The fields each criterion reads. */
export const CRITERION_FIELDS: Readonly<Record<CriterionId, readonly Field[]>> = {
  legalForm: ['legalForm'],
  headcount: ['headcount'],
  turnover: ['turnover'],
  region: ['region'],
  companyAge: ['creationDate', 'filingDate'],
  projectStart: ['projectStartDate', 'filingDate'],
  budgetMin: ['budget'],
  budgetMax: ['budget'],
  requestedShare: ['requested', 'budget'],
  obligations: ['obligationsUpToDate'],
  notInDifficulty: ['inDifficulty'],
  sector: ['sector'],
};

/** The parameters of the call for projects. */
export const ELIGIBLE_LEGAL_FORMS: readonly string[] = ['SA', 'SAS', 'SASU', 'SARL', 'EURL', 'SCOP', 'SCIC'];
export const INELIGIBLE_LEGAL_FORMS: readonly string[] = ['EI', 'ASSOCIATION', 'GIE', 'SCI'];
export const EXCLUDED_SECTORS: readonly string[] = ['A', 'K', 'L', 'O'];
export const ALL_SECTORS: readonly string[] = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
export const MAX_HEADCOUNT = 250; // strictly below
export const MAX_TURNOVER = 50_000_000; // at most
export const REGION = '32';
export const MIN_BUDGET = 20_000;
export const MAX_BUDGET = 500_000;
export const MAX_REQUESTED_SHARE = 0.5;

/** Default seeds, so every run and every test sees the same applications. */
export const SEED_COMPLETE = 0x4_2024;
export const SEED_PARTIAL = 0x4_2025;

// ---------------------------------------------------------------------------------------------
// Seeded generator
// ---------------------------------------------------------------------------------------------

/** mulberry32: a tiny, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The same month and day, `years` later (ISO strings compare lexicographically). */
export function addYears(iso: string, years: number): string {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;
}

/** Moves a 29 February to 1 March (see the module note). */
const noLeapDay = (iso: string): string => (iso.endsWith('-02-29') ? `${iso.slice(0, 4)}-03-01` : iso);

/**
 * Generates `count` complete applications. Every criterion fails for roughly 5–10 % of them and
 * boundary values (249/250 employees, exactly 50 M€, exactly one year old, start on the filing day,
 * exactly 20 k€ / 500 k€, exactly 50 %) are over-represented, so the agreement check means something.
 */
export function generateApplications(count = 1000, seed = SEED_COMPLETE): Application[] {
  const rnd = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const filingStart = dayOf('2025-01-01');
  const out: Application[] = [];
  for (let i = 0; i < count; i++) {
    const filingDate = isoOf(filingStart + int(0, 364));
    const filing = dayOf(filingDate);

    let r = rnd();
    const legalForm = r < 0.9 ? pick(ELIGIBLE_LEGAL_FORMS) : pick(INELIGIBLE_LEGAL_FORMS);

    r = rnd();
    const headcount = r < 0.85 ? int(0, 248) : r < 0.9 ? pick([249, 250, 251]) : int(252, 5000);

    r = rnd();
    const turnover = r < 0.9 ? int(0, 49_999_999) : r < 0.95 ? MAX_TURNOVER : int(50_000_001, 300_000_000);

    const region = rnd() < 0.92 ? REGION : pick(['11', '24', '28', '44', '53', '75', '84', '93']);

    r = rnd();
    const creationDate = noLeapDay(
      r < 0.85
        ? isoOf(dayOf(addYears(filingDate, -int(1, 30))) - int(0, 364))
        : r < 0.9
          ? addYears(filingDate, -1) // exactly one year: passes
          : r < 0.95
            ? isoOf(dayOf(addYears(filingDate, -1)) + 1) // one day short: fails
            : isoOf(filing - int(0, 360)), // young company: fails
    );

    r = rnd();
    const projectStartDate =
      r < 0.85 ? isoOf(filing + int(1, 365)) : r < 0.9 ? filingDate : isoOf(filing - int(1, 180));

    r = rnd();
    const budget =
      r < 0.85
        ? int(200, 5000) * 100
        : r < 0.89
          ? MIN_BUDGET
          : r < 0.93
            ? MAX_BUDGET
            : r < 0.96
              ? pick([MIN_BUDGET - 1, int(10, 199) * 100])
              : pick([MAX_BUDGET + 1, int(5001, 20_000) * 100]);

    r = rnd();
    const requested =
      r < 0.85
        ? Math.floor(budget * (0.1 + 0.4 * rnd()))
        : r < 0.9
          ? Math.floor(budget / 2) // exactly 50 % (or just below for odd budgets): passes
          : Math.floor(budget / 2) + int(1, Math.max(1, Math.floor(budget * 0.4)));

    const obligationsUpToDate = rnd() < 0.95;
    const inDifficulty = rnd() < 0.05;

    const sector =
      rnd() < 0.9 ? pick(ALL_SECTORS.filter((s) => !EXCLUDED_SECTORS.includes(s))) : pick(EXCLUDED_SECTORS);

    out.push({
      id: `A${String(i).padStart(4, '0')}`,
      legalForm,
      headcount,
      turnover,
      region,
      creationDate,
      filingDate,
      projectStartDate,
      budget,
      requested,
      obligationsUpToDate,
      inDifficulty,
      sector,
    });
  }
  return out;
}

/**
 * Generates `count` applications (a fresh seeded set) where each field is absent with probability
 * `missingRate` (≈ 30 % of the fields by default).
 */
export function generatePartialApplications(
  count = 1000,
  seed = SEED_PARTIAL,
  missingRate = 0.3,
): PartialApplication[] {
  const rnd = mulberry32(seed ^ 0x9e3779b9);
  return generateApplications(count, seed).map((app) => {
    const partial: Record<string, unknown> = { id: app.id };
    for (const f of FIELDS) if (rnd() >= missingRate) partial[f] = app[f];
    return partial as PartialApplication;
  });
}

// ---------------------------------------------------------------------------------------------
// Hand-written reference evaluator
// ---------------------------------------------------------------------------------------------

/** Per-criterion pass/fail and the verdict. */
export interface ReferenceResult {
  eligible: boolean;
  criteria: Record<CriterionId, boolean>;
}

const LEGAL_FORMS = new Set(ELIGIBLE_LEGAL_FORMS);
const EXCLUDED = new Set(EXCLUDED_SECTORS);

/** Full evaluation, plain TypeScript: the speed baseline. */
export function evaluateReference(a: Application): ReferenceResult {
  const criteria: Record<CriterionId, boolean> = {
    legalForm: LEGAL_FORMS.has(a.legalForm),
    headcount: a.headcount < MAX_HEADCOUNT,
    turnover: a.turnover <= MAX_TURNOVER,
    region: a.region === REGION,
    companyAge: addYears(a.creationDate, 1) <= a.filingDate,
    projectStart: a.projectStartDate >= a.filingDate,
    budgetMin: a.budget >= MIN_BUDGET,
    budgetMax: a.budget <= MAX_BUDGET,
    requestedShare: a.requested <= a.budget * MAX_REQUESTED_SHARE,
    obligations: a.obligationsUpToDate === true,
    notInDifficulty: a.inDifficulty === false,
    sector: !EXCLUDED.has(a.sector),
  };
  const eligible =
    criteria.legalForm &&
    criteria.headcount &&
    criteria.turnover &&
    criteria.region &&
    criteria.companyAge &&
    criteria.projectStart &&
    criteria.budgetMin &&
    criteria.budgetMax &&
    criteria.requestedShare &&
    criteria.obligations &&
    criteria.notInDifficulty &&
    criteria.sector;
  return { eligible, criteria };
}

/** Three-valued result: `undefined` = cannot be decided with the fields given. */
export interface ReferencePartialResult {
  eligible: boolean | undefined;
  criteria: Record<CriterionId, boolean | undefined>;
  /**
   * Fields whose absence leaves the verdict undecided (sorted, in {@link FIELDS} order); empty when
   * the verdict is decided (one failed criterion is enough to refuse).
   */
  missing: Field[];
}

/** Partial evaluation: a criterion with an absent field is undecided; the verdict is Kleene AND. */
export function evaluateReferencePartial(a: PartialApplication): ReferencePartialResult {
  const {
    legalForm,
    headcount,
    turnover,
    region,
    creationDate,
    filingDate,
    projectStartDate,
    budget,
    requested,
    obligationsUpToDate,
    inDifficulty,
    sector,
  } = a;
  const criteria: Record<CriterionId, boolean | undefined> = {
    legalForm: legalForm === undefined ? undefined : LEGAL_FORMS.has(legalForm),
    headcount: headcount === undefined ? undefined : headcount < MAX_HEADCOUNT,
    turnover: turnover === undefined ? undefined : turnover <= MAX_TURNOVER,
    region: region === undefined ? undefined : region === REGION,
    companyAge:
      creationDate === undefined || filingDate === undefined
        ? undefined
        : addYears(creationDate, 1) <= filingDate,
    projectStart:
      projectStartDate === undefined || filingDate === undefined ? undefined : projectStartDate >= filingDate,
    budgetMin: budget === undefined ? undefined : budget >= MIN_BUDGET,
    budgetMax: budget === undefined ? undefined : budget <= MAX_BUDGET,
    requestedShare:
      requested === undefined || budget === undefined ? undefined : requested <= budget * MAX_REQUESTED_SHARE,
    obligations: obligationsUpToDate === undefined ? undefined : obligationsUpToDate === true,
    notInDifficulty: inDifficulty === undefined ? undefined : inDifficulty === false,
    sector: sector === undefined ? undefined : !EXCLUDED.has(sector),
  };
  if (
    criteria.legalForm === false ||
    criteria.headcount === false ||
    criteria.turnover === false ||
    criteria.region === false ||
    criteria.companyAge === false ||
    criteria.projectStart === false ||
    criteria.budgetMin === false ||
    criteria.budgetMax === false ||
    criteria.requestedShare === false ||
    criteria.obligations === false ||
    criteria.notInDifficulty === false ||
    criteria.sector === false
  ) {
    return { eligible: false, criteria, missing: [] };
  }
  // Every absent field leaves the criteria reading it undecided: when no criterion fails, the
  // missing fields are exactly the absent ones (in FIELDS order).
  const missing: Field[] = [];
  if (legalForm === undefined) missing.push('legalForm');
  if (headcount === undefined) missing.push('headcount');
  if (turnover === undefined) missing.push('turnover');
  if (region === undefined) missing.push('region');
  if (creationDate === undefined) missing.push('creationDate');
  if (filingDate === undefined) missing.push('filingDate');
  if (projectStartDate === undefined) missing.push('projectStartDate');
  if (budget === undefined) missing.push('budget');
  if (requested === undefined) missing.push('requested');
  if (obligationsUpToDate === undefined) missing.push('obligationsUpToDate');
  if (inDifficulty === undefined) missing.push('inDifficulty');
  if (sector === undefined) missing.push('sector');
  return { eligible: missing.length === 0 ? true : undefined, criteria, missing };
}
