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
