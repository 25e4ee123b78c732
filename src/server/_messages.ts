/**
 * The messages of the HTTP API (internal): every `detail` of a problem and every problem title, in
 * French and in English, rendered by `renderMessage` (placeholders filled, French typography applied).
 * Values (a field, a media type, a rule set reference, the parser's own words) are inserted as they are.
 */
import type { Message } from '../_shared/messages.js';

/** The `detail` texts of the problems the server answers. */
export const SERVER = {
  badLang: {
    fr: 'lang vaut fr ou en, pas «\u202f{value}\u202f»',
    en: 'lang must be fr or en, not "{value}"',
  },
  langChoices: { fr: 'fr ou en', en: 'fr or en' },
  timeout: {
    fr: 'délai de {ms}\u00a0ms dépassé',
    en: 'took longer than {ms} ms',
  },
  internal: {
    fr: 'erreur interne (signalez-la)',
    en: 'internal error (please report it)',
  },
  noRoute: {
    fr: 'aucune route {method} {path}',
    en: 'no route {method} {path}',
  },
  unknownRuleSet: {
    fr: '{field}\u00a0: jeu de règles «\u202f{ref}\u202f» inconnu (connus\u00a0: {known})',
    en: '{field}: unknown rule set "{ref}" (known: {known})',
  },
  unknownParameter: {
    fr: 'paramètre de requête «\u202f{name}\u202f» inconnu ici (paramètres acceptés\u00a0: {names})',
    en: 'unknown query parameter "{name}" (this route takes: {names})',
  },
  repeatedParameter: {
    fr: 'paramètre «\u202f{name}\u202f» donné {count}\u00a0fois\u00a0: une seule valeur est attendue',
    en: 'parameter "{name}" given {count} times: one value is expected',
  },
  methodNotAllowed: {
    fr: '{method} n’est pas accepté sur {path} (méthodes\u00a0: {allowed})',
    en: '{method} is not allowed on {path} (methods: {allowed})',
  },
  badAsOf: {
    fr: 'asOf doit être une date AAAA-MM-JJ, pas «\u202f{value}\u202f»',
    en: 'asOf must be a date YYYY-MM-DD, not "{value}"',
  },
  invalidField: {
    fr: '{field}\u00a0: {message}',
    en: '{field}: {message}',
  },
  invalidFields: {
    fr: '{field}\u00a0: {message} (et {more} de plus)',
    en: '{field}: {message} (and {more} more)',
  },
  badLimit: {
    fr: 'limit doit être un entier de 1 à 100, pas «\u202f{value}\u202f»',
    en: 'limit must be an integer from 1 to 100, not "{value}"',
  },
  badGroup: {
    fr: 'group vaut object ou none, pas «\u202f{value}\u202f»',
    en: 'group is object or none, not "{value}"',
  },
  notAnArray: {
    fr: 'body\u00a0: un tableau JSON est attendu',
    en: 'body: a JSON array is expected',
  },
  tooManyItems: {
    fr: 'body\u00a0: {count} éléments, au-delà de {limit}',
    en: 'body: {count} items, more than {limit}',
  },
  tooManyLines: {
    fr: 'lot arrêté\u00a0: plus de {limit} lignes',
    en: 'batch stopped: more than {limit} lines',
  },
  batchIdle: {
    fr: 'lot arrêté\u00a0: aucune donnée reçue pendant {ms}\u00a0ms',
    en: 'batch stopped: no input for {ms} ms',
  },
  emptyLine: {
    fr: '{where}\u00a0: ligne vide',
    en: '{where}: empty line',
  },
  unknownRegion: {
    fr: 'region\u00a0: aucune région de code {code} (codes\u00a0: {codes})',
    en: 'region: no region has code {code} (codes: {codes})',
  },
  limitWithoutQuery: {
    fr: 'limit ne s’applique qu’à une recherche (q)\u00a0: sans q, toutes les communes sont données',
    en: 'limit applies to a search (q) only: without q, every commune is given',
  },
  emptyQuery: {
    fr: 'q est vide\u00a0: omettez-le pour toutes les communes',
    en: 'q is empty: leave it out for every commune',
  },
  unknownEpci: {
    fr: 'EPCI {siren}\u00a0: inconnu',
    en: 'EPCI {siren}: unknown',
  },
  tooDeep: {
    fr: '{where}\u00a0: JSON imbriqué au-delà de {limit} niveaux',
    en: '{where}: JSON nested deeper than {limit} levels',
  },
  invalidJson: {
    fr: '{where}\u00a0: JSON invalide ({reason})',
    en: '{where}: invalid JSON ({reason})',
  },
  notUtf8: {
    fr: '{where}\u00a0: ce n’est pas du texte UTF-8 (octet {byte} à la position {offset})\u202f; JSON s’écrit en UTF-8',
    en: '{where}: not UTF-8 text (byte {byte} at offset {offset}); JSON is written in UTF-8',
  },
  unsupportedType: {
    fr: 'Content-Type «\u202f{type}\u202f» non pris en charge\u00a0: attendu {expected}',
    en: 'Content-Type "{type}" is not supported: expected {expected}',
  },
  unsupportedCharset: {
    fr: 'charset «\u202f{charset}\u202f» non pris en charge\u00a0: le JSON s’écrit en UTF-8',
    en: 'charset "{charset}" is not supported: JSON is written in UTF-8',
  },
  unsupportedEncoding: {
    fr: 'Content-Encoding «\u202f{encoding}\u202f» non pris en charge\u00a0: envoyez le corps non compressé',
    en: 'Content-Encoding "{encoding}" is not supported: send the body uncompressed',
  },
  noType: { fr: '(absent)', en: '(none)' },
  ndjsonOrJson: {
    fr: 'application/x-ndjson ou application/json',
    en: 'application/x-ndjson or application/json',
  },
  lineTooLarge: {
    fr: '{where}\u00a0: ligne de plus de {limit}\u00a0octets (les autres lignes sont vérifiées)',
    en: '{where}: line larger than {limit} bytes (the other lines are checked)',
  },
  badHttp: {
    fr: 'requête HTTP illisible ({code})',
    en: 'unreadable HTTP request ({code})',
  },
  headersTimeout: {
    fr: 'les en-têtes de la requête ne sont pas arrivés à temps ({code})',
    en: 'the request headers did not arrive in time ({code})',
  },
  headersTooLarge: {
    fr: 'en-têtes ou adresse (URL) trop grands ({code})',
    en: 'headers or URL too large ({code})',
  },
  tooLarge: {
    fr: 'le corps dépasse {limit} octets',
    en: 'the body is larger than {limit} bytes',
  },
} as const satisfies Record<string, Message>;

/** The titles of the problem kinds (`title` of an RFC 9457 body). */
export const PROBLEM_TITLES = {
  'invalid-json': { fr: 'JSON invalide', en: 'Invalid JSON' },
  'invalid-parameter': { fr: 'Paramètre invalide', en: 'Invalid parameter' },
  'unsupported-media-type': { fr: 'Type de contenu non pris en charge', en: 'Unsupported media type' },
  'payload-too-large': { fr: 'Corps de requête trop grand', en: 'Payload too large' },
  'too-deep': { fr: 'JSON trop imbriqué', en: 'JSON nested too deeply' },
  'batch-too-long': { fr: 'Lot trop long', en: 'Batch too long' },
  'invalid-application': { fr: 'Candidature invalide', en: 'Invalid application' },
  'not-in-force': { fr: 'Aucun jeu de règles en vigueur', en: 'No rule set in force' },
  'unknown-rule-set': { fr: 'Jeu de règles inconnu', en: 'Unknown rule set' },
  'not-found': { fr: 'Introuvable', en: 'Not found' },
  'method-not-allowed': { fr: 'Méthode non autorisée', en: 'Method not allowed' },
  'bad-request': { fr: 'Requête HTTP mal formée', en: 'Malformed HTTP request' },
  'headers-too-large': { fr: 'En-têtes trop grands', en: 'Request headers too large' },
  'request-timeout': { fr: 'En-têtes non reçus à temps', en: 'Request headers not received in time' },
  timeout: { fr: 'Délai de traitement dépassé', en: 'Request timed out' },
  internal: { fr: 'Erreur interne', en: 'Internal error' },
} as const satisfies Record<string, Message>;

/**
 * The summaries of the operations, by `operationId`: the OpenAPI document takes the English text (an
 * OpenAPI document has one language), the `/docs` page the text of its language.
 */
export const OPERATION_SUMMARIES = {
  health: { fr: 'le serveur répond', en: 'liveness' },
  listRuleSets: { fr: 'les jeux de règles servis', en: 'the rule sets served' },
  getRuleSet: {
    fr: 'un jeu de règles\u00a0: document, empreinte, validité',
    en: 'one rule set: document, hash, validity',
  },
  getApplicationSchema: {
    fr: 'le schéma JSON d’une candidature pour ce jeu de règles',
    en: 'the JSON Schema of an application for this rule set',
  },
  check: {
    fr: 'le verdict d’une candidature, avec son explication',
    en: 'the verdict of one application, with its explanation',
  },
  checkBatch: {
    fr: 'les verdicts de nombreuses candidatures, envoyés au fil de l’eau en NDJSON, une ligne par élément reçu, dans l’ordre',
    en: 'verdicts of many applications, streamed as NDJSON, one line per input item in order',
  },
  nextQuestions: {
    fr: 'les prochaines questions à poser pour une candidature partielle\u00a0: les champs absents dont la réponse peut changer le verdict, les plus utiles d’abord',
    en: 'the next questions to ask for a partial application: the absent fields whose answer can change the verdict, best first',
  },
  listCommunes: {
    fr: 'les communes\u00a0: une recherche par nom (q), ou toutes',
    en: 'communes: a search by name (q), or all of them',
  },
  getCommune: {
    fr: 'une commune par son code (actuel, ancien ou délégué)',
    en: 'a commune by code (current, old or delegated)',
  },
  getEpci: { fr: 'un EPCI par son SIREN', en: 'an EPCI by SIREN' },
  getPlan: { fr: 'le plan CPRDFOP', en: 'the CPRDFOP plan' },
} as const satisfies Record<string, Message>;

/** The descriptions of the parameters (the document takes the English text, `/docs` its language). */
export const PARAMETER_DESCRIPTIONS = {
  lang: {
    fr: 'langue des réponses (sinon Accept-Language\u202f; par défaut en)',
    en: 'language of the answers (else Accept-Language; default en)',
  },
  ruleset: {
    fr: 'jeu de règles `id@version` ou `id` (par défaut\u00a0: le jeu de règles ITIE en vigueur)',
    en: 'rule set `id@version` or `id` (default: the ITIE rule set in force)',
  },
  asOf: {
    fr: 'date d’évaluation AAAA-MM-JJ (par défaut\u00a0: la date de dépôt submittedOn de la candidature)',
    en: 'evaluation date YYYY-MM-DD (default: the application submittedOn)',
  },
  ruleSetId: {
    fr: '`id@version` ou `id` (la dernière version)',
    en: '`id@version` or `id` (latest)',
  },
  questionsLimit: {
    fr: 'au plus ce nombre de questions (1-100\u202f; toutes par défaut)',
    en: 'at most this many questions (1-100; all by default)',
  },
  group: {
    fr: '`object`\u00a0: les champs d’un même objet (budget.*) ensemble',
    en: '`object`: the fields of one object (budget.*) together',
  },
  q: {
    fr: 'texte libre\u00a0: début du nom ou d’un mot, sans tenir compte des accents ni des majuscules',
    en: 'free text: start of the name or of a word, accents and case ignored',
  },
  region: {
    fr: 'code INSEE de la région (l’une des 18, Hauts-de-France par défaut)',
    en: 'INSEE region code (any of the 18, Hauts-de-France by default)',
  },
  communesLimit: {
    fr: 'nombre maximal de résultats d’une recherche (1-100, 10 par défaut\u202f; seulement avec q)',
    en: 'maximum results of a search (1-100, default 10; with q only)',
  },
  communeCode: { fr: 'code INSEE de la commune', en: 'INSEE commune code' },
  siren: { fr: 'SIREN à 9 chiffres', en: '9-digit SIREN' },
} as const satisfies Record<string, Message>;

/** The texts of the `/docs` page around the operations. */
export const DOCS_PAGE = {
  title: { fr: 'API cprdfop', en: 'cprdfop API' },
  description: {
    fr: 'Éligibilité des candidatures ITIE (CPRDFOP Hauts-de-France 2022-2028), territoires et plan. Sans état\u00a0: chaque requête se suffit à elle-même.',
    en: 'Eligibility of ITIE applications (CPRDFOP Hauts-de-France 2022-2028), territories and plan. Stateless.',
  },
  machineReadable: {
    fr: 'Pour les programmes\u00a0: {document} (OpenAPI 3.1). Les erreurs sont en {problem} (RFC 9457).',
    en: 'Machine-readable: {document} (OpenAPI 3.1). Errors are {problem} (RFC 9457).',
  },
  query: { fr: 'requête', en: 'query' },
  path: { fr: 'chemin', en: 'path' },
  otherLanguage: { fr: 'English', en: 'Français' },
} as const satisfies Record<string, Message>;

/** Every catalogue of the server, by name (for the completeness test). */
export const SERVER_CATALOGUES = {
  SERVER,
  PROBLEM_TITLES,
  OPERATION_SUMMARIES,
  PARAMETER_DESCRIPTIONS,
  DOCS_PAGE,
} as const;
