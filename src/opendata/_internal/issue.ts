/**
 * Validation issues the client finds itself, in French and English (internal). Issues from the
 * caller's own schema keep that schema's text.
 */

import { jsonSyntaxReason } from '../../_shared/errorReason.js';
import type { Message } from '../../_shared/messages.js';
import { renderBoth } from '../../_shared/messages.js';
import type { ValidationIssue } from '../ResponseValidationError.js';

/**
 * A reason given by `JSON.parse` for a record or a body, in both languages: `{ fr, en }` of a prefix
 * such as « invalid JSON » with the parser's reason in parentheses.
 */
export function invalidJson(prefix: Message, error: unknown): Message {
  return renderBoth(
    { fr: '{prefix} ({reason})', en: '{prefix} ({reason})' },
    { prefix, reason: jsonSyntaxReason(error) },
  );
}

/** An issue at `path`, `message` in English and `messages` in both languages. */
export function issueOf(path: readonly (string | number)[], messages: Message): ValidationIssue {
  return { path, message: messages.en, messages };
}

/** The shapes the envelope checks expect. */
export const EXPECTED = {
  string: { fr: 'une chaîne est attendue', en: 'expected a string' },
  boolean: { fr: 'un booléen est attendu', en: 'expected a boolean' },
  number: { fr: 'un nombre est attendu', en: 'expected a number' },
  object: { fr: 'un objet est attendu', en: 'expected an object' },
  array: { fr: 'un tableau est attendu', en: 'expected an array' },
  arrayOfStrings: { fr: 'un tableau de chaînes est attendu', en: 'expected an array of strings' },
  objectWithResults: {
    fr: 'un objet avec « results » est attendu',
    en: 'expected an object with "results"',
  },
} as const satisfies Record<string, Message>;

/** « expected a/an X, got Y » with the JavaScript type received (a type name, the same in both). */
export function expectedGot(expected: 'array' | 'number' | 'object', got: string): Message {
  const what = {
    array: { fr: 'un tableau', en: 'an array' },
    number: { fr: 'un nombre', en: 'a number' },
    object: { fr: 'un objet', en: 'an object' },
  }[expected];
  return renderBoth(
    { fr: '{what} est attendu, reçu {got}', en: 'expected {what}, got {got}' },
    { what, got },
  );
}
