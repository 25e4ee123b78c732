import type { Command } from 'commander';
import { checkWithRules } from '../../itie/index.js';
import {
  applicationJsonSchema,
  diffRuleSets,
  fieldIndex,
  formatRuleSetDiff,
  hashRuleSet,
  runExamples,
} from '../../rules/index.js';
import { checkLang } from '../_support/options.js';
import { loadRuleSet } from '../_support/ruleSets.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

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
        const r = checkWithRules(rs, app, { asOf });
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
