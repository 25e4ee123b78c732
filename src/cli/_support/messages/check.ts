/** Messages of `cprdfop check` and of the explanation it prints (internal). */
import type { Message } from '../../../_shared/messages.js';

/**
 * One word per status, the same everywhere: the criterion messages (« Critère rempli », "Criterion
 * met"), the CLI and the web page (`examples/web-map/src/i18n.ts`).
 */
export const STATUS = {
  pass: { fr: '✓ rempli', en: '✓ met' },
  fail: { fr: '✗ non rempli', en: '✗ not met' },
  unknown: { fr: '? inconnu', en: '? unknown' },
} as const satisfies Record<string, Message>;

/** One word per verdict, the same everywhere (CLI, screen summary, web page, in capitals here). */
export const VERDICT = {
  eligible: { fr: 'ÉLIGIBLE', en: 'ELIGIBLE' },
  ineligible: { fr: 'INÉLIGIBLE', en: 'INELIGIBLE' },
  undetermined: { fr: 'INDÉTERMINÉ', en: 'UNDETERMINED' },
} as const satisfies Record<string, Message>;

export const CHECK = {
  description: {
    fr: 'vérifier une candidature ITIE : verdict, critères, ce qui manque, hypothèses (code 0 dès qu’un verdict est rendu)',
    en: 'check an ITIE application: verdict, criteria, what is missing, assumptions (exit 0 whenever a verdict is produced)',
  },
  fileArgument: {
    fr: 'le fichier JSON de la candidature, ou - pour l’entrée standard (facultatif avec --interactive)',
    en: 'the application JSON file, or - for stdin (optional with --interactive)',
  },
  missingFile: {
    fr: '<fichier> manquant : le fichier JSON de la candidature, ou - pour l’entrée standard',
    en: 'missing <file>: the application JSON file, or - for stdin',
  },
  interactiveOption: {
    fr: 'poser les questions suivantes dans le terminal, avec le verdict à ce stade après chaque réponse (Ctrl-C enregistre les réponses données)',
    en: 'ask the next questions in the terminal, showing the verdict so far after each answer (Ctrl-C saves the answers given)',
  },
  saveOption: {
    fr: 'avec --interactive : écrire la candidature complétée dans ce fichier',
    en: 'with --interactive: write the completed application to this file',
  },
  jsonOption: {
    fr: 'afficher l’explication en JSON (cprdfop.explanation/1) ; pour une entrée invalide, `{"ok": false, "issues": [...]}` avec chaque problème (code 65)',
    en: 'print the explanation JSON (cprdfop.explanation/1); for invalid input, {"ok": false, "issues": [...]} with every issue (exit 65)',
  },
  asOfOption: {
    fr: 'date d’évaluation AAAA-MM-JJ (par défaut : la date de dépôt submittedOn)',
    en: 'evaluation date YYYY-MM-DD (default: the application submittedOn)',
  },
  rulesOption: {
    fr: 'un autre fichier de règles (sa région, ses champs déclarés et sa base : une surcouche qui étend itie-hdf@2023.1 ou ./une-base.ruleset.json)',
    en: 'another rule file (its region, declared fields and base: an overlay extending itie-hdf@2023.1 or ./a-base.ruleset.json)',
  },
  contoursOption: {
    fr: 'contours des communes (GeoJSON/TopoJSON, tout millésime du COG) : active et tranche le critère de contiguïté',
    en: 'commune contours (GeoJSON/TopoJSON, any COG year): turns on and decides the contiguity criterion',
  },
  badAsOf: {
    fr: '--as-of doit être {reason}, pas « {value} »',
    en: '--as-of must be {reason}, not "{value}"',
  },
  noRuleSetInForce: { fr: 'aucun jeu de règles en vigueur', en: 'no rule set in force' },
  invalidApplication: { fr: 'candidature invalide ({name})', en: 'invalid application {name}' },
  refused: { fr: '{what} : {where}{message}{more}', en: '{what}: {where}{message}{more}' },
  where: { fr: '{path} : ', en: '{path}: ' },
  moreOnStdout: {
    fr: ' ({count} problèmes, tous listés sur la sortie standard)',
    en: ' ({count} issues, all listed on stdout)',
  },
  moreWithJson: {
    fr: ' (et {count} autre(s) : --json les liste tous)',
    en: ' (and {count} more: --json lists them all)',
  },
  invalidRuleFile: {
    fr: 'fichier de règles {file} invalide : {message}',
    en: 'invalid rule file {file}: {message}',
  },
  // The explanation as text.
  header: { fr: '{ruleSet} ({hash}…) — au {asOf}', en: '{ruleSet} ({hash}…) — as of {asOf}' },
  noDate: { fr: 'sans date', en: 'no date' },
  verdict: { fr: 'Verdict : {verdict}', en: 'Verdict: {verdict}' },
  missing: { fr: 'Pour conclure, renseigner : {fields}', en: 'To decide, please provide: {fields}' },
  funding: { fr: 'Financement : {amount}', en: 'Funding: {amount}' },
  assumptions: { fr: 'Hypothèses utilisées :', en: 'Assumptions relied on:' },
  assumption: { fr: '{name} = {value} : {justification}', en: '{name} = {value}: {justification}' },
  warnings: { fr: 'Avertissements :', en: 'Warnings:' },
} as const satisfies Record<string, Message>;
