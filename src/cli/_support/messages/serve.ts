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
    fr: 'délai maximal d’une requête en millisecondes',
    en: 'request timeout in milliseconds',
  },
  quietOption: {
    fr: 'pas de journal des accès',
    en: 'no access log',
  },
} as const satisfies Record<string, Message>;
