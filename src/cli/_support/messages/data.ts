/** Messages of `cprdfop data` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const DATA = {
  description: {
    fr: 'télécharger et inspecter les données ouvertes en cache (contours, réponses des API)',
    en: 'download and inspect cached open data (contours, API responses)',
  },
  whereDescription: {
    fr: 'afficher le répertoire du cache (CPRDFOP_CACHE_DIR le remplace)',
    en: 'print the cache directory (CPRDFOP_CACHE_DIR overrides it)',
  },
  lsDescription: {
    fr: 'lister le contenu du cache : contours par millésime, tailles, sommes de contrôle',
    en: 'list the cache contents: contours by vintage, sizes, checksums',
  },
  jsonOption: {
    fr: 'afficher en JSON',
    en: 'print JSON',
  },
  pullDescription: {
    fr: 'télécharger des données ouvertes dans le cache',
    en: 'download open data into the cache',
  },
  contoursDescription: {
    fr: 'télécharger les contours-administratifs d’Etalab, garder une région, les mettre en cache avec une somme de contrôle',
    en: 'download Etalab contours-administratifs, keep one région, cache them with a checksum',
  },
  yearOption: {
    fr: 'millésime (année du COG), par exemple 2026',
    en: 'vintage (COG year), e.g. 2026',
  },
  regionOption: {
    fr: 'code INSEE de la région à garder (par exemple 32) ; sans lui, le fichier national',
    en: 'INSEE région code to keep (e.g. 32); omit for the national file',
  },
  baseUrlOption: {
    fr: 'racine(s) des serveurs de téléchargement, essayées dans l’ordre (par défaut : CPRDFOP_CONTOURS_URL, puis les serveurs d’Etalab)',
    en: 'host root(s) to download from, tried in order (default: CPRDFOP_CONTOURS_URL, then the Etalab hosts)',
  },
  offlineOption: {
    fr: 'ne jamais télécharger : réussir seulement depuis le cache (aussi CPRDFOP_OFFLINE=1)',
    en: 'never download: succeed only from the cache (also CPRDFOP_OFFLINE=1)',
  },
  forceOption: {
    fr: 'télécharger de nouveau même si une copie vérifiée est en cache',
    en: 'download again even when a verified copy is cached',
  },
  oneOf: { fr: 'une valeur parmi {values}', en: 'one of {values}' },
  megabytes: { fr: '{value} Mo', en: '{value} MB' },
  cacheLine: { fr: 'cache : {dir}', en: 'cache: {dir}' },
  noContours: { fr: 'contours : aucun', en: 'contours: none' },
  contoursLine: {
    fr: '{year}  {name}  {features} entités  {size}  sha256 :{hash}{missing}',
    en: '{year}  {name}  {features} features  {size}  sha256:{hash}{missing}',
  },
  missingOrAltered: { fr: '  (absent ou modifié)', en: '  (missing or altered)' },
  httpLine: {
    fr: 'réponses HTTP : {entries} entrées, {size}',
    en: 'http responses: {entries} entries, {size}',
  },
  progress: {
    fr: '{received} téléchargés{total}, {features} entités gardées',
    en: 'downloaded {received}{total}, {features} features kept',
  },
  progressTotal: { fr: ' sur {total} ({percent} %)', en: ' / {total} ({percent}%)' },
  badYear: {
    fr: '--year « {value} » invalide : une année sur 4 chiffres est attendue',
    en: 'invalid --year "{value}": expected a 4-digit year',
  },
  badLayer: {
    fr: '--layer « {value} » invalide : une valeur parmi {values} est attendue',
    en: 'invalid --layer "{value}": expected one of {values}',
  },
  badResolution: {
    fr: '--resolution « {value} » invalide : une valeur parmi {values} est attendue',
    en: 'invalid --resolution "{value}": expected one of {values}',
  },
  badRegion: {
    fr: '--region « {value} » invalide : un code INSEE de région sur 2 chiffres est attendu',
    en: 'invalid --region "{value}": expected a 2-digit INSEE région code',
  },
  pulled: {
    fr: '{how} : {path}\n{features} entités, {size}, sha256 {hash}',
    en: '{how}: {path}\n{features} features, {size}, sha256 {hash}',
  },
  fromCache: { fr: 'en cache', en: 'cached' },
  downloaded: { fr: 'téléchargé', en: 'downloaded' },
  meshDescription: {
    fr: 'télécharger une table de maillage (la « table d’appartenance géographique des communes » de l’Insee, CSV ou XLSX) dans le cache, avec une somme de contrôle',
    en: "download a mesh table (INSEE's « table d'appartenance géographique des communes », CSV or XLSX) into the cache, with a checksum",
  },
  urlArgument: { fr: 'l’URL http(s) de la table', en: 'the http(s) URL of the table' },
  badUrl: {
    fr: '<url> « {value} » invalide : une URL http(s) est attendue',
    en: 'invalid <url> "{value}": expected an http(s) URL',
  },
  meshPulled: {
    fr: '{how} : {path}\n{format}, {bytes} octets, sha256 {hash}',
    en: '{how}: {path}\n{format}, {bytes} bytes, sha256 {hash}',
  },
  topoDescription: {
    fr: 'construire une fois la topologie des communes des contours (rattachée au graphe des territoires) et l’enregistrer, marquée du SHA-256 des contours ; les commandes géographiques la réutilisent',
    en: 'build the commune topology of contours once (joined to the territory graph) and save it, stamped with the contours’ SHA-256; the geo commands reuse it',
  },
  topoContoursOption: {
    fr: 'contours des communes (par défaut : les contours en cache, voir `cprdfop data pull contours`)',
    en: 'commune contours (default: the cached contours, see `cprdfop data pull contours`)',
  },
  topoOutOption: {
    fr: 'où l’enregistrer (par défaut : le cache, où locate, check, map et export la trouvent)',
    en: 'where to save it (default: the cache, where locate, check, map and export find it)',
  },
  noCacheDir: {
    fr: 'pas de répertoire de cache : passez --out <fichier>',
    en: 'no cache directory: pass --out <file>',
  },
  topoSaved: {
    fr: 'topologie de {communes} communes ({file}, sha256 {hash}…) enregistrée : {out} ({size}, construite en {ms} ms)',
    en: 'topology of {communes} communes ({file}, sha256 {hash}…) saved: {out} ({size}, built in {ms} ms)',
  },
} as const satisfies Record<string, Message>;
