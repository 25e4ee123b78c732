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
    { name: 'France Travail Creil', type: 'france-travail' },
    { name: 'Mission locale de la Vallée de l’Oise', type: 'missions-locales' },
  ],
  publics: ['demandeurs-emploi-longue-duree', 'jeunes-sans-qualification'],
  themes: ['insertion', 'formation', 'recrutement'],
  budget: { total: 120000, requested: 60000 },
  schedule: { start: '2023-09-01', end: '2024-08-31' },
  submittedOn: '2023-04-15',
};

/** Publics offered as checkboxes (the ITIE rule set's « publics éloignés de l'emploi », plus others). */
export const PUBLICS: Record<string, { fr: string; en: string }> = {
  'demandeurs-emploi-longue-duree': { fr: 'Demandeurs d’emploi de longue durée', en: 'Long-term jobseekers' },
  'jeunes-sans-qualification': { fr: 'Jeunes sans qualification', en: 'Young people without qualification' },
  'beneficiaires-rsa': { fr: 'Bénéficiaires du RSA', en: 'RSA beneficiaries' },
  'personnes-handicap': { fr: 'Personnes en situation de handicap', en: 'Disabled people' },
  'residents-qpv': {
    fr: 'Habitants des quartiers prioritaires (QPV)',
    en: 'Residents of priority neighbourhoods',
  },
  salaries: { fr: 'Salariés', en: 'Employees' },
};

/** Themes offered as checkboxes (the ITIE rule set's contribution themes, plus one that is not). */
export const THEMES: Record<string, { fr: string; en: string }> = {
  accueil: { fr: 'Accueil', en: 'Reception' },
  formation: { fr: 'Formation', en: 'Training' },
  insertion: { fr: 'Insertion', en: 'Insertion' },
  integration: { fr: 'Intégration', en: 'Integration' },
  mobilite: { fr: 'Mobilité', en: 'Mobility' },
  'transition-reconversion': { fr: 'Transition, reconversion', en: 'Transition, retraining' },
  'attractivite-metiers': { fr: 'Attractivité des métiers', en: 'Attractiveness of trades' },
  recrutement: { fr: 'Recrutement', en: 'Recruitment' },
  culture: { fr: 'Culture', en: 'Culture' },
};
