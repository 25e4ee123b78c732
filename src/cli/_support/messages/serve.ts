/** Messages of `cprdfop serve` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const SERVE = {
  description: {
    fr: 'servir l’API HTTP (JSON ; OpenAPI sur /openapi.json, page sur /docs) jusqu’à SIGINT/SIGTERM',
    en: 'serve the HTTP API (JSON; OpenAPI at /openapi.json, page at /docs) until SIGINT/SIGTERM',
  },
  hostOption: {
    fr: 'adresse d’écoute',
    en: 'address to listen on',
  },
  portOption: {
    fr: 'port (0 = un port libre quelconque)',
    en: 'port (0 = any free port)',
  },
  rulesOption: {
    fr: 'un autre fichier de règles, ou un répertoire de fichiers (répétable)',
    en: 'another rule file, or a directory of them (repeatable)',
  },
  corsOption: {
    fr: 'autoriser cette origine (répétable ; * pour toutes). Par défaut : CORS désactivé',
    en: 'allow this origin (repeatable; * for any). Default: CORS off',
  },
  maxBodyOption: {
    fr: 'taille maximale du corps de /v1/check et d’une ligne de lot',
    en: 'maximum body of /v1/check and of one batch line',
  },
  maxBatchBytesOption: {
    fr: 'taille maximale du corps de /v1/check/batch',
    en: 'maximum body of /v1/check/batch',
  },
  maxBatchOption: {
    fr: 'nombre maximal d’éléments d’un lot',
    en: 'maximum items of one batch',
  },
  maxDepthOption: {
    fr: 'profondeur maximale du JSON',
    en: 'maximum JSON nesting',
  },
  timeoutOption: {
    fr: 'délai maximal d’une requête en millisecondes (pour un lot en flux, sans données reçues)',
    en: 'request timeout in milliseconds (for a streamed batch, without input)',
  },
  quietOption: {
    fr: 'pas de journal des accès',
    en: 'no access log',
  },
  notPositive: {
    fr: '{name} doit être un entier positif, pas « {value} »',
    en: '{name} must be a positive integer, not "{value}"',
  },
  emptyDirectory: {
    fr: '--rules {ref} : le répertoire ne contient aucun fichier de règles .json',
    en: '--rules {ref}: the directory has no .json rule file',
  },
  badPort: {
    fr: '--port doit être un entier de 0 à 65535, pas « {value} »',
    en: '--port must be an integer 0-65535, not "{value}"',
  },
  invalidRuleSet: { fr: 'jeu de règles invalide : {message}', en: 'invalid rule set: {message}' },
  cannotListen: {
    fr: 'impossible d’écouter sur {address} : {code}',
    en: 'cannot listen on {address}: {code}',
  },
  listening: {
    fr: 'cprdfop serve : à l’écoute sur {url} (OpenAPI : {url}/openapi.json)',
    en: 'cprdfop serve: listening on {url} (OpenAPI: {url}/openapi.json)',
  },
  stopping: {
    fr: 'cprdfop serve : {signal}, fin des requêtes en cours',
    en: 'cprdfop serve: {signal}, finishing in-flight requests',
  },
} as const satisfies Record<string, Message>;
