/** Messages of `cprdfop locate` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const LOCATE = {
  description: {
    fr: 'trouver la commune, l’EPCI, l’arrondissement et le département d’un point (WGS84 lon/lat), ou de chaque ligne d’un CSV (--csv)',
    en: 'find the commune, EPCI, arrondissement and département of a point (WGS84 lon/lat), or of every row of a CSV (--csv)',
  },
  lonArgument: {
    fr: 'longitude en degrés, par exemple 3.0573',
    en: 'longitude in degrees, e.g. 3.0573',
  },
  latArgument: {
    fr: 'latitude en degrés, par exemple 50.6292',
    en: 'latitude in degrees, e.g. 50.6292',
  },
  contoursOption: {
    fr: 'contours des communes (par défaut : les contours en cache, voir `cprdfop data pull contours`)',
    en: 'commune contours (default: the cached contours, see `cprdfop data pull contours`)',
  },
  csvOption: {
    fr: 'localiser chaque ligne d’un CSV (`-` pour l’entrée standard) : colonnes lon,lat ou une colonne de code de commune ; écrit les lignes avec commune, EPCI, arrondissement, département, région, statut et message (code 1 quand une ligne est invalide ou inconnue)',
    en: 'locate every row of a CSV (`-` for stdin): lon,lat columns or a commune code column; writes the rows with commune, EPCI, arrondissement, département, région, status and message (exit 1 when a row is invalid or unknown)',
  },
  lonColumnOption: {
    fr: 'avec --csv : la colonne des longitudes (par défaut : lon, lng, longitude ou x)',
    en: 'with --csv: the longitude column (default: lon, lng, longitude or x)',
  },
  latColumnOption: {
    fr: 'avec --csv : la colonne des latitudes (par défaut : lat, latitude ou y)',
    en: 'with --csv: the latitude column (default: lat, latitude or y)',
  },
  codeColumnOption: {
    fr: 'avec --csv : localiser par code de commune (sans contours) depuis cette colonne (par défaut quand il n’y a pas de colonnes lon/lat : code, code_insee, insee, codgeo, depcom ou com)',
    en: 'with --csv: locate by commune code (no contours needed) from this column (default when there are no lon/lat columns: code, code_insee, insee, codgeo, depcom or com)',
  },
  outOption: {
    fr: 'avec --csv : écrire le CSV dans ce fichier plutôt que sur la sortie standard',
    en: 'with --csv: write the CSV there instead of stdout',
  },
  jsonOption: {
    fr: 'afficher en JSON',
    en: 'print JSON',
  },
  strictOption: {
    fr: 'code 1 en cas d’avertissement (par exemple des contours qui ne se rattachent pas au graphe des territoires)',
    en: 'exit 1 when there is a warning (e.g. contours that do not join the territory graph)',
  },
} as const satisfies Record<string, Message>;

/** The output and errors of `cprdfop locate`. */
export const LOCATE_OUTPUT = {
  badLongitude: {
    fr: 'longitude « {value} » invalide : un nombre dans [-180, 180] est attendu',
    en: 'invalid longitude "{value}": expected a number in [-180, 180]',
  },
  badLatitude: {
    fr: 'latitude « {value} » invalide : un nombre dans [-90, 90] est attendu',
    en: 'invalid latitude "{value}": expected a number in [-90, 90]',
  },
  outside: {
    fr: '[{lon}, {lat}] n’est dans aucune commune des contours',
    en: '[{lon}, {lat}] is outside every commune of the contours',
  },
  line: { fr: '{label} : {unit}', en: '{label}: {unit}' },
  unknown: { fr: 'inconnu', en: 'unknown' },
  csvNoPoint: {
    fr: '--csv localise les lignes d’un fichier : ne donnez ni <lon> ni <lat>',
    en: '--csv locates the rows of a file: give no <lon> <lat>',
  },
  csvNoJson: {
    fr: '--csv écrit du CSV : --json ne s’applique pas',
    en: '--csv writes CSV: --json does not apply',
  },
  csvOnlyOptions: {
    fr: '--out, --lon-column, --lat-column et --code-column vont avec --csv',
    en: '--out, --lon-column, --lat-column and --code-column go with --csv',
  },
  missingPoint: {
    fr: '<lon> <lat> manquants (ou --csv <fichier>)',
    en: 'missing <lon> <lat> (or --csv <file>)',
  },
  csvSummary: {
    fr: '{rows} lignes : {located} localisées, {outside} hors des contours, {invalid} invalides, {unknown} inconnues{problems}',
    en: '{rows} rows: {located} located, {outside} outside the contours, {invalid} invalid, {unknown} unknown{problems}',
  },
  csvSummaryProblems: {
    fr: ' (voir les colonnes status et message) : code de sortie 1',
    en: ' (see the status and message columns): exit code 1',
  },
  commune: { fr: 'commune', en: 'commune' },
  epci: { fr: 'epci', en: 'epci' },
  arrondissement: { fr: 'arrondissement', en: 'arrondissement' },
  departement: { fr: 'département', en: 'departement' },
} as const satisfies Record<string, Message>;

/** The errors of `cprdfop locate --csv` and the messages of its rows. */
export const LOCATE_CSV = {
  noColumn: {
    fr: 'pas de colonne « {option} » ({flag}) dans l’en-tête : {headers}',
    en: 'no column "{option}" ({flag}) in the header: {headers}',
  },
  cannotRead: { fr: 'impossible de lire {name} : {reason}', en: 'cannot read {name}: {reason}' },
  emptyFile: { fr: '{name} : fichier vide (pas d’en-tête)', en: '{name}: empty file (no header row)' },
  cannotWrite: { fr: 'impossible d’écrire {out} : {reason}', en: 'cannot write {out}: {reason}' },
  cellCount: {
    fr: '{count} cellules alors que l’en-tête en a {width}',
    en: '{count} cells where the header has {width}',
  },
  badLongitude: {
    fr: 'longitude invalide « {value} » : un nombre dans [-180, 180] attendu',
    en: 'invalid longitude "{value}": expected a number in [-180, 180]',
  },
  badLatitude: {
    fr: 'latitude invalide « {value} » : un nombre dans [-90, 90] attendu',
    en: 'invalid latitude "{value}": expected a number in [-90, 90]',
  },
  malformedCode: { fr: 'code commune mal formé « {code} »', en: 'malformed commune code "{code}"' },
  unknownCode: {
    fr: 'aucune commune de code « {code} » dans le COG {cog}',
    en: 'no commune with code "{code}" in COG {cog}',
  },
  formerCode: {
    fr: 'ancien code {code} : commune actuelle {current}',
    en: 'former code {code}: current commune {current}',
  },
  outside: { fr: 'hors de tous les contours de communes', en: 'outside every commune contour' },
  notACommune: {
    fr: 'dans le contour {contour}, qui n’est pas une commune du graphe territorial',
    en: 'in contour {contour}, which is not a commune of the territory graph',
  },
  columnsTaken: {
    fr: '{name} a déjà les colonnes {columns}, que locate ajoute',
    en: '{name} already has the columns {columns}, which locate adds',
  },
  noColumns: {
    fr: '{name} : ni colonnes lon et lat ni colonne de code commune dans l’en-tête ({headers}) ; nommez-les avec --lon-column et --lat-column, ou --code-column',
    en: '{name}: no lon and lat columns and no commune code column in the header ({headers}); name them with --lon-column and --lat-column, or --code-column',
  },
  unreadable: {
    fr: '{name} n’est pas un CSV lisible après la ligne {row} : {message}',
    en: '{name} is not readable CSV after row {row}: {message}',
  },
} as const satisfies Record<string, Message>;
