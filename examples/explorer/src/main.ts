/**
 * The explorer page: mesh and indicator choice, choropleth with legend, hover and focus tooltips,
 * search, downloads, dropped CSV files. All the cartography is `cprdfop/geo` (renderMap, classify,
 * composeUnits); the territories are `cprdfop/territory`.
 */
import {
  type ClassificationMethod,
  type MapLayer,
  type PaletteName,
  paletteNames,
  type RenderedMap,
  renderMap,
  unitBorders,
} from 'cprdfop/geo';
import { epcis, loadMesh, type Mesh, searchCommunes, territoryVintage } from 'cprdfop/territory';
import { downloadBlob, pngFromSvg } from './downloads.js';
import { formatNumber, type Key, type Lang, shortList, t } from './i18n.js';
import {
  type CsvJoin,
  CsvJoinError,
  type CsvTable,
  defaultColumns,
  type ExplorerData,
  type IndicatorKind,
  indicatorValues,
  joinCsvValues,
  loadExplorerData,
  type MeshKind,
  parseCsv,
  type Unit,
  unitsOf,
} from './model.js';

/** A line of the notices list: a sentence, and the full list of codes it summarises when there is one. */
interface Notice {
  kind: string;
  text: string;
  full?: readonly string[];
  error?: boolean;
}

/** One row of what is shown: the table, the CSV and the GeoJSON are made of these. */
interface Row {
  unit: Unit;
  value: number | null;
}

const state: {
  lang: Lang;
  data: ExplorerData | null;
  mesh: MeshKind;
  indicator: IndicatorKind;
  loadedMesh: Mesh | null;
  meshNotices: Notice[];
  table: CsvTable | null;
  columns: { code: number; value: number };
  valuesNotices: Notice[];
  method: ClassificationMethod;
  classes: number;
  palette: PaletteName;
  rendered: RenderedMap | null;
  rows: Row[];
  /** The shapes in keyboard order (by name). */
  order: string[];
  focusIndex: number;
} = {
  lang: 'fr',
  data: null,
  mesh: 'epci',
  indicator: 'population',
  loadedMesh: null,
  meshNotices: [],
  table: null,
  columns: { code: 0, value: 1 },
  valuesNotices: [],
  method: 'quantile',
  classes: 5,
  palette: 'YlGnBu',
  rendered: null,
  rows: [],
  order: [],
  focusIndex: 0,
};

const $ = <T extends Element>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`explorer: ${selector} is missing from index.html`);
  return element;
};
const mapBox = $<HTMLDivElement>('#map');
const tooltip = $<HTMLDivElement>('#tooltip');
const status = $<HTMLParagraphElement>('#status');
const noticesList = $<HTMLUListElement>('#notices');
const unitsSelector = '[data-layer="units"] path[data-code]';

const unitCache = new Map<MeshKind, Unit[]>();
let borderCache: ReturnType<typeof unitBorders> | null = null;

function say(text: string): void {
  status.textContent = text;
}

const MESH_KEY: Record<MeshKind, Key> = {
  communes: 'communes',
  epci: 'epci',
  arrondissement: 'arrondissement',
  departement: 'departement',
  loaded: 'loaded',
};

function meshLabel(): string {
  if (state.mesh === 'loaded' && state.loadedMesh) return state.loadedMesh.label;
  return t(state.lang, MESH_KEY[state.mesh]);
}

function meshBy(): string {
  const keys: Record<MeshKind, Key> = {
    communes: 'byCommunes',
    epci: 'byEpci',
    arrondissement: 'byArrondissement',
    departement: 'byDepartement',
    loaded: 'byLoaded',
  };
  return t(state.lang, keys[state.mesh], { label: meshLabel() });
}

function indicatorLabel(): string {
  if (state.indicator === 'csv' && state.table)
    return state.table.columns[state.columns.value] ?? t(state.lang, 'value');
  return t(state.lang, state.indicator === 'csv' ? 'csv' : state.indicator);
}

function indicatorUnit(): string | undefined {
  if (state.indicator === 'population') return t(state.lang, 'inhabitants');
  if (state.indicator === 'area') return t(state.lang, 'km2');
  if (state.indicator === 'density') return t(state.lang, 'perKm2');
  return undefined;
}

function contoursText(data: ExplorerData): string {
  const cog = territoryVintage().cog;
  if (data.metadata.source === 'shared-2018') return t(state.lang, 'contoursShared', { cog });
  if (data.metadata.source === 'synthetic')
    return t(state.lang, 'contoursSynthetic', { count: data.topology.size });
  return t(state.lang, 'contoursFile', { description: data.metadata.description });
}

function sourceLine(data: ExplorerData, lines = false): string {
  const vintage = territoryVintage();
  const parts = [contoursText(data)];
  if (state.indicator === 'population' || state.indicator === 'density')
    parts.push(t(state.lang, 'populationSource', { cog: vintage.cog, version: vintage.sourceVersion }));
  if (state.indicator === 'area' || state.indicator === 'density') parts.push(t(state.lang, 'areaSource'));
  if (state.indicator === 'csv' && state.table) parts.push(state.table.file);
  // one line per source: renderSvg wraps long lines by an estimate of Noto Sans widths, and a browser
  // without that font draws wider text
  const separator = lines ? '\n' : state.lang === 'fr' ? '\u202f; ' : '; ';
  return `${t(state.lang, 'sourceLine')}${state.lang === 'fr' ? '\u202f' : ''}: ${parts.join(separator)}`;
}

function units(): Unit[] {
  const data = state.data as ExplorerData;
  let list = unitCache.get(state.mesh);
  if (!list) {
    list = unitsOf(data, state.mesh, state.loadedMesh);
    unitCache.set(state.mesh, list);
  }
  return list;
}

/** The notices of a CSV join (nothing that did not join goes unsaid). */
function joinNotices(join: CsvJoin, file: string): Notice[] {
  const lang = state.lang;
  const notices: Notice[] = [
    {
      kind: 'values-loaded',
      text: t(lang, 'valuesLoaded', { file, rows: join.rows, matched: join.matched }),
    },
  ];
  const lines = (list: readonly number[]) => list.map((line) => `${t(lang, 'line')} ${line}`);
  if (join.unmatched.length)
    notices.push({
      kind: 'values-unmatched',
      text: t(lang, 'valuesUnmatched', {
        count: join.unmatched.length,
        file,
        codes: shortList(lang, join.unmatched),
      }),
      full: join.unmatched,
    });
  if (join.mapped.length) {
    const pairs = join.mapped.map((m) => `${m.from} → ${m.code}`);
    notices.push({
      kind: 'values-mapped',
      text: t(lang, 'valuesMapped', { count: pairs.length, pairs: shortList(lang, pairs) }),
      full: pairs,
    });
  }
  if (join.conflicts.length) {
    const list = join.conflicts.map((c) => `${c.code} (${c.from.join(', ')})`);
    notices.push({
      kind: 'values-conflict',
      text: t(lang, 'valuesConflict', { count: list.length, list: shortList(lang, list) }),
      full: list,
    });
  }
  if (join.invalid.length) {
    const list = join.invalid.map((i) => `${t(lang, 'line')} ${i.line} (${JSON.stringify(i.raw)})`);
    notices.push({
      kind: 'values-invalid',
      text: t(lang, 'valuesInvalid', { count: list.length, list: shortList(lang, list) }),
      full: list,
    });
  }
  if (join.blank.length)
    notices.push({
      kind: 'values-blank',
      text: t(lang, 'valuesBlank', { count: join.blank.length, list: shortList(lang, lines(join.blank)) }),
      full: lines(join.blank),
    });
  if (join.missingCode.length)
    notices.push({
      kind: 'values-missing-code',
      text: t(lang, 'valuesMissingCode', {
        count: join.missingCode.length,
        list: shortList(lang, lines(join.missingCode)),
      }),
      full: lines(join.missingCode),
    });
  return notices;
}

function baseNotices(data: ExplorerData): Notice[] {
  const lang = state.lang;
  const notices: Notice[] = [];
  const cog = territoryVintage().cog;
  if (data.metadata.unmatched.length)
    notices.push({
      kind: 'contours-unmatched',
      text: t(lang, 'unmatchedContours', {
        count: data.metadata.unmatched.length,
        cog,
        codes: shortList(lang, data.metadata.unmatched),
      }),
      full: data.metadata.unmatched,
    });
  if (data.metadata.partial.length)
    notices.push({
      kind: 'contours-partial',
      text: t(lang, 'partialCommunes', {
        count: data.metadata.partial.length,
        codes: shortList(lang, data.metadata.partial),
      }),
      full: data.metadata.partial,
    });
  return notices;
}

function renderNotices(notices: readonly Notice[]): void {
  noticesList.replaceChildren(
    ...notices.map((notice) => {
      const item = document.createElement('li');
      item.dataset.kind = notice.kind;
      if (notice.error) item.className = 'error';
      item.append(notice.text);
      if (notice.full && notice.full.length > 10) {
        const details = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = `${notice.full.length}`;
        const list = document.createElement('p');
        list.textContent = notice.full.join(', ');
        details.append(summary, list);
        item.append(' ', details);
      }
      return item;
    }),
  );
}

/** The values of the chosen indicator, with their notices; a CSV that joins nothing falls back, said. */
function currentValues(list: readonly Unit[]): { values: Map<string, number | null>; notices: Notice[] } {
  const data = state.data as ExplorerData;
  const lang = state.lang;
  if (state.indicator === 'csv' && state.table) {
    const table = state.table;
    try {
      const join = joinCsvValues(table, state.columns, list);
      return { values: join.values, notices: joinNotices(join, table.file) };
    } catch (error) {
      if (!(error instanceof CsvJoinError)) throw error;
      const column = table.columns[state.columns.value === state.columns.code ? 0 : state.columns.code] ?? '';
      const message =
        error.reason === 'empty'
          ? t(lang, 'valuesEmpty')
          : error.reason === 'no-number'
            ? t(lang, 'valuesNoNumber', { column: table.columns[state.columns.value] ?? '' })
            : t(lang, 'valuesNoMatch', {
                count: error.codes.length,
                column,
                mesh: meshLabel(),
                codes: shortList(lang, error.codes, 5),
              });
      state.valuesNotices = [
        { kind: 'values-error', text: t(lang, 'valuesError', { file: table.file, message }), error: true },
      ];
      // nothing to draw from the file: back to the population, and the page says why
      state.indicator = 'population';
      $<HTMLInputElement>('input[name="indicator"][value="population"]').checked = true;
    }
  }
  const computed = indicatorValues(data, list, state.indicator);
  const notices: Notice[] = [];
  if (computed.incomplete.length)
    notices.push({
      kind: 'incomplete',
      text: t(lang, 'incomplete', { count: computed.incomplete.length }),
      full: computed.incomplete,
    });
  if (computed.populationUnknown.length)
    notices.push({
      kind: 'population-unknown',
      text: t(lang, 'populationUnknown', { count: computed.populationUnknown.length }),
      full: computed.populationUnknown,
    });
  return { values: computed.values, notices: [...state.valuesNotices, ...notices] };
}

function formatValue(value: number): string {
  if (state.indicator === 'population') return formatNumber(state.lang, value, 0);
  if (state.indicator === 'density') return formatNumber(state.lang, value, 1);
  return formatNumber(state.lang, value, 2);
}

function describe(row: Row): string {
  const classification = state.rendered?.classification ?? null;
  const lang = state.lang;
  const colon = lang === 'fr' ? '\u202f:' : ':';
  if (row.value === null) return `${row.unit.name} (${row.unit.code})${colon} ${t(lang, 'noData')}`;
  const unit = indicatorUnit();
  const klass = classification ? classification.classes[classification.classOf(row.value)]?.label[lang] : '';
  return `${row.unit.name} (${row.unit.code})${colon} ${formatValue(row.value)}${unit ? `\u00a0${unit}` : ''}${klass ? ` — ${klass}` : ''}`;
}

function draw(): void {
  const data = state.data;
  if (!data) return;
  const lang = state.lang;
  const list = units();
  const { values, notices } = currentValues(list);
  state.rows = list.map((unit) => ({ unit, value: values.get(unit.code) ?? null }));
  const layers: MapLayer[] = [
    {
      id: 'units',
      shapes: state.rows.map((row) => ({
        code: row.unit.code,
        name: row.unit.name,
        geometry: row.unit.geometry,
        value: row.value,
      })),
    },
  ];
  if (state.mesh !== 'departement') {
    borderCache ??= unitBorders(data.topology, 'departement');
    layers.push({
      kind: 'lines',
      id: 'departement-borders',
      lines: borderCache,
      stroke: '#333',
      strokeWidth: 0.8,
    });
  }
  const unit = indicatorUnit();
  state.rendered = renderMap(layers, {
    title: t(lang, 'mapTitle', { indicator: indicatorLabel(), by: meshBy() }),
    subtitle: `${t(lang, 'meshOf')}, ${data.metadata.vintage}`,
    source: sourceLine(data, true),
    lang,
    width: 760,
    classes: state.classes,
    classification: state.method,
    palette: state.palette,
    valueLabel: indicatorLabel(),
    ...(unit ? { unit } : {}),
    formatValue,
    idPrefix: 'explorer',
  });
  mapBox.innerHTML = state.rendered.svg;
  const svg = mapBox.querySelector('svg');
  if (svg) {
    // the shapes take the focus here: the map is a group of labelled images, not one image
    svg.setAttribute('role', 'group');
    svg.removeAttribute('width');
    svg.removeAttribute('height');
  }
  const byCode = new Map(state.rows.map((row) => [row.unit.code, row]));
  const collator = new Intl.Collator(lang === 'fr' ? 'fr' : 'en');
  state.order = [...state.rows]
    .sort((a, b) => collator.compare(a.unit.name, b.unit.name))
    .map((r) => r.unit.code);
  state.focusIndex = Math.min(state.focusIndex, Math.max(0, state.order.length - 1));
  const focusCode = state.order[state.focusIndex];
  for (const path of mapBox.querySelectorAll<SVGPathElement>(unitsSelector)) {
    const row = byCode.get(path.dataset.code ?? '');
    // the page's own tooltip replaces the SVG <title> (kept in the downloaded SVG)
    path.querySelector('title')?.remove();
    path.setAttribute('role', 'img');
    path.setAttribute('aria-label', row ? describe(row) : (path.dataset.code ?? ''));
    path.setAttribute('tabindex', path.dataset.code === focusCode ? '0' : '-1');
  }
  mapBox.dataset.mesh = state.mesh;
  mapBox.dataset.indicator = state.indicator;
  mapBox.dataset.shapes = String(state.rows.length);
  mapBox.setAttribute('aria-busy', 'false');
  renderTable();
  const noValue: Notice[] = state.rows.some((row) => row.value !== null)
    ? []
    : [{ kind: 'no-value', text: t(lang, 'noValue', { indicator: indicatorLabel() }), error: true }];
  renderNotices([...noValue, ...baseNotices(data), ...state.meshNotices, ...notices]);
  say(
    t(lang, 'shown', {
      count: formatNumber(lang, state.rows.length, 0),
      mesh: meshLabel(),
      indicator: indicatorLabel(),
    }),
  );
}

function renderTable(): void {
  const classification = state.rendered?.classification ?? null;
  const lang = state.lang;
  const body = $<HTMLTableSectionElement>('[data-testid="data-table"] tbody');
  $<HTMLElement>('#table-caption').textContent =
    `${indicatorLabel()}${indicatorUnit() ? ` (${indicatorUnit()})` : ''} — ${meshLabel()}`;
  const byCode = new Map(state.rows.map((row) => [row.unit.code, row]));
  body.replaceChildren(
    ...state.order.map((code) => {
      const row = byCode.get(code) as Row;
      const tr = document.createElement('tr');
      tr.dataset.code = code;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = row.unit.name;
      const codeCell = document.createElement('td');
      codeCell.textContent = code;
      const valueCell = document.createElement('td');
      valueCell.className = 'number';
      valueCell.textContent = row.value === null ? t(lang, 'noData') : formatValue(row.value);
      const classCell = document.createElement('td');
      classCell.textContent =
        row.value === null || !classification
          ? t(lang, 'noData')
          : (classification.classes[classification.classOf(row.value)]?.label[lang] ?? '');
      tr.append(th, codeCell, valueCell, classCell);
      return tr;
    }),
  );
}

// — tooltips: hover and keyboard focus —

function shapeOf(target: EventTarget | null): SVGPathElement | null {
  const element = target instanceof Element ? target.closest('path[data-code]') : null;
  return element instanceof SVGPathElement && element.closest('[data-layer="units"]') ? element : null;
}

function showTooltip(path: SVGPathElement, x?: number, y?: number): void {
  const row = state.rows.find((r) => r.unit.code === path.dataset.code);
  if (!row) return;
  tooltip.textContent = describe(row);
  tooltip.hidden = false;
  const box = path.getBoundingClientRect();
  tooltip.style.left = `${Math.round((x ?? box.left + box.width / 2) + 12)}px`;
  tooltip.style.top = `${Math.round((y ?? box.top + box.height / 2) + 12)}px`;
  tooltip.dataset.code = row.unit.code;
}

function hideTooltip(): void {
  tooltip.hidden = true;
  delete tooltip.dataset.code;
}

mapBox.addEventListener('mousemove', (event) => {
  const path = shapeOf(event.target);
  if (path) showTooltip(path, event.clientX, event.clientY);
  else if (!mapBox.contains(document.activeElement)) hideTooltip();
});
mapBox.addEventListener('mouseleave', () => {
  if (!mapBox.contains(document.activeElement)) hideTooltip();
});
mapBox.addEventListener('focusin', (event) => {
  const path = shapeOf(event.target);
  if (path) showTooltip(path);
});
mapBox.addEventListener('focusout', hideTooltip);

function focusShape(code: string): SVGPathElement | null {
  const index = state.order.indexOf(code);
  if (index < 0) return null;
  state.focusIndex = index;
  let target: SVGPathElement | null = null;
  for (const path of mapBox.querySelectorAll<SVGPathElement>(unitsSelector)) {
    const here = path.dataset.code === code;
    path.setAttribute('tabindex', here ? '0' : '-1');
    if (here) target = path;
  }
  target?.focus();
  return target;
}

mapBox.addEventListener('keydown', (event) => {
  if (!shapeOf(event.target)) return;
  const last = state.order.length - 1;
  const moves: Record<string, number> = {
    ArrowRight: state.focusIndex + 1,
    ArrowDown: state.focusIndex + 1,
    ArrowLeft: state.focusIndex - 1,
    ArrowUp: state.focusIndex - 1,
    Home: 0,
    End: last,
  };
  const next = moves[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const code = state.order[Math.max(0, Math.min(last, next))];
  if (code) focusShape(code);
});

// — search —

const normalise = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();

interface Hit {
  kind: 'commune' | 'epci';
  code: string;
  name: string;
  communes: readonly string[];
}

function search(query: string): Hit[] {
  const wanted = normalise(query);
  if (wanted.length < 2) return [];
  const communes: Hit[] = searchCommunes(query, { limit: 6 }).map((c) => ({
    kind: 'commune',
    code: c.code,
    name: c.name,
    communes: [c.code],
  }));
  const found: Hit[] = epcis()
    .filter((e) => normalise(e.name).includes(wanted))
    .slice(0, 4)
    .map((e) => ({ kind: 'epci', code: e.siren, name: e.name, communes: e.members }));
  return [...communes, ...found];
}

/** The units of the map that hold a search hit (the hit itself, or the units its communes are in). */
function unitsOfHit(hit: Hit): string[] {
  const sameKind =
    (state.mesh === 'communes' && hit.kind === 'commune') || (state.mesh === 'epci' && hit.kind === 'epci');
  if (sameKind && state.rows.some((row) => row.unit.code === hit.code)) return [hit.code];
  const members = new Set(hit.communes);
  return state.rows
    .filter((row) => [...row.unit.communes, ...row.unit.missing].some((code) => members.has(code)))
    .map((row) => row.unit.code);
}

function pick(hit: Hit): void {
  const codes = unitsOfHit(hit);
  for (const path of mapBox.querySelectorAll<SVGPathElement>(unitsSelector))
    path.classList.toggle('found', codes.includes(path.dataset.code ?? ''));
  const first = codes[0];
  if (!first) {
    say(t(state.lang, 'notShown', { name: hit.name, code: hit.code }));
    return;
  }
  const row = state.rows.find((r) => r.unit.code === first) as Row;
  focusShape(first);
  // the unit itself: its value; a commune or an EPCI inside another unit: which unit, and its value
  say(
    first === hit.code
      ? describe(row)
      : t(state.lang, 'found', { name: hit.name, code: hit.code, value: describe(row) }),
  );
}

const searchInput = $<HTMLInputElement>('#search');
searchInput.addEventListener('input', () => {
  const hits = search(searchInput.value);
  const list = $<HTMLUListElement>('#search-results');
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.code = hit.code;
      button.dataset.kind = hit.kind;
      button.textContent = `${hit.name} (${hit.code}) — ${t(state.lang, hit.kind === 'commune' ? 'communeKind' : 'epciKind')}`;
      button.addEventListener('click', () => pick(hit));
      item.append(button);
      return item;
    }),
  );
  $<HTMLElement>('#search-count').textContent =
    searchInput.value.trim().length < 2
      ? ''
      : hits.length
        ? t(state.lang, 'searchCount', { count: hits.length })
        : t(state.lang, 'noResult');
});
searchInput.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const hit = search(searchInput.value)[0];
  if (hit) pick(hit);
  else say(t(state.lang, 'noResult'));
});

// — downloads —

function baseName(): string {
  const indicator = state.indicator === 'csv' ? 'valeurs' : state.indicator;
  return `explorateur-${state.mesh}-${indicator}`;
}

function csvField(text: string): string {
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function classOf(value: number | null): { index: number; label: string; colour: string } {
  const classification = state.rendered?.classification ?? null;
  if (!classification || value === null)
    return { index: -1, label: t(state.lang, 'noData'), colour: classification?.noData.colour ?? '' };
  const index = classification.classOf(value);
  return {
    index,
    label: classification.classes[index]?.label[state.lang] ?? '',
    colour: classification.colourOf(value),
  };
}

function csvText(): string {
  const header = ['code', 'name', 'value', 'class', 'class_label', 'colour'];
  const lines = state.rows.map((row) => {
    const klass = classOf(row.value);
    return [
      row.unit.code,
      row.unit.name,
      row.value === null ? '' : String(row.value),
      String(klass.index),
      klass.label,
      klass.colour,
    ]
      .map(csvField)
      .join(',');
  });
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

function geojsonText(): string {
  const data = state.data as ExplorerData;
  return JSON.stringify({
    type: 'FeatureCollection',
    metadata: {
      mesh: meshLabel(),
      indicator: indicatorLabel(),
      unit: indicatorUnit() ?? null,
      source: sourceLine(data),
      geometry: 'simplified for display (the shapes shown on the page)',
    },
    features: state.rows.map((row) => {
      const klass = classOf(row.value);
      return {
        type: 'Feature',
        properties: {
          code: row.unit.code,
          name: row.unit.name,
          value: row.value,
          class: klass.index < 0 ? null : klass.index,
          classLabel: klass.label,
          colour: klass.colour,
        },
        geometry: row.unit.geometry,
      };
    }),
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-download]')) {
  button.addEventListener('click', async () => {
    const rendered = state.rendered;
    if (!rendered) return;
    const format = button.dataset.download;
    const file = `${baseName()}.${format}`;
    if (format === 'svg') downloadBlob(file, new Blob([rendered.svg], { type: 'image/svg+xml' }));
    else if (format === 'png')
      downloadBlob(file, await pngFromSvg(rendered.svg, rendered.width, rendered.height, 2));
    else if (format === 'csv') downloadBlob(file, new Blob([`\uFEFF${csvText()}`], { type: 'text/csv' }));
    else if (format === 'geojson')
      downloadBlob(file, new Blob([geojsonText()], { type: 'application/geo+json' }));
    say(t(state.lang, 'downloaded', { file }));
  });
}

// — dropped and chosen files —

async function readMesh(file: File): Promise<void> {
  const lang = state.lang;
  try {
    const xlsx = /\.xlsx$/i.test(file.name);
    const label = file.name.replace(/\.[^.]+$/, '');
    const result = loadMesh(xlsx ? new Uint8Array(await file.arrayBuffer()) : await file.text(), {
      id: `loaded-${label}`,
      label,
    });
    state.loadedMesh = result.mesh;
    unitCache.delete('loaded');
    const notices: Notice[] = [
      {
        kind: 'mesh-loaded',
        text: t(lang, 'meshLoaded', { label, units: result.mesh.units.length }),
      },
    ];
    if (result.diagnostics.length) {
      const list = result.diagnostics.map((d) =>
        d.line ? `${t(lang, 'line')} ${d.line} : ${d.message}` : d.message,
      );
      notices.push({
        kind: 'mesh-diagnostics',
        text: t(lang, 'meshDiagnostics', { count: list.length, list: shortList(lang, list, 3) }),
        full: list,
      });
    }
    if (result.uncovered.length)
      notices.push({
        kind: 'mesh-uncovered',
        text: t(lang, 'meshUncovered', {
          count: result.uncovered.length,
          codes: shortList(lang, result.uncovered),
        }),
        full: result.uncovered,
      });
    if (result.droppedUnits.length)
      notices.push({
        kind: 'mesh-dropped',
        text: t(lang, 'meshDropped', {
          count: result.droppedUnits.length,
          codes: shortList(lang, result.droppedUnits),
        }),
        full: result.droppedUnits,
      });
    state.meshNotices = notices;
    const radio = $<HTMLInputElement>('input[name="mesh"][value="loaded"]');
    radio.disabled = false;
    radio.checked = true;
    $<HTMLElement>('#loaded-mesh-name').textContent = `(${label})`;
    state.mesh = 'loaded';
  } catch (error) {
    state.meshNotices = [
      {
        kind: 'mesh-error',
        text: t(lang, 'meshError', {
          file: file.name,
          message: error instanceof Error ? error.message : String(error),
        }),
        error: true,
      },
    ];
  }
  draw();
}

function fillColumns(table: CsvTable): void {
  for (const [selector, selected] of [
    ['#code-column', state.columns.code],
    ['#value-column', state.columns.value],
  ] as const) {
    const select = $<HTMLSelectElement>(selector);
    select.replaceChildren(
      ...table.columns.map((column, index) => {
        const option = document.createElement('option');
        option.value = String(index);
        option.textContent = column;
        option.selected = index === selected;
        return option;
      }),
    );
  }
  $<HTMLElement>('#columns').hidden = false;
}

async function readValues(file: File): Promise<void> {
  try {
    const table = parseCsv(file.name, await file.text());
    state.table = table;
    state.columns = defaultColumns(table);
    state.valuesNotices = [];
    fillColumns(table);
    const radio = $<HTMLInputElement>('input[name="indicator"][value="csv"]');
    radio.disabled = false;
    radio.checked = true;
    $<HTMLElement>('#values-name').textContent = `(${file.name})`;
    state.indicator = 'csv';
  } catch (error) {
    state.valuesNotices = [
      {
        kind: 'values-error',
        text: t(state.lang, 'valuesError', {
          file: file.name,
          message: error instanceof Error ? error.message : String(error),
        }),
        error: true,
      },
    ];
  }
  draw();
}

for (const [selector, key] of [
  ['#code-column', 'code'],
  ['#value-column', 'value'],
] as const) {
  $<HTMLSelectElement>(selector).addEventListener('change', (event) => {
    state.columns = { ...state.columns, [key]: Number((event.target as HTMLSelectElement).value) };
    state.valuesNotices = [];
    if (state.table) {
      state.indicator = 'csv';
      $<HTMLInputElement>('input[name="indicator"][value="csv"]').checked = true;
    }
    draw();
  });
}

$<HTMLInputElement>('#mesh-file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void readMesh(file);
});
$<HTMLInputElement>('#values-file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void readValues(file);
});
for (const zone of document.querySelectorAll<HTMLElement>('[data-drop]')) {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    if (zone.dataset.drop === 'mesh') void readMesh(file);
    else void readValues(file);
  });
}

// — settings —

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mesh"]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    state.mesh = radio.value as MeshKind;
    state.focusIndex = 0;
    state.valuesNotices = [];
    draw();
  });
}
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="indicator"]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    state.indicator = radio.value as IndicatorKind;
    state.valuesNotices = [];
    draw();
  });
}
const paletteSelect = $<HTMLSelectElement>('#palette');
paletteSelect.replaceChildren(
  ...paletteNames().map((name) => {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    option.selected = name === state.palette;
    return option;
  }),
);
paletteSelect.addEventListener('change', () => {
  state.palette = paletteSelect.value as PaletteName;
  draw();
});
$<HTMLSelectElement>('#method').addEventListener('change', (event) => {
  state.method = (event.target as HTMLSelectElement).value as ClassificationMethod;
  draw();
});
$<HTMLSelectElement>('#classes').addEventListener('change', (event) => {
  state.classes = Number((event.target as HTMLSelectElement).value);
  draw();
});

// — language —

function applyLanguage(): void {
  const lang = state.lang;
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    element.textContent = t(lang, element.dataset.i18n as Key);
  document.title = t(lang, 'title');
  const button = $<HTMLButtonElement>('#lang');
  button.textContent = lang === 'fr' ? 'EN' : 'FR';
  button.lang = lang === 'fr' ? 'en' : 'fr';
  // the accessible name starts with the visible text (WCAG 2.5.3, label in name)
  button.setAttribute('aria-label', `${button.textContent} — ${t(lang, 'langSwitch')}`);
  if (state.data) {
    const bytes = $<HTMLElement>('[data-testid="data-bytes"]');
    bytes.dataset.bytes = String(state.data.bytes);
    bytes.textContent = t(lang, 'bytes', {
      bytes: formatNumber(lang, state.data.bytes, 0),
      kept: formatNumber(lang, state.data.metadata.points.kept, 0),
      total: formatNumber(lang, state.data.metadata.points.total, 0),
    });
    const source = $<HTMLElement>('[data-testid="data-source"]');
    source.dataset.source = state.data.metadata.source;
    source.textContent = `${t(lang, 'dataSource')}${lang === 'fr' ? '\u202f' : ''}: ${contoursText(state.data)}`;
  }
}

$<HTMLButtonElement>('#lang').addEventListener('click', () => {
  state.lang = state.lang === 'fr' ? 'en' : 'fr';
  applyLanguage();
  draw();
});

async function start(): Promise<void> {
  applyLanguage();
  try {
    state.data = await loadExplorerData();
  } catch (error) {
    mapBox.setAttribute('aria-busy', 'false');
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.textContent = error instanceof Error ? error.message : String(error);
    mapBox.replaceChildren(alert);
    document.body.dataset.ready = 'error';
    return;
  }
  applyLanguage();
  draw();
  document.body.dataset.ready = 'true';
}

void start();
