/**
 * The messages of the screening (internal): the mapping file's validation errors, the row problems
 * written in the results' `errors` column and the input errors, in French and in English, rendered by
 * `renderMessage` (placeholders filled, French typography applied). Values (a cell's text, a column, a
 * field path, a parser's own words) are inserted as they are. The English texts are those the screening
 * has always written.
 */
import type { Message } from '../_shared/messages.js';

/** The mapping file's own checks (beyond zod's shape errors, which zod's locales translate). */
export const MAPPING_MESSAGES = {
  nestedLists: {
    fr: '{path}\u00a0: les listes ne s’imbriquent pas (un seul [] par chemin)',
    en: '{path}: lists cannot nest (one [] per path)',
  },
  scalarInList: {
    fr: '{path}\u00a0: un champ dans une liste prend une cellule de liste (type list ou number-list, pas {type})',
    en: '{path}: a field inside a list takes a list cell (type list or number-list, not {type})',
  },
  forbiddenSegment: {
    fr: '{path}\u00a0: «\u202f{segment}\u202f» est interdit dans un chemin de champ (ce nom atteint le prototype des objets)',
    en: '{path}: "{segment}" is not allowed in a field path (the name reaches the prototype of objects)',
  },
  sameNode: {
    fr: '{path} : ce champ et le champ {other} définissent tous deux {node} (l’une des deux valeurs serait perdue)',
    en: '{path}: this field and field {other} both set {node} (one of the two values would be lost)',
  },
} as const satisfies Record<string, Message>;

/** The problems of one cell or one row (the `errors` column of the results). */
export const ROW_MESSAGES = {
  otherDecimalSeparator: {
    fr: '«\u202f{text}\u202f» n’est pas un nombre au séparateur décimal «\u202f{decimal}\u202f» (réglez decimalSeparator dans la correspondance)',
    en: '"{text}" is not a number with decimal separator "{decimal}" (set decimalSeparator in the mapping)',
  },
  notANumber: {
    fr: '«\u202f{text}\u202f» n’est pas un nombre',
    en: '"{text}" is not a number',
  },
  notYesNo: {
    fr: '«\u202f{text}\u202f» n’est pas une valeur oui/non (oui/non, true/false)',
    en: '"{text}" is not a yes/no value (oui/non, true/false)',
  },
  cellProblem: {
    fr: '{column} ({field})\u00a0: {message}',
    en: '{column} ({field}): {message}',
  },
  issueAt: {
    fr: '{where}\u00a0: {message}',
    en: '{where}: {message}',
  },
  columnAndPath: {
    fr: '{column} ({path})',
    en: '{column} ({path})',
  },
  wholeRow: { fr: '(ligne)', en: '(row)' },
  cellCount: {
    fr: '{cells} cellules alors que l’en-tête en a {header}',
    en: '{cells} cells where the header has {header}',
  },
  cellError: {
    fr: '{header}\u00a0: erreur de cellule {error}',
    en: '{header}: cell error {error}',
  },
  invalidJson: {
    fr: 'JSON invalide\u00a0: {reason}',
    en: 'invalid JSON: {reason}',
  },
} as const satisfies Record<string, Message>;

/** The input files that cannot be read as a table at all. */
export const INPUT_MESSAGES = {
  emptyFile: {
    fr: '{file}\u00a0: fichier vide (pas de ligne d’en-tête)',
    en: '{file}: empty file (no header row)',
  },
  unparsableCsv: {
    fr: '{file}\u00a0: CSV illisible ({reason})',
    en: '{file}: {reason}',
  },
  notXlsx: {
    fr: '{file}\u00a0: pas un classeur XLSX lisible ({reason})',
    en: '{file}: not a readable XLSX workbook ({reason})',
  },
  emptyWorkbook: {
    fr: '{file}\u00a0: classeur vide (pas de ligne d’en-tête)',
    en: '{file}: empty workbook (no header row)',
  },
} as const satisfies Record<string, Message>;

/**
 * The labels of the XLSX `summary` sheet (its third column; the first holds the identifiers, the same in
 * every language, for programs).
 */
export const SUMMARY_SHEET = {
  rows: { fr: 'lignes lues', en: 'rows read' },
  screened: { fr: 'lignes criblées', en: 'rows screened' },
  invalid: {
    fr: 'lignes invalides (voir la colonne errors des résultats)',
    en: 'invalid rows (see the errors column of the results)',
  },
  eligible: { fr: 'verdict éligible', en: 'verdict eligible' },
  ineligible: { fr: 'verdict inéligible', en: 'verdict ineligible' },
  undetermined: { fr: 'verdict indéterminé', en: 'verdict undetermined' },
  failed: {
    fr: 'critère non rempli\u00a0: {criterion}',
    en: 'failed criterion: {criterion}',
  },
} as const satisfies Record<string, Message>;

/** Every catalogue of the screening, by name (for the completeness test). */
export const SCREEN_CATALOGUES = { MAPPING_MESSAGES, ROW_MESSAGES, INPUT_MESSAGES, SUMMARY_SHEET } as const;

/** Keys whose texts are the same in both languages on purpose (a column and a path, nothing to say). */
export const SAME_IN_BOTH = new Set(['ROW_MESSAGES.columnAndPath']);
