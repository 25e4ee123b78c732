/**
 * The page's words, French (default) and English. French typography: a narrow no-break space
 * (U+202F) before « : ; ? ! », inside « », and as the thousands separator; the apostrophe ’.
 */

/** The page's two languages. */
export type Lang = 'fr' | 'en';

const NNBSP = '\u202f';

const STRINGS = {
  title: { fr: 'Explorateur cartographique des territoires', en: 'Territory map explorer' },
  intro: {
    fr: `Choisissez une maille et un indicateur, ou déposez vos propres fichiers CSV${NNBSP}: la carte, sa légende et le tableau de données se mettent à jour. Tout reste dans votre navigateur.`,
    en: 'Choose a mesh and an indicator, or drop your own CSV files: the map, its legend and the data table update. Everything stays in your browser.',
  },
  langSwitch: { fr: 'Switch to English', en: 'Passer en français' },
  settings: { fr: 'Réglages', en: 'Settings' },
  mesh: { fr: 'Maille', en: 'Mesh' },
  communes: { fr: 'Communes', en: 'Communes' },
  epci: { fr: 'EPCI', en: 'EPCI (intercommunalities)' },
  arrondissement: { fr: 'Arrondissements', en: 'Arrondissements' },
  departement: { fr: 'Départements', en: 'Départements' },
  loaded: { fr: 'Maille chargée', en: 'Loaded mesh' },
  meshFile: {
    fr: `Charger une maille (CSV commune${NNBSP}→${NNBSP}zone, JSON ou XLSX de l’Insee, p.${NNBSP}ex. zones d’emploi)`,
    en: 'Load a mesh (CSV commune → zone, JSON or INSEE XLSX, e.g. employment zones)',
  },
  indicator: { fr: 'Indicateur', en: 'Indicator' },
  population: { fr: 'Population', en: 'Population' },
  area: { fr: 'Superficie', en: 'Area' },
  density: { fr: 'Densité de population', en: 'Population density' },
  csv: { fr: 'Valeurs chargées', en: 'Loaded values' },
  valuesFile: {
    fr: 'Charger des valeurs (CSV avec une colonne de codes et une colonne de valeurs)',
    en: 'Load values (CSV with a code column and a value column)',
  },
  dropHere: {
    fr: `… ou déposez un fichier ici`,
    en: '… or drop a file here',
  },
  codeColumn: { fr: 'Colonne des codes', en: 'Code column' },
  valueColumn: { fr: 'Colonne des valeurs', en: 'Value column' },
  classification: { fr: 'Classification', en: 'Classification' },
  method: { fr: 'Méthode', en: 'Method' },
  quantile: { fr: 'Quantiles (effectifs égaux)', en: 'Quantiles (equal counts)' },
  equal: { fr: 'Intervalles égaux', en: 'Equal intervals' },
  jenks: { fr: 'Seuils naturels (Jenks, ckmeans)', en: 'Natural breaks (Jenks, ckmeans)' },
  classes: { fr: 'Nombre de classes', en: 'Number of classes' },
  palette: { fr: 'Palette', en: 'Palette' },
  search: { fr: 'Rechercher une commune ou un EPCI', en: 'Search a commune or an EPCI' },
  noResult: { fr: 'Aucun résultat', en: 'No result' },
  searchCount: { fr: `{count}${NNBSP}résultats`, en: '{count} results' },
  searchCountOne: { fr: `1${NNBSP}résultat`, en: '1 result' },
  downloads: { fr: 'Télécharger ce qui est affiché', en: 'Download what is shown' },
  map: { fr: 'Carte', en: 'Map' },
  mapHelp: {
    fr: `Survolez une unité, ou placez-y le focus avec Tab puis les flèches (Début, Fin)${NNBSP}: sa valeur s’affiche.`,
    en: 'Hover a unit, or focus it with Tab then the arrow keys (Home, End): its value is shown.',
  },
  table: { fr: 'Tableau des données', en: 'Data table' },
  name: { fr: 'Nom', en: 'Name' },
  code: { fr: 'Code', en: 'Code' },
  value: { fr: 'Valeur', en: 'Value' },
  klass: { fr: 'Classe', en: 'Class' },
  noData: { fr: 'Pas de donnée', en: 'No data' },
  loading: { fr: 'Chargement des contours…', en: 'Loading contours…' },
  notices: { fr: 'Remarques sur les données', en: 'Notes on the data' },
  dataSource: { fr: 'Données affichées', en: 'Data shown' },
  inhabitants: { fr: 'hab.', en: 'inhabitants' },
  km2: { fr: 'km²', en: 'km²' },
  perKm2: { fr: 'hab./km²', en: 'inh./km²' },
  sourceLine: { fr: 'Source', en: 'Source' },
  populationSource: {
    fr: `population${NNBSP}: @etalab/decoupage-administratif {version}, COG {cog} (année de recensement non précisée)`,
    en: 'population: @etalab/decoupage-administratif {version}, COG {cog} (census year not stated)',
  },
  areaSource: {
    fr: `superficie${NNBSP}: géodésique, mesurée sur les contours complets`,
    en: 'area: geodesic, measured on the full contours',
  },
  contoursShared: {
    fr: 'contours IGN ADMIN EXPRESS COG 2018 (simplifiés), rattachés au COG {cog}',
    en: 'IGN ADMIN EXPRESS COG 2018 contours (simplified), joined to COG {cog}',
  },
  contoursSynthetic: {
    fr: `données synthétiques${NNBSP}: des carrés pour les {count} communes de trois EPCI de l’Oise (aucun jeu de contours trouvé)`,
    en: 'synthetic data: squares for the {count} communes of three EPCI of the Oise (no contour snapshot found)',
  },
  contoursFile: {
    fr: 'contours d’un fichier GeoJSON ({description})',
    en: 'contours from a GeoJSON file ({description})',
  },
  bytes: {
    fr: `{bytes}${NNBSP}octets chargés (TopoJSON quantifié, {kept} points sur {total} conservés)`,
    en: '{bytes} bytes loaded (quantized TopoJSON, {kept} of {total} points kept)',
  },
  shown: {
    fr: `{count}${NNBSP}unités affichées ({mesh}, {indicator})`,
    en: '{count} units shown ({mesh}, {indicator})',
  },
  incomplete: {
    fr: `{count}${NNBSP}unités incomplètes (communes sans contour)${NNBSP}: leur superficie et leur densité sont sans donnée.`,
    en: '{count} incomplete units (communes without a contour): their area and density are no data.',
  },
  populationUnknown: {
    fr: `{count}${NNBSP}unités dont une commune n’a pas de population connue${NNBSP}: sans donnée.`,
    en: '{count} units with a commune of unknown population: no data.',
  },
  unmatchedContours: {
    fr: `{count}${NNBSP}codes des contours inconnus du COG {cog}, non dessinés${NNBSP}: {codes}`,
    en: '{count} contour codes unknown to COG {cog}, not drawn: {codes}',
  },
  partialCommunes: {
    fr: `{count}${NNBSP}communes actuelles dont une partie manque aux contours${NNBSP}: {codes}`,
    en: '{count} current communes of which a part is missing from the contours: {codes}',
  },
  meshLoaded: {
    fr: `Maille «${NNBSP}{label}${NNBSP}» chargée${NNBSP}: {units}${NNBSP}unités.`,
    en: 'Mesh “{label}” loaded: {units} units.',
  },
  meshDiagnostics: {
    fr: `{count}${NNBSP}lignes de la maille signalées${NNBSP}: {list}`,
    en: '{count} mesh lines reported: {list}',
  },
  meshUncovered: {
    fr: `{count}${NNBSP}communes de la région dans aucune unité de la maille${NNBSP}: {codes}`,
    en: '{count} communes of the region in no unit of the mesh: {codes}',
  },
  meshDropped: {
    fr: `{count}${NNBSP}unités sans commune dans la région, laissées de côté${NNBSP}: {codes}`,
    en: '{count} units with no commune in the region, left out: {codes}',
  },
  meshError: { fr: `Maille {file} refusée${NNBSP}: {message}`, en: 'Mesh {file} refused: {message}' },
  valuesLoaded: {
    fr: `{file}${NNBSP}: {rows}${NNBSP}lignes lues, {matched}${NNBSP}valeurs rattachées à une unité affichée.`,
    en: '{file}: {rows} rows read, {matched} values joined to a unit shown.',
  },
  valuesError: { fr: `Fichier {file} refusé${NNBSP}: {message}`, en: 'File {file} refused: {message}' },
  valuesEmpty: {
    fr: 'aucune ligne de valeurs (seulement un en-tête)',
    en: 'no value row (only a header)',
  },
  valuesNoNumber: {
    fr: `aucune ligne n’a à la fois un code et une valeur numérique dans la colonne «${NNBSP}{column}${NNBSP}»`,
    en: 'no row has both a code and a numeric value in column “{column}”',
  },
  valuesNoMatch: {
    fr: `aucun des {count}${NNBSP}codes de la colonne «${NNBSP}{column}${NNBSP}» ne correspond à une unité de la maille {mesh} (par exemple {codes})`,
    en: 'none of the {count} codes of column “{column}” matches a unit of the {mesh} mesh (e.g. {codes})',
  },
  valuesUnmatched: {
    fr: `{count}${NNBSP}codes de {file} sans unité affichée, non dessinés${NNBSP}: {codes}`,
    en: '{count} codes of {file} with no unit shown, not drawn: {codes}',
  },
  valuesMapped: {
    fr: `{count}${NNBSP}anciens codes de commune rattachés à la commune actuelle${NNBSP}: {pairs}`,
    en: '{count} former commune codes mapped to the current commune: {pairs}',
  },
  valuesConflict: {
    fr: `{count}${NNBSP}unités recevant plusieurs valeurs, laissées sans donnée${NNBSP}: {list}`,
    en: '{count} units receiving several values, left as no data: {list}',
  },
  valuesInvalid: {
    fr: `{count}${NNBSP}lignes dont la valeur n’est pas un nombre, ignorées${NNBSP}: {list}`,
    en: '{count} rows whose value is not a number, ignored: {list}',
  },
  valuesBlank: {
    fr: `{count}${NNBSP}lignes sans valeur (sans donnée)${NNBSP}: {list}`,
    en: '{count} rows without a value (no data): {list}',
  },
  valuesMissingCode: {
    fr: `{count}${NNBSP}lignes sans code, ignorées${NNBSP}: {list}`,
    en: '{count} rows without a code, ignored: {list}',
  },
  noValue: {
    fr: `Aucune unité affichée n’a de valeur pour «${NNBSP}{indicator}${NNBSP}»${NNBSP}: la carte n’est pas une choroplèthe.`,
    en: 'No unit shown has a value for “{indicator}”: the map is not a choropleth.',
  },
  line: { fr: 'ligne', en: 'line' },
  found: { fr: `{name} ({code}) trouvé${NNBSP}: {value}`, en: '{name} ({code}) found: {value}' },
  notShown: {
    fr: `{name} ({code}) n’est pas sur la carte affichée`,
    en: '{name} ({code}) is not on the map shown',
  },
  downloaded: { fr: `{file} téléchargé`, en: '{file} downloaded' },
  communeKind: { fr: 'commune', en: 'commune' },
  epciKind: { fr: 'EPCI', en: 'EPCI' },
  csvName: { fr: 'CSV', en: 'CSV' },
  mapTitle: { fr: '{indicator} {by}', en: '{indicator} {by}' },
  byCommunes: { fr: 'par commune', en: 'by commune' },
  byEpci: { fr: 'par EPCI', en: 'by EPCI' },
  byArrondissement: { fr: 'par arrondissement', en: 'by arrondissement' },
  byDepartement: { fr: 'par département', en: 'by département' },
  byLoaded: { fr: `par unité de «${NNBSP}{label}${NNBSP}»`, en: 'by unit of “{label}”' },
  meshOf: {
    fr: 'Hauts-de-France',
    en: 'Hauts-de-France',
  },
  and: { fr: 'et', en: 'and' },
  // singular forms, used when {count} is 1
  shownOne: { fr: `1${NNBSP}unité affichée ({mesh}, {indicator})`, en: '1 unit shown ({mesh}, {indicator})' },
  incompleteOne: {
    fr: `1${NNBSP}unité incomplète (communes sans contour)${NNBSP}: sa superficie et sa densité sont sans donnée.`,
    en: '1 incomplete unit (communes without a contour): its area and density are no data.',
  },
  populationUnknownOne: {
    fr: `1${NNBSP}unité dont une commune n’a pas de population connue${NNBSP}: sans donnée.`,
    en: '1 unit with a commune of unknown population: no data.',
  },
  valuesUnmatchedOne: {
    fr: `1${NNBSP}code de {file} sans unité affichée, non dessiné${NNBSP}: {codes}`,
    en: '1 code of {file} with no unit shown, not drawn: {codes}',
  },
  valuesMappedOne: {
    fr: `1${NNBSP}ancien code de commune rattaché à la commune actuelle${NNBSP}: {pairs}`,
    en: '1 former commune code mapped to the current commune: {pairs}',
  },
  valuesConflictOne: {
    fr: `1${NNBSP}unité recevant plusieurs valeurs, laissée sans donnée${NNBSP}: {list}`,
    en: '1 unit receiving several values, left as no data: {list}',
  },
  valuesInvalidOne: {
    fr: `1${NNBSP}ligne dont la valeur n’est pas un nombre, ignorée${NNBSP}: {list}`,
    en: '1 row whose value is not a number, ignored: {list}',
  },
  valuesBlankOne: {
    fr: `1${NNBSP}ligne sans valeur (sans donnée)${NNBSP}: {list}`,
    en: '1 row without a value (no data): {list}',
  },
  valuesMissingCodeOne: {
    fr: `1${NNBSP}ligne sans code, ignorée${NNBSP}: {list}`,
    en: '1 row without a code, ignored: {list}',
  },
  unmatchedContoursOne: {
    fr: `1${NNBSP}code des contours inconnu du COG {cog}, non dessiné${NNBSP}: {codes}`,
    en: '1 contour code unknown to COG {cog}, not drawn: {codes}',
  },
  partialCommunesOne: {
    fr: `1${NNBSP}commune actuelle dont une partie manque aux contours${NNBSP}: {codes}`,
    en: '1 current commune of which a part is missing from the contours: {codes}',
  },
  meshDiagnosticsOne: {
    fr: `1${NNBSP}ligne de la maille signalée${NNBSP}: {list}`,
    en: '1 mesh line reported: {list}',
  },
  meshUncoveredOne: {
    fr: `1${NNBSP}commune de la région dans aucune unité de la maille${NNBSP}: {codes}`,
    en: '1 commune of the region in no unit of the mesh: {codes}',
  },
  meshDroppedOne: {
    fr: `1${NNBSP}unité sans commune dans la région, laissée de côté${NNBSP}: {codes}`,
    en: '1 unit with no commune in the region, left out: {codes}',
  },
  more: { fr: `… et {count}${NNBSP}autres`, en: '… and {count} more' },
} as const satisfies Record<string, { fr: string; en: string }>;

/** The whole catalogue (tested for French typography and matching placeholders). */
export const CATALOGUE: Readonly<Record<Key, { fr: string; en: string }>> = STRINGS;

/** A key of the catalogue. */
export type Key = keyof typeof STRINGS;

/** The text of `key` in `lang`, `{name}` placeholders replaced; the singular form when `count` is 1. */
export function t(lang: Lang, key: Key, values: Record<string, string | number> = {}): string {
  const singular = `${key}One`;
  const chosen =
    (values.count === 1 || values.count === '1') && singular in STRINGS ? (singular as Key) : key;
  return STRINGS[chosen][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A number in `lang`'s format (French: narrow no-break space for thousands, comma for decimals). */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  return value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits });
}

/** A list of codes, at most `limit` shown and the rest counted (the full list is in the notice's details). */
export function shortList(lang: Lang, items: readonly string[], limit = 10): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} ${t(lang, 'more', { count: items.length - limit })}` : shown;
}
