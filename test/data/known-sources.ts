/**
 * The sources the plan data may cite, each tied to the passage of `shared/domain/FACTS.md` that
 * attests it. A source title not in this registry is a source nobody read (or a page title made up):
 * `test/data/provenance.test.ts` rejects it.
 *
 * `quotesFrom` says where a quote of this source is checked: `seed` against the seed article
 * (byte-exact after whitespace normalisation), `facts` against FACTS.md (the project's transcription
 * of every other source).
 */
export interface KnownSource {
  /** The exact `source.title` used in data/plan. */
  title: string;
  /** The exact `source.url`, when the source is online and FACTS.md gives its URL. */
  url?: string;
  /** A passage of FACTS.md (whitespace-normalised) that names this source. */
  attestedBy: string;
  quotesFrom: 'seed' | 'facts';
}

export const knownSources: readonly KnownSource[] = [
  // The comparable calls of the real-region examples (examples/normandie-deffinov, examples/hdf-youth-integration).
  {
    title: 'Région Normandie — Deffinov (comparable call, FACTS.md § 3)',
    attestedBy: '| Normandie Deffinov |',
    quotesFrom: 'facts',
  },
  {
    title: 'Région Hauts-de-France — youth-integration call, aid catalogue (comparable call, FACTS.md § 3)',
    url: 'https://guide-aides.hautsdefrance.fr/dispositif664',
    attestedBy: '| Région HdF youth-integration call (guide-aides.hautsdefrance.fr/dispositif664) |',
    quotesFrom: 'facts',
  },
  {
    title: 'Article de presse Hauts-de-France, février 2023 (texte d’origine du projet)',
    attestedBy: 'an article of the Hauts-de-France press, February 2023, about the signing',
    quotesFrom: 'seed',
  },
  {
    title: 'IREV — CPRDFOP Hauts-de-France',
    url: 'https://irev.fr/node/236945',
    attestedBy: '[C] — https://irev.fr/node/236945',
    quotesFrom: 'facts',
  },
  {
    title: 'AEF info, dépêche 684612',
    url: 'https://www.aefinfo.fr/depeche/684612',
    attestedBy: '[C] — https://www.aefinfo.fr/depeche/684612',
    quotesFrom: 'facts',
  },
  {
    title: 'Région Hauts-de-France, communiqué de presse du 29/06/2022',
    attestedBy: '[C] — hautsdefrance.fr press release 29/06/2022',
    quotesFrom: 'facts',
  },
  {
    title: 'CESER Hauts-de-France, contribution au CPRDFOP (adoptée le 22/02/2022)',
    attestedBy: 'CESER contribution adopted 2022-02-22 [C]',
    quotesFrom: 'facts',
  },
  {
    title:
      'Cadre légal national du CREFOP (loi du 5 mars 2014), tel que résumé dans les faits du domaine du projet (FACTS.md, § Gouvernance)\u202f; aucune page propre aux Hauts-de-France',
    attestedBy: 'created by the law of 5 March 2014',
    quotesFrom: 'facts',
  },
  {
    title:
      'Loi pour le plein emploi (18 décembre 2023) et décret n°2024-560, tels que résumés dans les faits du domaine du projet (FACTS.md, § Gouvernance)',
    attestedBy: 'Since the loi pour le plein emploi (18 Dec 2023) and décret n°2024-560',
    quotesFrom: 'facts',
  },
  {
    // FACTS.md itself, for a fact it states without naming its source: never `confirmed`.
    title: 'Faits du domaine du projet (FACTS.md), qui ne nomment pas la source de ce fait',
    attestedBy: '# Domain facts — CPRDFOP Hauts-de-France',
    quotesFrom: 'facts',
  },
];

/** The title of the source that names no page: a value citing only it cannot be `confirmed`. */
export const UNNAMED_SOURCE_TITLE =
  'Faits du domaine du projet (FACTS.md), qui ne nomment pas la source de ce fait';
