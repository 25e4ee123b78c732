import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerCheck } from './check.js';
import { registerData } from './data.js';
import { registerExport } from './export.js';
import { registerLocate } from './locate.js';
import { registerMap } from './map.js';
import { registerPlan } from './plan.js';
import { registerRules } from './rules.js';
import { registerScreen } from './screen.js';
import { registerServe } from './serve.js';
import { registerTerritory } from './territory.js';

/**
 * Every sub-command of `cprdfop`, one file each under `src/cli/commands/`.
 * Add a command by writing `registerX(program, ctx)` in its own file and listing it here.
 */
export function registerCommands(program: Command, ctx: CliContext): void {
  registerPlan(program, ctx);
  registerCheck(program, ctx);
  registerRules(program, ctx);
  registerData(program, ctx);
  registerTerritory(program, ctx);
  registerMap(program, ctx);
  registerExport(program, ctx);
  registerLocate(program, ctx);
  registerServe(program, ctx);
  registerScreen(program, ctx);
}
