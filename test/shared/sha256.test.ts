/**
 * The hand-written SHA-256 (today `src/rules/_hash.ts`; it may move to `src/_shared/`) against
 * `node:crypto` as the independent reference: random strings, every padding boundary of one and two
 * blocks (55/56/63/64/65 bytes…), multi-byte UTF-8 that straddles them, lone surrogates, large inputs.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex as sha256 } from '../../src/_shared/sha256.js';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');
/** Byte lengths where the padding changes: around one block (64) and two (128), and the empty input. */
const BOUNDARIES = [0, 1, 54, 55, 56, 57, 63, 64, 65, 118, 119, 120, 121, 127, 128, 129, 191, 192];

describe('sha256 agrees with node:crypto', () => {
  it('on the published test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('on ASCII inputs of every boundary length (and every length up to 200)', () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'a'.repeat(length);
      expect(sha256(text), `length ${length}`).toBe(reference(text));
    }
  });

  it('on multi-byte UTF-8 whose byte length lands on or next to a boundary', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BOUNDARIES),
        fc.constantFrom('é', '€', '😀', 'ﬀ', '\u0000'),
        fc.string({ maxLength: 4 }),
        (target, wide, prefix) => {
          // wide characters, then ASCII to reach exactly `target` bytes (when the prefix fits)
          let text = prefix;
          while (utf8Length(text + wide) <= target) text += wide;
          text += 'x'.repeat(Math.max(0, target - utf8Length(text)));
          if (utf8Length(prefix) <= target) expect(utf8Length(text)).toBe(target);
          expect(sha256(text)).toBe(reference(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on random strings: any code unit, lone surrogates included (both encode them as U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256(text)).toBe(reference(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (text) => {
          expect(sha256(text)).toBe(reference(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on large inputs (1 MiB and 3 MiB + 2 bytes, multi-byte)', () => {
    const mib = 'é€😀a'.repeat(1 << 18).slice(0, 1 << 20);
    expect(sha256(mib)).toBe(reference(mib));
    const large = `${'x'.repeat(3 << 20)}é`;
    expect(utf8Length(large)).toBe((3 << 20) + 2);
    expect(sha256(large)).toBe(reference(large));
  });

  it('tells inputs one bit apart (the property test above can fail)', () => {
    expect(sha256('a'.repeat(64))).not.toBe(sha256(`${'a'.repeat(63)}c`));
    expect(sha256('\u0000')).not.toBe(sha256(''));
  });
});
