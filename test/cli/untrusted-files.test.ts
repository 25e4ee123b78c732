import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../_helpers/cli.js';

let dir = '';
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cprdfop-untrusted-'));
  // 32 MiB of rule file: a criteria array of tiny lists (what used to cost gigabytes once expanded).
  const bomb = `{"format":"cprdfop.ruleset/1","id":"x","version":"1","title":{"fr":"X","en":"X"},"validFrom":"2023-01-01","criteria":[${'[],'.repeat(11_184_810)}[]]}`;
  writeFileSync(at('bomb-32mb.ruleset.json'), bomb);
  // 12 MiB: below the byte limit, refused by the node count found while scanning the text.
  writeFileSync(at('nodes-12mb.ruleset.json'), `[${'0,'.repeat(6_291_455)}0]`);
  // 1 MiB of nesting.
  writeFileSync(at('deep.ruleset.json'), `${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`);
  // 8 MiB application.
  writeFileSync(
    at('big-application.json'),
    JSON.stringify({ territory: { communes: new Array(1_000_000).fill('59350') } }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('untrusted rule files and applications are refused while reading (exit 65)', () => {
  it('a 32 MB rule file: every rules command and check --rules', async () => {
    for (const args of [
      ['rules', 'show', at('bomb-32mb.ruleset.json')],
      ['rules', 'test', at('bomb-32mb.ruleset.json')],
      ['rules', 'diff', 'itie-hdf@2023.1', at('bomb-32mb.ruleset.json')],
      [
        'check',
        'examples/applications/eligible-mobilite-laonnois.json',
        '--rules',
        at('bomb-32mb.ruleset.json'),
      ],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(65);
      expect(r.stderr).toBe(
        `cprdfop: ${at('bomb-32mb.ruleset.json')}: larger than 16777216 bytes (16 MiB): refused before reading it\n`,
      );
    }
  });
  it('a 32 MB rule file on stdin is refused while it is read', async () => {
    const r = await cli(['rules', 'show', '-'], { stdin: ' '.repeat(32 * 1024 * 1024) });
    expect(r.code).toBe(65);
    expect(r.stderr).toBe('cprdfop: stdin: larger than 16777216 bytes (16 MiB): refused before reading it\n');
  });
  it('too many values or too deep: refused by the scan before parsing, naming where', async () => {
    const many = await cli(['rules', 'show', at('nodes-12mb.ruleset.json')]);
    expect(many.code).toBe(65);
    expect(many.stderr).toBe(
      `cprdfop: ${at('nodes-12mb.ruleset.json')}: [199999]: more than 200000 JSON values\n`,
    );
    const deep = await cli(['rules', 'show', at('deep.ruleset.json')]);
    expect(deep.code).toBe(65);
    expect(deep.stderr).toMatch(/: a\.a\.a.*: nested deeper than 64 levels\n$/);
  });
  it('an 8 MB application', async () => {
    const r = await cli(['check', at('big-application.json')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toBe(
      `cprdfop: ${at('big-application.json')}: larger than 1048576 bytes (1 MiB): refused before reading it\n`,
    );
    const piped = await cli(['check', '-', '--json'], { stdin: ' '.repeat(8 * 1024 * 1024) });
    expect(piped.code).toBe(65);
    expect(piped.stderr).toContain('stdin: larger than 1048576 bytes (1 MiB)');
  });
});
