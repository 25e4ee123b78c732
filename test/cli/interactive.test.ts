/**
 * `cprdfop check --interactive` (issue #15) driven through a real pseudo-terminal: the CLI runs in a
 * tmux session on a private socket; the test reads the screen and types keys like a carrier would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../_helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `cprdfop-interactive-${process.pid}`;
const directory = mkdtempSync(join(tmpdir(), 'cprdfop-interactive-'));
const example = JSON.parse(readFileSync('examples/applications/eligible-mobilite-laonnois.json', 'utf8'));

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (session: string) => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', session);
const keys = (session: string, ...sequence: string[]) => {
  for (const key of sequence) tmux('send-keys', '-t', session, key);
};
async function waitFor(session: string, text: string | RegExp): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const shown = screen(session);
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`"${String(text)}" never shown; the screen:\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
/** Starts `cprdfop check --interactive …args` in a new session; the shell prints EXIT=<code> at the end. */
function start(session: string, args: string[]): void {
  const command = `node --import tsx src/cli/main.ts check --interactive ${args.join(' ')}; echo EXIT=$?; sleep 600`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '60', '-c', process.cwd(), command);
}
const startFrom = (name: string, drop: (application: typeof example) => void): string => {
  const application = structuredClone(example);
  drop(application);
  const path = join(directory, name);
  writeFileSync(path, JSON.stringify(application));
  return path;
};

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  rmSync(directory, { recursive: true, force: true });
});

describe.skipIf(!hasTmux)('check --interactive in a pseudo-terminal', () => {
  it('asks the missing questions in English, shows the verdict after each answer and saves the application', async () => {
    const from = startFrom('eligible.json', (application) => {
      delete application.themes;
      delete application.budget.requested;
    });
    const out = join(directory, 'eligible-out.json');
    start('eligible', [from, '--save', out, '--lang', 'en']);
    await waitFor('eligible', 'Which themes does the project contribute to?');
    expect(screen('eligible')).toContain('Verdict so far: UNDETERMINED');
    keys('eligible', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter'); // Mobility
    await waitFor('eligible', 'How much aid is requested? (EUR)');
    expect(screen('eligible')).toContain('7 of 8 criteria met, 1 undecided');
    keys('eligible', '40000', 'Enter');
    const shown = await waitFor('eligible', /EXIT=\d+/);
    expect(shown).toContain('Verdict: ELIGIBLE');
    expect(shown).toContain('EXIT=0');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(example);
  });

  it('in French, with French typography, reaches ineligible', async () => {
    const from = startFrom('ineligible.json', (application) => {
      delete application.budget.requested;
    });
    start('ineligible', [from, '--lang', 'fr']);
    await waitFor('ineligible', 'Quel montant d’aide est demandé\u202f? (EUR)');
    expect(screen('ineligible')).toContain('Verdict provisoire\u00a0: INDÉTERMINÉ');
    keys('ineligible', '90000', 'Enter');
    const shown = await waitFor('ineligible', /EXIT=\d+/);
    expect(shown).toContain('Verdict\u00a0: INÉLIGIBLE');
    expect(shown).toContain('✗');
    expect(shown).toContain('EXIT=0');
  });

  it('Ctrl-C saves the answers given in a file it names, next to --save', async () => {
    const from = startFrom('interrupted.json', (application) => {
      delete application.themes;
      delete application.budget.requested;
    });
    start('interrupted', [from, '--save', join(directory, 'interrupted-out.json'), '--lang', 'en']);
    await waitFor('interrupted', 'Which themes does the project contribute to?');
    keys('interrupted', 'Down', 'Down', 'Down', 'Down', 'Space', 'Enter');
    await waitFor('interrupted', 'How much aid is requested? (EUR)');
    keys('interrupted', 'C-c');
    const shown = await waitFor('interrupted', /EXIT=\d+/);
    const saved = join(directory, 'interrupted-out.partial.json');
    expect(shown.replace(/\s+/g, '')).toContain(`Interrupted:theanswersgivenaresavedin${saved}`);
    expect(shown).toContain('EXIT=1');
    const partial = JSON.parse(readFileSync(saved, 'utf8'));
    expect(partial.themes).toEqual(['mobilite']);
    expect(partial.budget).toEqual({ total: 80000 });
  });
});

describe('check without a file', () => {
  it('is a usage error without --interactive', async () => {
    const run = await cli(['check']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('missing <file>');
  });
});
