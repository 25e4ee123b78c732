import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';

/**
 * A rule set document is invalid: bad shape, unknown operator, wrong arity, unknown parameter, unsafe
 * key, too deep or too large, or an overlay that cannot be applied. `path` names the faulty node, e.g.
 * `criteria[2].when.all[1]`.
 *
 * @example
 * ```ts
 * import { RuleSetError } from 'cprdfop/rules';
 * new RuleSetError('criteria[0].when', { fr: 'opérateur inconnu «\u202ffoo\u202f»', en: 'unknown operator "foo"' }).code; // "E_RULESET_INVALID"
 * ```
 * @category Errors
 */
export class RuleSetError extends CprdfopError {
  /** Where the problem is, e.g. `criteria[2].when.all[1]` (empty for the whole document). */
  readonly path: string;
  /**
   * @param path - The path of the faulty node.
   * @param message - What is wrong there: `{ fr, en }`, or one English string.
   */
  constructor(path: string, message: string | { fr: string; en: string }) {
    super(
      'E_RULESET_INVALID',
      path ? renderBoth({ fr: '{path} : {message}', en: '{path}: {message}' }, { path, message }) : message,
    );
    this.name = 'RuleSetError';
    this.path = path;
  }
}

/**
 * No version of a rule set is in force on the evaluation date.
 *
 * @example
 * ```ts
 * import { NoRuleSetInForceError } from 'cprdfop/rules';
 * new NoRuleSetInForceError('itie-hdf', '2019-01-01', ['2023.1 (2023-01-01 → …)']).code; // "E_NO_RULESET_IN_FORCE"
 * ```
 * @category Errors
 */
export class NoRuleSetInForceError extends CprdfopError {
  /** The rule set id. */
  readonly ruleSetId: string;
  /** The evaluation date. */
  readonly asOf: string;
  /**
   * @param ruleSetId - The rule set id asked for.
   * @param asOf - The evaluation date.
   * @param known - A description of each known version and its validity window.
   */
  constructor(ruleSetId: string, asOf: string, known: readonly string[]) {
    super(
      'E_NO_RULESET_IN_FORCE',
      renderBoth(
        {
          fr: 'aucune version du jeu de règles « {id} » n’est en vigueur le {asOf} (versions connues : {known})',
          en: 'no version of rule set "{id}" is in force on {asOf} (known: {known})',
        },
        {
          id: ruleSetId,
          asOf,
          known: known.length ? known.join(', ') : { fr: 'aucune', en: 'none' },
        },
      ),
    );
    this.name = 'NoRuleSetInForceError';
    this.ruleSetId = ruleSetId;
    this.asOf = asOf;
  }
}

/**
 * A rule set was evaluated on a date outside its validity window (`validFrom` → `validTo`, inclusive).
 * Such an evaluation has no verdict — never `eligible` or `ineligible` — so `evaluate` throws this
 * instead of answering. `asOf`, `validFrom` and `validTo` (`null`: open-ended) say which date and window.
 *
 * @example
 * ```ts
 * import { RuleSetNotInForceError } from 'cprdfop/rules';
 * const error = new RuleSetNotInForceError(
 *   { id: 'itie-hdf', version: '2023.1', validFrom: '2023-01-01' }, '2022-06-01');
 * error.code; // "E_RULESET_NOT_IN_FORCE"
 * error.message; // "rule set itie-hdf@2023.1 is not in force on 2022-06-01 (valid 2023-01-01 → …) / le jeu de règles itie-hdf@2023.1 n’est pas en vigueur le 2022-06-01 (valable du 2023-01-01 au …)"
 * ```
 * @category Errors
 */
export class RuleSetNotInForceError extends CprdfopError {
  /** The rule set id. */
  readonly ruleSetId: string;
  /** The rule set version. */
  readonly version: string;
  /** The evaluation date, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** First day in force. */
  readonly validFrom: string;
  /** Last day in force, `null` when open-ended. */
  readonly validTo: string | null;
  /**
   * @param ruleSet - The rule set's id, version and validity window.
   * @param asOf - The evaluation date outside the window.
   */
  constructor(
    ruleSet: { id: string; version: string; validFrom: string; validTo?: string | undefined },
    asOf: string,
  ) {
    const name = `${ruleSet.id}@${ruleSet.version}`;
    const until = ruleSet.validTo ?? '…';
    const messages = renderBoth(
      {
        fr: 'le jeu de règles {name} n’est pas en vigueur le {asOf} (valable du {from} au {until})',
        en: 'rule set {name} is not in force on {asOf} (valid {from} → {until})',
      },
      { name, asOf, from: ruleSet.validFrom, until },
    );
    super('E_RULESET_NOT_IN_FORCE', messages);
    // The message has always carried both languages; it stays the same (messages has each one alone).
    this.message = `${messages.en} / ${messages.fr}`;
    this.name = 'RuleSetNotInForceError';
    this.ruleSetId = ruleSet.id;
    this.version = ruleSet.version;
    this.asOf = asOf;
    this.validFrom = ruleSet.validFrom;
    this.validTo = ruleSet.validTo ?? null;
  }
}

/** The package's one invalid-date error (see `cprdfop`'s `InvalidDateError`), also thrown by the rules. */
export { InvalidDateError } from '../plan/InvalidDateError.js';
