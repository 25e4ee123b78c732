/** Messages of `cprdfop rules show|diff|schema|test` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const RULES = {
  description: {
    fr: 'afficher, comparer et tester les jeux de règles d’éligibilité ; afficher le schéma JSON de leurs candidatures',
    en: 'show, compare and test eligibility rule sets; print the JSON Schema of their applications',
  },
  ruleSetArgument: {
    fr: 'un fichier de règles ou un id@version livré (par défaut : le dernier jeu de règles ITIE)',
    en: 'a rule file or a shipped id@version (default: the latest ITIE rule set)',
  },
  shippedArgument: {
    fr: 'un fichier de règles ou un id@version livré',
    en: 'a rule file or a shipped id@version',
  },
  showDescription: {
    fr: 'afficher un jeu de règles : validité, empreinte, paramètres (avec leur statut), critères (avec leurs sources) et champs déclarés',
    en: 'print a rule set: validity, hash, parameters (with their marks), criteria (with sources) and declared fields',
  },
  showJsonOption: {
    fr: 'afficher le jeu de règles à plat en JSON',
    en: 'print the flat rule set as JSON',
  },
  validity: {
    fr: '{ruleSet} — en vigueur du {from} au {to} — {hash}',
    en: '{ruleSet} — valid {from} → {to} — {hash}',
  },
  openEnd: { fr: '…', en: '…' },
  parameters: { fr: 'Paramètres :', en: 'Parameters:' },
  criteria: { fr: 'Critères :', en: 'Criteria:' },
  source: { fr: 'source : {source}', en: 'source: {source}' },
  noSource: {
    fr: '(contrôle de cohérence, sans source nécessaire)',
    en: '(consistency check, no source needed)',
  },
  declaredFields: { fr: 'Champs déclarés :', en: 'Declared fields:' },
  fundingOn: { fr: 'Formule de financement : active ({unit})', en: 'Funding formula: on ({unit})' },
  fundingOff: { fr: 'Formule de financement : inactive', en: 'Funding formula: off' },
  fundingNone: { fr: 'Formule de financement : aucune', en: 'Funding formula: none' },
  diffDescription: {
    fr: 'lister ce qui change d’un jeu de règles à un autre (surcouches résolues)',
    en: 'list what changed from one rule set to another (overlays resolved)',
  },
  diffJsonOption: { fr: 'afficher les changements en JSON', en: 'print the changes as JSON' },
  schemaDescription: {
    fr: 'afficher le schéma JSON (2020-12) des candidatures d’un jeu de règles, construit à partir de ses champs déclarés',
    en: "print the JSON Schema (2020-12) of a rule set's applications, built from its declared fields",
  },
  noFields: {
    fr: '{ruleSet} : le jeu de règles ne déclare aucun champ : pas de schéma de candidature à afficher',
    en: '{ruleSet}: the rule set declares no fields: no application schema to print',
  },
  testDescription: {
    fr: 'exécuter les exemples intégrés à un jeu de règles (code 1 si l’un échoue)',
    en: "run a rule set's embedded examples (exit 1 when one fails)",
  },
  examplesPass: {
    fr: '{passed}/{total} exemples réussis ({ruleSet})',
    en: '{passed}/{total} examples pass ({ruleSet})',
  },
} as const satisfies Record<string, Message>;

/** Provenance marks, both vocabularies (plan data and rule parameters). */
export const MARK = {
  confirmed: { fr: 'confirmé', en: 'confirmed' },
  inferred: { fr: 'déduit', en: 'inferred' },
  assumption: { fr: 'hypothèse', en: 'assumption' },
  official: { fr: 'officiel', en: 'official' },
  seed: { fr: 'article source', en: 'seed' },
} as const satisfies Record<string, Message>;
