/**
 * The open-data client's own validation issues (invalid JSON, an envelope that drifted from the
 * documented shape) in French and English: the error's French lists French details. Issues from the
 * caller's own schema keep that schema's text (there is nothing to translate them from).
 */
import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/_shared/typography.js';
import { createClient } from '../../src/opendata/createClient.js';
import { createOdsClient } from '../../src/opendata/createOdsClient.js';
import { ResponseValidationError } from '../../src/opendata/ResponseValidationError.js';
import { ENGLISH_WORDS, prose } from '../_helpers/englishScan.js';

/** A fetch that answers every request with one body (no socket: nothing reaches a host). */
const answering =
  (body: string, type = 'application/json'): typeof fetch =>
  async () =>
    new Response(body, { status: 200, headers: { 'content-type': type } });

async function caught(run: () => Promise<unknown>): Promise<ResponseValidationError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ResponseValidationError) return error;
    throw error;
  }
  throw new Error('expected a ResponseValidationError');
}

function expectFrench(error: ResponseValidationError): void {
  const { fr, en } = error.messages;
  expect(en).toBe(error.message);
  expect(fr).not.toBe(en);
  expect(frenchTypography(fr)).toBe(fr);
  // the URL and the parser's quoted text are not prose
  expect(ENGLISH_WORDS.exec(prose(fr.replace(/https?:\S+/g, ' ')))?.[0]).toBeUndefined();
}

describe('open-data validation issues in French and English', () => {
  it('a body that is not JSON', async () => {
    const client = createClient({ fetch: answering('{not json'), retry: false });
    const error = await caught(() => client.json('https://x.test/a'));
    expect(error.message).toMatch(
      /^invalid response from https:\/\/x\.test\/a: \(root\): body is not valid JSON \(/,
    );
    expect(error.messages.fr).toMatch(
      /^réponse invalide de https:\/\/x\.test\/a\u00a0: \(racine\)\u00a0: le corps n’est pas du JSON valide \(erreur de syntaxe/,
    );
    expectFrench(error);
  });

  it('an Opendatasoft page whose envelope drifted', async () => {
    const ods = createOdsClient({
      baseUrl: 'https://ods.test/api/explore/v2.1',
      fetch: answering(JSON.stringify({ results: 'nope', total_count: 'many' })),
      retry: false,
    });
    const error = await caught(() => ods.getRecords('d'));
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'expected an array, got string',
      'expected a number, got string',
    ]);
    expect(error.issues.map((issue) => issue.messages?.fr)).toEqual([
      'un tableau est attendu, reçu string',
      'un nombre est attendu, reçu string',
    ]);
    expectFrench(error);
  });

  it("an issue without French (from the caller's schema) is shown as given in both", () => {
    const error = new ResponseValidationError('https://x.test/r', [
      { path: [3, 'code'], message: 'expected string' },
      { path: [], message: 'a', messages: { fr: 'b', en: 'a' } },
    ]);
    expect(error.message).toBe('invalid response from https://x.test/r: 3.code: expected string; (root): a');
    expect(error.messages.fr).toBe(
      'réponse invalide de https://x.test/r\u00a0: 3.code\u00a0: expected string\u202f; (racine)\u00a0: b',
    );
  });
});
