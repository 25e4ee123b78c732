import { ISO_DATE_REASON, isIsoDate } from '../_shared/isoDate.js';
import { checkJsonSafety } from '../_shared/jsonSafety.js';
import type { FieldDeclaration } from './FieldDeclaration.js';
import type { RuleSet } from './RuleSet.js';
import type { RuleText } from './RuleText.js';

/**
 * One field of an application that is invalid or missing.
 * @category Declared fields
 */
export interface FieldIssue {
  /** Where, as a JSON pointer (RFC 6901) into the application, e.g. `/partners/2/type`. */
  pointer: string;
  /** The declared field, e.g. `partners[].type` (see `fieldIndex`); `""` for an undeclared property. */
  field: string;
  /** The field's label, when it is declared. */
  label: RuleText | null;
  /** The question a form asks for it, when declared. */
  question: RuleText | null;
  /** Why, in French and English. */
  reason: RuleText;
}

/**
 * The result of {@link validateApplication}: `invalid` lists the values that are present but wrong
 * (the application must be corrected), `missing` the declared fields that are absent (the application
 * is incomplete, which is not an error: the verdict is then at best `undetermined`).
 * @category Declared fields
 */
export interface ApplicationValidation {
  /** `true` when nothing is invalid (fields may still be missing). */
  valid: boolean;
  invalid: FieldIssue[];
  missing: FieldIssue[];
}

/** Limits applied before validation (an application is untrusted input). */
const LIMITS = { maxDepth: 32, maxNodes: 100_000 } as const;

const NNBSP = '\u202f';
const text = (fr: string, en: string): RuleText => ({ fr, en });
const list = (values: readonly string[]) => values.join(', ');

/** Escapes one JSON pointer token (RFC 6901). */
const token = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

type Json = unknown;
type Rec = Record<string, Json>;
const isRecord = (value: Json): value is Rec =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const REASONS = {
  object: text('un objet', 'an object'),
  null: text(
    `null n’est pas une réponse${NNBSP}: omettre le champ s’il est inconnu`,
    'null is not an answer: leave the field out when it is unknown',
  ),
  undeclared: text('champ non déclaré par le jeu de règles', 'not a field declared by the rule set'),
  missing: text('à renseigner', 'not answered yet'),
  integer: text('un nombre entier', 'a whole number'),
  decimal: text('un nombre', 'a number'),
  money: text('un montant (un nombre d’au plus 2 décimales)', 'an amount (a number with at most 2 decimals)'),
  percent: text(`un pourcentage (un nombre, 35 pour 35${NNBSP}%)`, 'a percentage (a number, 35 for 35 %)'),
  boolean: text('vrai ou faux (true ou false)', 'true or false'),
  string: text('un texte non vide', 'a non-empty text'),
  date: text(ISO_DATE_REASON.fr, ISO_DATE_REASON.en),
  list: text('une liste d’objets', 'a list of objects'),
  territory: text(
    `un territoire${NNBSP}: un objet { communes, epcis, arrondissements, departements } de listes de codes, avec au moins un code`,
    'a territory: an object { communes, epcis, arrondissements, departements } of lists of codes, with at least one code',
  ),
} as const;

const TERRITORY_KEYS = ['communes', 'epcis', 'arrondissements', 'departements'] as const;

/** Up to 2 decimals, read from the number's shortest round-trip text (no binary rounding involved). */
const atMostTwoDecimals = (value: number) => {
  const written = String(Math.abs(value));
  if (written.includes('e-')) return false;
  const dot = written.indexOf('.');
  return dot < 0 || written.length - dot - 1 <= 2;
};

/** Why `value` is not a valid value of `declaration`, or `undefined` when it is (lists: shape only). */
function reasonFor(declaration: FieldDeclaration, value: Json): RuleText | undefined {
  const { type, min, max } = declaration;
  const bounded = (amount: number): RuleText | undefined => {
    if (min !== undefined && amount < min) return text(`au moins ${min}`, `at least ${min}`);
    if (max !== undefined && amount > max) return text(`au plus ${max}`, `at most ${max}`);
    return undefined;
  };
  const counted = (count: number): RuleText | undefined => {
    if (min !== undefined && count < min) return text(`au moins ${min} éléments`, `at least ${min} items`);
    if (max !== undefined && count > max) return text(`au plus ${max} éléments`, `at most ${max} items`);
    return undefined;
  };
  const allowed = (declaration.values ?? []).map((entry) => entry.value);
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? bounded(value) : REASONS.integer;
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? bounded(value) : REASONS.decimal;
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) && atMostTwoDecimals(value)
        ? bounded(value)
        : REASONS.money;
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) ? bounded(value) : REASONS.percent;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : REASONS.boolean;
    case 'string':
      return typeof value === 'string' && value.length > 0 ? undefined : REASONS.string;
    case 'date':
      return isIsoDate(value) ? undefined : REASONS.date;
    case 'enum':
      return typeof value === 'string' && allowed.includes(value)
        ? undefined
        : text(`une des valeurs${NNBSP}: ${list(allowed)}`, `one of: ${list(allowed)}`);
    case 'set': {
      const reason = text(
        `une liste de valeurs distinctes parmi${NNBSP}: ${list(allowed)}`,
        `a list of distinct values among: ${list(allowed)}`,
      );
      if (!Array.isArray(value)) return reason;
      const distinct = new Set(value);
      if (
        distinct.size !== value.length ||
        !value.every((item) => typeof item === 'string' && allowed.includes(item))
      ) {
        return reason;
      }
      return counted(value.length);
    }
    case 'list':
      return Array.isArray(value) && value.every(isRecord) ? counted(value.length) : REASONS.list;
    case 'territory': {
      if (!isRecord(value)) return REASONS.territory;
      const keys = Object.keys(value);
      if (!keys.every((key) => (TERRITORY_KEYS as readonly string[]).includes(key))) return REASONS.territory;
      let codes = 0;
      for (const key of keys) {
        const codesOfKind = value[key];
        if (
          !Array.isArray(codesOfKind) ||
          !codesOfKind.every((code) => typeof code === 'string' && code.length > 0)
        ) {
          return REASONS.territory;
        }
        codes += codesOfKind.length;
      }
      return codes > 0 ? undefined : REASONS.territory;
    }
    default:
      return REASONS.decimal;
  }
}

/** A tree of declared fields: intermediate objects (from dotted paths) and leaves. */
interface Node {
  children: Map<string, Node>;
  declaration?: FieldDeclaration;
  /** The declared field's path (`partners[].type`). */
  field?: string;
}

const trees = new WeakMap<readonly FieldDeclaration[], Node>();

function treeOf(fields: readonly FieldDeclaration[], prefix = ''): Node {
  const cached = prefix === '' ? trees.get(fields) : undefined;
  if (cached) return cached;
  const root: Node = { children: new Map() };
  for (const declaration of fields) {
    const segments = declaration.path.split('.');
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.declaration = declaration;
    node.field = `${prefix}${declaration.path}`;
  }
  if (prefix === '') trees.set(fields, root);
  return root;
}

const itemTrees = new WeakMap<FieldDeclaration, Node>();
function itemTree(declaration: FieldDeclaration, field: string): Node {
  let tree = itemTrees.get(declaration);
  if (!tree) {
    tree = treeOf(declaration.items ?? [], `${field}[].`);
    itemTrees.set(declaration, tree);
  }
  return tree;
}

/** Every declared leaf under `node` (for "all of these are missing"). */
function leaves(node: Node, pointer: string, out: { node: Node; pointer: string }[]): void {
  if (node.declaration) {
    out.push({ node, pointer });
    return;
  }
  for (const [key, child] of node.children) leaves(child, `${pointer}/${token(key)}`, out);
}

/**
 * Validates an application against the fields its rule set declares (`fields`), telling *invalid*
 * values (present but wrong: a JSON pointer and a reason in French and English) from *missing* ones
 * (declared but absent). Undeclared properties are invalid (`$schema` at the top is always allowed); an
 * object expected on the way to a field must be an object; `null` is invalid (leave a field out when it
 * is unknown). `min`/`max` bound numbers, and the number of items of a `set` or `list`. Never throws:
 * hostile input (too deep, too large, `__proto__`) is one invalid issue at the root.
 *
 * Type by type: `integer` a safe integer; `decimal`, `percent` a finite number; `money` a finite number
 * with at most 2 decimals; `boolean`; `string` non-empty; `date` a real calendar date `YYYY-MM-DD`;
 * `enum` one of `values`; `set` distinct `values`; `list` objects whose fields are `items`; `territory` an
 * object of code lists (`communes`, `epcis`, `arrondissements`, `departements`) with at least one code —
 * whether the codes exist is the territory provider's business.
 *
 * @param ruleSet - The rule set (flat: resolve overlays first) whose `fields` describe the application.
 * @param application - Any JSON value.
 * @returns `{ valid, invalid, missing }`; with no declared fields, every property is undeclared.
 * @example
 * ```ts
 * import { parseRuleSet, validateApplication } from 'cprdfop/rules';
 * const rs = parseRuleSet({ format: 'cprdfop.ruleset/1', id: 'x', version: '1',
 *   title: { fr: 'X', en: 'X' }, validFrom: '2023-01-01',
 *   fields: [
 *     { path: 'budget.total', type: 'money', min: 0, label: { fr: 'Budget total', en: 'Total budget' } },
 *     { path: 'budget.requested', type: 'money', label: { fr: 'Aide demandée', en: 'Grant requested' } },
 *   ] });
 * const result = validateApplication(rs, { budget: { total: -5 } });
 * result.valid; // false
 * result.invalid.map((issue) => [issue.pointer, issue.reason.en]); // [["/budget/total", "at least 0"]]
 * result.missing.map((issue) => issue.pointer); // ["/budget/requested"]
 * ```
 * @category Declared fields
 */
export function validateApplication(
  ruleSet: Pick<RuleSet, 'fields'>,
  application: unknown,
): ApplicationValidation {
  const invalid: FieldIssue[] = [];
  const missing: FieldIssue[] = [];
  const unsafe = checkJsonSafety(application, LIMITS);
  if (unsafe) {
    invalid.push({
      pointer: '',
      field: '',
      label: null,
      question: null,
      reason: text(
        `document refusé (${unsafe.path || 'racine'})${NNBSP}: ${unsafe.message}`,
        `document refused (${unsafe.path || 'root'}): ${unsafe.message}`,
      ),
    });
    return { valid: false, invalid, missing };
  }
  const issue = (node: Node | undefined, pointer: string, reason: RuleText): FieldIssue => ({
    pointer,
    field: node?.field ?? '',
    label: node?.declaration?.label ?? null,
    question: node?.declaration?.question ?? null,
    reason,
  });
  const markMissing = (node: Node, pointer: string) => {
    const found: { node: Node; pointer: string }[] = [];
    leaves(node, pointer, found);
    for (const leaf of found) missing.push(issue(leaf.node, leaf.pointer, REASONS.missing));
  };
  const visitObject = (tree: Node, value: Rec, pointer: string, top: boolean) => {
    for (const key of Object.keys(value)) {
      if (!tree.children.has(key) && !(top && key === '$schema' && typeof value[key] === 'string')) {
        invalid.push(issue(undefined, `${pointer}/${token(key)}`, REASONS.undeclared));
      }
    }
    for (const [key, child] of tree.children) {
      const childPointer = `${pointer}/${token(key)}`;
      const childValue = Object.hasOwn(value, key) ? value[key] : undefined;
      visit(child, childValue, childPointer);
    }
  };
  const visit = (node: Node, value: Json, pointer: string) => {
    if (value === undefined) {
      markMissing(node, pointer);
      return;
    }
    if (value === null) {
      invalid.push(issue(node.declaration ? node : undefined, pointer, REASONS.null));
      return;
    }
    const declaration = node.declaration;
    if (!declaration) {
      if (!isRecord(value)) invalid.push(issue(undefined, pointer, REASONS.object));
      else visitObject(node, value, pointer, false);
      return;
    }
    const reason = reasonFor(declaration, value);
    if (reason) {
      invalid.push(issue(node, pointer, reason));
      return;
    }
    if (declaration.type === 'list' && Array.isArray(value)) {
      const items = itemTree(declaration, node.field ?? declaration.path);
      value.forEach((item, position) => {
        visitObject(items, item as Rec, `${pointer}/${position}`, false);
      });
    }
  };
  const root = treeOf(ruleSet.fields ?? []);
  if (!isRecord(application)) {
    invalid.push(issue(undefined, '', REASONS.object));
  } else visitObject(root, application, '', true);
  return { valid: invalid.length === 0, invalid, missing };
}
