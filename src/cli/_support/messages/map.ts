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
} as const satisfies Record<string, Message>;
