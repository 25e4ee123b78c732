/** Messages of `cprdfop check --interactive` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const INTERACTIVE = {
  verdictSoFar: { fr: 'Verdict provisoire : {verdict}', en: 'Verdict so far: {verdict}' },
  verdict: { fr: 'Verdict : {verdict}', en: 'Verdict: {verdict}' },
  criteriaCount: {
    fr: '  {passed} critère(s) rempli(s) sur {total}, {undecided} à trancher',
    en: '  {passed} of {total} criteria met, {undecided} undecided',
  },
  yes: { fr: 'Oui', en: 'Yes' },
  no: { fr: 'Non', en: 'No' },
  dateHint: { fr: '(AAAA-MM-JJ)', en: '(YYYY-MM-DD)' },
  dateExpected: { fr: 'une date AAAA-MM-JJ', en: 'a date YYYY-MM-DD' },
  communeHint: { fr: '(nom de commune)', en: '(commune name)' },
  howMany: { fr: '— combien ?', en: '— how many?' },
  listItem: { fr: '{label} n° {position}', en: '{label} #{position}' },
  notAnObject: {
    fr: 'la candidature doit être un objet JSON',
    en: 'the application must be a JSON object',
  },
  invalidApplication: {
    fr: 'candidature invalide : {where}{message}',
    en: 'invalid application: {where}{message}',
  },
  where: { fr: '{path} : ', en: '{path}: ' },
  answerRefused: { fr: 'Réponse refusée : {message}', en: 'Answer refused: {message}' },
  interrupted: {
    fr: 'Interrompu : les réponses données sont enregistrées dans {path}',
    en: 'Interrupted: the answers given are saved in {path}',
  },
  saved: { fr: 'Candidature enregistrée dans {path}', en: 'Application saved in {path}' },
} as const satisfies Record<string, Message>;
