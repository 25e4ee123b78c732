/**
 * The read-only reference folder `../shared` (real contours, FACTS.md, the seed article) is beside the
 * repository on a developer's machine and in CI, but absent on a fresh clone. Tests that need it go
 * through {@link requireShared}: when a file is missing they are skipped with the reason in their
 * title ("… (skipped: ../shared/geo/… absent)"), one warning line is printed per group, and vitest
 * counts them as skipped in its summary.
 *
 * `CPRDFOP_SHARED=<dir>` points the helper at another folder (`CPRDFOP_SHARED=/nonexistent` runs the
 * suite as a fresh clone would, without renaming the real folder).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared reference folder: `$CPRDFOP_SHARED`, else `<repo>/../shared`. */
export function sharedRoot(): string {
  const fromEnv = process.env.CPRDFOP_SHARED;
  return fromEnv ? resolve(fromEnv) : resolve(repoRoot, '..', 'shared');
}

/** What {@link requireShared} gives a test file. */
export interface SharedRequirement {
  /** Every required file exists. */
  present: boolean;
  /** Absolute path of the first required file (the one a test usually reads). */
  path: string;
  /** Absolute paths of every required file, in the order given. */
  paths: string[];
  /** `""` when present, else ` (skipped: ../shared/<file> absent)`: appended to the titles. */
  reason: string;
  /** `describe`, skipped with the reason in its title when a file is missing. */
  describe: (title: string, body: () => void) => void;
  /** `it`, skipped with the reason in its title when a file is missing. */
  it: (title: string, body: () => unknown, timeout?: number) => void;
}

/**
 * Looks up files under the shared root (paths relative to it, e.g. `geo/hauts-de-france-2018/communes.geojson`).
 * When one is missing, prints one line naming it and returns skipping `describe`/`it` variants.
 */
export function requireShared(what: string, ...files: [string, ...string[]]): SharedRequirement {
  const base = sharedRoot();
  const paths = files.map((file) => join(base, file));
  const missing = paths.filter((path) => !existsSync(path));
  const present = missing.length === 0;
  const shown = (path: string) =>
    process.env.CPRDFOP_SHARED ? path : `../shared/${relative(base, path).split('\\').join('/')}`;
  const reason = present ? '' : ` (skipped: ${shown(missing[0] ?? base)} absent)`;
  if (!present) {
    console.warn(
      `[skip] ${what}: ${missing.map(shown).join(', ')} absent (set CPRDFOP_SHARED to the reference folder)`,
    );
  }
  return {
    present,
    path: paths[0] ?? base,
    paths,
    reason,
    describe: (title, body) => describe.skipIf(!present)(`${title}${reason}`, body),
    it: (title, body, timeout) => it.skipIf(!present)(`${title}${reason}`, async () => body(), timeout),
  };
}
