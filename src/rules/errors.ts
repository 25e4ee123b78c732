import { CprdfopError } from '../errors.js';

/**
 * A rule set document is invalid: bad shape, unknown operator, wrong arity, unknown parameter, unsafe
 * key, too deep or too large, or an overlay that cannot be applied. `path` names the faulty node, e.g.
 * `criteria[2].when.all[1]`.
 *
 * @example
 * ```ts
 * import { RuleSetError } from 'cprdfop/rules';
 * new RuleSetError('criteria[0].when', 'unknown operator "foo"').code; // "E_RULESET_INVALID"
 * ```
 * @category Errors
 */
export class RuleSetError extends CprdfopError {
  /** Where the problem is, e.g. `criteria[2].when.all[1]` (empty for the whole document). */
  readonly path: string;
  /**
   * @param path - The path of the faulty node.
   * @param message - What is wrong there.
   */
  constructor(path: string, message: string) {
    super('E_RULESET_INVALID', path ? `${path}: ${message}` : message);
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
      `no version of rule set "${ruleSetId}" is in force on ${asOf} (known: ${known.join(', ') || 'none'})`,
    );
    this.name = 'NoRuleSetInForceError';
    this.ruleSetId = ruleSetId;
    this.asOf = asOf;
  }
}
