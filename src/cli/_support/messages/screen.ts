/** Messages of `cprdfop screen` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const SCREEN = {
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
} as const satisfies Record<string, Message>;
