/** Rule-set loading shared by the `rules` and `check` commands (not part of the public API). */
import { realpath } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { TextLimits } from '../../_shared/jsonSafety.js';
import { type Message, renderBoth } from '../../_shared/messages.js';
import { itieEvaluator, itieRuleSets } from '../../itie/index.js';
import {
  isRuleFileReference,
  MAX_RULESET_BYTES,
  MAX_RULESET_DEPTH,
  MAX_RULESET_NODES,
  type RuleSet,
  RuleSetError,
  resolveRuleSet,
  safeParseRuleSet,
} from '../../rules/index.js';
import { regions } from '../../territory/regions.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';
import { parseJson, readInput, resolvePath } from './io.js';
import { errorText, issueText, langOf, say } from './language.js';
import { SUPPORT } from './messages/support.js';

/** The longest chain of rule files extending each other (as for shipped bases). */
const MAX_CHAIN = 8;

/** The limits of a rule file, read from `cprdfop/rules`. */
export const RULE_FILE_LIMITS: TextLimits = {
  maxBytes: MAX_RULESET_BYTES,
  maxDepth: MAX_RULESET_DEPTH,
  maxNodes: MAX_RULESET_NODES,
};

/** A rule set read from a file, with its own path as shown to the user and its absolute path. */
interface RuleFile {
  ruleSet: RuleSet;
  shown: string;
  absolute: string | undefined;
}

/** Reads and validates one rule file (limits of `cprdfop/rules`); every problem names the file. */
async function readRuleFile(ctx: CliContext, file: string, shown: string, what: Message): Promise<RuleSet> {
  const text = await readInput(ctx, file, what, MAX_RULESET_BYTES);
  const parsed = safeParseRuleSet(parseJson(text, shown, RULE_FILE_LIMITS));
  if (!parsed.success) {
    const i = parsed.issues[0]!;
    throw new CliError(
      say(ctx, SUPPORT.invalidRuleFile, {
        file: shown,
        where: i.path ? say(ctx, SUPPORT.where, { path: i.path }) : '',
        message: issueText(i, langOf(ctx)),
      }),
      EXIT.DATAERR,
    );
  }
  return parsed.data;
}

/** The canonical absolute path of a file (symbolic links resolved), or its absolute path when it is absent. */
async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/**
 * Flattens a rule file whose `extends` names another rule file by a relative path (resolved against the
 * extending file's folder, stdin's against the working directory), recursively; a shipped `id@version`
 * base is resolved against the shipped rule sets. A missing base file is exit 66 naming it and the file
 * that extends it; a loop or a chain longer than 8 files is exit 65 naming the chain.
 */
async function flattenFile(ctx: CliContext, file: RuleFile, chain: readonly string[]): Promise<RuleSet> {
  const shipped = itieRuleSets();
  const { ruleSet } = file;
  const reference = ruleSet.extends;
  if (reference === undefined || !isRuleFileReference(reference)) return resolveRuleSet(ruleSet, shipped);
  const folder = file.absolute ? dirname(file.absolute) : resolvePath(ctx, '.');
  const baseAbsolute = await canonical(resolve(folder, reference));
  const baseShown = relative(ctx.cwd, baseAbsolute) || baseAbsolute;
  const names = [...chain, baseShown];
  if (chain.length >= MAX_CHAIN) {
    throw new RuleSetError(
      'extends',
      renderBoth(SUPPORT.chainTooLong, { max: MAX_CHAIN, chain: names.join(' → ') }),
    );
  }
  if (file.absolute === baseAbsolute || chain.includes(baseShown)) {
    throw new RuleSetError('extends', renderBoth(SUPPORT.circularChain, { chain: names.join(' → ') }));
  }
  let base: RuleSet;
  try {
    base = await readRuleFile(ctx, baseAbsolute, baseShown, SUPPORT.baseRuleFile);
  } catch (error) {
    if (!(error instanceof CliError) || error.exitCode !== EXIT.NOINPUT) throw error;
    const reason = error.message.slice(error.message.lastIndexOf(': ') + 2);
    throw new CliError(
      say(ctx, SUPPORT.cannotReadBase, { base: baseShown, reference, file: file.shown, reason }),
      EXIT.NOINPUT,
    );
  }
  const flatBase = await flattenFile(ctx, { ruleSet: base, shown: baseShown, absolute: baseAbsolute }, names);
  // The base is now flat: the overlay extends it by its id@version (its own id may be the same).
  return resolveRuleSet({ ...ruleSet, extends: `${flatBase.id}@${flatBase.version}` }, [flatBase]);
}

/**
 * Loads a rule set given as a file or as a shipped `id@version` (e.g. `itie-hdf@2023.1`), resolving
 * overlays against the shipped rule sets or, when `extends` is a relative path, against that rule file
 * (see {@link flattenFile}), checks that its `region` is a region of COG 2026, and compiles it; every
 * problem (too large, invalid JSON, schema, overlay, unknown region, compilation) is exit 65 (66 for an
 * unreadable file).
 */
export async function loadRuleSet(ctx: CliContext, ref: string | undefined): Promise<RuleSet> {
  const shipped = itieRuleSets();
  if (ref === undefined) return shipped[shipped.length - 1]!;
  const found = shipped.find((r) => `${r.id}@${r.version}` === ref || r.id === ref);
  if (found && !/\.json$/i.test(ref)) return found;
  const shown = ref === '-' ? 'stdin' : ref;
  const ruleSet = await readRuleFile(ctx, ref, shown, SUPPORT.ruleFile);
  const absolute = ref === '-' ? undefined : await canonical(resolvePath(ctx, ref));
  try {
    const flat = await flattenFile(ctx, { ruleSet, shown, absolute }, [shown]);
    if (flat.region !== undefined && !regions().some((region) => region.code === flat.region)) {
      throw new RuleSetError(
        'region',
        renderBoth(SUPPORT.unknownRegion, {
          region: flat.region,
          codes: regions()
            .map((region) => region.code)
            .join(', '),
        }),
      );
    }
    // Compiled now (and cached) so that an uncompilable file is a data error for every command, not an
    // internal error in `rules test` nor a clean exit in `rules show|diff`.
    itieEvaluator(flat);
    return flat;
  } catch (error) {
    if (error instanceof RuleSetError)
      throw new CliError(
        say(ctx, SUPPORT.invalidRuleFile, { file: shown, where: '', message: errorText(error, langOf(ctx)) }),
        EXIT.DATAERR,
      );
    throw error;
  }
}
