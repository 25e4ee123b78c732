/** Messages of `cprdfop plan` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const PLAN = {
  description: {
    fr: 'afficher le plan, ses dates et ses ambitions',
    en: 'print the plan, its dates and ambitions',
  },
  jsonOption: {
    fr: 'afficher en JSON (plan, période et ambitions, avec leur provenance)',
    en: 'print JSON (plan, period and ambitions, with provenance)',
  },
  period: {
    fr: 'Période : {label} (aussi cité comme {aliases}) ; bornes supposées : {start} → {end}',
    en: 'Period: {label} (also cited as {aliases}); assumed boundaries: {start} → {end}',
  },
  dates: { fr: 'Dates clés :', en: 'Key dates:' },
  elaborationStart: { fr: 'Début de l’élaboration', en: 'Drafting started' },
  presentedToCouncillors: { fr: 'Présentation aux élus', en: 'Presented to councillors' },
  signed: { fr: 'Signature', en: 'Signed' },
  announcedUpdate: { fr: 'Mise à jour annoncée', en: 'Announced update' },
  signatories: {
    fr: 'Signataires : plus de {min}, environ {approx}',
    en: 'Signatories: more than {min}, about {approx}',
  },
  ambitions: { fr: 'Ambitions stratégiques :', en: 'Strategic ambitions:' },
  unverified: { fr: '(formulation officielle non vérifiée)', en: '(official wording not verified)' },
} as const satisfies Record<string, Message>;
