import ambitionsJson from '../../data/plan/ambitions.json';
import governanceJson from '../../data/plan/governance.json';
import partnerCategoriesJson from '../../data/plan/partner-categories.json';
import planJson from '../../data/plan/plan.json';
import schemesJson from '../../data/plan/schemes.json';
import { Ambition } from '../model/ambition.js';
import { GovernanceBody } from '../model/governanceBody.js';
import { PartnerCategory } from '../model/partnerCategory.js';
import { Plan } from '../model/plan.js';
import { Scheme } from '../model/scheme.js';

/** The plan's datasets, validated and frozen on first use (never at import). */
export interface PlanData {
  plan: Plan;
  ambitions: readonly Ambition[];
  partnerCategories: readonly PartnerCategory[];
  governanceBodies: readonly GovernanceBody[];
  schemes: readonly Scheme[];
}

let data: PlanData | undefined;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** @internal Loads (once) and returns the validated plan data. */
export function planData(): PlanData {
  if (!data) {
    data = deepFreeze({
      plan: Plan.parse(planJson),
      ambitions: Ambition.array().parse(ambitionsJson),
      partnerCategories: PartnerCategory.array().parse(partnerCategoriesJson),
      governanceBodies: GovernanceBody.array().parse(governanceJson),
      schemes: Scheme.array().parse(schemesJson),
    });
  }
  return data;
}
