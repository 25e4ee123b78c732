import type { Command } from 'commander';
import { ISO_DATE_REASON, isIsoDate } from '../../_shared/isoDate.js';
import { parseJsonWithLimits } from '../../_shared/jsonSafety.js';
import {
  formatDay,
  formatMoney,
  formatNumber,
  type Message,
  type MessageValue,
  renderMessage,
} from '../../_shared/messages.js';
import { createContiguityProvider } from '../../geo/createContiguityProvider.js';
import {
  type ApplicationIssue,
  type ContiguityCheck,
  checkApplication,
  checkWithRules,
  MAX_APPLICATION_BYTES,
  MAX_APPLICATION_DEPTH,
  MAX_APPLICATION_NODES,
} from '../../itie/index.js';
import type { Explanation } from '../../rules/index.js';
import { localizeIssues } from '../_support/applicationIssues.js';
import { loadJoinedTopology } from '../_support/geoInput.js';
import { runInteractive } from '../_support/interactive.js';
import { readInput } from '../_support/io.js';
import { errorText, issueText, langOf, say, typeset } from '../_support/language.js';
import { CHECK, STATUS, VERDICT } from '../_support/messages/check.js';
import { COMMON } from '../_support/messages/common.js';
import { SUPPORT } from '../_support/messages/support.js';
import { loadRuleSet } from '../_support/ruleSets.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

/** Formats an explanation for humans: verdict, a table of criteria, what is missing, assumptions. */
export function formatExplanation(e: Explanation, title: string, lang: 'fr' | 'en'): string {
  const say = (message: Message, values?: Record<string, MessageValue>) =>
    renderMessage(message, lang, values);
  const rows = e.criteria.map((c) => [say(STATUS[c.status]), c.id, typeset(c.message[lang], lang)] as const);
  const w0 = Math.max(...rows.map((r) => r[0].length), 6);
  const w1 = Math.max(...rows.map((r) => r[1].length), 9);
  const out = [
    `${title}`,
    say(CHECK.header, {
      ruleSet: `${e.ruleSet.id}@${e.ruleSet.version}`,
      hash: e.ruleSet.hash.slice(0, 19),
      asOf: e.asOf ? formatDay(e.asOf, lang) : say(CHECK.noDate),
    }),
    '',
    say(CHECK.verdict, { verdict: VERDICT[e.verdict] }),
    '',
    ...rows.map((r) => `  ${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`),
  ];
  if (e.missing.length) out.push('', say(CHECK.missing, { fields: e.missing.join(', ') }));
  if (e.funding) {
    const { amount, unit } = e.funding;
    const shown =
      amount === null || amount === undefined
        ? `— ${unit}`
        : unit === 'EUR'
          ? formatMoney(Number(amount), lang)
          : `${formatNumber(Number(amount), lang)} ${unit}`;
    out.push('', say(CHECK.funding, { amount: shown }));
  }
  if (e.assumptions.length) {
    out.push('', say(CHECK.assumptions));
    for (const a of e.assumptions) {
      // Both languages when the explanation has them (an explanation of an older copy: the English).
      const justifications: unknown = a.justifications;
      out.push(
        `  - ${say(CHECK.assumption, {
          name: a.name,
          value: JSON.stringify(a.value),
          justification:
            justifications !== undefined ? (justifications as Message)[lang] : String(a.justification),
        })}`,
      );
    }
  }
  if (e.warnings.length) {
    out.push('', say(CHECK.warnings));
    // A warning of the package carries its French; one without (a custom provider's) is shown as given.
    for (const w of e.warnings) out.push(`  - ${w.messages?.[lang] ?? typeset(w.message, lang)}`);
  }
  return `${out.join('\n')}\n`;
}

/** `cprdfop check <file|->`: the verdict of an ITIE application. */
export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description(say(ctx, CHECK.description))
    .argument(say(ctx, COMMON.optionalFileArgument), say(ctx, CHECK.fileArgument))
    .option('--json', say(ctx, CHECK.jsonOption))
    .option('--as-of <date>', say(ctx, CHECK.asOfOption))
    .option('--rules <file>', say(ctx, CHECK.rulesOption))
    .option('--contours <file>', say(ctx, CHECK.contoursOption))
    .option('--topology <file>', say(ctx, SUPPORT.topologyOption))
    .option('--interactive', say(ctx, CHECK.interactiveOption))
    .option('--save <file>', say(ctx, CHECK.saveOption))
    .action(
      async (
        file: string | undefined,
        opts: {
          json?: boolean;
          asOf?: string;
          rules?: string;
          contours?: string;
          topology?: string;
          interactive?: boolean;
          save?: string;
        },
      ) => {
        const lang = langOf(ctx);
        if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) {
          throw new CliError(
            say(ctx, CHECK.badAsOf, { reason: ISO_DATE_REASON[lang], value: opts.asOf }),
            EXIT.USAGE,
            true,
          );
        }
        if (opts.topology !== undefined && opts.contours === undefined)
          throw new CliError(
            say(ctx, SUPPORT.topologyNeedsContours, { path: opts.topology }),
            EXIT.USAGE,
            true,
          );
        const ruleSet = opts.rules ? await loadRuleSet(ctx, opts.rules) : undefined;
        const interactive = { save: opts.save, lang, asOf: opts.asOf, ruleSet };
        if (file === undefined) {
          if (opts.interactive) return runInteractive(ctx, { initial: undefined, ...interactive });
          throw new CliError(say(ctx, CHECK.missingFile), EXIT.USAGE, true);
        }
        const name = file === '-' ? say(ctx, COMMON.stdin) : file;
        let application: unknown;
        /** Invalid input: with --json, every issue as JSON on stdout; always one line on stderr, exit 65. */
        const refuse = (englishIssues: readonly ApplicationIssue[]): never => {
          // Issues about the JSON text itself (no document parsed) keep their message.
          const issues =
            application === undefined
              ? englishIssues.map((issue) => ({ ...issue, message: issueText(issue, lang) }))
              : localizeIssues(englishIssues, application, lang);
          if (opts.json) ctx.stdout.write(`${JSON.stringify({ ok: false, issues }, null, 2)}\n`);
          const first = issues[0]!;
          const what =
            first.code === 'not-in-force'
              ? say(ctx, CHECK.noRuleSetInForce)
              : say(ctx, CHECK.invalidApplication, { name });
          const more =
            issues.length > 1
              ? opts.json
                ? say(ctx, CHECK.moreOnStdout, { count: issues.length })
                : say(ctx, CHECK.moreWithJson, { count: issues.length - 1 })
              : '';
          const where = first.path ? say(ctx, CHECK.where, { path: first.path }) : '';
          throw new CliError(
            say(ctx, CHECK.refused, { what, where, message: first.message, more }),
            EXIT.DATAERR,
          );
        };
        let text: string;
        try {
          text = await readInput(ctx, file, undefined, MAX_APPLICATION_BYTES);
        } catch (error) {
          if (opts.json && error instanceof CliError && error.exitCode === EXIT.DATAERR) {
            const issues = [{ path: '', code: 'unsafe', message: error.message }];
            ctx.stdout.write(`${JSON.stringify({ ok: false, issues }, null, 2)}\n`);
          }
          throw error;
        }
        const parsed = parseJsonWithLimits(text, {
          maxBytes: MAX_APPLICATION_BYTES,
          maxDepth: MAX_APPLICATION_DEPTH,
          maxNodes: MAX_APPLICATION_NODES,
        });
        if (!parsed.ok) {
          const code = parsed.issue.message.startsWith('invalid JSON') ? 'invalid' : 'unsafe';
          refuse([{ ...parsed.issue, code }]);
        }
        application = parsed.ok ? parsed.value : undefined;
        if (opts.interactive) return runInteractive(ctx, { initial: application, ...interactive });
        let contiguity: ContiguityCheck | undefined;
        if (opts.contours)
          contiguity = createContiguityProvider(
            await loadJoinedTopology(ctx, opts.contours, undefined, { topology: opts.topology }),
          );
        let result: ReturnType<typeof checkApplication>;
        try {
          // A rule file brings its own region and declared fields; without one, the ITIE defaults.
          result = ruleSet
            ? checkWithRules(ruleSet, application, { asOf: opts.asOf, contiguity })
            : checkApplication(application, { asOf: opts.asOf, contiguity });
        } catch (error) {
          if (error instanceof Error && error.name === 'RuleSetError') {
            throw new CliError(
              say(ctx, CHECK.invalidRuleFile, { file: opts.rules ?? '', message: errorText(error, lang) }),
              EXIT.DATAERR,
            );
          }
          throw error;
        }
        if (!result.ok) return refuse(result.issues);
        const e = result.explanation;
        if (opts.json) ctx.stdout.write(`${JSON.stringify(e, null, 2)}\n`);
        else {
          const title = ruleSet ? ruleSet.title[lang] : 'ITIE — Hauts-de-France';
          ctx.stdout.write(formatExplanation(e, title, lang));
        }
        ctx.exitCode = EXIT.OK;
      },
    );
}
