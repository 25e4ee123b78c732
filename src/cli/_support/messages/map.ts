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
    fr: 'nommer chaque unité (les noms qui se chevaucheraient sont omis, les plus grandes unités d’abord)',
    en: 'label each unit (labels that would collide are left out, largest units first)',
  },
  widthOption: {
    fr: 'largeur en pixels',
    en: 'width in pixels',
  },
  outputOption: {
    fr: 'fichier SVG ou PNG de sortie (par défaut : SVG sur la sortie standard)',
    en: 'output SVG or PNG file (default: SVG on stdout)',
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
  subtitleOption: {
    fr: 'sous-titre sous le titre (par exemple l’année et le maillage)',
    en: 'subtitle under the title (e.g. the year and the mesh)',
  },
  sourceOption: {
    fr: 'ligne de source et de date (par défaut : les fichiers de contours et de valeurs avec leurs dates)',
    en: 'source and date line (default: the contours and values files with their dates)',
  },
  legendTitleOption: {
    fr: 'titre de la légende : l’indicateur, par exemple Population',
    en: 'legend title: the indicator, e.g. Population',
  },
  unitOption: {
    fr: 'unité des valeurs, affichée dans le titre de la légende, par exemple hab./km²',
    en: 'unit of the values, shown in the legend title, e.g. hab./km²',
  },
  classesOption: {
    fr: 'nombre de classes, de 2 à 9 (moins quand des valeurs sont égales, ce que dit la légende)',
    en: 'number of classes, 2 to 9 (fewer when values tie, said in the legend)',
  },
  methodOption: {
    fr: 'classification : quantile, equal, jenks ou manual',
    en: 'classification: quantile, equal, jenks or manual',
  },
  breaksOption: {
    fr: 'bornes des classes pour --method manual, séparées par des virgules, par exemple 100,1000,10000',
    en: 'class breaks for --method manual, comma-separated, e.g. 100,1000,10000',
  },
  paletteOption: {
    fr: 'palette ColorBrewer lisible par les daltoniens : {names}',
    en: 'colour-blind-safe ColorBrewer palette: {names}',
  },
  contextOption: {
    fr: 'formes dessinées en gris autour de la carte (par exemple les régions voisines)',
    en: 'shapes drawn in grey around the map (e.g. neighbouring regions)',
  },
  formatOption: {
    fr: 'svg ou png (par défaut : d’après l’extension de -o, sinon svg)',
    en: 'svg or png (default: from the -o extension, else svg)',
  },
  scaleOption: {
    fr: 'rapport de pixels de la sortie PNG, de 0,1 à 8',
    en: 'pixel ratio of the PNG output, 0.1 to 8',
  },
  tableOption: {
    fr: 'écrire les données de la carte en tableau à côté : HTML, ou CSV pour .csv',
    en: 'write the data behind the map as a table beside it: HTML, or CSV for .csv',
  },
  dataOption: {
    fr: 'écrire les valeurs dessinées : GeoJSON (.geojson/.json) ou CSV (.csv)',
    en: 'write the values drawn: GeoJSON (.geojson/.json) or CSV (.csv)',
  },
  pngNeedsFile: {
    fr: '--format png demande un fichier de sortie : -o <fichier>.png',
    en: '--format png needs an output file: -o <file>.png',
  },
  badScale: {
    fr: '--scale « {value} » invalide : un nombre de 0,1 à 8 est attendu',
    en: 'invalid --scale "{value}": expected a number from 0.1 to 8',
  },
  badClasses: {
    fr: '--classes « {value} » invalide : un entier de 2 à 9 est attendu',
    en: 'invalid --classes "{value}": expected an integer from 2 to 9',
  },
  insetsOption: {
    fr: 'régions d’outre-mer : « auto » (chacune dans un encart sous la métropole, à une échelle différente) ou « none » (non dessinées, signalées)',
    en: 'overseas regions: auto (each in an inset under metropolitan France, at a different scale) or none (not drawn, reported)',
  },
  badInsets: {
    fr: '--insets « {value} » invalide : « auto » ou « none » est attendu',
    en: 'invalid --insets "{value}": expected auto or none',
  },
  overseasOmitted: {
    fr: '{count} unité(s) d’outre-mer non dessinée(s) (« --insets none ») : {list}',
    en: '{count} overseas unit(s) not drawn (--insets none): {list}',
  },
  badMethod: {
    fr: '--method « {value} » invalide : {methods} est attendu',
    en: 'invalid --method "{value}": expected {methods}',
  },
  badPalette: {
    fr: '--palette « {value} » invalide : une valeur parmi {names} est attendue',
    en: 'invalid --palette "{value}": expected one of {names}',
  },
  manualNeedsBreaks: {
    fr: '--method manual demande --breaks, par exemple --breaks 100,1000,10000',
    en: '--method manual needs --breaks, e.g. --breaks 100,1000,10000',
  },
  breaksNotManual: {
    fr: '--breaks va avec --method manual, pas avec --method {method}',
    en: '--breaks is for --method manual, not --method {method}',
  },
  badBreak: {
    fr: '--breaks « {value} » invalide : la borne {position} « {part} » n’est pas un nombre',
    en: 'invalid --breaks "{value}": break {position} "{part}" is not a number',
  },
  breaksNotIncreasing: {
    fr: '--breaks « {value} » invalide : les bornes doivent être strictement croissantes',
    en: 'invalid --breaks "{value}": breaks must be strictly increasing',
  },
  badFormat: {
    fr: '--format « {value} » invalide : svg ou png est attendu',
    en: 'invalid --format "{value}": expected svg or png',
  },
  standardInput: {
    fr: 'entrée standard',
    en: 'standard input',
  },
  fileOf: {
    fr: '{file} (fichier du {day})',
    en: '{file} (file of {day})',
  },
  sourceContours: {
    fr: 'Contours : {file}',
    en: 'Contours: {file}',
  },
  sourceWithValues: {
    fr: '{contours} ; valeurs : {file}',
    en: '{contours}; values: {file}',
  },
  contextFile: {
    fr: 'le fichier de contexte',
    en: 'context file',
  },
  contextNotPolygon: {
    fr: '{file} : features[{index}] n’est ni un Polygon ni un MultiPolygon (les formes de contexte doivent être des polygones)',
    en: '{file}: features[{index}] is not a Polygon or MultiPolygon (context shapes must be polygons)',
  },
  legendNote: {
    fr: 'légende : {note}',
    en: 'legend: {note}',
  },
  labelsDropped: {
    fr: '{count} nom(s) sur {total} non affiché(s) faute de place : {list}',
    en: '{count} of {total} label(s) left out for lack of room: {list}',
  },
  tableCode: {
    fr: 'Code',
    en: 'Code',
  },
  tableName: {
    fr: 'Nom',
    en: 'Name',
  },
  tableClass: {
    fr: 'Classe',
    en: 'Class',
  },
  tableLegend: {
    fr: 'Classes de la carte',
    en: 'Map classes',
  },
  tableCount: {
    fr: 'Unités',
    en: 'Units',
  },
} as const satisfies Record<string, Message>;
