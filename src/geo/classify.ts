import { ckmeans } from 'simple-statistics';
import { renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { frenchTypography } from '../_shared/typography.js';
import { numberText } from './_internal/numberText.js';
import { PALETTES } from './_internal/palettes.js';
import { GeoDataError } from './GeoDataError.js';

/**
 * A classification method of {@link classify}:
 * - `quantile`: classes with about equal counts of values;
 * - `equal`: equal intervals between the minimum and the maximum;
 * - `jenks`: natural breaks (Jenks, computed by the exact ckmeans algorithm of `simple-statistics`);
 * - `manual`: the breaks given in {@link ClassifyOptions.breaks}.
 *
 * @example
 * ```ts
 * import type { ClassificationMethod } from 'cprdfop/geo';
 * const method: ClassificationMethod = 'jenks';
 * method; // "jenks"
 * ```
 * @category Maps
 */
export type ClassificationMethod = 'quantile' | 'equal' | 'jenks' | 'manual';

/** The classification methods, in the order the CLI lists them. @internal */
export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = [
  'quantile',
  'equal',
  'jenks',
  'manual',
];

/**
 * The ColorBrewer palettes {@link classify} offers, each checked for colour-blind safety (adjacent
 * classes stay distinguishable under simulated deuteranopia and protanopia, from 3 to 9 classes).
 * Sequential (light to dark): `YlGnBu` (default), `Blues`, `Greens`, `Greys`, `Oranges`, `Purples`,
 * `Reds`, `BuPu`, `OrRd`, `PuBu`, `YlOrRd`. Diverging (around {@link ClassifyOptions.midpoint}):
 * `RdBu`, `BrBG`, `PiYG`, `PRGn`, `PuOr`.
 *
 * @example
 * ```ts
 * import type { PaletteName } from 'cprdfop/geo';
 * const palette: PaletteName = 'RdBu';
 * palette; // "RdBu"
 * ```
 * @category Maps
 */
export type PaletteName =
  | 'YlGnBu'
  | 'Blues'
  | 'Greens'
  | 'Greys'
  | 'Oranges'
  | 'Purples'
  | 'Reds'
  | 'BuPu'
  | 'OrRd'
  | 'PuBu'
  | 'YlOrRd'
  | 'RdBu'
  | 'BrBG'
  | 'PiYG'
  | 'PRGn'
  | 'PuOr';

type Scheme = ReadonlyArray<ReadonlyArray<string> | undefined>;

let table: Record<PaletteName, { kind: 'sequential' | 'diverging'; scheme: Scheme }> | undefined;

/** @internal Palettes by name: kind and the ColorBrewer scheme (index = number of colours, from 3), decoded once. */
function paletteTable(): Record<PaletteName, { kind: 'sequential' | 'diverging'; scheme: Scheme }> {
  if (table) return table;
  // no prototype: a name such as "toString" or "__proto__" finds nothing, as any unknown name
  const decoded = Object.create(null) as Record<
    PaletteName,
    { kind: 'sequential' | 'diverging'; scheme: Scheme }
  >;
  for (const [name, entry] of Object.entries(PALETTES)) {
    const scheme: Array<string[] | undefined> = [undefined, undefined, undefined];
    for (const packed of entry.sizes) scheme.push(packed.match(/.{6}/g)?.map((hex) => `#${hex}`) ?? []);
    decoded[name as PaletteName] = { kind: entry.kind, scheme };
  }
  table = decoded;
  return table;
}

/** @internal A palette by a name from anywhere (only the palettes' own names find one). */
function paletteEntry(name: unknown): { kind: 'sequential' | 'diverging'; scheme: Scheme } | undefined {
  const palettes = paletteTable();
  return typeof name === 'string' && Object.hasOwn(palettes, name)
    ? palettes[name as PaletteName]
    : undefined;
}

/**
 * The names of the palettes of {@link classify}, sequential first.
 *
 * @returns The palette names.
 * @example
 * ```ts
 * import { paletteNames } from 'cprdfop/geo';
 * paletteNames().includes('YlGnBu'); // true
 * ```
 * @category Maps
 */
export function paletteNames(): PaletteName[] {
  return Object.keys(paletteTable()) as PaletteName[];
}

/**
 * The colours of a palette of {@link classify} for a number of classes.
 *
 * @param name - A palette name.
 * @param classes - The number of classes, 3–9 (2 is allowed: the ends of the 3-colour scheme).
 * @returns The colours, `#rrggbb`, light to dark (sequential) or left to right (diverging).
 * @throws {GeoDataError} `E_INVALID_CLASSIFICATION` for an unknown palette or a count out of range.
 * @example
 * ```ts
 * import { paletteColours } from 'cprdfop/geo';
 * paletteColours('Blues', 3); // ["#deebf7","#9ecae1","#3182bd"]
 * ```
 * @category Maps
 */
export function paletteColours(name: PaletteName, classes: number): string[] {
  const entry = paletteEntry(name);
  if (!entry)
    throw new GeoDataError(
      'E_INVALID_CLASSIFICATION',
      renderBoth(
        {
          fr: 'palette « {name} » inconnue : l’une de {names} est attendue',
          en: 'unknown palette "{name}": expected one of {names}',
        },
        { name: showValue(name), names: paletteNames().join(', ') },
      ),
    );
  const max = entry.scheme.length - 1;
  if (!Number.isInteger(classes) || classes < 2 || classes > max)
    throw new GeoDataError(
      'E_INVALID_CLASSIFICATION',
      renderBoth(
        {
          fr: 'palette {name} : {classes} classes demandées, un entier de 2 à {max} est attendu',
          en: 'palette {name}: {classes} classes asked, expected an integer from 2 to {max}',
        },
        { name: showValue(name), classes: showValue(classes), max: String(max) },
      ),
    );
  if (classes === 2) {
    const three = entry.scheme[3] as ReadonlyArray<string>;
    return [three[0] as string, three[2] as string];
  }
  return [...(entry.scheme[classes] as ReadonlyArray<string>)];
}

/**
 * Options of {@link classify}.
 *
 * @example
 * ```ts
 * import type { ClassifyOptions } from 'cprdfop/geo';
 * const options: ClassifyOptions = { method: 'manual', breaks: [10, 100], palette: 'Greens' };
 * options.breaks; // [10,100]
 * ```
 * @category Maps
 */
export interface ClassifyOptions {
  /** The method (default `quantile`). */
  method?: ClassificationMethod;
  /** The number of classes asked, 2–9 (default 5; ignored for `manual`). Fewer are made when values tie. */
  classes?: number;
  /** For `manual`: the inner breaks, strictly increasing (a value equal to a break is in the lower class). */
  breaks?: readonly number[];
  /** Round the breaks to "nice" numbers with one number of decimals (default `true`; not for `manual`). */
  nice?: boolean;
  /** The palette (default `YlGnBu`). */
  palette?: PaletteName;
  /** For a diverging palette: the value at the neutral colour (default 0); it becomes a break. */
  midpoint?: number;
}

/**
 * One class of a {@link Classification}: values `v` with `lower < v ≤ upper` (the first class
 * includes its lower bound).
 *
 * @example
 * ```ts
 * import type { ClassBin } from 'cprdfop/geo';
 * const bin: ClassBin = { lower: 0, upper: 10, colour: '#deebf7', count: 4,
 *   label: { fr: '0 – 10', en: '0 – 10' } };
 * bin.count; // 4
 * ```
 * @category Maps
 */
export interface ClassBin {
  /** The lower bound (rounded like every bound). */
  lower: number;
  /** The upper bound, included. */
  upper: number;
  /** The fill colour, `#rrggbb`. */
  colour: string;
  /** How many values fall in the class (never 0). */
  count: number;
  /** The legend text, e.g. `1 000 – 2 500` (French number format) and `1,000 – 2,500`. */
  label: { fr: string; en: string };
}

/**
 * The result of {@link classify}: classes (never empty, bounds strictly increasing), the no-data
 * style, and a note when fewer classes than asked could be made.
 *
 * @example
 * ```ts
 * import { classify } from 'cprdfop/geo';
 * const c = classify([1, 2, 3, 4], { classes: 2 });
 * c.classes.length; // 2
 * ```
 * @category Maps
 */
export interface Classification {
  /** The method used. */
  method: ClassificationMethod;
  /** The palette used. */
  palette: PaletteName;
  /** The classes, lowest first. */
  classes: ClassBin[];
  /** The inner breaks (upper bounds of every class but the last), strictly increasing. */
  breaks: number[];
  /** Decimals shown for every bound (one number for the whole legend). */
  decimals: number;
  /** The smallest and largest finite values classified. */
  min: number;
  max: number;
  /** How many finite values were classified. */
  count: number;
  /** How many values were not finite numbers (`null`, `undefined`, `NaN`, infinities): drawn as no data. */
  noDataCount: number;
  /** The no-data style: a light grey, drawn hatched on maps, and its legend label. */
  noData: { colour: string; hatch: string; label: { fr: string; en: string } };
  /** When fewer classes were made than asked: how many were asked and why (for the legend), else `null`. */
  reduced: { asked: number; note: { fr: string; en: string } } | null;
  /**
   * The class index of a value, or `-1` for no data (not a finite number). A value outside
   * `[min, max]` goes to the nearest end class.
   */
  classOf(value: number | null | undefined): number;
  /** The fill colour of a value (the no-data colour for no data). */
  colourOf(value: number | null | undefined): string;
  /** Formats a value with the legend's decimals, French (`1 234,5`) or English (`1,234.5`). */
  format(value: number, lang: 'fr' | 'en'): string;
}

const NO_DATA = {
  colour: '#e9e4dc',
  hatch: '#8c8c8c',
  label: { fr: 'Pas de donnée', en: 'No data' },
} as const;

/** @internal The decimals needed to write `value` exactly (up to 12). */
function decimalsOf(value: number): number {
  for (let decimals = 0; decimals <= 12; decimals++) {
    const scaled = value * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return decimals;
  }
  return 12;
}

/** @internal Formats a number with fixed decimals in French or English. */
function formatNumber(value: number, decimals: number, lang: 'fr' | 'en'): string {
  const text = value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  // -0 prints as "-0"
  return text.replace(/^-(0(?:[.,]0+)?)$/, '$1');
}

/** @internal Rounds to a multiple of step, written with `decimals` decimals. */
function roundTo(value: number, step: number, decimals: number, mode: 'round' | 'floor' | 'ceil'): number {
  const units = value / step;
  const fix = (count: number): number => Number((count * step).toFixed(decimals));
  if (mode === 'round') return fix(Math.round(units));
  let count = mode === 'floor' ? Math.floor(units + 1e-9) : Math.ceil(units - 1e-9);
  // the tolerance absorbs float noise (0.3 / 0.1), the checks keep the bound on the right side
  if (mode === 'floor') while (fix(count) > value) count--;
  else while (fix(count) < value) count++;
  return fix(count);
}

/** @internal Raw inner breaks with the interval where each may move without changing any class. */
interface RawBreak {
  value: number;
  /** Lowest acceptable rounded value (inclusive). */
  low: number;
  /** Highest acceptable rounded value (exclusive when `strictHigh`). */
  high: number;
}

/** @internal Raw breaks of a method over sorted finite values. */
function rawBreaks(
  sorted: number[],
  method: Exclude<ClassificationMethod, 'manual'>,
  classes: number,
): RawBreak[] {
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const out: RawBreak[] = [];
  if (method === 'jenks') {
    const distinct = new Set(sorted).size;
    const clusters = ckmeans(sorted, Math.min(classes, distinct));
    for (let index = 0; index < clusters.length - 1; index++) {
      const top = (clusters[index] as number[]).at(-1) as number;
      const next = (clusters[index + 1] as number[])[0] as number;
      // any break in [top, next) keeps the clusters exactly
      out.push({ value: (top + next) / 2, low: top, high: next });
    }
    return out;
  }
  const values: number[] = [];
  for (let k = 1; k < classes; k++) {
    if (method === 'equal') values.push(min + ((max - min) * k) / classes);
    else {
      const position = ((sorted.length - 1) * k) / classes;
      const below = Math.floor(position);
      const above = Math.min(sorted.length - 1, below + 1);
      const low = sorted[below] as number;
      values.push(low + ((sorted[above] as number) - low) * (position - below));
    }
  }
  const bounds = [min, ...values, max];
  // the largest value below the maximum: where a break goes when ties at the top reach it
  let belowMax = min;
  for (let index = sorted.length - 1; index >= 0; index--)
    if ((sorted[index] as number) < max) {
      belowMax = sorted[index] as number;
      break;
    }
  values.forEach((value, index) => {
    if (value >= max) {
      if (belowMax < max) out.push({ value: (belowMax + max) / 2, low: belowMax, high: max });
      return;
    }
    const left = value - (bounds[index] as number);
    const right = (bounds[index + 2] as number) - value;
    const slack = 0.25 * Math.min(left, right);
    out.push({ value, low: value - slack, high: value + slack });
  });
  return out;
}

/** @internal Nice steps from coarse to fine for a range. */
function* niceSteps(range: number, integers: boolean): Generator<number> {
  const top = 10 ** (Math.ceil(Math.log10(range || 1)) + 1);
  for (let decade = 0, power = top; decade < 16; decade++, power /= 10) {
    for (const factor of [5, 2.5, 2, 1]) {
      const step = Number((power * factor).toPrecision(3)) / 10;
      if (integers && step < 1) return;
      if (integers && !Number.isInteger(step)) continue;
      yield step;
    }
  }
}

/** @internal How many sorted values are ≤ bound (binary search). */
function countAtMost(sorted: readonly number[], bound: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= bound) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** @internal How many sorted values fall in each class of the inner breaks (upper bounds included). */
function countsOf(sorted: readonly number[], inner: readonly number[]): number[] {
  const counts = new Array<number>(inner.length + 1).fill(0);
  let cursor = 0;
  for (const value of sorted) {
    while (cursor < inner.length && value > (inner[cursor] as number)) cursor++;
    counts[cursor] = (counts[cursor] as number) + 1;
  }
  return counts;
}

/** @internal Equal intervals of a nice width: the smallest nice width whose classes from a nice lower bound cover the values. */
function niceEqual(
  min: number,
  max: number,
  classes: number,
  integers: boolean,
): { inner: number[]; decimals: number; lower: number; upper: number } {
  const exact = (max - min) / classes;
  const steps = [...niceSteps((max - min) * 10, integers)].reverse();
  for (const width of steps) {
    if (width < exact * (1 - 1e-12)) continue;
    const decimals = decimalsOf(width);
    const lower = roundTo(min, width, decimals, 'floor');
    const upper = Number((lower + classes * width).toFixed(decimals));
    if (upper < max) continue;
    const inner = Array.from({ length: classes - 1 }, (_, index) =>
      Number((lower + (index + 1) * width).toFixed(decimals)),
    );
    return { inner, decimals, lower, upper: roundTo(max, width, decimals, 'ceil') };
  }
  // unreachable for finite ranges: the coarsest width covers everything
  const decimals = 6;
  const inner = Array.from({ length: classes - 1 }, (_, index) =>
    Number((min + ((index + 1) * (max - min)) / classes).toFixed(decimals)),
  );
  return { inner, decimals, lower: min, upper: max };
}

/**
 * Classifies values for a choropleth: quantile, equal intervals, natural breaks (Jenks/ckmeans) or
 * manual breaks; breaks rounded to "nice" numbers with one number of decimals for the whole legend;
 * never an empty or duplicate class (when values tie, fewer classes are made and
 * {@link Classification.reduced} says so, in French and English); colours from a colour-blind-safe
 * ColorBrewer palette (sequential, or diverging around a midpoint); a distinct no-data style
 * (« Pas de donnée » / "No data"). Pure and browser-capable.
 *
 * @param values - The values; non-finite ones (`null`, `NaN`…) are counted as no data, never dropped silently.
 * @param options - Method, classes, breaks, rounding, palette, midpoint.
 * @returns The classification.
 * @throws {GeoDataError} `E_INVALID_CLASSIFICATION` when there is no finite value, the class count
 *   is out of 2–9, manual breaks are missing, not finite or not strictly increasing, or the palette is unknown.
 * @example
 * ```ts
 * import { classify } from 'cprdfop/geo';
 * const c = classify([3, 12, 18, 25, 41, 47, 60, 88], { method: 'equal', classes: 4 });
 * c.breaks; // [25,50,75]
 * c.classes.map((bin) => bin.label.en); // ["0 – 25","25 – 50","50 – 75","75 – 100"]
 * c.colourOf(null) === c.noData.colour; // true
 * classify([5, 5, 5, 5], { classes: 5 }).reduced?.note.en; // "1 class instead of 5: the values tie"
 * ```
 * @category Maps
 */
export function classify(
  values: readonly (number | null | undefined)[],
  options: ClassifyOptions = {},
): Classification {
  const method = options.method ?? 'quantile';
  if (!CLASSIFICATION_METHODS.includes(method))
    throw new GeoDataError(
      'E_INVALID_CLASSIFICATION',
      renderBoth(
        {
          fr: 'méthode de classification « {method} » inconnue : {methods} attendue',
          en: 'unknown classification method "{method}": expected {methods}',
        },
        { method: showValue(method), methods: CLASSIFICATION_METHODS.join(', ') },
      ),
    );
  const paletteName = options.palette ?? 'YlGnBu';
  const palette = paletteEntry(paletteName);
  if (!palette)
    throw new GeoDataError(
      'E_INVALID_CLASSIFICATION',
      renderBoth(
        {
          fr: 'palette « {name} » inconnue : l’une de {names} est attendue',
          en: 'unknown palette "{name}": expected one of {names}',
        },
        { name: showValue(paletteName), names: paletteNames().join(', ') },
      ),
    );
  const finite: number[] = [];
  let noDataCount = 0;
  for (const value of values) {
    if (typeof value === 'number' && Number.isFinite(value)) finite.push(value);
    else noDataCount++;
  }
  if (finite.length === 0)
    throw new GeoDataError(
      'E_INVALID_CLASSIFICATION',
      renderBoth(
        {
          fr: 'aucune valeur à classer : {count} valeur(s), aucune n’est un nombre fini',
          en: 'no value to classify: {count} value(s), none a finite number',
        },
        { count: numberText(values.length) },
      ),
    );
  const sorted = finite.sort((a, b) => a - b);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const integers = sorted.every((value) => Number.isInteger(value));
  if (max > min && max - min < 1e-9 * Math.max(1, Math.abs(min), Math.abs(max)))
    throw new GeoDataError(
      'E_INVALID_CLASSIFICATION',
      renderBoth(
        {
          fr: 'les valeurs ne s’étendent que sur {span} (de {min} à {max}) : trop peu pour écrire les bornes des classes ; changez l’échelle des valeurs (par exemple par million) avant de les classer',
          en: 'the values span only {span} (from {min} to {max}): too little to write class bounds; scale the values (e.g. per million) before classifying',
        },
        { span: numberText(max - min), min: numberText(min), max: numberText(max) },
      ),
    );

  let asked: number;
  let inner: number[];
  let decimals: number;
  let lower: number;
  let upper: number;
  const notes: Array<'tie' | 'outside' | 'empty'> = [];

  if (method === 'manual') {
    const given = options.breaks;
    if (!given || given.length === 0)
      throw new GeoDataError(
        'E_INVALID_CLASSIFICATION',
        renderBoth({
          fr: 'classification manuelle sans bornes : donnez au moins une borne',
          en: 'manual classification without breaks: give at least one break',
        }),
      );
    given.forEach((value, index) => {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new GeoDataError(
          'E_INVALID_CLASSIFICATION',
          renderBoth(
            {
              fr: 'la borne manuelle {index} vaut {value}, ce n’est pas un nombre fini',
              en: 'manual break {index} is {value}, not a finite number',
            },
            { index: String(index + 1), value: showValue(value) },
          ),
        );
      if (index > 0 && value <= (given[index - 1] as number))
        throw new GeoDataError(
          'E_INVALID_CLASSIFICATION',
          renderBoth(
            {
              fr: 'les bornes manuelles doivent être strictement croissantes : la borne {index} ({value}) suit {previous}',
              en: 'manual breaks must be strictly increasing: break {index} ({value}) follows {previous}',
            },
            {
              index: String(index + 1),
              value: numberText(value),
              previous: numberText(given[index - 1] as number),
            },
          ),
        );
    });
    asked = given.length + 1;
    decimals = Math.max(...given.map(decimalsOf));
    const step = 10 ** -decimals;
    lower = roundTo(min, step, decimals, 'floor');
    upper = roundTo(max, step, decimals, 'ceil');
    inner = given.filter((value) => value >= min && value < max);
    if (inner.length < given.length) notes.push('outside');
  } else {
    asked = options.classes ?? 5;
    if (!Number.isInteger(asked) || asked < 2 || asked > 9)
      throw new GeoDataError(
        'E_INVALID_CLASSIFICATION',
        renderBoth(
          {
            fr: '{asked} classes demandées : un entier de 2 à 9 est attendu',
            en: '{asked} classes asked: expected an integer from 2 to 9',
          },
          { asked: showValue(asked) },
        ),
      );
    const distinct = new Set(sorted).size;
    const raw = min === max ? [] : rawBreaks(sorted, method, Math.min(asked, distinct));
    if (distinct < asked) notes.push('tie');
    if (method === 'equal' && options.nice !== false && raw.length > 0) {
      ({ inner, decimals, lower, upper } = niceEqual(min, max, Math.min(asked, distinct), integers));
    } else if (options.nice === false || raw.length === 0) {
      inner = raw.map((item) => item.value);
      decimals = Math.max(decimalsOf(min), decimalsOf(max), ...inner.map(decimalsOf));
      decimals = Math.min(decimals, 6);
      inner = inner.map((value) => Number(value.toFixed(decimals)));
      lower = raw.length === 0 ? min : roundTo(min, 10 ** -decimals, decimals, 'floor');
      upper = raw.length === 0 ? max : roundTo(max, 10 ** -decimals, decimals, 'ceil');
    } else {
      // each break rounded to the coarsest nice step that keeps it in its interval, above the
      // previous break, below the maximum, with a value in the class it closes
      inner = [];
      decimals = 0;
      raw.forEach((item) => {
        const previous = inner.at(-1) ?? Number.NEGATIVE_INFINITY;
        const usable = (value: number): boolean =>
          value > previous && value < max && countAtMost(sorted, value) > countAtMost(sorted, previous);
        let found: { value: number; step: number } | undefined;
        let fallback: { value: number; step: number } | undefined;
        for (const step of niceSteps(max - min, integers)) {
          const value = roundTo(item.value, step, decimalsOf(step), 'round');
          if (!usable(value)) continue;
          fallback = { value, step };
          const inside = value >= item.low && (method === 'jenks' ? value < item.high : value <= item.high);
          if (inside) {
            found = { value, step };
            break;
          }
        }
        // integer data whose break falls between two consecutive integers: the lower one
        const atLow = usable(item.low)
          ? { value: item.low, step: 10 ** -Math.min(6, decimalsOf(item.low)) }
          : undefined;
        const pick = found ?? fallback ?? atLow;
        // no usable value: the break ties with the previous one (or the maximum) and is dropped
        if (!pick) return;
        inner.push(pick.value);
        decimals = Math.max(decimals, decimalsOf(pick.step));
      });
      let resolution = 1e-12;
      for (const step of niceSteps(max - min, integers))
        if (step <= (max - min) / 10) {
          resolution = step;
          break;
        }
      // outer bounds at the data's resolution (a nice tenth of the range), not at a break's coarse step
      const outerStep = integers ? Math.max(1, resolution) : resolution;
      lower = roundTo(min, outerStep, Math.max(decimals, decimalsOf(outerStep)), 'floor');
      upper = roundTo(max, outerStep, Math.max(decimals, decimalsOf(outerStep)), 'ceil');
      decimals = Math.max(decimals, decimalsOf(outerStep));
    }
  }

  // diverging palettes: the midpoint is a break, so that the neutral colour is never on both sides
  const midpoint = options.midpoint ?? 0;
  if (palette.kind === 'diverging') {
    if (!Number.isFinite(midpoint))
      throw new GeoDataError(
        'E_INVALID_CLASSIFICATION',
        renderBoth(
          {
            fr: 'le point milieu {midpoint} n’est pas un nombre fini',
            en: 'midpoint {midpoint} is not a finite number',
          },
          { midpoint: showValue(midpoint) },
        ),
      );
    if (midpoint > min && midpoint < max && !inner.includes(midpoint)) {
      inner = [...inner, midpoint].sort((a, b) => a - b);
      decimals = Math.max(decimals, Math.min(6, decimalsOf(midpoint)));
    }
  }

  // no duplicate breaks, no break at or beyond the ends, no empty class
  inner = inner.filter(
    (value, index) => value >= min && value < max && (index === 0 || value > (inner[index - 1] as number)),
  );
  let counts = countsOf(sorted, inner);
  while (counts.some((count) => count === 0)) {
    const empty = counts.indexOf(0);
    // an empty class merges with its neighbour: remove its upper break (or the lower one for the last)
    inner.splice(empty < inner.length ? empty : empty - 1, 1);
    counts = countsOf(sorted, inner);
    if (!notes.includes('empty') && !notes.includes('tie')) notes.push('empty');
  }
  const made = inner.length + 1;
  if (made < asked && notes.length === 0) notes.push('tie');

  // colours
  let colours: string[];
  if (palette.kind === 'sequential') {
    colours = made === 1 ? [paletteColours(paletteName, 3)[1] as string] : paletteColours(paletteName, made);
  } else {
    // classes whose upper bound is ≤ midpoint lie below it, those whose lower bound is ≥ it above
    const bounds = [lower, ...inner, upper];
    const sides = Array.from({ length: made }, (_, index) =>
      (bounds[index] as number) === midpoint && (bounds[index + 1] as number) === midpoint
        ? 0
        : (bounds[index + 1] as number) <= midpoint
          ? -1
          : (bounds[index] as number) >= midpoint
            ? 1
            : 0,
    );
    const left = sides.filter((side) => side < 0).length;
    const right = sides.filter((side) => side > 0).length;
    const half = Math.max(left, right);
    // a neutral centre colour when a class straddles the midpoint, or when the scheme needs 3 colours
    const centre = sides.includes(0) || 2 * half < 3 ? 1 : 0;
    const size = 2 * half + centre;
    const maxSize = palette.scheme.length - 1;
    if (size > maxSize)
      throw new GeoDataError(
        'E_INVALID_CLASSIFICATION',
        renderBoth(
          {
            fr: 'palette {name} : {left} classe(s) sous le point milieu {midpoint}, {right} au-dessus{across} demandent {size} couleurs, plus que les {maxSize} qu’elle a ; demandez moins de classes ou déplacez le point milieu',
            en: 'palette {name}: {left} class(es) below the midpoint {midpoint}, {right} above{across} need {size} colours, more than the {maxSize} it has; ask fewer classes or move the midpoint',
          },
          {
            name: paletteName,
            left: String(left),
            midpoint: numberText(midpoint),
            right: String(right),
            across: sides.includes(0) ? { fr: ' et 1 à cheval', en: ' and 1 across it' } : '',
            size: String(size),
            maxSize: String(maxSize),
          },
        ),
      );
    const scheme = palette.scheme[size] as ReadonlyArray<string>;
    colours = sides.map((side, index) => {
      if (side < 0) return scheme[half - left + index] as string;
      if (side === 0) return scheme[half] as string;
      return scheme[half + centre + (index - left - (sides.includes(0) ? 1 : 0))] as string;
    });
  }

  const bounds = [lower, ...inner, upper];
  const format = (value: number, lang: 'fr' | 'en'): string => formatNumber(value, decimals, lang);
  const range = (from: number, to: number, lang: 'fr' | 'en'): string =>
    from === to ? format(from, lang) : `${format(from, lang)} – ${format(to, lang)}`;
  const classes: ClassBin[] = counts.map((count, index) => ({
    lower: bounds[index] as number,
    upper: bounds[index + 1] as number,
    colour: colours[index] as string,
    count,
    label: {
      fr: range(bounds[index] as number, bounds[index + 1] as number, 'fr'),
      en: range(bounds[index] as number, bounds[index + 1] as number, 'en'),
    },
  }));
  let reduced: Classification['reduced'] = null;
  if (made < asked) {
    const why = notes[0] ?? 'tie';
    const reason = {
      tie: { fr: 'les valeurs sont égales', en: 'the values tie' },
      outside: { fr: 'des seuils sont hors des valeurs', en: 'some breaks are outside the values' },
      empty: { fr: 'des classes seraient vides', en: 'some classes would be empty' },
    }[why];
    reduced = {
      asked,
      note: {
        fr: frenchTypography(`${made} classe${made > 1 ? 's' : ''} au lieu de ${asked} : ${reason.fr}`),
        en: `${made} class${made > 1 ? 'es' : ''} instead of ${asked}: ${reason.en}`,
      },
    };
  }
  const classOf = (value: number | null | undefined): number => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return -1;
    let index = 0;
    while (index < inner.length && value > (inner[index] as number)) index++;
    return index;
  };
  return {
    method,
    palette: paletteName,
    classes,
    breaks: [...inner],
    decimals,
    min,
    max,
    count: sorted.length,
    noDataCount,
    noData: { colour: NO_DATA.colour, hatch: NO_DATA.hatch, label: { ...NO_DATA.label } },
    reduced,
    classOf,
    colourOf: (value) => {
      const index = classOf(value);
      return index < 0 ? NO_DATA.colour : (colours[index] as string);
    },
    format,
  };
}
