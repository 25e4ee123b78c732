import { type Command, Option } from 'commander';
import { ambitions } from '../../plan/ambitions.js';
import { plan } from '../../plan/plan.js';
import { planPeriod } from '../../plan/planPeriod.js';
import type { CliContext } from '../context.js';

const t = {
  fr: {
    period: 'Période',
    aliases: 'aussi cité comme',
    assumed: 'bornes supposées',
    dates: 'Dates clés',
    elaborationStart: 'Début de l’élaboration',
    presentedToCouncillors: 'Présentation aux élus',
    signed: 'Signature',
    announcedUpdate: 'Mise à jour annoncée',
    signatories: 'Signataires',
    more: 'plus de',
    about: 'environ',
    ambitions: 'Ambitions stratégiques',
    unverified: '(formulation officielle non vérifiée)',
  },
  en: {
    period: 'Period',
    aliases: 'also cited as',
    assumed: 'assumed boundaries',
    dates: 'Key dates',
    elaborationStart: 'Drafting started',
    presentedToCouncillors: 'Presented to councillors',
    signed: 'Signed',
    announcedUpdate: 'Announced update',
    signatories: 'Signatories',
    more: 'more than',
    about: 'about',
    ambitions: 'Strategic ambitions',
    unverified: '(official wording not verified)',
  },
} as const;

/** `cprdfop plan [--json] [--lang fr|en]`: prints the plan, its dates and ambitions. */
export function registerPlan(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description('print the plan, its dates and ambitions')
    .option('--json', 'print JSON (plan, period and ambitions, with provenance)')
    .addOption(new Option('--lang <lang>', 'language of the text output').choices(['fr', 'en']).default('fr'))
    .action((opts: { json?: boolean; lang: 'fr' | 'en' }) => {
      const p = plan();
      const period = planPeriod();
      if (opts.json) {
        ctx.stdout.write(`${JSON.stringify({ plan: p, ambitions: ambitions() }, null, 2)}\n`);
        return;
      }
      const l = t[opts.lang];
      const iso = (d: Date) =>
        `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const out: string[] = [
        `${p.acronym} Hauts-de-France ${p.period.label}`,
        p.title,
        '',
        `${l.period}: ${period.label} (${l.aliases} ${period.aliases.join(', ')}); ${l.assumed}: ${iso(period.start)} → ${iso(period.end)}`,
        '',
        `${l.dates}:`,
      ];
      for (const key of [
        'elaborationStart',
        'presentedToCouncillors',
        'signed',
        'announcedUpdate',
      ] as const) {
        out.push(`  ${l[key].padEnd(26)} ${p.dates[key].date}`);
      }
      out.push(
        '',
        `${l.signatories}: ${l.more} ${p.signatories.count.min}, ${l.about} ${p.signatories.count.approx}`,
        '',
        `${l.ambitions}:`,
      );
      for (const a of ambitions()) {
        out.push(`  ${a.number}. ${a.label[opts.lang]}${a.verified ? '' : ` ${l.unverified}`}`);
      }
      ctx.stdout.write(`${out.join('\n')}\n`);
    });
}
