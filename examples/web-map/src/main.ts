import { LegalForm, PartnerType, TargetPublic, Theme } from 'cprdfop/itie';
import { commune, epci } from 'cprdfop/territory';
import { type ApplicationInput, evaluateApplication } from './evaluate.js';
import { type Lang, t, translatePage } from './i18n.js';
import { loadMapData, type MapData, type Mode, mapSvg } from './map.js';
import { LEGAL_FORMS, labelOf, PUBLICS, SAMPLE, THEMES } from './sample.js';

const $ = <T extends Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`missing element ${selector}`);
  return el;
};

const state = {
  lang: 'fr' as Lang,
  mode: 'epci' as Mode,
  epcis: new Set<string>(),
  communes: new Set<string>(),
  data: null as MapData | null,
};

const form = $<HTMLFormElement>('#application');
const mapBox = $<HTMLDivElement>('#map');

// ---------------------------------------------------------------- form

type Labels = Record<string, { fr: string; en: string }>;

function checkboxes(box: HTMLFieldSetElement, name: string, codes: readonly string[], labels: Labels) {
  box.querySelectorAll('label').forEach((l) => {
    l.remove();
  });
  for (const value of codes) {
    const l = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = name;
    input.value = value;
    l.append(input, ` ${labelOf(labels, value, state.lang)}`);
    l.dataset.value = value;
    box.append(l);
  }
}

function relabelCheckboxes(box: HTMLFieldSetElement, labels: Labels) {
  for (const l of box.querySelectorAll<HTMLLabelElement>('label[data-value]')) {
    const input = l.querySelector('input');
    if (input) l.replaceChildren(input, ` ${labelOf(labels, l.dataset.value ?? '', state.lang)}`);
  }
}

function legalForms(): void {
  const select = $<HTMLSelectElement>('#f-carrier-form');
  const value = select.value;
  const empty = document.createElement('option');
  empty.value = '';
  empty.textContent = '—';
  select.replaceChildren(
    empty,
    ...LegalForm.options.map((code) => {
      const o = document.createElement('option');
      o.value = code;
      o.textContent = labelOf(LEGAL_FORMS, code, state.lang);
      return o;
    }),
  );
  select.value = value;
  $<HTMLSpanElement>('#partner-types').textContent = PartnerType.options.join(', ');
}

function field(name: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  const el = form.elements.namedItem(name);
  if (
    !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)
  )
    throw new Error(`no field ${name}`);
  return el;
}

function fillSample(): void {
  field('title').value = SAMPLE.title;
  field('carrier.name').value = SAMPLE.carrier.name;
  field('carrier.legalForm').value = SAMPLE.carrier.legalForm;
  field('carrier.commune').value = SAMPLE.carrier.commune;
  field('partners').value = SAMPLE.partners.map((p) => `${p.name} ; ${p.type}`).join('\n');
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    const list = input.name === 'publics' ? SAMPLE.publics : SAMPLE.themes;
    input.checked = list.includes(input.value);
  }
  field('budget.total').value = String(SAMPLE.budget.total);
  field('budget.requested').value = String(SAMPLE.budget.requested);
  field('schedule.start').value = SAMPLE.schedule.start;
  field('schedule.end').value = SAMPLE.schedule.end;
  field('submittedOn').value = SAMPLE.submittedOn;
}

/** The application JSON from the form and the map selection; empty fields are left out (→ `missing`). */
function application(): ApplicationInput {
  const text = (name: string): string | undefined => field(name).value.trim() || undefined;
  const num = (name: string): number | undefined => {
    const v = field(name).value.trim();
    return v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
  };
  const checked = (name: string) =>
    [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);
  const partners = (field('partners').value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', type = ''] = line.split(';').map((s) => s.trim());
      return type ? { name, type } : { name };
    });
  const app: ApplicationInput = {
    title: text('title'),
    carrier: {
      name: text('carrier.name'),
      legalForm: text('carrier.legalForm'),
      commune: text('carrier.commune'),
    },
    partners,
    publics: checked('publics'),
    themes: checked('themes'),
    budget: { total: num('budget.total'), requested: num('budget.requested') },
    schedule: { start: text('schedule.start'), end: text('schedule.end') },
    submittedOn: text('submittedOn'),
  };
  if (state.epcis.size || state.communes.size) {
    app.territory = {
      communes: [...state.communes].sort(),
      epcis: [...state.epcis].sort(),
      arrondissements: [],
      departements: [],
    };
  }
  return JSON.parse(JSON.stringify(app)) as ApplicationInput; // drops undefined fields
}

// ---------------------------------------------------------------- verdict

function li(text: string): HTMLLIElement {
  const el = document.createElement('li');
  el.textContent = text;
  return el;
}

function renderVerdict(): void {
  const out = evaluateApplication(application(), state.lang, state.data?.contiguity);
  const verdict = $<HTMLParagraphElement>('#verdict');
  const ruleSet = $<HTMLParagraphElement>('[data-testid="ruleset"]');
  const issues = $<HTMLUListElement>('#issues');
  const body = $<HTMLTableSectionElement>('[data-testid="criteria"] tbody');
  const missing = $<HTMLUListElement>('#missing');
  const assumptions = $<HTMLUListElement>('#assumptions');
  const kind = out.kind === 'invalid' ? 'invalid' : out.verdict;
  verdict.textContent = t(state.lang, `verdict.${kind}`);
  verdict.dataset.verdict = kind;
  if (out.kind === 'invalid') {
    issues.hidden = false;
    issues.replaceChildren(...out.issues.map(li));
    ruleSet.textContent = '';
    body.replaceChildren();
    missing.replaceChildren();
    assumptions.replaceChildren();
    return;
  }
  issues.hidden = true;
  issues.replaceChildren();
  ruleSet.textContent = `${t(state.lang, 'ruleSet')} ${out.ruleSet}, ${out.asOf ? `${t(state.lang, 'asOf')} ${out.asOf}` : t(state.lang, 'noDate')}`;
  body.replaceChildren(
    ...out.criteria.map((c) => {
      const tr = document.createElement('tr');
      tr.dataset.criterion = c.id;
      tr.dataset.status = c.status;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = c.label;
      const status = document.createElement('td');
      status.className = `status status-${c.status}`;
      status.textContent = t(state.lang, `status.${c.status}`);
      const message = document.createElement('td');
      message.textContent = c.message;
      tr.append(th, status, message);
      return tr;
    }),
  );
  missing.replaceChildren(...(out.missing.length ? out.missing.map(li) : [li(t(state.lang, 'none'))]));
  assumptions.replaceChildren(
    ...(out.assumptions.length ? out.assumptions.map(li) : [li(t(state.lang, 'none'))]),
  );
}

// ---------------------------------------------------------------- map

function selectedIn(mode: Mode): Set<string> {
  return mode === 'epci' ? state.epcis : state.communes;
}

/** Syncs the shapes' `aria-pressed`/classes and the selection list with the state. */
function renderSelection(): void {
  const covered = new Set<string>(); // communes of selected EPCI, EPCI of selected communes
  if (state.mode === 'communes') {
    for (const s of state.epcis) for (const c of epci(s)?.members ?? []) covered.add(c);
  } else {
    for (const c of state.communes) {
      const e = commune(c)?.commune.epci;
      if (e) covered.add(e);
    }
  }
  const selected = selectedIn(state.mode);
  for (const path of mapBox.querySelectorAll<SVGPathElement>('[data-layer="units"] path[data-code]')) {
    const code = path.dataset.code ?? '';
    const on = selected.has(code);
    path.setAttribute('aria-pressed', String(on));
    path.classList.toggle('selected', on);
    path.classList.toggle('covered', !on && covered.has(code));
  }
  const list = $<HTMLUListElement>('#selection');
  const items: HTMLLIElement[] = [];
  const add = (kind: 'epci' | 'communes', code: string, label: string) => {
    const item = document.createElement('li');
    item.dataset.kind = kind;
    item.dataset.code = code;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'remove';
    button.textContent = '×';
    button.setAttribute('aria-label', `${t(state.lang, 'remove')} ${label}`);
    button.addEventListener('click', () => toggle(kind, code));
    item.append(`${label} `, button);
    items.push(item);
  };
  for (const s of [...state.epcis].sort()) add('epci', s, `${epci(s)?.name ?? s} (${s})`);
  for (const c of [...state.communes].sort()) add('communes', c, `${commune(c)?.commune.name ?? c} (${c})`);
  list.replaceChildren(...(items.length ? items : [li(t(state.lang, 'emptySelection'))]));
}

function toggle(kind: Mode, code: string): void {
  const set = selectedIn(kind);
  if (set.has(code)) set.delete(code);
  else set.add(code);
  renderSelection();
  renderVerdict();
}

function drawMap(): void {
  const data = state.data;
  if (!data) return;
  const title = t(state.lang, state.mode === 'epci' ? 'mapTitleEpci' : 'mapTitleCommunes');
  mapBox.innerHTML = mapSvg(data, state.mode, title);
  const svg = mapBox.querySelector('svg');
  if (svg) {
    // renderSvg draws a static image (role="img"): the shapes become buttons here, so the map is a group.
    svg.setAttribute('role', 'group');
    svg.removeAttribute('width');
    svg.removeAttribute('height');
  }
  for (const path of mapBox.querySelectorAll<SVGPathElement>('[data-layer="units"] path[data-code]')) {
    path.setAttribute('tabindex', '0');
    path.setAttribute('role', 'button');
    const name = path.querySelector('title')?.textContent ?? path.dataset.code ?? '';
    path.setAttribute('aria-label', name);
  }
  mapBox.dataset.mode = state.mode;
  mapBox.dataset.shapes = String(mapBox.querySelectorAll('[data-layer="units"] path[data-code]').length);
  mapBox.setAttribute('aria-busy', 'false');
  renderSelection();
}

function shapeOf(target: EventTarget | null): SVGPathElement | null {
  const el = target instanceof Element ? target.closest('path[data-code]') : null;
  return el instanceof SVGPathElement && el.closest('[data-layer="units"]') ? el : null;
}

mapBox.addEventListener('click', (event) => {
  const path = shapeOf(event.target);
  if (path?.dataset.code) toggle(state.mode, path.dataset.code);
});
mapBox.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const path = shapeOf(event.target);
  if (!path?.dataset.code) return;
  event.preventDefault();
  toggle(state.mode, path.dataset.code);
  // keep the keyboard focus on the same shape
  mapBox
    .querySelector<SVGPathElement>(`[data-layer="units"] path[data-code="${path.dataset.code}"]`)
    ?.focus();
});

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    state.mode = radio.value === 'communes' ? 'communes' : 'epci';
    drawMap();
  });
}

$<HTMLButtonElement>('#clear').addEventListener('click', () => {
  state.epcis.clear();
  state.communes.clear();
  renderSelection();
  renderVerdict();
});

// ---------------------------------------------------------------- language

function setLang(lang: Lang): void {
  state.lang = lang;
  document.documentElement.lang = lang;
  translatePage(document, lang);
  const button = $<HTMLButtonElement>('#lang');
  button.textContent = lang === 'fr' ? 'EN' : 'FR';
  button.setAttribute('aria-label', lang === 'fr' ? 'Switch to English' : 'Passer en français');
  relabelCheckboxes($<HTMLFieldSetElement>('#f-publics'), PUBLICS);
  relabelCheckboxes($<HTMLFieldSetElement>('#f-themes'), THEMES);
  legalForms();
  if (state.data) {
    $<HTMLParagraphElement>('[data-testid="contours-source"]').textContent = t(
      lang,
      `source.${state.data.source}`,
    );
    drawMap();
  }
  renderVerdict();
}

$<HTMLButtonElement>('#lang').addEventListener('click', () => setLang(state.lang === 'fr' ? 'en' : 'fr'));

// ---------------------------------------------------------------- start

checkboxes($<HTMLFieldSetElement>('#f-publics'), 'publics', TargetPublic.options, PUBLICS);
checkboxes($<HTMLFieldSetElement>('#f-themes'), 'themes', Theme.options, THEMES);
legalForms();
fillSample();
form.addEventListener('input', renderVerdict);
form.addEventListener('change', renderVerdict);
$<HTMLButtonElement>('#reset').addEventListener('click', () => {
  fillSample();
  renderVerdict();
});
renderSelection();
renderVerdict();

loadMapData().then(
  (data) => {
    state.data = data;
    const source = $<HTMLParagraphElement>('[data-testid="contours-source"]');
    source.dataset.source = data.source;
    source.textContent = t(state.lang, `source.${data.source}`);
    drawMap();
    // the contours are here: the territory must now be contiguous (MEL + Creil Sud Oise is not)
    renderVerdict();
    document.body.dataset.ready = 'true';
  },
  (error: unknown) => {
    mapBox.setAttribute('aria-busy', 'false');
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.dataset.testid = 'map-error';
    p.textContent = `${t(state.lang, 'mapError')}: ${error instanceof Error ? error.message : String(error)}`;
    mapBox.replaceChildren(p);
    document.body.dataset.ready = 'error';
  },
);
