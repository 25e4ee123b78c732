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
import { langOf, say, typeset } from '../_support/language.js';
import { COMMON } from '../_support/messages/common.js';
import { MARK, RULES } from '../_support/messages/rules.js';
import { loadRuleSet } from '../_support/ruleSets.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

/** A provenance mark in the language asked (an unknown mark is shown as it is written). */
function markName(mark: string, lang: 'fr' | 'en'): string {
  return Object.hasOwn(MARK, mark) ? MARK[mark as keyof typeof MARK][lang] : mark;
}

/** `cprdfop rules show|diff|schema|test`. */
export function registerRules(program: Command, ctx: CliContext): void {
  const rules = program.command('rules').description(say(ctx, RULES.description));

  rules
    .command('show')
    .description(say(ctx, RULES.showDescription))
    .argument(say(ctx, COMMON.rulesArgument), say(ctx, RULES.ruleSetArgument))
    .option('--json', say(ctx, RULES.showJsonOption))
    .action(async (ref: string | undefined, opts: { json?: boolean }) => {
      const lang = langOf(ctx);
      const rs = await loadRuleSet(ctx, ref);
      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify(rs, null, 2)}\n`);
        return;
      }
      const out: string[] = [
        `${rs.title[lang]}`,
        say(ctx, RULES.validity, {
          ruleSet: `${rs.id}@${rs.version}`,
          from: rs.validFrom,
          to: rs.validTo ?? say(ctx, RULES.openEnd),
          hash: hashRuleSet(rs),
        }),
        '',
        say(ctx, RULES.parameters),
        ...rs.parameters.map(
          (p) =>
            `  ${p.name} = ${JSON.stringify(p.value)}${p.unit ? ` ${p.unit}` : ''} [${markName(p.provenance.mark, lang)}]\n    ${
              typeof p.provenance.justification === 'string'
                ? p.provenance.justification
                : typeset(p.provenance.justification[lang], lang)
            }`,
        ),
        '',
        say(ctx, RULES.criteria),
        ...rs.criteria.map(
          (c) =>
            `  ${c.id}: ${typeset(c.label[lang], lang)}\n    ${
              c.source
                ? say(ctx, RULES.source, {
                    source: `${c.source.ref}${c.source.quote ? ` — «\u202f${c.source.quote}\u202f»` : ''}`,
                  })
                : say(ctx, RULES.noSource)
            }`,
        ),
        ...(rs.fields?.length
          ? [
              '',
              say(ctx, RULES.declaredFields),
              ...[...fieldIndex(rs)].map(
                ([path, field]) =>
                  `  ${path} (${field.type}${field.unit ? `, ${field.unit}` : ''})${lang === 'fr' ? '\u00a0' : ''}: ${typeset(field.label[lang], lang)}`,
              ),
            ]
          : []),
        '',
        rs.funding
          ? rs.funding.enabled
            ? say(ctx, RULES.fundingOn, { unit: rs.funding.unit })
            : say(ctx, RULES.fundingOff)
          : say(ctx, RULES.fundingNone),
      ];
      ctx.stdout.write(`${out.join('\n')}\n`);
    });

  rules
    .command('diff')
    .description(say(ctx, RULES.diffDescription))
    .argument('<a>', say(ctx, RULES.shippedArgument))
    .argument('<b>', say(ctx, RULES.shippedArgument))
    .option('--json', say(ctx, RULES.diffJsonOption))
    .action(async (a: string, b: string, opts: { json?: boolean }) => {
      const lang = langOf(ctx);
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
    .description(say(ctx, RULES.schemaDescription))
    .argument(say(ctx, COMMON.rulesArgument), say(ctx, RULES.ruleSetArgument))
    .action(async (ref: string | undefined) => {
      const ruleSet = await loadRuleSet(ctx, ref);
      if (!ruleSet.fields?.length) {
        throw new CliError(
          say(ctx, RULES.noFields, { ruleSet: ref ?? `${ruleSet.id}@${ruleSet.version}` }),
          EXIT.DATAERR,
        );
      }
      ctx.stdout.write(`${JSON.stringify(applicationJsonSchema(ruleSet), null, 2)}\n`);
    });

  rules
    .command('test')
    .description(say(ctx, RULES.testDescription))
    .argument(say(ctx, COMMON.rulesArgument), say(ctx, RULES.ruleSetArgument))
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
        `${say(ctx, RULES.examplesPass, { passed: results.length - failed, total: results.length, ruleSet: `${rs.id}@${rs.version}` })}\n`,
      );
      if (failed) ctx.exitCode = EXIT.FAILURE;
    });
}
