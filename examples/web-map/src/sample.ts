/** The sample application the form starts with (the territory comes from the map). */
export interface SampleApplication {
  title: string;
  carrier: { name: string; legalForm: string; commune: string };
  partners: Array<{ name: string; type: string }>;
  publics: string[];
  themes: string[];
  budget: { total: number; requested: number };
  schedule: { start: string; end: string };
  submittedOn: string;
}

/** A collective insertion project around Creil (Oise). */
export const SAMPLE: SampleApplication = {
  title: 'Passerelles vers l’emploi du bassin creillois',
  carrier: { name: 'Association Passerelles Emploi', legalForm: 'association', commune: '60175' },
  partners: [
    { name: 'France Travail Creil', type: 'service-public-emploi' },
    { name: 'Mission locale de la Vallée de l’Oise', type: 'service-public-emploi' },
    { name: 'Groupement d’employeurs du Sud de l’Oise', type: 'organisation-employeurs' },
  ],
  publics: ['demandeurs-emploi-longue-duree', 'jeunes-sans-qualification'],
  themes: ['insertion', 'formation', 'recrutement'],
  budget: { total: 120000, requested: 60000 },
  schedule: { start: '2023-09-01', end: '2024-08-31' },
  submittedOn: '2023-04-15',
};

type Labels = Record<string, { fr: string; en: string }>;

/** Labels of the publics (`TargetPublic` of `cprdfop/itie`). */
export const PUBLICS: Labels = {
  'demandeurs-emploi': { fr: 'Demandeurs d’emploi', en: 'Jobseekers' },
  'demandeurs-emploi-longue-duree': { fr: 'Demandeurs d’emploi de longue durée', en: 'Long-term jobseekers' },
  jeunes: { fr: 'Jeunes', en: 'Young people' },
  'jeunes-sans-qualification': { fr: 'Jeunes sans qualification', en: 'Young people without qualification' },
  'beneficiaires-rsa': { fr: 'Bénéficiaires du RSA', en: 'RSA beneficiaries' },
  'personnes-handicap': { fr: 'Personnes en situation de handicap', en: 'Disabled people' },
  seniors: { fr: 'Seniors', en: 'Older workers' },
  'residents-qpv': {
    fr: 'Habitants des quartiers prioritaires (QPV)',
    en: 'Residents of priority neighbourhoods',
  },
  salaries: { fr: 'Salariés', en: 'Employees' },
  'salaries-reconversion': { fr: 'Salariés en reconversion', en: 'Employees retraining' },
  entreprises: { fr: 'Entreprises', en: 'Businesses' },
};

/** Labels of the themes (`Theme` of `cprdfop/itie`). */
export const THEMES: Labels = {
  accueil: { fr: 'Accueil', en: 'Reception' },
  formation: { fr: 'Formation', en: 'Training' },
  insertion: { fr: 'Insertion', en: 'Insertion' },
  integration: { fr: 'Intégration', en: 'Integration' },
  mobilite: { fr: 'Mobilité', en: 'Mobility' },
  'transition-reconversion': { fr: 'Transition, reconversion', en: 'Transition, retraining' },
  'attractivite-metiers': { fr: 'Attractivité des métiers', en: 'Attractiveness of trades' },
  recrutement: { fr: 'Recrutement', en: 'Recruitment' },
};

/** Labels of the carriers' legal forms (`LegalForm` of `cprdfop/itie`). */
export const LEGAL_FORMS: Labels = {
  association: { fr: 'Association', en: 'Association' },
  'collectivite-territoriale': { fr: 'Collectivité territoriale', en: 'Local authority' },
  epci: { fr: 'EPCI', en: 'Intercommunality (EPCI)' },
  'etablissement-public': { fr: 'Établissement public', en: 'Public body' },
  entreprise: { fr: 'Entreprise', en: 'Business' },
  siae: { fr: 'Structure d’insertion par l’activité économique', en: 'Work-integration social enterprise' },
  groupement: { fr: 'Groupement', en: 'Consortium' },
  autre: { fr: 'Autre', en: 'Other' },
};

/** The label of `code` in `labels` (the code itself when unknown). */
export function labelOf(labels: Labels, code: string, lang: 'fr' | 'en'): string {
  return labels[code]?.[lang] ?? code;
}
