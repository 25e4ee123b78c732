/** Messages of `cprdfop screen` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const SCREEN = {
  mappingFile: { fr: 'le fichier de correspondance', en: 'mapping file' },
  description: {
    fr: 'cribler un export de tableur (CSV, XLSX, JSONL) : une ligne de résultat par ligne lue, dans l’ordre, et un bilan',
    en: 'screen a spreadsheet export (CSV, XLSX, JSONL): one result row per input row, in order, and a summary',
  },
  exportArgument: {
    fr: 'l’export : .csv, .xlsx ou .jsonl',
    en: 'the export: .csv, .xlsx or .jsonl',
  },
  mappingOption: {
    fr: 'fichier de correspondance (colonnes → champs de la candidature) ; obligatoire pour CSV et XLSX',
    en: 'mapping file (columns → application fields); required for CSV and XLSX',
  },
  starterMappingOption: {
    fr: 'afficher une correspondance de départ générée à partir du schéma de candidature, puis terminer',
    en: 'print a starter mapping generated from the application schema, then exit',
  },
  rulesOption: {
    fr: 'un autre fichier de règles ou un id@version livré',
    en: 'another rule file or a shipped id@version',
  },
  asOfOption: {
    fr: 'date d’évaluation AAAA-MM-JJ (par défaut : la date de dépôt submittedOn de chaque candidature)',
    en: 'evaluation date YYYY-MM-DD (default: each application submittedOn)',
  },
  outOption: {
    fr: 'résultats : .csv, .xlsx ou .jsonl',
    en: 'results: .csv, .xlsx or .jsonl',
  },
  encodingOption: {
    fr: 'encodage d’un export CSV : auto (par défaut : UTF-8, UTF-16 avec sa marque d’ordre des octets, sinon Windows-1252 en le signalant), utf-8, windows-1252, utf-16le ou utf-16be',
    en: 'encoding of a CSV export: auto (default: UTF-8, UTF-16 with its byte order mark, else Windows-1252, saying so), utf-8, windows-1252, utf-16le or utf-16be',
  },
  badEncoding: {
    fr: '--encoding doit valoir {choices}, pas « {value} »',
    en: '--encoding must be one of {choices}, not "{value}"',
  },
  encodingNotForCsv: {
    fr: '--encoding ne s’applique qu’à une entrée .csv (XLSX porte son encodage, JSONL est en UTF-8)',
    en: '--encoding applies to .csv input only (XLSX carries its encoding, JSONL is UTF-8)',
  },
  badExtension: {
    fr: '{option} {file} : un fichier .csv, .xlsx ou .jsonl est attendu',
    en: '{option} {file}: expected a .csv, .xlsx or .jsonl file',
  },
  input: { fr: 'entrée', en: 'input' },
  missingExport: {
    fr: 'il manque le fichier d’export (.csv, .xlsx ou .jsonl)',
    en: 'missing the export file (.csv, .xlsx or .jsonl)',
  },
  outRequired: {
    fr: '--out <fichier> est obligatoire (.csv, .xlsx ou .jsonl)',
    en: '--out <file> is required (.csv, .xlsx or .jsonl)',
  },
  badAsOf: {
    fr: '--as-of doit être une date AAAA-MM-JJ, pas « {value} »',
    en: '--as-of must be a date YYYY-MM-DD, not "{value}"',
  },
  mappingNotForJsonl: {
    fr: '--mapping ne s’applique pas à une entrée .jsonl (chaque ligne est une candidature)',
    en: '--mapping does not apply to .jsonl input (each line is an application)',
  },
  mappingRequired: {
    fr: '--mapping <fichier> est obligatoire pour CSV et XLSX (voir --starter-mapping)',
    en: '--mapping <file> is required for CSV and XLSX (see --starter-mapping)',
  },
  invalidMapping: {
    fr: 'fichier de correspondance {file} invalide : {path} : {message}',
    en: 'invalid mapping file {file}: {path}: {message}',
  },
  root: { fr: '(racine)', en: '(root)' },
  duplicateMapped: {
    fr: '{file} : en-tête(s) en double utilisé(s) par la correspondance : {headers}',
    en: '{file}: duplicate header(s) used by the mapping: {headers}',
  },
  noMappedColumn: {
    fr: '{file} : aucune colonne de la correspondance n’est dans l’en-tête (première : « {first} »)',
    en: '{file}: none of the mapping\'s columns is in the header (first: "{first}")',
  },
  absentColumns: {
    fr: 'avertissement : colonnes de la correspondance absentes de {file} : {columns}',
    en: 'warning: columns of the mapping absent from {file}: {columns}',
  },
  duplicateHeaders: {
    fr: 'avertissement : en-têtes en double (non utilisés, ignorés) : {headers}',
    en: 'warning: duplicate headers (not mapped, ignored): {headers}',
  },
  rowLost: { fr: 'interne : une ligne a été perdue', en: 'internal: a row was lost' },
  summaryRows: {
    fr: '{rows} lignes : {screened} criblées, {invalid} invalides',
    en: '{rows} rows: {screened} screened, {invalid} invalid',
  },
  summaryVerdicts: {
    fr: 'Verdicts : éligible {eligible}, inéligible {ineligible}, indéterminé {undetermined}',
    en: 'Verdicts: eligible {eligible}, ineligible {ineligible}, undetermined {undetermined}',
  },
  summaryFailed: { fr: 'Critères non remplis :', en: 'Failed criteria:' },
  summaryInvalid: {
    fr: '{invalid} lignes invalides (voir la colonne errors) : code de sortie 1',
    en: '{invalid} invalid rows (see the errors column): exit code 1',
  },
} as const satisfies Record<string, Message>;
