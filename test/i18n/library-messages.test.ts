/**
 * The library's own messages (errors, validation issues, territory diagnostics) reach a French user in
 * French: through the server (`lang`, `Accept-Language`), with the English unchanged for English
 * requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, ruleSets: loadRuleSets(), version: '0.0.0-test' });
});
afterAll(async () => {
  await server.close();
});

const check = (body: string, query = '', headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/check${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('the server gives the library’s messages in the language of the request', () => {
  const unknownCommune = JSON.stringify({ territory: { communes: ['59999'] } });
  it('an unknown commune code, in French with ?lang=fr and with Accept-Language', async () => {
    for (const [query, headers] of [
      ['?lang=fr', {}],
      ['', { 'accept-language': 'fr-FR,fr;q=0.9' }],
    ] as const) {
      const body = (await (await check(unknownCommune, query, headers)).json()) as {
        detail: string;
        errors: { field: string; message: string }[];
      };
      expect(body.errors[0]?.message).toMatch(/^code de commune inconnu 59999/);
      expect(body.detail).toContain('territory.communes[0]\u00a0: code de commune inconnu 59999');
      expect(body.detail).not.toMatch(/unknown commune code/);
    }
  });
  it('the same request in English keeps the English message', async () => {
    const body = (await (await check(unknownCommune, '?lang=en')).json()) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]?.message).toMatch(/^unknown commune code 59999/);
  });
  it('a rule set not in force, in French', async () => {
    const body = (await (await check('{"themes":["mobilite"]}', '?lang=fr&asOf=2022-06-01')).json()) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]?.message).toMatch(/n’est en vigueur le 2022-06-01/);
  });
  it('a malformed commune code looked up, in French', async () => {
    const response = await fetch(`${server.url}/v1/communes/5935?lang=fr`);
    const body = (await response.json()) as { detail: string };
    expect(response.status).toBe(400);
    expect(body.detail).toMatch(/^code\u00a0: code de commune mal formé «\u202f5935\u202f»/);
  });
});
