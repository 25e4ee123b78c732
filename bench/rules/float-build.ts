/**
 * The engine as it was before exact decimal arithmetic (issue #12), for the "cost of exact numbers"
 * measure: the sources of `src/rules` and `src/_shared` at {@link FLOAT_REVISION} (the commit before
 * exact arithmetic, binary floating point), extracted with git into `bench/.tmp/` and imported from
 * there, so both builds run in the same process and the same tinybench run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The last commit whose engine computes in binary floating point. */
export const FLOAT_REVISION = '681a15b23cc5d0d4d7f3c990d6a8eea11681d955';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Extracts the float build (once) and returns its `src/rules/index.ts` path, or why it cannot. */
export function floatBuildEntry(): { entry: string } | { unavailable: string } {
  const target = join(root, 'bench', '.tmp', `float-${FLOAT_REVISION.slice(0, 12)}`);
  const entry = join(target, 'src', 'rules', 'index.ts');
  if (existsSync(entry)) return { entry };
  try {
    const files = execFileSync(
      'git',
      ['ls-tree', '-r', '--name-only', FLOAT_REVISION, 'src/rules', 'src/_shared', 'src/errors.ts'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean);
    for (const file of files) {
      const text = execFileSync('git', ['show', `${FLOAT_REVISION}:${file}`], {
        cwd: root,
        encoding: 'utf8',
      });
      mkdirSync(dirname(join(target, file)), { recursive: true });
      writeFileSync(join(target, file), text);
    }
    return { entry };
  } catch (error) {
    return {
      unavailable: `git cannot extract ${FLOAT_REVISION.slice(0, 12)} (${String(error).split('\n')[0]})`,
    };
  }
}

/**
 * Median over `rounds` interleaved rounds (A B B A, then B A A B) of time(a) / time(b), each block
 * running its task `repeat` times: a shared machine swings more than the 15 % being measured, and
 * interleaving with a median resists that. Returns the median ratio and its quartiles.
 */
export function interleavedRatio(
  a: () => void,
  b: () => void,
  rounds: number,
  repeat: number,
): { median: number; p25: number; p75: number } {
  const block = (task: () => void) => {
    const start = performance.now();
    for (let i = 0; i < repeat; i++) task();
    return performance.now() - start;
  };
  for (let i = 0; i < 3; i++) {
    block(a);
    block(b);
  }
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let timeA = 0;
    let timeB = 0;
    if (round % 2 === 0) {
      timeA += block(a);
      timeB += block(b);
      timeB += block(b);
      timeA += block(a);
    } else {
      timeB += block(b);
      timeA += block(a);
      timeA += block(a);
      timeB += block(b);
    }
    ratios.push(timeA / timeB);
  }
  ratios.sort((x, y) => x - y);
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]!;
  return { median: at(0.5), p25: at(0.25), p75: at(0.75) };
}
