/**
 * The server's fast paths against their reference: the depth check against `jsonDepth`, the media type
 * of the usual header, and the reused encoding buffer against `TextEncoder.encode` — including answers
 * sent concurrently, each of which must keep its own bytes.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkApplication } from '../../src/itie/index.js';
import { utf8Bytes } from '../../src/server/_utf8.js';
import { jsonDepth, mediaType, withinDepth } from '../../src/server/body.js';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { itieApplication } from '../_helpers/itieApplication.js';

const utf8 = new TextEncoder();

describe('withinDepth', () => {
  it('agrees with jsonDepth for any text of brackets, strings and escapes, around the limit', () => {
    const piece = fc.constantFrom('{', '}', '[', ']', '"', '\\', 'a', ',', ':', '"[{"', '{"a":[', ']}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (pieces, limit) => {
        const text = pieces.join('');
        expect(withinDepth(text, limit)).toBe(jsonDepth(text, limit) <= limit);
      }),
      { numRuns: 2000 },
    );
  });
  it('counts brackets inside strings only as a bound: many of them in strings are still within the limit', () => {
    const text = JSON.stringify({ title: '['.repeat(100), list: [[1], [2]] });
    expect(withinDepth(text, 3)).toBe(true);
    expect(withinDepth(text, 2)).toBe(jsonDepth(text, 2) <= 2);
    expect(withinDepth(`${'['.repeat(33)}${']'.repeat(33)}`, 32)).toBe(false);
    expect(withinDepth(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(true);
  });
});

describe('mediaType', () => {
  const typeOf = (header?: string) =>
    mediaType(new Request('http://x/', header === undefined ? {} : { headers: { 'content-type': header } }));
  it('reads the usual header as it is and any other one lower case without parameters', () => {
    expect(typeOf('application/json')).toBe('application/json');
    expect(typeOf(' Application/JSON ; charset=utf-8')).toBe('application/json');
    expect(typeOf('application/json;charset=utf-8')).toBe('application/json');
    expect(typeOf('application/jsonx')).toBe('application/jsonx');
    expect(typeOf()).toBe('');
  });
});

describe('utf8Bytes', () => {
  it('gives the bytes of TextEncoder.encode for any UTF-16 text, lone surrogates included', () => {
    const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (text) => {
        expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(utf8.encode(text)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it('gives every caller its own bytes: a later, longer or shorter text never changes an earlier answer', () => {
    const texts = ['é’ '.repeat(5000), 'a', '\u202f'.repeat(70_000), '', 'x'.repeat(1_500_000), 'b'];
    const answers = texts.map((text) => utf8Bytes(text));
    answers.forEach((bytes, index) => {
      expect(bytes.byteLength).toBe(Buffer.byteLength(texts[index]!));
      expect(Buffer.from(bytes).equals(Buffer.from(utf8.encode(texts[index]!)))).toBe(true);
    });
  });
});

describe('concurrent answers', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, ruleSets: loadRuleSets(), version: '0.0.0-test' });
  });
  afterAll(async () => {
    await server.close();
  });
  it('each POST /v1/check answer is its own explanation, byte for byte, when many are in flight', async () => {
    const complete = itieApplication('Mobilité vers l’emploi en Thiérache');
    const { budget: _budget, ...partial } = complete;
    const applications = [complete, partial, { ...complete, themes: ['formation'] }];
    const expected = applications.map((application) => {
      const outcome = checkApplication(application);
      if (!outcome.ok) throw new Error('a test application is invalid');
      return JSON.stringify(outcome.explanation);
    });
    expect(new Set(expected).size).toBe(applications.length);
    const answers = await Promise.all(
      Array.from({ length: 48 }, async (_, index) => {
        const response = await fetch(`${server.url}/v1/check`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(applications[index % applications.length]),
        });
        return { index, status: response.status, text: await response.text() };
      }),
    );
    for (const { index, status, text } of answers) {
      expect(status).toBe(200);
      expect(text).toBe(expected[index % applications.length]);
    }
  });
});
