/** The page's two languages. */
export type Lang = 'fr' | 'en';

const STRINGS = {
  title: { fr: 'ITIE — carte des territoires et éligibilité', en: 'ITIE — territory map and eligibility' },
  intro: {
    fr: 'Choisissez le territoire du projet sur la carte (cliquez, ou Tab puis Entrée), complétez la demande : le verdict de la règle ITIE se met à jour immédiatement.',
    en: 'Pick the project territory on the map (click, or Tab then Enter) and fill in the application: the ITIE verdict updates immediately.',
  },
  territory: { fr: 'Territoire du projet', en: 'Project territory' },
  mesh: { fr: 'Maille', en: 'Mesh' },
  epci: { fr: 'EPCI', en: 'EPCI (intercommunalities)' },
  communes: { fr: 'Communes', en: 'Communes' },
  loading: { fr: 'Chargement des contours…', en: 'Loading contours…' },
  selection: { fr: 'Sélection', en: 'Selection' },
  clear: { fr: 'Tout désélectionner', en: 'Clear the selection' },
  application: { fr: 'Demande', en: 'Application' },
  'f-title': { fr: 'Intitulé', en: 'Title' },
  carrier: { fr: 'Porteur', en: 'Carrier' },
  name: { fr: 'Nom', en: 'Name' },
  legalForm: { fr: 'Forme juridique', en: 'Legal form' },
  carrierCommune: { fr: 'Commune du siège (code INSEE)', en: 'Head-office commune (INSEE code)' },
  partners: { fr: 'Partenaires (une ligne « nom ; type »)', en: 'Partners (one line "name; type")' },
  publics: { fr: 'Publics', en: 'Publics' },
  themes: { fr: 'Thèmes', en: 'Themes' },
  total: { fr: 'Budget total (€)', en: 'Total budget (€)' },
  requested: { fr: 'Montant demandé (€)', en: 'Requested amount (€)' },
  start: { fr: 'Début', en: 'Start' },
  end: { fr: 'Fin', en: 'End' },
  submittedOn: { fr: 'Déposée le', en: 'Submitted on' },
  reset: { fr: 'Revenir à l’exemple', en: 'Back to the sample' },
  verdict: { fr: 'Verdict', en: 'Verdict' },
  criteria: { fr: 'Critères', en: 'Criteria' },
  criterion: { fr: 'Critère', en: 'Criterion' },
  status: { fr: 'Statut', en: 'Status' },
  explanation: { fr: 'Explication', en: 'Explanation' },
  missing: { fr: 'Informations manquantes', en: 'Missing information' },
  assumptions: { fr: 'Hypothèses', en: 'Assumptions' },
  none: { fr: 'Aucune', en: 'None' },
  emptySelection: {
    fr: 'Aucun territoire sélectionné : cliquez sur la carte.',
    en: 'No territory selected: click on the map.',
  },
  remove: { fr: 'Retirer', en: 'Remove' },
  mapTitleEpci: { fr: 'EPCI des Hauts-de-France', en: 'EPCI of Hauts-de-France' },
  mapTitleCommunes: { fr: 'Communes des Hauts-de-France', en: 'Communes of Hauts-de-France' },
  mapError: { fr: 'Impossible de charger la carte', en: 'The map could not be loaded' },
  'verdict.eligible': { fr: 'Éligible', en: 'Eligible' },
  'verdict.ineligible': { fr: 'Inéligible', en: 'Ineligible' },
  'verdict.undetermined': { fr: 'Indéterminé', en: 'Undetermined' },
  'status.pass': { fr: 'rempli', en: 'met' },
  'status.fail': { fr: 'non rempli', en: 'not met' },
  'status.unknown': { fr: 'inconnu', en: 'unknown' },
  'status.skipped': { fr: 'non évalué', en: 'skipped' },
  'source.shared-2018': {
    fr: 'Contours : IGN ADMIN EXPRESS COG 2018 simplifié (instantané partagé), rattachés au COG 2026.',
    en: 'Contours: IGN ADMIN EXPRESS COG 2018, simplified (shared snapshot), joined to COG 2026.',
  },
  'source.synthetic': {
    fr: 'Contours synthétiques (carrés) : aucun instantané de contours trouvé.',
    en: 'Synthetic contours (squares): no contour snapshot found.',
  },
  'source.file': { fr: 'Contours : fichier fourni.', en: 'Contours: given file.' },
  partnerTypes: { fr: 'Types :', en: 'Types:' },
  'verdict.invalid': { fr: 'Demande invalide', en: 'Invalid application' },
  ruleSet: { fr: 'Règle', en: 'Rule set' },
  asOf: { fr: 'évaluée au', en: 'evaluated on' },
  noDate: { fr: 'sans date', en: 'no date' },
} as const satisfies Record<string, Record<Lang, string>>;

/** A string key. */
export type Key = keyof typeof STRINGS;

/** The string `key` in `lang` (the key itself when unknown). */
export function t(lang: Lang, key: string): string {
  const entry = (STRINGS as Record<string, Record<Lang, string>>)[key];
  return entry ? entry[lang] : key;
}

/** Translates every `[data-i18n]` element of `root`. */
export function translatePage(root: ParentNode, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n;
    if (key) el.textContent = t(lang, key);
  }
}
