/**
 * The ITIE simulator: one question at a time from `nextQuestions`, the verdict and its reasons updated
 * live (an `aria-live` region), back and forward, the territory found by commune or EPCI name, labelled
 * choices, French and English, and the application downloadable as JSON.
 */
import { checkApplication, itieEvaluator, itieRuleSets } from 'cprdfop/itie';
import { fieldIndex, type NextQuestion, nextQuestions } from 'cprdfop/rules';
import { epcis, searchCommunes } from 'cprdfop/territory';

type Lang = 'fr' | 'en';
type Application = Record<string, unknown>;

const TEXT = {
  fr: {
    title: 'Simulateur d’éligibilité ITIE',
    back: 'Précédent',
    forward: 'Suivant',
    answer: 'Valider',
    download: 'Télécharger le dossier (JSON)',
    yes: 'Oui',
    no: 'Non',
    search: 'Nom de la commune ou de l’EPCI',
    results: 'Territoires trouvés',
    none: 'Aucun territoire trouvé\u00a0: saisissez au moins deux lettres.',
    done: 'Questionnaire terminé\u00a0: plus aucune réponse ne peut changer le verdict.',
    verdict: {
      eligible: 'Éligible',
      ineligible: 'Inéligible',
      undetermined: 'Verdict provisoire\u00a0: à déterminer',
    },
    met: (passed: number, total: number, open: number) =>
      `${passed} critère(s) rempli(s) sur ${total}, ${open} à trancher.`,
    choose: 'Choisissez une réponse.',
    partners: 'Ajoutez chaque structure partenaire (aucune\u00a0: validez la liste vide).',
    partner: (number: number) => `Partenaire ${number}`,
    partnerName: 'Nom du partenaire',
    partnerType: 'Type de partenaire',
    partnerSiret: 'SIRET (facultatif, 14 chiffres)',
    chooseType: '— Choisissez un type —',
    addPartner: 'Ajouter un partenaire',
    removePartner: (number: number) => `Retirer le partenaire ${number}`,
    partnerMissing: (number: number) => `Partenaire ${number}\u00a0: indiquez son nom et son type.`,
  },
  en: {
    title: 'ITIE eligibility simulator',
    back: 'Back',
    forward: 'Forward',
    answer: 'Answer',
    download: 'Download the application (JSON)',
    yes: 'Yes',
    no: 'No',
    search: 'Name of the commune or EPCI',
    results: 'Territories found',
    none: 'No territory found: type at least two letters.',
    done: 'Questionnaire complete: no answer can change the verdict any more.',
    verdict: { eligible: 'Eligible', ineligible: 'Ineligible', undetermined: 'Verdict so far: undetermined' },
    met: (passed: number, total: number, open: number) =>
      `${passed} of ${total} criteria met, ${open} undecided.`,
    choose: 'Choose an answer.',
    partners: 'Add each partner organisation (none: submit the empty list).',
    partner: (number: number) => `Partner ${number}`,
    partnerName: 'Name of the partner',
    partnerType: 'Kind of partner',
    partnerSiret: 'SIRET number (optional, 14 digits)',
    chooseType: '— Choose a kind —',
    addPartner: 'Add a partner',
    removePartner: (number: number) => `Remove partner ${number}`,
    partnerMissing: (number: number) => `Partner ${number}: give its name and kind.`,
  },
} as const;

/** Answers tried to prove that the territory matters (a commune in the region, one outside). */
const SAMPLES = { territory: [{ communes: ['02408'] }, { communes: ['75056'] }] };
const ruleSet = itieRuleSets().at(-1)!;
const evaluator = itieEvaluator(ruleSet);
const index = fieldIndex(ruleSet);

let lang: Lang = 'fr';
let history: Application[] = [{}];
let position = 0;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('question');
const verdict = byId<HTMLElement>('verdict');

function withValue(application: Application, path: string, value: unknown): Application {
  const dot = path.indexOf('.');
  if (dot < 0) return { ...application, [path]: value };
  const head = path.slice(0, dot);
  const inner = application[head];
  const object = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? inner : {};
  return { ...application, [head]: withValue(object as Application, path.slice(dot + 1), value) };
}

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key.startsWith('data-') || key.startsWith('aria-') || key === 'for' || key === 'role')
      node.setAttribute(key, String(value));
    else (node as unknown as Record<string, unknown>)[key] = value;
  }
  node.append(...children);
  return node;
};

/** A group of radio buttons or checkboxes. */
function choices(
  name: string,
  type: 'radio' | 'checkbox',
  options: { value: string; text: string }[],
): HTMLElement[] {
  return options.map((option, position) =>
    element(
      'label',
      {},
      element('input', { type, name, value: option.value, id: `${name}-${position}` }),
      ` ${option.text}`,
    ),
  );
}

/** An answer that cannot be taken as it is, with the message saying why. */
class AnswerError extends Error {}

interface Partner {
  name: string;
  type: string;
  siret?: string;
}

/**
 * The partners: a list of rows (name, kind, optional SIRET), each with its remove button, and an add
 * button; several partners may share a kind. Adding moves the focus to the new row's name, removing to
 * the add button; the rows are numbered in their legends and buttons for screen readers.
 */
function partnerList(name: string, text: (typeof TEXT)[Lang]): { nodes: HTMLElement[]; read: () => unknown } {
  const kinds = index.get(`${name}[].type`)?.values ?? [];
  const rows = element('div', { 'data-testid': 'partners' });
  const add = element('button', { type: 'button', 'data-testid': 'add-partner' }, text.addPartner);
  const current = history[position]![name];
  const initial = Array.isArray(current) ? (current as Partner[]) : [];
  const renumber = () => {
    [...rows.children].forEach((row, rowIndex) => {
      const number = rowIndex + 1;
      row.querySelector('legend')!.textContent = text.partner(number);
      const remove = row.querySelector<HTMLButtonElement>('button')!;
      remove.textContent = text.removePartner(number);
      for (const field of ['name', 'type', 'siret']) {
        const input = row.querySelector<HTMLElement>(`[data-field="${field}"]`)!;
        const label = row.querySelector<HTMLLabelElement>(`label[data-for="${field}"]`)!;
        input.id = `${name}-${rowIndex}-${field}`;
        label.htmlFor = input.id;
      }
    });
  };
  const addRow = (partner?: Partner) => {
    const nameInput = element('input', { type: 'text', 'data-field': 'name', value: partner?.name ?? '' });
    const typeSelect = element(
      'select',
      { 'data-field': 'type' },
      element('option', { value: '' }, text.chooseType),
      ...kinds.map((kind) => element('option', { value: kind.value }, kind.label[lang])),
    );
    typeSelect.value = partner?.type ?? '';
    const siretInput = element('input', {
      type: 'text',
      'data-field': 'siret',
      inputMode: 'numeric',
      autocomplete: 'off',
      value: partner?.siret ?? '',
    });
    const remove = element('button', { type: 'button', 'data-testid': 'remove-partner' });
    const row = element(
      'fieldset',
      { className: 'partner', 'data-testid': 'partner' },
      element('legend', {}),
      element('label', { 'data-for': 'name' }, text.partnerName),
      nameInput,
      element('label', { 'data-for': 'type' }, text.partnerType),
      typeSelect,
      element('label', { 'data-for': 'siret' }, text.partnerSiret),
      siretInput,
      remove,
    );
    remove.addEventListener('click', () => {
      row.remove();
      renumber();
      add.focus();
    });
    rows.append(row);
    renumber();
    return nameInput;
  };
  for (const partner of initial) addRow(partner);
  add.addEventListener('click', () => addRow().focus());
  return {
    nodes: [element('p', {}, text.partners), rows, add],
    read: () =>
      [...rows.children].map((row, rowIndex) => {
        const value = (field: string) =>
          row.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${field}"]`)!.value.trim();
        if (!value('name') || !value('type')) throw new AnswerError(text.partnerMissing(rowIndex + 1));
        const partner: Partner = { name: value('name'), type: value('type') };
        if (value('siret')) partner.siret = value('siret').replace(/\s+/g, '');
        return partner;
      }),
  };
}

/** The widget of one question, and how to read its answer (`undefined`: nothing chosen). */
function widget(question: NextQuestion): { nodes: HTMLElement[]; read: () => unknown } {
  const name = question.path;
  const text = TEXT[lang];
  const checked = (kind: string) =>
    [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)]
      .map((input) => input.value)
      .filter((v) => kind === 'any' || v);
  switch (question.type) {
    case 'enum':
      return {
        nodes: choices(
          name,
          'radio',
          question.values!.map((value) => ({ value: value.value, text: value.text })),
        ),
        read: () => checked('any')[0],
      };
    case 'set':
      return {
        nodes: choices(
          name,
          'checkbox',
          question.values!.map((value) => ({ value: value.value, text: value.text })),
        ),
        read: () => checked('any'),
      };
    case 'boolean':
      return {
        nodes: choices(name, 'radio', [
          { value: 'true', text: text.yes },
          { value: 'false', text: text.no },
        ]),
        read: () => (checked('any')[0] === undefined ? undefined : checked('any')[0] === 'true'),
      };
    case 'list':
      return partnerList(name, text);
    case 'territory': {
      const search = element('input', { type: 'search', id: `${name}-search`, autocomplete: 'off' });
      const results = element(
        'fieldset',
        { 'data-testid': 'territories' },
        element('legend', {}, text.results),
      );
      const refresh = () => {
        for (const node of [...results.querySelectorAll('label, p')]) node.remove();
        const term = search.value.trim();
        const folded = term
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toLowerCase();
        const found =
          term.length < 2
            ? []
            : [
                ...searchCommunes(term, { limit: 8 }).map((found) => ({
                  value: `communes:${found.code}`,
                  text: `${found.name} (${found.code})`,
                })),
                ...epcis()
                  .filter((epci) =>
                    epci.name
                      .normalize('NFD')
                      .replace(/\p{Diacritic}/gu, '')
                      .toLowerCase()
                      .includes(folded),
                  )
                  .slice(0, 5)
                  .map((epci) => ({
                    value: `epcis:${epci.siren}`,
                    text: `${epci.name} (EPCI ${epci.siren})`,
                  })),
              ];
        if (!found.length) results.append(element('p', {}, text.none));
        results.append(...choices(name, 'radio', found));
      };
      search.addEventListener('input', refresh);
      refresh();
      return {
        nodes: [element('label', { for: `${name}-search` }, text.search), search, results],
        read: () => {
          const chosen = checked('any')[0];
          if (!chosen) return undefined;
          const [kind, code] = chosen.split(':') as [string, string];
          return { [kind]: [code] };
        },
      };
    }
    default: {
      const numeric = ['integer', 'decimal', 'money', 'percent'].includes(question.type ?? '');
      const input = element('input', {
        id: `${name}-input`,
        type: question.type === 'date' ? 'date' : numeric ? 'number' : 'text',
        ...(numeric ? { step: question.type === 'integer' ? '1' : 'any', inputMode: 'decimal' } : {}),
        ...(question.min !== null ? { min: String(question.min) } : {}),
        ...(question.max !== null ? { max: String(question.max) } : {}),
      });
      const unit = question.unit ? ` (${question.unit})` : '';
      return {
        nodes: [element('label', { for: `${name}-input` }, `${question.text}${unit}`), input],
        read: () => {
          const value = input.value.trim();
          if (!value) return undefined;
          return numeric ? Number(value) : value;
        },
      };
    }
  }
}

function renderVerdict(application: Application): void {
  const text = TEXT[lang];
  const result = checkApplication(application);
  verdict.replaceChildren();
  if (!result.ok) {
    verdict.append(element('p', { className: 'error' }, result.issues[0]!.message));
    return;
  }
  const explanation = result.explanation;
  verdict.dataset.verdict = explanation.verdict;
  const passed = explanation.criteria.filter((criterion) => criterion.status === 'pass').length;
  const open = explanation.criteria.filter((criterion) => criterion.status === 'unknown').length;
  const reasons = explanation.criteria.filter((criterion) =>
    explanation.verdict === 'ineligible' ? criterion.status === 'fail' : explanation.verdict === 'eligible',
  );
  verdict.append(
    element('h2', {}, text.verdict[explanation.verdict]),
    element('p', {}, text.met(passed, explanation.criteria.length, open)),
    element(
      'ul',
      {},
      ...reasons.map((criterion) =>
        element('li', { 'data-criterion': criterion.id }, criterion.message[lang]),
      ),
    ),
  );
}

function render(focus = false): void {
  const text = TEXT[lang];
  document.documentElement.lang = lang;
  byId('title').textContent = text.title;
  document.title = text.title;
  byId('back').textContent = text.back;
  byId('forward').textContent = text.forward;
  byId('download').textContent = text.download;
  (byId('back') as HTMLButtonElement).disabled = position === 0;
  (byId('forward') as HTMLButtonElement).disabled = position === history.length - 1;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]'))
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  const application = history[position]!;
  renderVerdict(application);
  const [question] = nextQuestions(evaluator, application, { lang, limit: 1, samples: SAMPLES });
  form.replaceChildren();
  if (!question) {
    form.dataset.path = '';
    form.append(element('p', { 'data-testid': 'done' }, text.done));
    return;
  }
  form.dataset.path = question.path;
  const { nodes, read } = widget(question);
  const grouped = !['integer', 'decimal', 'money', 'percent', 'date', 'string'].includes(question.type ?? '');
  const error = element('p', { className: 'error', role: 'alert', id: 'answer-error' });
  if (grouped) form.append(element('fieldset', {}, element('legend', {}, question.text), ...nodes));
  else form.append(...nodes);
  form.append(error, element('button', { type: 'submit', 'data-testid': 'answer' }, text.answer));
  form.onsubmit = (event) => {
    event.preventDefault();
    let value: unknown;
    try {
      value = read();
    } catch (problem) {
      if (!(problem instanceof AnswerError)) throw problem;
      error.textContent = problem.message;
      return;
    }
    if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
      error.textContent = text.choose;
      return;
    }
    const candidate = withValue(application, question.path, value);
    const checked = checkApplication(candidate);
    if (!checked.ok) {
      error.textContent = checked.issues[0]!.message;
      return;
    }
    history = [...history.slice(0, position + 1), candidate];
    position++;
    render(true);
  };
  if (focus) form.querySelector<HTMLElement>('input, button')?.focus();
}

byId('back').addEventListener('click', () => {
  if (position > 0) position--;
  render(true);
});
byId('forward').addEventListener('click', () => {
  if (position < history.length - 1) position++;
  render(true);
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]'))
  button.addEventListener('click', () => {
    lang = button.dataset.lang as Lang;
    render();
  });
byId('download').addEventListener('click', () => {
  const blob = new Blob([`${JSON.stringify(history[position], null, 2)}\n`], { type: 'application/json' });
  const link = element('a', { href: URL.createObjectURL(blob), download: 'candidature-itie.json' });
  document.body.append(link);
  link.click();
  link.remove();
});
render();
document.body.dataset.ready = 'true';
