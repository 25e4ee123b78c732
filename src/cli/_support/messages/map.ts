/** Messages of `cprdfop map` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const MAP = {
  description: {
    fr: 'dessiner une carte SVG des départements, arrondissements, EPCI ou d’un maillage à partir des contours des communes',
    en: 'draw an SVG map of départements, arrondissements, EPCI or a mesh from commune contours',
  },
  contoursOption: {
    fr: 'contours des communes (GeoJSON ou TopoJSON ; les millésimes plus anciens du COG sont rattachés au graphe actuel)',
    en: 'commune contours (GeoJSON or TopoJSON; older COG years are joined to the current graph)',
  },
  byOption: {
    fr: 'departement, arrondissement, epci, commune, ou un fichier de maillage (JSON/CSV)',
    en: 'departement, arrondissement, epci, commune, or a mesh file (JSON/CSV)',
  },
  valueOption: {
    fr: 'valeurs de la carte choroplèthe : un CSV de lignes « code,valeur » (codes des unités)',
    en: 'choropleth values: a CSV of "code,value" lines (unit codes)',
  },
  highlightOption: {
    fr: 'souligner le territoire d’une candidature (son champ « territory »)',
    en: 'outline an application\'s territory (its "territory" field)',
  },
  titleOption: {
    fr: 'titre de la carte',
    en: 'map title',
  },
  labelsOption: {
    fr: 'nommer chaque unité',
    en: 'label each unit',
  },
  widthOption: {
    fr: 'largeur en pixels',
    en: 'width in pixels',
  },
  outputOption: {
    fr: 'fichier SVG de sortie (par défaut : la sortie standard)',
    en: 'output SVG file (default: stdout)',
  },
  strictOption: {
    fr: 'code 1 (et rien d’écrit) en cas d’avertissement',
    en: 'exit 1 (and write nothing) when there is a warning',
  },
  maxSizeOption: {
    fr: 'simplifier le dessin (en préservant la topologie) pour que le SVG reste sous cette taille',
    en: 'simplify the drawing (topology-preserving) so that the SVG stays under this size',
  },
  badWidth: {
    fr: '--width « {value} » invalide : un entier de 100 à 10000 est attendu',
    en: 'invalid --width "{value}": expected an integer from 100 to 10000',
  },
  badMaxSize: {
    fr: '--max-size « {value} » invalide : un nombre d’octets, au moins 10000, est attendu',
    en: 'invalid --max-size "{value}": expected a number of bytes, at least 10000',
  },
  applicationTerritory: { fr: 'Territoire de la candidature', en: 'Application territory' },
  unresolved: {
    fr: 'territoire souligné de {file} : {message} ; non dessiné',
    en: 'highlighted territory of {file}: {message}; not drawn',
  },
  highlightMissing: {
    fr: '{count} commune(s) du territoire souligné sans contour : {codes}',
    en: '{count} commune(s) of the highlighted territory have no contour: {codes}',
  },
  title: { fr: 'Carte par {units}', en: 'Map by {units}' },
  value: { fr: 'Valeur', en: 'Value' },
  tooLarge: {
    fr: 'la carte fait {size} octets, au-delà de --max-size {maxSize} même simplifiée',
    en: 'the map is {size} bytes, above --max-size {maxSize} even simplified',
  },
  simplified: {
    fr: 'carte simplifiée pour l’affichage (topologie préservée) : {kept} points sur {total}, {full} → {size} octets (--max-size {maxSize})',
    en: 'map simplified for display (topology preserved): {kept} of {total} points, {full} → {size} bytes (--max-size {maxSize})',
  },
  formerCode: {
    fr: '{file} : le code {from} est un ancien code de commune, sa valeur va à {code}',
    en: '{file}: code {from} is a former commune code, its value goes to {code}',
  },
  conflict: {
    fr: '{file} : les codes {from} correspondent tous à {code} ; leurs valeurs ne peuvent pas être combinées, {code} n’a pas de valeur',
    en: '{file}: codes {from} all map to {code}; their values cannot be combined, {code} gets no value',
  },
  unmatched: {
    fr: '{file} : {count} code(s) ne correspondent à aucune unité et sont laissés de côté : {codes}',
    en: '{file}: {count} code(s) match no unit and are left out: {codes}',
  },
} as const satisfies Record<string, Message>;
