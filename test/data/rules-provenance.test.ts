/**
 * The data audit of the rule sets (issue 13): `data/rules/*.json` and every JSON file of `examples/`
 * pass `auditRuleSetFile`, and each of its rules catches the mistake it is meant to catch.
 * `shared/` is located by `CPRDFOP_SHARED`, else `../shared` next to the repository.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itieRuleSets } from '../../src/itie/index.js';
import { auditGuillemets, collapseWhitespace } from './provenance-audit.js';
import { auditRuleSetFile, SEED_TITLE_LINE } from './rules-provenance-audit.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(root, process.env.CPRDFOP_SHARED ?? '../shared');
const factsPath = join(shared, 'domain/FACTS.md');
const seedPath = join(shared, 'seed/article-cprdfop-hauts-de-france.txt');
const missing = [factsPath, seedPath].find((path) => !existsSync(path));
if (missing) console.warn(`[skip] rule-set provenance audit: ${missing} not found (set CPRDFOP_SHARED)`);

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const ruleFiles = readdirSync(join(root, 'data/rules'))
  .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
  .map((name) => join(root, 'data/rules', name));
const exampleFiles = walk(join(root, 'examples')).filter((path) => path.endsWith('.json'));
const read = (path: string) => readFileSync(path, 'utf8');

describe.skipIf(missing !== undefined)('rule-set provenance audit', () => {
  const texts = missing ? { facts: '', seed: '' } : { facts: read(factsPath), seed: read(seedPath) };
  const seedRef = `Article de presse régionale (février 2023) « ${SEED_TITLE_LINE} »`;
  const audit = (json: unknown) => auditRuleSetFile('sample.json', json, texts);

  it('finds the shipped rule set and the examples', () => {
    expect(ruleFiles.map((path) => relative(root, path))).toContain('data/rules/itie-hdf-2023.json');
    expect(exampleFiles.length).toBeGreaterThan(3);
  });
  for (const file of ruleFiles) {
    it(`${relative(root, file)} passes the audit`, () => {
      expect(auditRuleSetFile(relative(root, file), JSON.parse(read(file)), texts)).toEqual([]);
    });
  }
  for (const file of exampleFiles) {
    it(`${relative(root, file)} passes the audit (fictional sources allowed, typography not checked)`, () => {
      expect(
        auditRuleSetFile(relative(root, file), JSON.parse(read(file)), texts, {
          allowFictional: true,
          typography: false,
        }),
      ).toEqual([]);
    });
  }
  it('the seed quoted by the rule set has its title line', () => {
    expect(texts.seed).toContain(SEED_TITLE_LINE);
  });
  it('every parameter of the shipped rule sets has a mark of the one vocabulary and a justification', () => {
    for (const ruleSet of itieRuleSets()) {
      for (const parameter of ruleSet.parameters) {
        expect(['confirmed', 'inferred', 'assumption']).toContain(parameter.provenance.mark);
        // The shipped rule set gives every justification in both languages (#13).
        const justification = parameter.provenance.justification;
        expect(typeof justification, parameter.name).toBe('object');
        if (typeof justification === 'string') continue;
        expect(justification.fr.length, parameter.name).toBeGreaterThan(20);
        expect(justification.en.length, parameter.name).toBeGreaterThan(20);
        expect(justification.fr, parameter.name).not.toBe(justification.en);
      }
      expect(ruleSet.validityProvenance?.mark).toBe('inferred');
      expect(typeof ruleSet.validityProvenance?.justification).toBe('object');
    }
  });

  const guides = ['docs/itie.md', 'docs/fr/itie.md', 'docs/fr/demarrage.md', 'docs/getting-started.md'];
  for (const guide of guides) {
    it(`${guide}: every passage in guillemets is in FACTS.md or the seed`, () => {
      // Block quotes: the `> ` of each line is markup, not text.
      const text = read(join(root, guide)).replace(/^> ?/gm, '');
      expect(auditGuillemets(guide, text, texts)).toEqual([]);
    });
    it(`${guide}: never states January 2023 as a fact (the seed says « en janvier »)`, () => {
      const sentences = collapseWhitespace(read(join(root, guide))).split(/(?<=[.;])\s/);
      const stated = sentences.filter(
        (sentence) =>
          /january 2023|janvier 2023/i.test(sentence) && !/context|contexte|inferred|déduit/i.test(sentence),
      );
      expect(stated).toEqual([]);
    });
  }

  describe('each rule catches the mistake it is meant to catch', () => {
    const parameter = (provenance: Record<string, unknown>) => ({ parameters: [{ name: 'p', provenance }] });
    it('accepts a faithful quote', () => {
      expect(
        audit(
          parameter({
            mark: 'assumption',
            source: seedRef,
            quote: 'à l’échelle d’un territoire de proximité',
          }),
        ),
      ).toEqual([]);
    });
    it("rejects a seed quote with ' where the seed has ’", () => {
      const problems = audit(
        parameter({ mark: 'assumption', source: seedRef, quote: "à l'échelle d'un territoire de proximité" }),
      );
      expect(problems.join('\n')).toMatch(
        /parameters\[0\]\.provenance\.quote: not a byte-exact quote of the seed/,
      );
    });
    it('checks criteria quotes (ref) too, across a line break of the seed', () => {
      const criterion = (quote: string) => ({ criteria: [{ id: 'c', source: { ref: seedRef, quote } }] });
      expect(audit(criterion('Feuille de route de six ans partagée par l’État'))).toEqual([]);
      expect(audit(criterion('Feuille de route de 6 ans'))).toHaveLength(1);
      // A cut […] keeps each part byte-exact and in order.
      expect(audit(criterion('Feuille de route […] partenaires sociaux'))).toEqual([]);
      expect(audit(criterion('partenaires sociaux […] Feuille de route'))).toHaveLength(1);
    });
    it('rejects an unknown source, an uncited URL and another mark vocabulary', () => {
      const problems = audit({
        parameters: [{ name: 'p', provenance: { mark: 'seed', source: 'Délibération du 12 janvier 2023' } }],
        criteria: [{ id: 'c', source: { ref: seedRef, url: 'https://example.org/itie' } }],
      }).join('\n');
      expect(problems).toMatch(/neither the seed nor in FACTS\.md: "Délibération du 12 janvier 2023"/);
      expect(problems).toMatch(/"seed" is not one of confirmed\/inferred\/assumption/);
      expect(problems).toMatch(/URL not cited in FACTS\.md or the seed: "https:\/\/example\.org\/itie"/);
    });
    it('accepts a fictional source only where allowed', () => {
      const json = { criteria: [{ id: 'c', source: { ref: 'Fictional call, § 1', quote: 'made up' } }] };
      expect(audit(json)).toHaveLength(1);
      expect(auditRuleSetFile('x.json', json, texts, { allowFictional: true })).toEqual([]);
    });
    it('rejects an English gloss in guillemets and untypeset French', () => {
      const problems = audit({
        parameters: [
          {
            name: 'p',
            label: { fr: "Territoire d'un seul tenant", en: 'x' },
            provenance: {
              mark: 'assumption',
              justification: 'It needs « collective and concerted » projects.',
            },
          },
        ],
      }).join('\n');
      expect(problems).toMatch(/« collective and concerted » is in guillemets/);
      expect(problems).toMatch(/label\.fr: French typography not applied/);
    });
  });
});
