/** The golden-file helper: a missing file fails (and is not created); only REGEN=1 writes. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden, regenerating } from './golden.js';

const dir = mkdtempSync(join(tmpdir(), 'cprdfop-golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expectGolden', () => {
  it('fails on a missing golden file and does not create it', () => {
    const file = join(dir, 'missing.svg');
    expect(() => expectGolden(file, '<svg/>', {})).toThrow(
      /golden file .*missing\.svg is missing: run `REGEN=1/,
    );
    expect(existsSync(file)).toBe(false);
  });
  it('fails when the content differs, and leaves the file as it was', () => {
    const file = join(dir, 'differs.svg');
    writeFileSync(file, '<svg>old</svg>');
    expect(() => expectGolden(file, '<svg>new</svg>', {})).toThrow(/differs from golden file/);
    expect(readFileSync(file, 'utf8')).toBe('<svg>old</svg>');
  });
  it('passes on equal content', () => {
    const file = join(dir, 'same.svg');
    writeFileSync(file, '<svg/>');
    expect(() => expectGolden(file, '<svg/>', {})).not.toThrow();
  });
  it('writes only with REGEN=1 exactly', () => {
    expect(regenerating({ REGEN: '1' })).toBe(true);
    for (const value of [undefined, '', '0', 'true', 'yes'])
      expect(regenerating({ REGEN: value })).toBe(false);
    const file = join(dir, 'sub', 'regen.svg');
    expectGolden(file, '<svg>regen</svg>', { REGEN: '1' });
    expect(readFileSync(file, 'utf8')).toBe('<svg>regen</svg>');
  });
});
