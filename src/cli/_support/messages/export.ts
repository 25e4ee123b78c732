/** Messages of `cprdfop export` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const EXPORT = {
  description: {
    fr: 'exporter départements, arrondissements, EPCI ou un maillage composés à partir des contours des communes',
    en: 'export départements, arrondissements, EPCI or a mesh composed from commune contours',
  },
  contoursOption: {
    fr: 'contours des communes (GeoJSON ou TopoJSON)',
    en: 'commune contours (GeoJSON or TopoJSON)',
  },
  byOption: {
    fr: 'departement, arrondissement, epci, commune, ou un fichier de maillage (JSON/CSV)',
    en: 'departement, arrondissement, epci, commune, or a mesh file (JSON/CSV)',
  },
  formatOption: {
    fr: 'geojson ou topojson',
    en: 'geojson or topojson',
  },
  outputOption: {
    fr: 'fichier de sortie (par défaut : la sortie standard)',
    en: 'output file (default: stdout)',
  },
  strictOption: {
    fr: 'code 1 (et rien d’écrit) en cas d’avertissement',
    en: 'exit 1 (and write nothing) when there is a warning',
  },
  badFormat: {
    fr: '--format « {value} » invalide : geojson ou topojson est attendu',
    en: 'invalid --format "{value}": expected geojson or topojson',
  },
  emptyUnit: {
    fr: 'l’unité {code} n’a aucune commune avec un contour ; laissée de côté',
    en: 'unit {code} has no commune with a contour; left out',
  },
  incompleteUnit: {
    fr: 'unité {code} : {count} commune(s) sans contour ({codes}) ; sa forme est incomplète',
    en: 'unit {code}: {count} commune(s) have no contour ({codes}); its shape is incomplete',
  },
} as const satisfies Record<string, Message>;
