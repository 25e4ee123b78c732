/**
 * Bodies that are not UTF-8 (a Windows-1252 é, a truncated sequence, a surrogate written in UTF-8),
 * over real HTTP: `invalid-json` naming the byte and its offset, never a U+FFFD put in place of the
 * byte and the application checked as if it said that. In an NDJSON batch the bad line is reported
 * in place and the others are checked; a character cut between two chunks is read whole.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src/_shared/decodeText.js';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { appArb } from '../rules/_itie.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, ruleSets: loadRuleSets(), version: '0.0.0-test' });
});
afterAll(async () => {
  await server.close();
});

const encoder = new TextEncoder();
const json = { 'content-type': 'application/json' };
const ndjson = { 'content-type': 'application/x-ndjson' };
/** An application whose title holds `bad` bytes in the middle, and the offset of the first bad one. */
const withBytes = (
  app: unknown,
  bad: readonly number[],
): { body: Uint8Array<ArrayBuffer>; offset: number } => {
  const text = JSON.stringify({ ...(app as object), title: 'Mobilit\u0000' });
  const [before, after] = text.split('\\u0000') as [string, string];
  const head = encoder.encode(before);
  return { body: new Uint8Array([...head, ...bad, ...encoder.encode(after)]), offset: head.length };
};
/** Byte sequences that are not UTF-8. */
const badBytes = fc.constantFrom(
  [0xe9], // é in Windows-1252
  [0xc3], // the first byte of é alone
  [0xed, 0xa0, 0x80], // a surrogate
  [0xc0, 0xaf], // an overlong /
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xff],
);

describe('POST /v1/check with bytes that are not UTF-8', () => {
  it('is invalid-json naming the byte and its offset, in French and English (random applications)', async () => {
    await fc.assert(
      fc.asyncProperty(appArb, badBytes, fc.constantFrom('fr', 'en'), async (app, bad, lang) => {
        const { body, offset } = withBytes(app, bad);
        expect(firstInvalidUtf8(body)).toBe(offset);
        const response = await fetch(`${server.url}/v1/check?lang=${lang}`, {
          method: 'POST',
          body,
          headers: json,
        });
        expect(response.status).toBe(400);
        const problem = (await response.json()) as { type: string; detail: string };
        expect(problem.type).toMatch(/invalid-json$/);
        const byte = `0x${(bad[0] as number).toString(16).toUpperCase()}`;
        expect(problem.detail).toContain(
          lang === 'en' ? `byte ${byte} at offset ${offset}` : `octet ${byte} à la position ${offset}`,
        );
      }),
      { numRuns: 30 },
    );
  });

  it('a body with a UTF-8 byte order mark is read as without one', async () => {
    await fc.assert(
      fc.asyncProperty(appArb, async (app) => {
        const text = encoder.encode(JSON.stringify(app));
        const post = (body: Uint8Array<ArrayBuffer>) =>
          fetch(`${server.url}/v1/check`, { method: 'POST', body, headers: json });
        const plain = await post(text);
        const marked = await post(new Uint8Array([0xef, 0xbb, 0xbf, ...text]));
        expect(marked.status).toBe(plain.status);
        expect(await marked.json()).toEqual(await plain.json());
      }),
      { numRuns: 10 },
    );
  });
});

describe('POST /v1/check/batch (NDJSON) with a line that is not UTF-8', () => {
  const lines = (text: string) =>
    text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { index: number; ok: boolean; problem?: { detail: string } });

  it('reports that line in place and checks the others (random position, random chunking)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(appArb, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        badBytes,
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        async (apps, at, bad, cuts) => {
          const badLine = at % apps.length;
          const parts = apps.map((app, i) =>
            i === badLine ? withBytes(app, bad).body : encoder.encode(JSON.stringify(app)),
          );
          const all = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
          let size = 0;
          for (const part of parts) {
            all.set(part, size);
            all[size + part.length] = 0x0a;
            size += part.length + 1;
          }
          // sent in chunks cut anywhere, so also inside a multi-byte character of a good line
          const chunks: Uint8Array[] = [];
          let from = 0;
          for (let k = 0; from < all.length; k++) {
            const length = cuts[k % cuts.length] as number;
            chunks.push(all.slice(from, from + length));
            from += length;
          }
          const body = new ReadableStream<Uint8Array>({
            pull(controller) {
              const chunk = chunks.shift();
              if (chunk) controller.enqueue(chunk);
              else controller.close();
            },
          });
          const response = await fetch(`${server.url}/v1/check/batch?lang=en`, {
            method: 'POST',
            body,
            headers: ndjson,
            duplex: 'half',
          } as RequestInit);
          expect(response.status).toBe(200);
          const results = lines(await response.text());
          expect(results.map((r) => r.index)).toEqual(apps.map((_, i) => i));
          const whole = await fetch(`${server.url}/v1/check/batch?lang=en`, {
            method: 'POST',
            body: all,
            headers: ndjson,
          });
          // chunking changes nothing
          expect(results).toEqual(lines(await whole.text()));
          const problem = results[badLine]?.problem;
          expect(results[badLine]?.ok).toBe(false);
          expect(problem?.detail).toContain(`line ${badLine + 1}: not UTF-8 text`);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a line holding é, « » and 🚲 cut in every place between two chunks reads the same as whole', async () => {
    const text = `${JSON.stringify({ title: 'Mobilité « vélo » 🚲 en Thiérache' })}\n`;
    const all = encoder.encode(text);
    const whole = await (
      await fetch(`${server.url}/v1/check/batch`, { method: 'POST', body: all, headers: ndjson })
    ).text();
    for (let cut = 1; cut < all.length; cut++) {
      const chunks = [all.slice(0, cut), all.slice(cut)];
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = chunks.shift();
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const response = await fetch(`${server.url}/v1/check/batch`, {
        method: 'POST',
        body,
        headers: ndjson,
        duplex: 'half',
      } as RequestInit);
      expect(await response.text()).toBe(whole);
    }
  });
});
