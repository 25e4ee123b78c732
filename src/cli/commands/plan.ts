import type { Command } from 'commander';
import { ambitions } from '../../plan/ambitions.js';
import { plan } from '../../plan/plan.js';
import { planPeriod } from '../../plan/planPeriod.js';
import { langOf, say } from '../_support/language.js';
import { PLAN } from '../_support/messages/plan.js';
import type { CliContext } from '../context.js';

/** `cprdfop plan [--json]` (and the global `--lang fr|en`): prints the plan, its dates and ambitions. */
export function registerPlan(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description(say(ctx, PLAN.description))
    .option('--json', say(ctx, PLAN.jsonOption))
    .action((opts: { json?: boolean }) => {
      const p = plan();
      const period = planPeriod();
      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify({ plan: p, ambitions: ambitions() }, null, 2)}\n`);
        return;
      }
      const lang = langOf(ctx);
      const iso = (d: Date) =>
        `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const out: string[] = [
        `${p.acronym} Hauts-de-France ${p.period.label}`,
        p.title,
        '',
        say(ctx, PLAN.period, {
          label: period.label,
          aliases: period.aliases.join(', '),
          start: iso(period.start),
          end: iso(period.end),
        }),
        '',
        say(ctx, PLAN.dates),
      ];
      for (const key of [
        'elaborationStart',
        'presentedToCouncillors',
        'signed',
        'announcedUpdate',
      ] as const) {
        out.push(`  ${say(ctx, PLAN[key]).padEnd(26)} ${p.dates[key].date}`);
      }
      out.push(
        '',
        say(ctx, PLAN.signatories, { min: p.signatories.count.min, approx: p.signatories.count.approx }),
        '',
        say(ctx, PLAN.ambitions),
      );
      for (const a of ambitions()) {
        out.push(`  ${a.number}. ${a.label[lang]}${a.verified ? '' : ` ${say(ctx, PLAN.unverified)}`}`);
      }
      ctx.stdout.write(`${out.join('\n')}\n`);
    });
}
