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
  meshDiagnostic: {
    fr: 'maillage {file} : {message}',
    en: 'mesh {file}: {message}',
  },
  moreMeshDiagnostics: {
    fr: 'maillage {file} : {count} autre(s) remarque(s) sur des codes de commune',
    en: 'mesh {file}: {count} more remark(s) about commune codes',
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
  noCachedContours: {
    fr: 'aucun contour de communes en cache : lancez `cprdfop data pull contours --year 2026 --layer communes --resolution 50m --region 32`, ou passez --contours <fichier>',
    en: 'no cached commune contours: run `cprdfop data pull contours --year 2026 --layer communes --resolution 50m --region 32`, or pass --contours <file>',
  },
  cannotReadContours: {
    fr: 'impossible de lire le fichier de contours {file} : {reason}',
    en: 'cannot read contours file {file}: {reason}',
  },
  contoursNotJson: {
    fr: 'le fichier de contours {file} n’est pas du JSON : {reason}',
    en: 'contours file {file} is not JSON: {reason}',
  },
  savedTopology: { fr: 'topologie enregistrée {path}', en: 'saved topology {path}' },
  topologyOption: {
    fr: 'une topologie enregistrée par `cprdfop data topo` pour ces contours (par défaut : celle du cache, s’il y en a une)',
    en: 'a topology saved by `cprdfop data topo` for these contours (default: the one in the cache, if any)',
  },
  topologyNeedsContours: {
    fr: '--topology {path} demande --contours : la topologie n’est utilisée que pour les contours dont elle a été construite',
    en: '--topology {path} needs --contours: a topology is only used for the contours it was built from',
  },
  cannotReadTopology: {
    fr: 'impossible de lire la topologie {path} : {reason}',
    en: 'cannot read topology {path}: {reason}',
  },
  topologyNotUsed: {
    fr: 'la topologie {path} n’est pas utilisée : {reason} ; reconstruisez-la avec `cprdfop data topo --contours {file}`',
    en: 'topology {path} is not used: {reason}; rebuild it with `cprdfop data topo --contours {file}`',
  },
  topologyNotJson: { fr: 'ce n’est pas du JSON ({reason})', en: 'not JSON ({reason})' },
  cannotWriteTopology: {
    fr: 'impossible d’écrire la topologie {path} : {reason}',
    en: 'cannot write topology {path}: {reason}',
  },
  ruleFile: { fr: 'le fichier de règles', en: 'rule file' },
  baseRuleFile: { fr: 'le fichier de règles de base', en: 'base rule file' },
  chainTooLong: {
    fr: 'chaîne de fichiers de règles plus longue que {max} : {chain}',
    en: 'chain of rule files longer than {max}: {chain}',
  },
  circularChain: {
    fr: 'chaîne circulaire de fichiers de règles : {chain}',
    en: 'circular chain of rule files: {chain}',
  },
  cannotReadBase: {
    fr: 'impossible de lire le fichier de règles de base {base} (« extends » : « {reference} » dans {file}) : {reason}',
    en: 'cannot read base rule file {base} ("extends": "{reference}" in {file}): {reason}',
  },
  unknownRegion: {
    fr: '« {region} » n’est pas une région du COG 2026 ({codes})',
    en: '"{region}" is not a region of COG 2026 ({codes})',
  },
  notATopology: {
    fr: 'ce n’est pas une topologie TopoJSON (type `Topology` et tableau `arcs` attendus)',
    en: 'not a TopoJSON Topology (expected type "Topology" and an "arcs" array)',
  },
  topologyUnstamped: {
    fr: 'la topologie n’a pas de marque `cprdfop` (SHA-256 de la source) : impossible de savoir si elle a été construite à partir des contours de SHA-256 {sha256}',
    en: 'the topology has no "cprdfop" stamp (source SHA-256): cannot tell whether it was built from the contours of SHA-256 {sha256}',
  },
  topologyOtherSource: {
    fr: 'la topologie a été construite à partir d’un autre fichier de contours ({file}, SHA-256 {other}), pas des contours de SHA-256 {sha256}',
    en: 'the topology was built from another contours file ({file}, SHA-256 {other}), not from the contours of SHA-256 {sha256}',
  },
  topologyOtherVintage: {
    fr: 'la topologie a été rattachée au millésime {vintage} du territoire, pas à {expected}',
    en: 'the topology was joined to territory vintage {vintage}, not {expected}',
  },
  noVintage: { fr: '(aucun)', en: '(none)' },
} as const satisfies Record<string, Message>;
