/**
 * The static parts of explanations (labels, messages, sources, parameter values, `missing` lists,
 * assumptions): deeply frozen copies shared by every explanation, registered so that
 * `serializeExplanation` writes each one's JSON once and reuses it (a deeply frozen value's JSON never
 * changes).
 */
import type { AssumptionUsed, CriterionStatus } from './Explanation.js';
import type { ParameterValue, RuleSource, RuleText } from './RuleSet.js';

/** Deeply frozen values of the engine, with their JSON once written (`0` until then). */
export const STATIC_JSON = new WeakMap<object, string | 0>();

/** Freezes a value the engine built (and everything in it) and registers it as static. */
export function shareFrozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !STATIC_JSON.has(value)) {
    if (Array.isArray(value)) for (const item of value) shareFrozen(item);
    else for (const key of Object.keys(value)) shareFrozen((value as Record<string, unknown>)[key]);
    Object.freeze(value);
    STATIC_JSON.set(value, 0);
  }
  return value;
}

/** A deeply frozen, registered copy of JSON data from a rule set (the rule set itself is not touched). */
export function frozenCopy<T>(value: T): T {
  return value !== null && typeof value === 'object' ? shareFrozen(structuredClone(value)) : value;
}

/**
 * The static part of a criterion explanation for one status, shared by every evaluation; `json` is
 * its JSON around `observed`, written on first use by `serializeExplanation`.
 */
export interface Part {
  readonly id: string;
  readonly status: CriterionStatus;
  readonly label: RuleText;
  readonly message: RuleText;
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  readonly source: RuleSource | null;
  readonly missing: readonly string[];
  /** The criterion's assumptions when they do not depend on the evaluation (else each evaluation's). */
  readonly assumptions: readonly AssumptionUsed[];
  /** The fields the criterion reads (the keys of `observed`, in order) and their slots. */
  readonly keys: readonly string[];
  readonly slots: readonly number[];
  json?: { before: string; after: string; keys: readonly string[] };
}

/** The parts sharing a message object (an own `unknown` message serves every `missing` list). */
export const PARTS_BY_MESSAGE = new WeakMap<object, Part[]>();

/** Registers a part (its static members must already be shared with {@link shareFrozen}). */
export function registerPart(part: Part): Part {
  const parts = PARTS_BY_MESSAGE.get(part.message);
  if (parts) {
    if (parts.length > 256) parts.splice(0, 128);
    parts.push(part);
  } else PARTS_BY_MESSAGE.set(part.message, [part]);
  return part;
}
