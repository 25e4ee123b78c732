/**
 * The server's messages come from its catalogue (src/server/_messages.ts): both languages, the same
 * placeholders, French typography; the answers are rendered in the language of the request, and no
 * inline bilingual text is left in the server's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NBSP, NNBSP } from '../../src/_shared/typography.js';
import { SERVER_CATALOGUES } from '../../src/server/_messages.js';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { PROBLEMS } from '../../src/server/problem.js';
import { catalogueEntries, itChecksCatalogue } from '../_helpers/catalogue.js';
import { itieApplication } from '../_helpers/itieApplication.js';

const entries = catalogueEntries(SERVER_CATALOGUES);

describe('the server catalogue', () => {
  it('has the messages the server answers', () => {
    expect(entries.length).toBeGreaterThan(30);
  });
  itChecksCatalogue(entries);
  it('names a title for every problem kind', () => {
    for (const [kind, problem] of Object.entries(PROBLEMS)) {
      expect(problem.fr, kind).not.toBe('');
      expect(problem.en, kind).not.toBe('');
    }
  });
  it('is the only place of the server with user-facing French text', () => {
    const folder = 'src/server';
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      if (file === '_messages.ts') continue;
      const source = readFileSync(`${folder}/${file}`, 'utf8');
      // A quoted text with a French accented letter or a guillemet is a message outside the catalogue.
      const strings = source.match(/(['`])(?:(?!\1)[^\\\n]|\\.)*\1/g) ?? [];
      const french = strings.filter((text) => /[«»éèêàùçô]/i.test(text));
      expect(french, file).toEqual([]);
    }
  });
});

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    port: 0,
    ruleSets: loadRuleSets(),
    version: '0.0.0-test',
    maxBodyBytes: 4096,
  });
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });
const problem = async (response: Response) =>
  (await response.json()) as { title: string; detail: string; errors?: { field: string; message: string }[] };

describe('answers in the language of the request', () => {
  it('a French detail has its no-break spaces and guillemets; the English one has none', async () => {
    const french = await problem(await post('/v1/check?lang=fr&ruleset=nope@1', '{}'));
    expect(french.title).toBe('Jeu de règles inconnu');
    expect(french.detail).toBe(
      `ruleset${NBSP}: jeu de règles «${NNBSP}nope@1${NNBSP}» inconnu (connus${NBSP}: itie-hdf@2023.1)`,
    );
    const english = await problem(await post('/v1/check?lang=en&ruleset=nope@1', '{}'));
    expect(english.title).toBe('Unknown rule set');
    expect(english.detail).toBe('ruleset: unknown rule set "nope@1" (known: itie-hdf@2023.1)');
  });
  it('numbers are written the French or the English way', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(5000) });
    expect((await problem(await post('/v1/check?lang=fr', big))).detail).toBe(
      `le corps dépasse 4${NNBSP}096 octets`,
    );
    expect((await problem(await post('/v1/check?lang=en', big))).detail).toBe(
      'the body is larger than 4,096 bytes',
    );
  });
  it('an invalid application names its first field and how many more, in French', async () => {
    const body = JSON.stringify({ ...itieApplication('x'), budget: { total: -1, requested: -1 } });
    const answer = await problem(await post('/v1/check', body, { 'accept-language': 'fr' }));
    expect(answer.title).toBe('Candidature invalide');
    expect(answer.errors!.length).toBeGreaterThan(1);
    expect(answer.detail).toMatch(
      new RegExp(`^budget\\.\\w+${NBSP}: .+ \\(et ${answer.errors!.length - 1} de plus\\)$`),
    );
  });
  it('a content type that is not JSON, in French, says « (absent) » when there is none', async () => {
    const response = await fetch(`${server.url}/v1/check?lang=fr`, {
      method: 'POST',
      body: new Uint8Array([123, 125]),
    });
    const answer = await problem(response);
    expect(answer.detail).toBe(
      `Content-Type «${NNBSP}(absent)${NNBSP}» non pris en charge${NBSP}: attendu application/json`,
    );
  });
  it('an unknown lang is refused in the language of Accept-Language', async () => {
    const answer = await problem(await post('/v1/check?lang=de', '{}', { 'accept-language': 'fr' }));
    expect(answer.title).toBe('Paramètre invalide');
    expect(answer.detail).toBe(`lang vaut fr ou en, pas «${NNBSP}de${NNBSP}»`);
    expect(answer.errors).toEqual([{ field: 'lang', message: 'fr ou en' }]);
    const english = await problem(await post('/v1/check?lang=de', '{}'));
    expect(english.detail).toBe('lang must be fr or en, not "de"');
  });
  it('an unknown route and an unknown EPCI, in French', async () => {
    const route = await problem(await fetch(`${server.url}/v2/nothing?lang=fr`));
    expect(route).toMatchObject({ title: 'Introuvable', detail: 'aucune route GET /v2/nothing' });
    const epci = await problem(await fetch(`${server.url}/v1/epcis/200000000?lang=fr`));
    expect(epci.detail).toBe(`siren${NBSP}: EPCI 200000000${NBSP}: inconnu`);
  });
});
