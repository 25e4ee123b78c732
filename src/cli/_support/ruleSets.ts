/** Rule-set loading shared by the `rules` and `check` commands (not part of the public API). */
import { itieRuleSets } from '../../itie/index.js';
import { type RuleSet, RuleSetError, resolveRuleSet, safeParseRuleSet } from '../../rules/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { parseJson, readInput } from './io.js';

/**
 * Loads a rule set given as a file or as a shipped `id@version` (e.g. `itie-hdf@2023.1`), resolving
 * overlays against the shipped rule sets; every problem is exit 65 (66 for an unreadable file).
 */
export async function loadRuleSet(ctx: CliContext, ref: string | undefined): Promise<RuleSet> {
  const shipped = itieRuleSets();
  if (ref === undefined) return shipped[shipped.length - 1]!;
  const found = shipped.find((r) => `${r.id}@${r.version}` === ref || r.id === ref);
  if (found && !/\.json$/i.test(ref)) return found;
  const parsed = safeParseRuleSet(parseJson(await readInput(ctx, ref), ref));
  if (!parsed.success) {
    const i = parsed.issues[0]!;
    throw new CliError(`invalid rule file ${ref}: ${i.path ? `${i.path}: ` : ''}${i.message}`, EXIT.DATAERR);
  }
  try {
    return resolveRuleSet(parsed.data, shipped);
  } catch (error) {
    if (error instanceof RuleSetError)
      throw new CliError(`invalid rule file ${ref}: ${error.message}`, EXIT.DATAERR);
    throw error;
  }
}
