import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatBytes, parseJsonWithLimits, type TextLimits } from '../../_shared/jsonSafety.js';
import { checkApplication, itieEvaluator, itieRuleSets } from '../../itie/index.js';
import {
  applicationJsonSchema,
  diffRuleSets,
  fieldIndex,
  formatRuleSetDiff,
  hashRuleSet,
  MAX_RULESET_BYTES,
  MAX_RULESET_DEPTH,
  MAX_RULESET_NODES,
  type RuleSet,
  RuleSetError,
  resolveRuleSet,
  runExamples,
  safeParseRuleSet,
} from '../../rules/index.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

const tooLarge = (file: string, maxBytes: number) =>
  new CliError(`${file}: larger than ${formatBytes(maxBytes)}: refused before reading it`, EXIT.DATAERR);

/**
 * Reads a file (or stdin for `-`) as text, refusing it (exit 65) as soon as it exceeds `maxBytes`: a
 * regular file is refused from its size before any byte is read, a stream while it is read. An
 * unreadable file is exit 66.
 */
export async function readInput(
  ctx: CliContext,
  file: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<string> {
  const name = file === '-' ? 'stdin' : file;
  const chunks: Buffer[] = [];
  let size = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(name, maxBytes);
    chunks.push(chunk);
  };
  if (file === '-') {
    for await (const chunk of ctx.stdin) take(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(resolve(ctx.cwd, file), 'r');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    throw new CliError(`cannot read ${file}: ${code}`, EXIT.NOINPUT);
  }
  try {
    const stats = await handle.stat();
    if (stats.isFile() && stats.size > maxBytes) throw tooLarge(name, maxBytes);
    for await (const chunk of handle.createReadStream({ autoClose: false })) take(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code ?? 'error';
    throw new CliError(`cannot read ${file}: ${code}`, EXIT.NOINPUT);
  } finally {
    await handle.close();
  }
}

/** Parses JSON text within the limits (size, depth, node count checked before parsing); exit 65 naming the file. */
export function parseJson(text: string, file: string, limits: TextLimits): unknown {
  const parsed = parseJsonWithLimits(text, limits);
  if (!parsed.ok) {
    const { path, message } = parsed.issue;
    throw new CliError(`${file}: ${path ? `${path}: ` : ''}${message}`, EXIT.DATAERR);
  }
  return parsed.value;
}

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
  const text = await readInput(ctx, ref, MAX_RULESET_BYTES);
  const parsed = safeParseRuleSet(parseJson(text, ref === '-' ? 'stdin' : ref, RULE_FILE_LIMITS));
  if (!parsed.success) {
    const i = parsed.issues[0]!;
    throw new CliError(`invalid rule file ${ref}: ${i.path ? `${i.path}: ` : ''}${i.message}`, EXIT.DATAERR);
  }
  try {
    const flat = resolveRuleSet(parsed.data, shipped);
    // Compiled now (and cached) so that an uncompilable file is a data error for every command, not an
    // internal error in `rules test` nor a clean exit in `rules show|diff`.
    itieEvaluator(flat);
    return flat;
  } catch (error) {
    if (error instanceof RuleSetError)
      throw new CliError(`invalid rule file ${ref}: ${error.message}`, EXIT.DATAERR);
    throw error;
  }
}

/** `cprdfop rules show|diff|schema|test`. */
export function registerRules(program: Command, ctx: CliContext): void {
  const rules = program
    .command('rules')
    .description('show, compare and test eligibility rule sets; print the JSON Schema of their applications');

  rules
    .command('show')
    .description(
      'print a rule set: validity, hash, parameters (with their marks), criteria (with sources) and declared fields',
    )
    .argument('[rules]', 'a rule file or a shipped id@version (default: the latest ITIE rule set)')
    .option('--json', 'print the flat rule set as JSON')
    .option('--lang <lang>', 'language of labels: fr or en', 'en')
    .action(async (ref: string | undefined, opts: { json?: boolean; lang: string }) => {
      const lang = checkLang(opts.lang);
      const rs = await loadRuleSet(ctx, ref);
      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify(rs, null, 2)}\n`);
        return;
      }
      const out: string[] = [
        `${rs.title[lang]}`,
        `${rs.id}@${rs.version} — valid ${rs.validFrom} → ${rs.validTo ?? '…'} — ${hashRuleSet(rs)}`,
        '',
        'Parameters:',
        ...rs.parameters.map(
          (p) =>
            `  ${p.name} = ${JSON.stringify(p.value)}${p.unit ? ` ${p.unit}` : ''} [${p.provenance.mark}]\n    ${p.provenance.justification}`,
        ),
        '',
        'Criteria:',
        ...rs.criteria.map(
          (c) =>
            `  ${c.id}: ${c.label[lang]}\n    source: ${c.source ? `${c.source.ref}${c.source.quote ? ` — « ${c.source.quote} »` : ''}` : '(consistency check, no source needed)'}`,
        ),
        ...(rs.fields?.length
          ? [
              '',
              'Declared fields:',
              ...[...fieldIndex(rs)].map(
                ([path, field]) =>
                  `  ${path} (${field.type}${field.unit ? `, ${field.unit}` : ''}): ${field.label[lang]}`,
              ),
            ]
          : []),
        '',
        `Funding formula: ${rs.funding ? (rs.funding.enabled ? `on (${rs.funding.unit})` : 'off') : 'none'}`,
      ];
      ctx.stdout.write(`${out.join('\n')}\n`);
    });

  rules
    .command('diff')
    .description('list what changed from one rule set to another (overlays resolved)')
    .argument('<a>', 'a rule file or a shipped id@version')
    .argument('<b>', 'a rule file or a shipped id@version')
    .option('--json', 'print the changes as JSON')
    .option('--lang <lang>', 'language of labels: fr or en', 'en')
    .action(async (a: string, b: string, opts: { json?: boolean; lang: string }) => {
      const lang = checkLang(opts.lang);
      const ra = await loadRuleSet(ctx, a);
      const rb = await loadRuleSet(ctx, b);
      const changes = diffRuleSets(ra, rb);
      if (opts.json) ctx.stdout.write(`${JSON.stringify(changes, null, 2)}\n`);
      else {
        ctx.stdout.write(
          `--- ${ra.id}@${ra.version}\n+++ ${rb.id}@${rb.version}\n${formatRuleSetDiff(changes, lang)}`,
        );
      }
    });

  rules
    .command('schema')
    .description(
      "print the JSON Schema (2020-12) of a rule set's applications, built from its declared fields",
    )
    .argument('[rules]', 'a rule file or a shipped id@version (default: the latest ITIE rule set)')
    .action(async (ref: string | undefined) => {
      const ruleSet = await loadRuleSet(ctx, ref);
      if (!ruleSet.fields?.length) {
        throw new CliError(
          `${ref ?? `${ruleSet.id}@${ruleSet.version}`}: the rule set declares no fields: no application schema to print`,
          EXIT.DATAERR,
        );
      }
      ctx.stdout.write(`${JSON.stringify(applicationJsonSchema(ruleSet), null, 2)}\n`);
    });

  rules
    .command('test')
    .description("run a rule set's embedded examples (exit 1 when one fails)")
    .argument('[rules]', 'a rule file or a shipped id@version (default: the latest ITIE rule set)')
    .action(async (ref: string | undefined) => {
      const rs = await loadRuleSet(ctx, ref);
      const results = runExamples(rs.examples ?? [], (app, asOf) => {
        const r = checkApplication(app, { asOf, ruleSet: rs });
        return r.ok ? r.explanation : r.issues.map((i) => `${i.path}: ${i.message}`);
      });
      let failed = 0;
      for (const r of results) {
        ctx.stdout.write(`${r.ok ? '✓' : '✗'} ${r.name}\n`);
        for (const f of r.failures) ctx.stdout.write(`    ${f}\n`);
        if (!r.ok) failed++;
      }
      ctx.stdout.write(
        `${results.length - failed}/${results.length} examples pass (${rs.id}@${rs.version})\n`,
      );
      if (failed) ctx.exitCode = EXIT.FAILURE;
    });
}

/** Validates `--lang`. */
export function checkLang(lang: string): 'fr' | 'en' {
  if (lang !== 'fr' && lang !== 'en')
    throw new CliError(`--lang must be fr or en, not "${lang}"`, EXIT.USAGE, true);
  return lang;
}
