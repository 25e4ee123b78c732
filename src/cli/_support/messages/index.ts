/** Every catalogue of the CLI, by name (for the completeness tests; commands import their own). */
import { CHECK, STATUS, VERDICT } from './check.js';
import { COMMON } from './common.js';
import { DATA } from './data.js';
import { EXPORT } from './export.js';
import { INTERACTIVE } from './interactive.js';
import { LOCATE, LOCATE_CSV, LOCATE_OUTPUT } from './locate.js';
import { MAP } from './map.js';
import { PLAN } from './plan.js';
import { MARK, RULES } from './rules.js';
import { SCREEN } from './screen.js';
import { SERVE } from './serve.js';
import { SUPPORT } from './support.js';
import { TERRITORY, TERRITORY_OUTPUT } from './territory.js';

export const CLI_CATALOGUES = {
  CHECK,
  STATUS,
  VERDICT,
  COMMON,
  DATA,
  EXPORT,
  INTERACTIVE,
  LOCATE,
  LOCATE_OUTPUT,
  LOCATE_CSV,
  MAP,
  PLAN,
  MARK,
  RULES,
  SCREEN,
  SERVE,
  SUPPORT,
  TERRITORY,
  TERRITORY_OUTPUT,
} as const;
