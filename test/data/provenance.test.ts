/**
 * The data audit of data/plan against the project's ground truth (`shared/domain/FACTS.md` and the
 * seed article): quotes byte-exact, known sources only, URLs cited, one mark vocabulary, bilingual
 * justifications with French typography, no gloss in guillemets, no closed list without a
 * justification. `shared/` is located by `CPRDFOP_SHARED`, else `../shared` next to the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditGuillemets, auditKnownSources, auditPlanFile, collapseWhitespace } from './provenance-audit.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(root, process.env.CPRDFOP_SHARED ?? '../shared');
const factsPath = join(shared, 'domain/FACTS.md');
const seedPath = join(shared, 'seed/article-cprdfop-hauts-de-france.txt');
const missing = [factsPath, seedPath].find((path) => !existsSync(path));
if (missing) console.warn(`[skip] data/plan provenance audit: ${missing} not found (set CPRDFOP_SHARED)`);

const planDir = join(root, 'data/plan');
const files = readdirSync(planDir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const read = (path: string) => readFileSync(path, 'utf8');

describe.skipIf(missing !== undefined)('data/plan provenance audit', () => {
  const texts = missing ? { facts: '', seed: '' } : { facts: read(factsPath), seed: read(seedPath) };
  const seedTitle = 'Article de presse Hauts-de-France, février 2023 (texte d’origine du projet)';
  const irev = { title: 'IREV — CPRDFOP Hauts-de-France', url: 'https://irev.fr/node/236945' };
  const audit = (json: unknown) => auditPlanFile('sample.json', json, texts);
  const record = (provenance: Record<string, unknown>) => [{ id: 'x', provenance }];

  it('finds the five plan files', () => {
    expect(files).toEqual([
      'ambitions.json',
      'governance.json',
      'partner-categories.json',
      'plan.json',
      'schemes.json',
    ]);
  });
  it('ties every known source to a passage of FACTS.md', () => {
    expect(auditKnownSources(texts.facts)).toEqual([]);
  });
  for (const file of files) {
    it(`${file} passes the audit`, () => {
      expect(auditPlanFile(file, JSON.parse(read(join(planDir, file))), texts)).toEqual([]);
    });
  }

  for (const guide of ['docs/domain.md', 'docs/domaine.md']) {
    it(`${guide}: every passage in guillemets is in FACTS.md or the seed`, () => {
      expect(auditGuillemets(guide, read(join(root, guide)), texts)).toEqual([]);
    });
  }

  for (const guide of ['docs/domain.md', 'docs/domaine.md', 'docs/itie.md', 'docs/data-sources.md']) {
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
    it('accepts a faithful sample', () => {
      expect(
        audit(
          record({ source: { title: seedTitle }, mark: 'confirmed', quote: 'une centaine de structures' }),
        ),
      ).toEqual([]);
    });
    it("rejects a seed quote with ' where the seed has ’ (no apostrophe folding)", () => {
      const problems = audit(
        record({ source: { title: seedTitle }, mark: 'confirmed', quote: "partagée par l'État, la Région" }),
      );
      expect(problems.join('\n')).toMatch(/\[0\]\.provenance\.quote: not a byte-exact quote of the seed/);
    });
    it('accepts a seed quote that crosses a line break of the seed (whitespace normalised)', () => {
      const quote = 'Feuille de route de six ans partagée par l’État, la Région';
      expect(audit(record({ source: { title: seedTitle }, mark: 'confirmed', quote }))).toEqual([]);
    });
    it('rejects a quote in another case than the source (no case folding)', () => {
      const problems = audit(
        record({ source: { title: seedTitle }, mark: 'confirmed', quote: 'Une centaine de structures' }),
      );
      expect(problems).toHaveLength(1);
    });
    it('checks the quotes of other sources against FACTS.md, not the seed', () => {
      expect(audit(record({ source: irev, mark: 'confirmed', quote: 'plus de 80 partenaires' }))).toEqual([]);
      expect(
        audit(record({ source: irev, mark: 'confirmed', quote: 'pas moins d’une centaine' })),
      ).toHaveLength(1);
    });
    it('rejects an unknown source title and an uncited URL', () => {
      const problems = audit(
        record({
          source: {
            title: 'Code du travail ; présentation du CREFOP Hauts-de-France',
            url: 'https://example.org/crefop',
          },
          mark: 'confirmed',
        }),
      );
      expect(problems.join('\n')).toMatch(/not a known source/);
      expect(problems.join('\n')).toMatch(
        /not cited in FACTS\.md or the seed: "https:\/\/example\.org\/crefop"/,
      );
    });
    it('rejects another mark vocabulary and a confirmed value resting on an unnamed source', () => {
      expect(audit(record({ source: irev, mark: 'official' })).join('\n')).toMatch(
        /"official" is not one of/,
      );
      const unnamed = {
        title: 'Faits du domaine du projet (FACTS.md), qui ne nomment pas la source de ce fait',
      };
      expect(audit(record({ source: unnamed, mark: 'confirmed' })).join('\n')).toMatch(/names no page/);
    });
    it('requires a bilingual justification for what is not confirmed', () => {
      expect(audit(record({ source: irev, mark: 'inferred' })).join('\n')).toMatch(/without a justification/);
      expect(
        audit(record({ source: irev, mark: 'inferred', justification: 'English only' })).join('\n'),
      ).toMatch(/not bilingual/);
    });
    it('requires French typography in the French text', () => {
      const problems = audit(
        record({
          source: irev,
          mark: 'inferred',
          justification: { fr: "Déduit de l'article : voir", en: 'Inferred' },
        }),
      );
      expect(problems.join('\n')).toMatch(/justification\.fr: French typography not applied/);
    });
    it('rejects an English phrase in guillemets as if it were quoted', () => {
      const justification = {
        fr: 'Voir la source.',
        en: 'The seed requires « collective and concerted » projects.',
      };
      const problems = audit(record({ source: irev, mark: 'inferred', justification }));
      expect(problems.join('\n')).toMatch(/« collective and concerted » is in guillemets/);
      expect(
        auditGuillemets('guide.md', 'It needs « collective and concerted » projects.', texts),
      ).toHaveLength(1);
      expect(auditGuillemets('guide.md', 'Les « projets collectifs et concertés ».', texts)).toEqual([]);
    });
    it('rejects an untypeset French title and an alias that is not the seed’s wording', () => {
      expect(
        audit([
          { id: 'x', name: "Comité régional pour l'emploi", provenance: { source: irev, mark: 'confirmed' } },
        ]).join('\n'),
      ).toMatch(/\[0\]\.name: French typography not applied/);
      const alias = {
        text: "partagée par l'État",
        lang: 'fr',
        provenance: { source: { title: seedTitle }, mark: 'confirmed' },
      };
      expect(
        audit([{ id: 'x', aliases: [alias], provenance: { source: irev, mark: 'confirmed' } }]).join('\n'),
      ).toMatch(/aliases\[0\]\.text: not a byte-exact wording of the seed/);
    });
    it('rejects a value without provenance and a closed list without a justification', () => {
      expect(audit([{ id: 'x' }]).join('\n')).toMatch(/\[0\]: a value without a provenance/);
      const list = [{ id: 'x', codes: ['a', 'b'], provenance: { source: irev, mark: 'confirmed' } }];
      expect(audit(list).join('\n')).toMatch(/\[0\]\.codes: a closed list with no justification/);
    });
  });
});
