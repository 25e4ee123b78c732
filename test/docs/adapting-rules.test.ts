/**
 * The guides "adapt the rules to your region" (docs/adapting-rules.md, docs/fr/adapter-les-regles.md) run
 * as written, from an empty folder: each ```json file=NAME block is written to NAME, each ```sh line is
 * run (`mkdir`, `cd`, `npx cprdfop …` in-process; any other command fails the test, so the guides cannot
 * show one that is not checked), and each ```text output block that follows must appear in the command's
 * output line by line (no-break spaces compare as spaces), with the exit code it states (`exit=N`, default
 * 0; `stderr` for the error stream).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliRun, cli } from '../_helpers/cli.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
mkdirSync(join(root, 'test/.tmp'), { recursive: true });
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** No-break spaces (French typography) compare as spaces: the guides show what a reader sees. */
/** A guide's commands run in its language's locale (the CLI's default language comes from it). */
const guideEnv = (guide: string) =>
  guide.startsWith('docs/fr/') ? { LANG: 'fr_FR.UTF-8' } : { LC_ALL: 'en_US.UTF-8' };
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

interface Block {
  language: string;
  info: string;
  body: string;
}

function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)].map((match) => ({
    language: match[1]!,
    info: match[2]!.trim(),
    body: match[3]!,
  }));
}

async function runGuide(guide: string): Promise<{ commands: number; outputs: number; files: number }> {
  const folder = mkdtempSync(join(root, 'test/.tmp/guide-'));
  folders.push(folder);
  let cwd = folder;
  let last: { command: string; run: CliRun } | undefined;
  let checked = true;
  const counts = { commands: 0, outputs: 0, files: 0 };
  const settle = () => {
    if (last && !checked) expect(last.run.code, `${last.command}: ${last.run.stderr}`).toBe(0);
    checked = true;
  };
  for (const block of blocks(readFileSync(join(root, guide), 'utf8'))) {
    const file = /^file=(\S+)$/.exec(block.info)?.[1];
    if (block.language === 'json' && file) {
      writeFileSync(join(cwd, file), block.body);
      counts.files++;
    } else if (block.language === 'sh') {
      for (const line of block.body.split('\n').filter((text) => text.trim() !== '')) {
        settle();
        const [command, ...args] = line.trim().split(/\s+/);
        if (command === 'mkdir' && args.length === 1) mkdirSync(join(cwd, args[0]!));
        else if (command === 'cd' && args.length === 1) cwd = resolve(cwd, args[0]!);
        else if (command === 'npx' && args[0] === 'cprdfop') {
          last = { command: line, run: await cli(args.slice(1), { cwd, env: guideEnv(guide) }) };
          checked = false;
          counts.commands++;
        } else throw new Error(`${guide}: a command the guide test cannot run: ${line}`);
      }
    } else if (block.language === 'text' && block.info.startsWith('output')) {
      if (!last) throw new Error(`${guide}: an output block before any command`);
      const exit = Number(/exit=(\d+)/.exec(block.info)?.[1] ?? 0);
      const stream = spaces(block.info.includes('stderr') ? last.run.stderr : last.run.stdout);
      expect(last.run.code, `${last.command}: ${last.run.stderr}`).toBe(exit);
      for (const expected of block.body.split('\n').filter((text) => text.trim() !== '')) {
        expect(stream, `${last.command}`).toContain(spaces(expected));
      }
      checked = true;
      counts.outputs++;
    }
  }
  settle();
  return counts;
}

describe('the guides to adapt the rules run as written', () => {
  for (const guide of ['docs/adapting-rules.md', 'docs/fr/adapter-les-regles.md']) {
    it(`${guide}: from an empty folder to a verdict`, async () => {
      const counts = await runGuide(guide);
      expect(counts.files).toBeGreaterThanOrEqual(4);
      expect(counts.commands).toBeGreaterThanOrEqual(4);
      expect(counts.outputs).toBe(counts.commands);
    });
  }

  it('the test of the guides fails on an output the command does not print', async () => {
    const guide = 'test/.tmp/broken-guide.md';
    writeFileSync(
      join(root, guide),
      ['```sh', 'npx cprdfop rules test', '```', '', '```text output', 'no such line', '```', ''].join('\n'),
    );
    await expect(runGuide(guide)).rejects.toThrow(/no such line/);
    writeFileSync(join(root, guide), ['```sh', 'rm -rf /', '```', ''].join('\n'));
    await expect(runGuide(guide)).rejects.toThrow(/cannot run: rm -rf/);
    rmSync(join(root, guide));
  });
});
