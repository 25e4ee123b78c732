/**
 * The server's messages come from its catalogue (src/server/_messages.ts): both languages, the same
 * placeholders, French typography; the answers are rendered in the language of the request, and no
 * inline bilingual text is left in the server's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/_shared/messages.js';
import { NBSP, NNBSP } from '../../src/_shared/typography.js';
import {
  OPERATION_SUMMARIES,
  PARAMETER_DESCRIPTIONS,
  SERVER_CATALOGUES,
} from '../../src/server/_messages.js';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';
import { openApiDocument } from '../../src/server/openapi.js';
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
  it('a batch with a content type that is not JSON names what it expects, in French', async () => {
    const send = (lang: string) =>
      fetch(`${server.url}/v1/check/batch?lang=${lang}`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'text/plain' },
      });
    expect((await problem(await send('fr'))).detail).toBe(
      `Content-Type «${NNBSP}text/plain${NNBSP}» non pris en charge${NBSP}: attendu application/x-ndjson ou application/json`,
    );
    expect((await problem(await send('en'))).detail).toBe(
      'Content-Type "text/plain" is not supported: expected application/x-ndjson or application/json',
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

describe('the /docs page in the language of the reader', () => {
  const page = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/docs${query}`, { headers });
    return { response, html: await response.text() };
  };
  const document = openApiDocument('0.0.0-test') as {
    paths: Record<string, Record<string, { summary: string; parameters?: { description: string }[] }>>;
  };
  const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
  const englishTexts = [
    ...operations.map((operation) => operation.summary),
    ...operations.flatMap((operation) => (operation.parameters ?? []).map((p) => p.description)),
  ];
  /** The text of the page without its markup and entities of quotes. */
  const text = (html: string) =>
    html
      .replace(/<style>.*?<\/style>/s, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&#39;/g, "'")
      .replace(/&#34;/g, '"');

  it('every summary and parameter description of the document has its French in the catalogue', () => {
    const catalogued = new Map<string, Message>(
      [...Object.values(OPERATION_SUMMARIES), ...Object.values(PARAMETER_DESCRIPTIONS)].map((message) => [
        message.en,
        message,
      ]),
    );
    expect(englishTexts.length).toBeGreaterThan(20);
    for (const english of englishTexts) expect(catalogued.get(english), english).toBeDefined();
  });
  it('is French by default: <html lang="fr">, Content-Language, French typography, no English summary', async () => {
    const { response, html } = await page('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-language')).toBe('fr');
    expect(response.headers.get('vary')).toMatch(/accept-language/i);
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain(`<title>API cprdfop 0.0.0-test</title>`);
    const words = text(html);
    expect(words).toContain(`les communes${NBSP}: une recherche par nom (q), ou toutes`);
    expect(words).toContain(`Pour les programmes${NBSP}: /openapi.json (OpenAPI 3.1)`);
    expect(words).toContain('ruleset (requête) jeu de règles id@version ou id');
    expect(words).not.toMatch(/ [:;!?]/);
    expect(words).not.toMatch(/\p{L}'\p{L}/u);
    for (const english of englishTexts) expect(words).not.toContain(english.replace(/`/g, ''));
    expect(html).toContain('<a href="/docs?lang=en" hreflang="en" lang="en">English</a>');
  });
  it('is English with ?lang=en or an English Accept-Language, as the document says it', async () => {
    for (const [query, headers] of [
      ['?lang=en', {}],
      ['', { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' }],
      ['?lang=en', { 'accept-language': 'fr' }],
    ] as const) {
      const { response, html } = await page(query, headers);
      expect(response.headers.get('content-language'), query).toBe('en');
      expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html).toContain('<title>cprdfop API 0.0.0-test</title>');
      const words = text(html);
      for (const english of englishTexts) expect(words).toContain(english.replace(/`/g, ''));
      expect(words).toContain('Machine-readable: /openapi.json (OpenAPI 3.1).');
      expect(html).toContain('<a href="/docs?lang=fr" hreflang="fr" lang="fr">Français</a>');
    }
  });
  it('a French Accept-Language, or one with neither language, gives French; ?lang=fr wins', async () => {
    for (const [query, headers] of [
      ['', { 'accept-language': 'fr-FR' }],
      ['', { 'accept-language': 'de-DE, es;q=0.8' }],
      ['?lang=fr', { 'accept-language': 'en' }],
    ] as const) {
      const { html } = await page(query, headers);
      expect(html, JSON.stringify(headers)).toMatch(/<html lang="fr">/);
    }
  });
  it('an unknown lang is a problem, as everywhere in the API', async () => {
    const { response, html } = await page('?lang=de');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(html).detail).toBe('lang must be fr or en, not "de"');
  });
});
