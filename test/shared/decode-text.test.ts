/**
 * The strict UTF-8 and spreadsheet decoders against independent references: TextDecoder with
 * `fatal` (which bytes are UTF-8), iconv-lite (the Windows-1252 table), on random bytes and random
 * text, with the five bytes Windows-1252 leaves unassigned (WHATWG maps them to themselves).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeSpreadsheet,
  decodeUtf8,
  decodeWindows1252,
  firstInvalidUtf8,
} from '../../src/_shared/decodeText.js';

const fatal = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
/** Random bytes biased towards UTF-8 lead and continuation bytes. */
const bytesArb = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.integer({ min: 0xc0, max: 0xff }),
      fc.constantFrom(0xc3, 0xe0, 0xed, 0xf0, 0xf4),
    ),
    { maxLength: 24 },
  )
  .map((values) => Uint8Array.from(values));

describe('firstInvalidUtf8 and decodeUtf8', () => {
  it('refuse exactly the bytes TextDecoder fatal refuses, and the prefix before the offset is UTF-8', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        const offset = firstInvalidUtf8(bytes);
        expect(offset === -1).toBe(fatal(bytes));
        const decoded = decodeUtf8(bytes);
        expect(decoded.ok).toBe(offset === -1);
        if (offset >= 0) {
          expect(fatal(bytes.subarray(0, offset))).toBe(true);
          if (!decoded.ok) {
            expect(decoded.failure.offset).toBe(offset);
            expect(decoded.failure.byte).toBe(bytes[offset]);
            expect(decoded.failure.line).toBe(1 + bytes.subarray(0, offset).filter((b) => b === 0x0a).length);
          }
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('read any text written in UTF-8 back as it was, a byte order mark kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.boolean(), (text, bom) => {
        const written = new TextEncoder().encode(bom ? `\ufeff${text}` : text);
        expect(firstInvalidUtf8(written)).toBe(-1);
        expect(decodeUtf8(written)).toEqual({ ok: true, text: bom ? `\ufeff${text}` : text });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeWindows1252', () => {
  it('agrees with iconv-lite on every assigned byte, and maps the five unassigned ones to themselves', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const ours = decodeWindows1252(all);
    const theirs = iconv.decode(Buffer.from(all), 'windows-1252');
    const unassigned = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    for (let byte = 0; byte < 256; byte++)
      expect(ours.charCodeAt(byte)).toBe(unassigned.has(byte) ? byte : theirs.charCodeAt(byte));
    expect(decodeWindows1252(Uint8Array.of(0x80, 0x92, 0x9c, 0xe9))).toBe('€’œé');
  });

  it('reads long inputs whole (more than one block of 8,192 units)', () => {
    const bytes = new Uint8Array(20_000).fill(0xe9);
    expect(decodeWindows1252(bytes)).toBe('é'.repeat(20_000));
  });
});

describe('decodeSpreadsheet', () => {
  const win = (text: string) => Uint8Array.from(iconv.encode(text, 'windows-1252'));

  it('UTF-8 stays UTF-8; a French Excel CSV (Windows-1252) is read as such, saying where UTF-8 failed', () => {
    const utf8 = new TextEncoder().encode('intitulé;commune\nMobilité;Laon\n');
    expect(decodeSpreadsheet(utf8)).toEqual({
      ok: true,
      text: 'intitulé;commune\nMobilité;Laon\n',
      encoding: 'utf-8',
    });
    const excel = win('intitulé;montant\nMobilité « vélo »;80 000 €\n');
    const read = decodeSpreadsheet(excel);
    expect(read).toEqual({
      ok: true,
      text: 'intitulé;montant\nMobilité « vélo »;80 000 €\n',
      encoding: 'windows-1252',
      fallback: { offset: 7, byte: 0xe9, line: 1 },
    });
  });

  it('UTF-16 with its byte order mark; a forced encoding; a UTF-8 mark makes UTF-8 strict', () => {
    const text = 'intitulé\tcommune\n';
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeSpreadsheet(le)).toEqual({ ok: true, text: `\ufeff${text}`, encoding: 'utf-16le' });
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    expect(decodeSpreadsheet(be)).toEqual({ ok: true, text: `\ufeff${text}`, encoding: 'utf-16be' });
    const excel = win('é');
    expect(decodeSpreadsheet(excel, 'utf-8')).toEqual({
      ok: false,
      failure: { offset: 0, byte: 0xe9, line: 1 },
    });
    expect(decodeSpreadsheet(new TextEncoder().encode('é'), 'windows-1252')).toMatchObject({ text: 'Ã©' });
    const marked = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xe9]);
    expect(decodeSpreadsheet(marked)).toEqual({ ok: false, failure: { offset: 5, byte: 0xe9, line: 2 } });
  });

  it('never fails in auto mode without a UTF-8 mark, and keeps one character per byte when it falls back (random bytes)', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        fc.pre(!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf));
        fc.pre(!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff));
        const read = decodeSpreadsheet(bytes);
        expect(read.ok).toBe(true);
        if (read.ok && read.encoding === 'windows-1252') expect(read.text.length).toBe(bytes.length);
        if (read.ok) expect(read.encoding).toBe(fatal(bytes) ? 'utf-8' : 'windows-1252');
      }),
      { numRuns: 3000 },
    );
  });
});
