/**
 * The warnings the rules engine makes itself, each in French and in English (`message` is the English
 * one, as it always was), and the texts of the assumptions it lists. Internal.
 */
import { renderBoth } from '../_shared/messages.js';
import type { RuleWarning } from './Explanation.js';

/** `no-as-of`: no evaluation date given nor found in the application. */
export function noAsOfWarning(): RuleWarning {
  const messages = {
    fr: 'pas de date d’évaluation\u00a0: ni donnée ni trouvée dans la candidature',
    en: 'no evaluation date: neither given nor found in the application',
  };
  return { code: 'no-as-of', message: messages.en, messages };
}

/** `not-in-force`: the rule set is not in force on the evaluation date found in the application. */
export function notInForceWarning(
  ruleSet: { id: string; version: string },
  date: string,
  validFrom: string,
  validTo: string | undefined,
): RuleWarning {
  const messages = renderBoth(
    {
      fr: 'le jeu de règles {name} n’est pas en vigueur le {date} ({from} → {until})',
      en: 'rule set {name} is not in force on {date} ({from} → {until})',
    },
    { name: `${ruleSet.id}@${ruleSet.version}`, date, from: validFrom, until: validTo ?? '…' },
  );
  return { code: 'not-in-force', message: messages.en, messages };
}

/**
 * The justification of an assumption as the explanation lists it: `justification` in English (a
 * one-language justification as it is) and `justifications` in both languages.
 */
export function assumptionTexts(justification: string | { fr: string; en: string }): {
  justification: string;
  justifications: { fr: string; en: string };
} {
  return typeof justification === 'string'
    ? { justification, justifications: { fr: justification, en: justification } }
    : { justification: justification.en, justifications: { fr: justification.fr, en: justification.en } };
}
