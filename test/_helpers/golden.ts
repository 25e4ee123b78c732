/**
 * Golden files: compared, never written by a normal run. `REGEN=1` (exactly) rewrites them; a missing
 * golden file fails the test with the command that creates it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** True when this run regenerates golden files (`REGEN=1`). */
export function regenerating(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REGEN === '1';
}

/**
 * Expects `actual` to equal the content of the golden file `file` (absolute path). With `REGEN=1`
 * writes it first (and says so); without, a missing file is a failure, not a silent creation.
 */
export function expectGolden(file: string, actual: string, env: NodeJS.ProcessEnv = process.env): void {
  const shown = relative(repoRoot, file);
  if (regenerating(env)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    console.warn(`[golden] REGEN=1: wrote ${shown}`);
  }
  if (!existsSync(file)) {
    throw new Error(
      `golden file ${shown} is missing: run \`REGEN=1 npx vitest run <this test>\` and commit it`,
    );
  }
  expect(actual, `differs from golden file ${shown} (REGEN=1 to regenerate)`).toBe(
    readFileSync(file, 'utf8'),
  );
}
