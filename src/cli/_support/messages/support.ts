/** Messages of the helpers shared by several commands: geometry inputs, rule files (internal). */
import type { Message } from '../../../_shared/messages.js';

export const SUPPORT = {
  meshFile: { fr: 'le fichier de maillage', en: 'mesh file' },
  valuesFile: { fr: 'le fichier de valeurs', en: 'values file' },
  applicationFile: { fr: 'le fichier de candidature', en: 'application file' },
  unmatchedContours: {
    fr: '{count} code(s) de contour ne correspondent à aucune commune actuelle et sont laissés de côté : {codes}',
    en: '{count} contour code(s) match no current commune and are left out: {codes}',
  },
  partialCommune: {
    fr: 'la commune {code} est construite à partir d’une partie de ses anciennes communes ({from}) : pas de contour pour {absent}, sa forme est incomplète',
    en: 'commune {code} is built from part of its former communes ({from}): no contour for {absent}, its shape is incomplete',
  },
  mergedCommunes: {
    fr: '{count} commune(s) fusionnée(s) composée(s) à partir de contours plus anciens',
    en: '{count} merged commune(s) composed from older contours',
  },
  noContourMatches: {
    fr: 'aucun contour de {file} ne correspond à une commune actuelle du graphe des territoires',
    en: 'no contour in {file} matches a current commune of the territory graph',
  },
  badBy: {
    fr: '--by « {value} » invalide : departement, arrondissement, epci, commune ou un fichier de maillage est attendu',
    en: 'invalid --by "{value}": expected departement, arrondissement, epci, commune or a mesh file',
  },
  invalidMesh: {
    fr: 'fichier de maillage {file} invalide : {message}',
    en: 'invalid mesh file {file}: {message}',
  },
  badValue: {
    fr: 'valeur invalide à la ligne {line} de {file} : « code,nombre » est attendu, et non {got}',
    en: 'invalid value at {file}:{line}: expected "code,number", got {got}',
  },
  notJson: { fr: '{file} n’est pas du JSON : {message}', en: '{file} is not JSON: {message}' },
  noTerritory: {
    fr: '{file} n’a pas de territoire : `"territory": { communes | epcis | arrondissements | departements: [codes] }` est attendu',
    en: '{file} has no territory: expected "territory": { communes | epcis | arrondissements | departements: [codes] }',
  },
  invalidRuleFile: {
    fr: 'fichier de règles {file} invalide : {where}{message}',
    en: 'invalid rule file {file}: {where}{message}',
  },
  where: { fr: '{path} : ', en: '{path}: ' },
} as const satisfies Record<string, Message>;
