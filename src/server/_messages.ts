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
  emptyLine: {
    fr: '{where}\u00a0: ligne vide',
    en: '{where}: empty line',
  },
  unknownRegion: {
    fr: 'region\u00a0: aucune région de code {code} (codes\u00a0: {codes})',
    en: 'region: no region has code {code} (codes: {codes})',
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
  unsupportedType: {
    fr: 'Content-Type «\u202f{type}\u202f» non pris en charge\u00a0: attendu {expected}',
    en: 'Content-Type "{type}" is not supported: expected {expected}',
  },
  noType: { fr: '(absent)', en: '(none)' },
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
  timeout: { fr: 'Délai de traitement dépassé', en: 'Request timed out' },
  internal: { fr: 'Erreur interne', en: 'Internal error' },
} as const satisfies Record<string, Message>;

/** Every catalogue of the server, by name (for the completeness test). */
export const SERVER_CATALOGUES = { SERVER, PROBLEM_TITLES } as const;
