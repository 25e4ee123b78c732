/** Rule-set loading shared by the `rules` and `check` commands (not part of the public API). */
import type { TextLimits } from '../../_shared/jsonSafety.js';
import { itieEvaluator, itieRuleSets } from '../../itie/index.js';
import {
  MAX_RULESET_BYTES,
  MAX_RULESET_DEPTH,
  MAX_RULESET_NODES,
  type RuleSet,
  RuleSetError,
  resolveRuleSet,
  safeParseRuleSet,
} from '../../rules/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { parseJson, readInput } from './io.js';
import { say } from './language.js';
import { SUPPORT } from './messages/support.js';

/** The limits of a rule file, read from `cprdfop/rules`. */
export const RULE_FILE_LIMITS: TextLimits = {
  maxBytes: MAX_RULESET_BYTES,
  maxDepth: MAX_RULESET_DEPTH,
  maxNodes: MAX_RULESET_NODES,
};

/**
 * Loads a rule set given as a file or as a shipped `id@version` (e.g. `itie-hdf@2023.1`), resolving
 * overlays against the shipped rule sets, and compiles it; every problem (too large, invalid JSON, schema,
 * overlay, compilation) is exit 65 (66 for an unreadable file).
 */
export async function loadRuleSet(ctx: CliContext, ref: string | undefined): Promise<RuleSet> {
  const shipped = itieRuleSets();
  if (ref === undefined) return shipped[shipped.length - 1]!;
  const found = shipped.find((r) => `${r.id}@${r.version}` === ref || r.id === ref);
  if (found && !/\.json$/i.test(ref)) return found;
  const text = await readInput(ctx, ref, 'rule file', MAX_RULESET_BYTES);
  const parsed = safeParseRuleSet(parseJson(text, ref === '-' ? 'stdin' : ref, RULE_FILE_LIMITS));
  if (!parsed.success) {
    const i = parsed.issues[0]!;
    throw new CliError(
      say(ctx, SUPPORT.invalidRuleFile, {
        file: ref,
        where: i.path ? say(ctx, SUPPORT.where, { path: i.path }) : '',
        message: i.message,
      }),
      EXIT.DATAERR,
    );
  }
  try {
    const flat = resolveRuleSet(parsed.data, shipped);
    // Compiled now (and cached) so that an uncompilable file is a data error for every command, not an
    // internal error in `rules test` nor a clean exit in `rules show|diff`.
    itieEvaluator(flat);
    return flat;
  } catch (error) {
    if (error instanceof RuleSetError)
      throw new CliError(
        say(ctx, SUPPORT.invalidRuleFile, { file: ref, where: '', message: error.message }),
        EXIT.DATAERR,
      );
    throw error;
  }
}
