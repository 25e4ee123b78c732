/** Messages of `cprdfop territory` (internal). */
import type { Message } from '../../../_shared/messages.js';

export const TERRITORY = {
  description: {
    fr: 'résoudre un code de commune, un ancien code, un code postal, un SIREN d’EPCI ou un nom (Hauts-de-France, COG 2026) et afficher commune, EPCI, arrondissement, département',
    en: 'resolve a commune code, old code, postal code, EPCI SIREN or name (Hauts-de-France, COG 2026) and print commune, EPCI, arrondissement, département',
  },
  queryArgument: {
    fr: 'un code (59350), un ancien code (02394), un code postal (59000), un SIREN (200093201) ou un nom',
    en: 'a code (59350), an old code (02394), a postal code (59000), a SIREN (200093201) or a name',
  },
  jsonOption: {
    fr: 'afficher les correspondances en JSON',
    en: 'print the matches as JSON',
  },
  helpAfter: {
    fr: '\nToutes les correspondances sont affichées pour un code postal ou un nom ambigu.\nCodes de sortie : 0 trouvé (un code d’une autre région est affiché comme hors région), 1 aucune correspondance, 65 code mal formé.',
    en: '\nAll matches are printed for a postal code or an ambiguous name.\nExit codes: 0 found (a code of another region is printed as outside the region), 1 no match, 65 malformed code.',
  },
} as const satisfies Record<string, Message>;

/** The printed matches of `cprdfop territory`. */
export const TERRITORY_OUTPUT = {
  epciLine: {
    fr: 'EPCI {siren} {name} ({type}), {count} commune(s) dans la région, départements {departements}',
    en: 'EPCI {siren} {name} ({type}), {count} commune(s) in the region, départements {departements}',
  },
  crossesRegion: {
    fr: '  franchit la limite régionale : {count} membre(s) hors de la région',
    en: '  crosses the regional boundary: {count} member(s) outside the region',
  },
  mappedFrom: { fr: ' (depuis {via} {code})', en: ' (from {via} {code})' },
  communeLine: {
    fr: '{code} {name}{mapped} — population {population}',
    en: '{code} {name}{mapped} — population {population}',
  },
  unknownPopulation: { fr: 'inconnue', en: 'unknown' },
  epci: { fr: 'EPCI :', en: 'EPCI:' },
  arrondissement: { fr: 'arrondissement :', en: 'arrondissement:' },
  departement: { fr: 'département :', en: 'département:' },
  postalCodes: { fr: 'codes postaux :', en: 'postal codes:' },
  none: { fr: 'aucun', en: 'none' },
  outside: {
    fr: 'le code de commune {code} est hors des Hauts-de-France (département {departement}, {region})',
    en: 'commune code {code} is outside Hauts-de-France (département {departement}, {region})',
  },
  outsideNow: {
    fr: 'le code de commune {code} est aujourd’hui {current}, hors des Hauts-de-France (département {departement}, {region})',
    en: 'commune code {code} is now {current}, outside Hauts-de-France (département {departement}, {region})',
  },
  noMatch: {
    fr: 'aucune commune ni aucun EPCI des Hauts-de-France ne correspond à « {query} »',
    en: 'no commune or EPCI of Hauts-de-France matches "{query}"',
  },
} as const satisfies Record<string, Message>;
