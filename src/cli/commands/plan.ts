import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerPlan(program: Command, ctx: CliContext): void {
  program
    .command('plan')
    .description('print the plan, its dates and ambitions')
    .action(() => {
      ctx.stdout.write('CPRDFOP\n');
    });
}
