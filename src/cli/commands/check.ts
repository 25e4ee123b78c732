import type { Command } from 'commander';
import { ISO_DATE_REASON, isIsoDate } from '../../_shared/isoDate.js';
import { parseJsonWithLimits } from '../../_shared/jsonSafety.js';
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
import { loadJoinedTopology } from '../_support/geoInput.js';
import { runInteractive } from '../_support/interactive.js';
import { readInput } from '../_support/io.js';
import { checkLang } from '../_support/options.js';
import { loadRuleSet } from '../_support/ruleSets.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

const ICON = { pass: '✓ pass', fail: '✗ fail', unknown: '? unknown' } as const;
const VERDICT = {
  en: { eligible: 'ELIGIBLE', ineligible: 'INELIGIBLE', undetermined: 'UNDETERMINED' },
  fr: { eligible: 'ÉLIGIBLE', ineligible: 'INÉLIGIBLE', undetermined: 'INDÉTERMINÉ' },
} as const;
const T = {
  en: {
    asOf: 'as of',
    verdict: 'Verdict',
    missing: 'To decide, please provide',
    assumptions: 'Assumptions relied on',
    warnings: 'Warnings',
    funding: 'Funding',
    none: 'no date',
  },
  fr: {
    asOf: 'au',
    verdict: 'Verdict',
    missing: 'Pour conclure, renseigner',
    assumptions: 'Hypothèses utilisées',
    warnings: 'Avertissements',
    funding: 'Financement',
    none: 'sans date',
  },
} as const;

/** Formats an explanation for humans: verdict, a table of criteria, what is missing, assumptions. */
export function formatExplanation(e: Explanation, title: string, lang: 'fr' | 'en'): string {
  const t = T[lang];
  const rows = e.criteria.map((c) => [ICON[c.status], c.id, c.message[lang]] as const);
  const w0 = Math.max(...rows.map((r) => r[0].length), 6);
  const w1 = Math.max(...rows.map((r) => r[1].length), 9);
  const out = [
    `${title}`,
    `${e.ruleSet.id}@${e.ruleSet.version} (${e.ruleSet.hash.slice(0, 19)}…) — ${t.asOf} ${e.asOf ?? t.none}`,
    '',
    `${t.verdict}: ${VERDICT[lang][e.verdict]}`,
    '',
    ...rows.map((r) => `  ${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`),
  ];
  if (e.missing.length) out.push('', `${t.missing}: ${e.missing.join(', ')}`);
  if (e.funding) out.push('', `${t.funding}: ${e.funding.amount ?? '—'} ${e.funding.unit}`);
  if (e.assumptions.length) {
    out.push('', `${t.assumptions}:`);
    for (const a of e.assumptions) out.push(`  - ${a.name} = ${JSON.stringify(a.value)}: ${a.justification}`);
  }
  if (e.warnings.length) {
    out.push('', `${t.warnings}:`);
    for (const w of e.warnings) out.push(`  - ${w.message}`);
  }
  return `${out.join('\n')}\n`;
}

/** `cprdfop check <file|->`: the verdict of an ITIE application. */
export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description(
      'check an ITIE application: verdict, criteria, what is missing, assumptions (exit 0 whenever a verdict is produced)',
    )
    .argument('[file]', 'the application JSON file, or - for stdin (optional with --interactive)')
    .option(
      '--json',
      'print the explanation JSON (cprdfop.explanation/1); for invalid input, {"ok": false, "issues": [...]} with every issue (exit 65)',
    )
    .option('--as-of <date>', 'evaluation date YYYY-MM-DD (default: the application submittedOn)')
    .option(
      '--rules <file>',
      'another rule file (its region, declared fields and base: an overlay extending itie-hdf@2023.1 or ./a-base.ruleset.json)',
    )
    .option(
      '--contours <file>',
      'commune contours (GeoJSON/TopoJSON, any COG year): turns on and decides the contiguity criterion',
    )
    .option('--lang <lang>', 'language of the human output: fr or en', 'en')
    .option(
      '--interactive',
      'ask the next questions in the terminal, showing the verdict so far after each answer (Ctrl-C saves the answers given)',
    )
    .option('--save <file>', 'with --interactive: write the completed application to this file')
    .action(
      async (
        file: string | undefined,
        opts: {
          json?: boolean;
          asOf?: string;
          rules?: string;
          contours?: string;
          lang: string;
          interactive?: boolean;
          save?: string;
        },
      ) => {
        const lang = checkLang(opts.lang);
        if (opts.asOf !== undefined && !isIsoDate(opts.asOf)) {
          throw new CliError(
            `--as-of must be ${ISO_DATE_REASON[lang]}, not "${opts.asOf}"`,
            EXIT.USAGE,
            true,
          );
        }
        const ruleSet = opts.rules ? await loadRuleSet(ctx, opts.rules) : undefined;
        const interactive = { save: opts.save, lang, asOf: opts.asOf, ruleSet };
        if (file === undefined) {
          if (opts.interactive) return runInteractive(ctx, { initial: undefined, ...interactive });
          throw new CliError('missing <file>: the application JSON file, or - for stdin', EXIT.USAGE, true);
        }
        const name = file === '-' ? 'stdin' : file;
        /** Invalid input: with --json, every issue as JSON on stdout; always one line on stderr, exit 65. */
        const refuse = (issues: readonly ApplicationIssue[]): never => {
          if (opts.json) ctx.stdout.write(`${JSON.stringify({ ok: false, issues }, null, 2)}\n`);
          const first = issues[0]!;
          const what = first.code === 'not-in-force' ? 'no rule set in force' : `invalid application ${name}`;
          const more =
            issues.length > 1
              ? opts.json
                ? ` (${issues.length} issues, all listed on stdout)`
                : ` (and ${issues.length - 1} more: --json lists them all)`
              : '';
          throw new CliError(
            `${what}: ${first.path ? `${first.path}: ` : ''}${first.message}${more}`,
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
        const application = parsed.ok ? parsed.value : undefined;
        if (opts.interactive) return runInteractive(ctx, { initial: application, ...interactive });
        let contiguity: ContiguityCheck | undefined;
        if (opts.contours)
          contiguity = createContiguityProvider(await loadJoinedTopology(ctx, opts.contours));
        let result: ReturnType<typeof checkApplication>;
        try {
          // A rule file brings its own region and declared fields; without one, the ITIE defaults.
          result = ruleSet
            ? checkWithRules(ruleSet, application, { asOf: opts.asOf, contiguity })
            : checkApplication(application, { asOf: opts.asOf, contiguity });
        } catch (error) {
          if (error instanceof Error && error.name === 'RuleSetError') {
            throw new CliError(`invalid rule file ${opts.rules}: ${error.message}`, EXIT.DATAERR);
          }
          throw error;
        }
        if (!result.ok) return refuse(result.issues);
        const e = result.explanation;
        if (opts.json) ctx.stdout.write(`${JSON.stringify(e, null, 2)}\n`);
        else {
          const title = (ruleSet ?? { title: { fr: 'ITIE', en: 'ITIE' } }).title[lang];
          ctx.stdout.write(
            formatExplanation(
              e,
              ruleSet ? title : lang === 'fr' ? 'ITIE — Hauts-de-France' : 'ITIE — Hauts-de-France',
              lang,
            ),
          );
        }
        ctx.exitCode = EXIT.OK;
      },
    );
}
