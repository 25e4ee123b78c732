import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, languageFromEnvironment, parseLanguage } from '../../src/_shared/language.js';
import { frenchTypography, NBSP, NNBSP } from '../../src/_shared/typography.js';

describe('frenchTypography', () => {
  it.each([
    ['Verdict: ÉLIGIBLE', `Verdict${NBSP}: ÉLIGIBLE`],
    ['Verdict : ÉLIGIBLE', `Verdict${NBSP}: ÉLIGIBLE`],
    ['Pour conclure, renseigner: budget.total', `Pour conclure, renseigner${NBSP}: budget.total`],
    ['Éligible ? Oui ; non !', `Éligible${NNBSP}? Oui${NNBSP}; non${NNBSP}!`],
    ['Quoi?!', `Quoi${NNBSP}?!`],
    ['«Soutenir les initiatives»', `«${NNBSP}Soutenir les initiatives${NNBSP}»`],
    ['« Soutenir »', `«${NNBSP}Soutenir${NNBSP}»`],
    ["l'État et l'orientation", 'l’État et l’orientation'],
    ['35% des dépenses', `35${NNBSP}% des dépenses`],
    ['Critère non rempli : 2 structures', `Critère non rempli${NBSP}: 2 structures`],
  ])('%j', (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it.each([
    ['à 10:30', 'à 10:30'],
    ['voir https://irev.fr/node/236945?x=1: fin', `voir https://irev.fr/node/236945?x=1${NBSP}: fin`],
    ['le code `a:b` reste', 'le code `a:b` reste'],
    ['C:\\dossier', 'C:\\dossier'],
    ["la valeur 'mobilite' est", "la valeur 'mobilite' est"],
    ['%s et %d', '%s et %d'],
    ['', ''],
    ['\ue000 voir https://x.fr: \ue000', '\ue000 voir https://x.fr\u00a0: \ue000'],
  ])('leaves alone %j', (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  const frenchish = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9 '’«»:;!?%.,\u00a0\u202f-]{0,40}$/);

  it('is idempotent', () => {
    fc.assert(
      fc.property(frenchish, (text) => {
        const once = frenchTypography(text);
        expect(frenchTypography(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('changes only spaces and apostrophes (the letters and marks stay in order)', () => {
    const skeleton = (text: string) => text.replace(/[ \u00a0\u202f]/g, '').replace(/’/g, "'");
    fc.assert(
      fc.property(frenchish, (text) => {
        expect(skeleton(frenchTypography(text))).toBe(skeleton(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no ordinary space before ; ! ? : or inside guillemets', () => {
    fc.assert(
      fc.property(frenchish, (text) => {
        const out = frenchTypography(text);
        expect(out).not.toMatch(/\p{L} [;!?:]/u);
        expect(out).not.toMatch(/« |«\u00a0| »|\u00a0»/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('languageFromEnvironment', () => {
  it.each([
    [{}, DEFAULT_LANGUAGE],
    [{ LANG: 'fr_FR.UTF-8' }, 'fr'],
    [{ LANG: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, DEFAULT_LANGUAGE],
    [{ LANG: 'POSIX' }, DEFAULT_LANGUAGE],
    [{ LANG: '' }, DEFAULT_LANGUAGE],
    [{ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'en_US', LC_ALL: 'fr_CA.UTF-8' }, 'fr'],
    [{ LC_ALL: '   ', LANG: 'FR_be' }, 'fr'],
  ] as const)('%j → %s', (environment, expected) => {
    expect(languageFromEnvironment(environment)).toBe(expected);
  });

  it('parses only fr and en', () => {
    expect(parseLanguage('fr')).toBe('fr');
    expect(parseLanguage('en')).toBe('en');
    for (const bad of ['FR', 'de', '', null, undefined, 1, 'fr-FR'])
      expect(parseLanguage(bad)).toBeUndefined();
  });
});
