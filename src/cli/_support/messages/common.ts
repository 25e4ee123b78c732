/** Messages of the program itself: help furniture, commander's errors, shared CLI errors (internal). */
import type { Message } from '../../../_shared/messages.js';

export const COMMON = {
  programDescription: {
    fr: 'CPRDFOP Hauts-de-France 2022-2028 : plan, territoires, règles d’éligibilité ITIE, géométrie, données ouvertes',
    en: 'CPRDFOP Hauts-de-France 2022-2028: plan, territories, ITIE eligibility rules, geometry, open data',
  },
  versionOption: { fr: 'afficher la version', en: 'print the version' },
  helpOption: { fr: 'afficher l’aide', en: 'show help' },
  helpCommandTerm: { fr: 'help [commande]', en: 'help [command]' },
  commandWord: { fr: '[commande]', en: '[command]' },
  helpCommand: { fr: 'afficher l’aide d’une commande', en: 'show help for a command' },
  langOption: {
    fr: 'langue des sorties et de l’aide : fr ou en (par défaut : LC_ALL, LC_MESSAGES ou LANG, sinon fr)',
    en: 'language of the output and help: fr or en (default: from LC_ALL, LC_MESSAGES or LANG, else fr)',
  },
  // Argument names shown in the usage and help.
  fileArgument: { fr: '<fichier>', en: '<file>' },
  optionalFileArgument: { fr: '[fichier]', en: '[file]' },
  rulesArgument: { fr: '[règles]', en: '[rules]' },
  queryArgument: { fr: '<recherche...>', en: '<query...>' },
  // Help headings (commander's, translated).
  usageTitle: { fr: 'Utilisation :', en: 'Usage:' },
  argumentsTitle: { fr: 'Arguments :', en: 'Arguments:' },
  optionsTitle: { fr: 'Options :', en: 'Options:' },
  globalOptionsTitle: { fr: 'Options globales :', en: 'Global Options:' },
  commandsTitle: { fr: 'Commandes :', en: 'Commands:' },
  defaultValue: { fr: 'par défaut : {value}', en: 'default: {value}' },
  choices: { fr: 'valeurs : {values}', en: 'choices: {values}' },
  // The usage line after a usage error.
  usageLine: { fr: 'utilisation : {usage}', en: 'usage: {usage}' },
  // commander's errors, translated.
  unknownCommand: { fr: 'commande inconnue « {name} »{hint}', en: "unknown command '{name}'{hint}" },
  unknownOption: { fr: 'option inconnue « {name} »{hint}', en: "unknown option '{name}'{hint}" },
  didYouMean: { fr: ' (vouliez-vous dire {name} ?)', en: '\n(Did you mean {name}?)' },
  missingArgument: {
    fr: 'argument obligatoire manquant : « {name} »',
    en: "missing required argument '{name}'",
  },
  optionArgumentMissing: {
    fr: 'valeur manquante pour l’option « {flags} »',
    en: "option '{flags}' argument missing",
  },
  requiredOptionMissing: {
    fr: 'option obligatoire absente : « {flags} »',
    en: "required option '{flags}' not specified",
  },
  tooManyArguments: {
    fr: 'trop d’arguments : {expected} attendu(s), {received} reçu(s)',
    en: 'too many arguments: expected {expected}, got {received}',
  },
  invalidChoice: {
    fr: 'l’option « {flags} » n’accepte pas « {value} » ; valeurs possibles : {choices}',
    en: "option '{flags}' argument '{value}' is invalid; allowed choices are {choices}",
  },
  badLang: {
    fr: '--lang doit valoir fr ou en, pas « {value} »',
    en: '--lang must be fr or en, not "{value}"',
  },
  internalError: {
    fr: 'erreur interne : {message} (merci de la signaler)',
    en: 'internal error: {message} (please report it)',
  },
  warning: { fr: 'avertissement : {message}', en: 'warning: {message}' },
  strictWarnings: {
    fr: '{count} avertissement(s) avec --strict : rien n’a été écrit',
    en: '{count} warning(s) with --strict: nothing written',
  },
  // Files.
  stdin: { fr: 'l’entrée standard', en: 'stdin' },
  tooLarge: {
    fr: '{file} : plus de {size} : refusé avant lecture',
    en: '{file}: larger than {size}: refused before reading it',
  },
  cannotRead: { fr: 'impossible de lire {file} : {reason}', en: 'cannot read {file}: {reason}' },
  notUtf8: {
    fr: '{file} : ce n’est pas du texte UTF-8 (octet {byte} ligne {line}, position {offset}) ; enregistrez-le en UTF-8',
    en: '{file}: not UTF-8 text (byte {byte} on line {line}, offset {offset}); save it as UTF-8',
  },
  readAsEncoding: {
    fr: 'attention : {file} n’est pas en UTF-8 (octet {byte} ligne {line}) : lu en Windows-1252, l’encodage des CSV d’Excel en français',
    en: 'warning: {file} is not UTF-8 (byte {byte} on line {line}): read as Windows-1252, the encoding of Excel’s CSV in French',
  },
  cannotReadWhat: {
    fr: 'impossible de lire le fichier {what} {file} : {reason}',
    en: 'cannot read {what} {file}: {reason}',
  },
  invalidJson: { fr: '{file} : JSON invalide : {reason}', en: '{file}: invalid JSON: {reason}' },
  atPath: { fr: '{file} : {path} : {message}', en: '{file}: {path}: {message}' },
  inFile: { fr: '{file} : {message}', en: '{file}: {message}' },
  cannotWrite: { fr: 'impossible d’écrire {file} : {reason}', en: 'cannot write {file}: {reason}' },
} as const satisfies Record<string, Message>;
