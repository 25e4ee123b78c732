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

/** Median and quartiles of ratios. */
export interface RatioSummary {
  median: number;
  p25: number;
  p75: number;
}

/**
 * Median over `rounds` interleaved rounds (A B B A, then B A A B) of time(a) / time(b), each block
 * running its task `repeat` times: a shared machine swings more than the 15 % being measured, and
 * interleaving with a median resists that. Returns the median ratio and its quartiles, of wall time and
 * of this process's CPU time (`cpu`: less sensitive to other processes taking the cores).
 */
export function interleavedRatio(
  a: () => void,
  b: () => void,
  rounds: number,
  repeat: number,
): RatioSummary & { cpu: RatioSummary } {
  const block = (task: () => void) => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < repeat; i++) task();
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    return { wall, cpu: cpu.user + cpu.system };
  };
  for (let i = 0; i < 3; i++) {
    block(a);
    block(b);
  }
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [a, b, b, a] : [b, a, a, b];
    const time = { a: { wall: 0, cpu: 0 }, b: { wall: 0, cpu: 0 } };
    for (const task of order) {
      const measured = block(task);
      const into = task === a ? time.a : time.b;
      into.wall += measured.wall;
      into.cpu += measured.cpu;
    }
    ratios.push(time.a.wall / time.b.wall);
    cpuRatios.push(time.a.cpu / time.b.cpu);
  }
  const summary = (values: number[]): RatioSummary => {
    values.sort((x, y) => x - y);
    const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))]!;
    return { median: at(0.5), p25: at(0.25), p75: at(0.75) };
  };
  return { ...summary(ratios), cpu: summary(cpuRatios) };
}
