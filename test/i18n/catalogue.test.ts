/**
 * The message catalogue: every key has both languages with the same placeholders, the French text has
 * its typography right (frenchTypography leaves it unchanged), and rendering fills every value (a
 * missing one is a bug, never an empty hole). Locale formatting goes through Intl.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatFixed,
  formatMoney,
  formatNumber,
  lowerFirst,
  renderMessage,
} from '../../src/_shared/messages.js';
import { frenchTypography, NBSP, NNBSP } from '../../src/_shared/typography.js';
import { STATUS, VERDICT } from '../../src/cli/_support/messages/check.js';
import { CLI_CATALOGUES } from '../../src/cli/_support/messages/index.js';
import { itChecksCatalogue } from '../_helpers/catalogue.js';

const entries = Object.entries(CLI_CATALOGUES).flatMap(([catalogue, messages]) =>
  Object.entries(messages).map(([key, message]) => [`${catalogue}.${key}`, message] as const),
);
/** Texts that are the same in both languages on purpose (codes, punctuation, words shared by both). */
const SAME_IN_BOTH = new Set([
  'RULES.openEnd',
  'LOCATE_OUTPUT.commune',
  'LOCATE_OUTPUT.epci',
  'LOCATE_OUTPUT.arrondissement',
  'TERRITORY_OUTPUT.communeLine',
  'MAP.tableCode',
]);

describe('the CLI catalogue', () => {
  it('has many messages (the scan below reads them all)', () => {
    expect(entries.length).toBeGreaterThan(150);
  });
  itChecksCatalogue(entries, SAME_IN_BOTH);
});

describe('renderMessage', () => {
  it('fills values and typesets the French template', () => {
    const message = { fr: 'Verdict : {verdict}', en: 'Verdict: {verdict}' };
    expect(renderMessage(message, 'fr', { verdict: 'ÉLIGIBLE' })).toBe(`Verdict${NBSP}: ÉLIGIBLE`);
    expect(renderMessage(message, 'en', { verdict: 'ELIGIBLE' })).toBe('Verdict: ELIGIBLE');
  });
  it('renders a nested message in the same language and numbers per locale', () => {
    const outer = { fr: '{what} ({count})', en: '{what} ({count})' };
    const what = { fr: 'lignes', en: 'rows' };
    expect(renderMessage(outer, 'fr', { what, count: 1234 })).toBe(`lignes (1${NNBSP}234)`);
    expect(renderMessage(outer, 'en', { what, count: 1234 })).toBe('rows (1,234)');
  });
  it('inserts values as they are (a value is never retypeset: quotes stay byte-exact)', () => {
    const message = { fr: 'source : {quote}', en: 'source: {quote}' };
    expect(renderMessage(message, 'fr', { quote: "l'accueil ; x" })).toBe(`source${NBSP}: l'accueil ; x`);
  });
  it('throws on a missing value instead of printing a hole', () => {
    expect(() => renderMessage({ fr: 'a {b}', en: 'a {b}' }, 'fr')).toThrow(/\{b\}/);
  });
  it('is stable: typesetting a rendered French message again changes nothing (property)', () => {
    const texts = fc.string({ maxLength: 40 }).filter((text) => !/[{}]/.test(text));
    fc.assert(
      fc.property(texts, (text) => {
        const rendered = renderMessage({ fr: text, en: text }, 'fr');
        expect(frenchTypography(rendered)).toBe(rendered);
      }),
    );
  });
});

describe('locale formatting (Intl)', () => {
  it('formats money, numbers and days the French and the English way', () => {
    expect(formatMoney(1234.5, 'fr')).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatMoney(1234.5, 'en')).toBe('€1,234.50');
    expect(formatNumber(1234567.25, 'fr')).toBe(`1${NNBSP}234${NNBSP}567,25`);
    expect(formatNumber(1234567.25, 'en')).toBe('1,234,567.25');
    expect(formatFixed(0.04, 1, 'fr')).toBe('0,0');
    expect(formatDay('2023-04-03', 'fr')).toBe('3 avril 2023');
    expect(formatDay('2023-04-03', 'en')).toBe('3 April 2023');
  });
  it('never shifts a day by the time zone (every day of 2023, any offset)', () => {
    for (let day = 0; day < 365; day++) {
      const date = new Date(Date.UTC(2023, 0, 1 + day));
      const iso = date.toISOString().slice(0, 10);
      expect(formatDay(iso, 'en')).toBe(
        `${date.getUTCDate()} ${date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} 2023`,
      );
    }
  });
});

describe('lowerFirst', () => {
  it('keeps acronyms and lower-cases ordinary words', () => {
    expect(lowerFirst('SIRET valide')).toBe('SIRET valide');
    expect(lowerFirst('EPCI membre')).toBe('EPCI membre');
    expect(lowerFirst('Date de début')).toBe('date de début');
    expect(lowerFirst('À l’échelle')).toBe('à l’échelle');
    expect(lowerFirst('A')).toBe('a');
    expect(lowerFirst('')).toBe('');
  });
});

describe('one word for each verdict and status everywhere', () => {
  const web = readFileSync('examples/web-map/src/i18n.ts', 'utf8');
  const webText = (key: string) => {
    const match = new RegExp(`'${key.replace('.', '\\.')}': \\{ fr: '([^']*)', en: '([^']*)' \\}`).exec(web);
    expect(match, key).not.toBeNull();
    return { fr: match?.[1] ?? '', en: match?.[2] ?? '' };
  };
  it.each(Object.entries(VERDICT))('verdict %s: the web page and the CLI agree', (verdict, message) => {
    const page = webText(`verdict.${verdict}`);
    expect(page.fr.toLocaleUpperCase('fr')).toBe(message.fr);
    expect(page.en.toLocaleUpperCase('en')).toBe(message.en);
  });
  it.each(Object.entries(STATUS))('status %s: the web page and the CLI agree', (status, message) => {
    const page = webText(`status.${status}`);
    expect(message.fr.slice(2)).toBe(page.fr);
    expect(message.en.slice(2)).toBe(page.en);
  });
});

describe('criterion messages keep acronyms (« SIRET valide », never « sIRET valide »)', () => {
  it('lower-cases an ordinary label and keeps an acronym', async () => {
    const { compile, parseRuleSet } = await import('../../src/rules/index.js');
    const ruleSet = parseRuleSet({
      format: 'cprdfop.ruleset/1',
      id: 'demo',
      version: '1',
      title: { fr: 'Démo', en: 'Demo' },
      validFrom: '2023-01-01',
      parameters: [],
      criteria: [
        {
          id: 'siret',
          label: { fr: 'SIRET valide', en: 'SIRET valid' },
          when: { '==': [{ field: 'ok' }, true] },
        },
        {
          id: 'date',
          label: { fr: 'Date cohérente', en: 'Date consistent' },
          when: { '==': [{ field: 'ok' }, true] },
        },
      ],
    });
    const explanation = compile(ruleSet).evaluate({ ok: false }, { asOf: '2023-05-01' });
    const messages = explanation.criteria.map((criterion) => criterion.message.fr);
    expect(messages).toEqual(['Critère non rempli : SIRET valide.', 'Critère non rempli : date cohérente.']);
  });
});
