/** Messages of `cprdfop locate` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const LOCATE = {
  description: {
    fr: 'trouver la commune, l’EPCI, l’arrondissement et le département d’un point (WGS84 lon/lat)',
    en: 'find the commune, EPCI, arrondissement and département of a point (WGS84 lon/lat)',
  },
  lonArgument: {
    fr: 'longitude en degrés, par exemple 3.0573',
    en: 'longitude in degrees, e.g. 3.0573',
  },
  latArgument: {
    fr: 'latitude en degrés, par exemple 50.6292',
    en: 'latitude in degrees, e.g. 50.6292',
  },
  contoursOption: {
    fr: 'contours des communes (par défaut : les contours en cache, voir `cprdfop data pull contours`)',
    en: 'commune contours (default: the cached contours, see `cprdfop data pull contours`)',
  },
  jsonOption: {
    fr: 'afficher en JSON',
    en: 'print JSON',
  },
  strictOption: {
    fr: 'code 1 en cas d’avertissement (par exemple des contours qui ne se rattachent pas au graphe des territoires)',
    en: 'exit 1 when there is a warning (e.g. contours that do not join the territory graph)',
  },
} as const satisfies Record<string, Message>;

/** The output and errors of `cprdfop locate`. */
export const LOCATE_OUTPUT = {
  badLongitude: {
    fr: 'longitude « {value} » invalide : un nombre dans [-180, 180] est attendu',
    en: 'invalid longitude "{value}": expected a number in [-180, 180]',
  },
  badLatitude: {
    fr: 'latitude « {value} » invalide : un nombre dans [-90, 90] est attendu',
    en: 'invalid latitude "{value}": expected a number in [-90, 90]',
  },
  outside: {
    fr: '[{lon}, {lat}] n’est dans aucune commune des contours',
    en: '[{lon}, {lat}] is outside every commune of the contours',
  },
  line: { fr: '{label} : {unit}', en: '{label}: {unit}' },
  unknown: { fr: 'inconnu', en: 'unknown' },
  howTo: {
    fr: 'aucun contour de commune en cache : lancez `cprdfop data pull contours --year 2026 --layer communes --resolution 50m --region 32`, ou passez --contours <fichier>',
    en: 'no cached commune contours: run `cprdfop data pull contours --year 2026 --layer communes --resolution 50m --region 32`, or pass --contours <file>',
  },
  commune: { fr: 'commune', en: 'commune' },
  epci: { fr: 'epci', en: 'epci' },
  arrondissement: { fr: 'arrondissement', en: 'arrondissement' },
  departement: { fr: 'département', en: 'departement' },
} as const satisfies Record<string, Message>;
