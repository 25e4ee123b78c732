import { languageOption } from '../_shared/languageOption.js';
import { type Message, type MessageValue, renderMessage } from '../_shared/messages.js';
import { canonicalJson } from './_hash.js';
import type { Criterion, Parameter, RuleSet } from './RuleSet.js';

/**
 * One difference between two rule sets.
 * @category Overlays
 */
export type RuleSetChange =
  | { kind: 'metadata'; field: string; before: unknown; after: unknown }
  | { kind: 'parameter-added'; name: string; after: Parameter }
  | { kind: 'parameter-removed'; name: string; before: Parameter }
  | { kind: 'parameter-changed'; name: string; before: Parameter; after: Parameter }
  | { kind: 'criterion-added'; id: string; after: Criterion }
  | { kind: 'criterion-removed'; id: string; before: Criterion }
  | { kind: 'criterion-changed'; id: string; fields: string[]; before: Criterion; after: Criterion }
  | { kind: 'parameters-reordered'; before: string[]; after: string[] }
  | { kind: 'criteria-reordered'; before: string[]; after: string[] }
  | { kind: 'funding-changed'; before: RuleSet['funding'] | null; after: RuleSet['funding'] | null };

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * The names both lists share, in each list's order, when that order differs (additions and removals
 * alone are not a reordering: they are reported as such).
 */
function reordering(
  before: readonly string[],
  after: readonly string[],
): { before: string[]; after: string[] } | undefined {
  const inAfter = new Set(after);
  const inBefore = new Set(before);
  const commonBefore = before.filter((name) => inAfter.has(name));
  const commonAfter = after.filter((name) => inBefore.has(name));
  return commonBefore.every((name, index) => name === commonAfter[index])
    ? undefined
    : { before: commonBefore, after: commonAfter };
}

/**
 * Lists what changed from rule set `a` to rule set `b` (both flat: resolve overlays first):
 * metadata (id, version, title, description, validity, `asOfField`, `region`), parameters added/removed/changed,
 * criteria added/removed/changed (which fields), the order of the parameters and criteria both share
 * (criteria are explained in their order), funding.
 *
 * @param a - The base (e.g. `itie-hdf@2023.1`).
 * @param b - The other (e.g. a resolved overlay).
 * @returns The changes, in a stable order.
 * @example
 * ```ts
 * import { diffRuleSets, parseRuleSet } from 'cprdfop/rules';
 * const a = parseRuleSet({ format: 'cprdfop.ruleset/1', id: 'x', version: '1',
 *   title: { fr: 'X', en: 'X' }, validFrom: '2023-01-01' });
 * diffRuleSets(a, { ...a, version: '2' }); // [{"kind":"metadata","field":"version","before":"1","after":"2"}]
 * ```
 * @category Overlays
 */
export function diffRuleSets(a: RuleSet, b: RuleSet): RuleSetChange[] {
  const out: RuleSetChange[] = [];
  for (const field of [
    'id',
    'version',
    'title',
    'description',
    'validFrom',
    'validTo',
    'asOfField',
    'region',
  ] as const) {
    if (!same(a[field] ?? null, b[field] ?? null)) {
      out.push({ kind: 'metadata', field, before: a[field] ?? null, after: b[field] ?? null });
    }
  }
  for (const p of a.parameters) {
    const q = b.parameters.find((x) => x.name === p.name);
    if (!q) out.push({ kind: 'parameter-removed', name: p.name, before: p });
    else if (!same(p, q)) out.push({ kind: 'parameter-changed', name: p.name, before: p, after: q });
  }
  for (const q of b.parameters) {
    if (!a.parameters.some((p) => p.name === q.name))
      out.push({ kind: 'parameter-added', name: q.name, after: q });
  }
  for (const c of a.criteria) {
    const d = b.criteria.find((x) => x.id === c.id);
    if (!d) out.push({ kind: 'criterion-removed', id: c.id, before: c });
    else {
      const fields = (['label', 'source', 'when', 'messages'] as const).filter(
        (f) => !same(c[f] ?? null, d[f] ?? null),
      );
      if (fields.length) out.push({ kind: 'criterion-changed', id: c.id, fields, before: c, after: d });
    }
  }
  for (const d of b.criteria) {
    if (!a.criteria.some((c) => c.id === d.id)) out.push({ kind: 'criterion-added', id: d.id, after: d });
  }
  const parameterOrder = reordering(
    a.parameters.map((p) => p.name),
    b.parameters.map((p) => p.name),
  );
  if (parameterOrder) out.push({ kind: 'parameters-reordered', ...parameterOrder });
  const criterionOrder = reordering(
    a.criteria.map((c) => c.id),
    b.criteria.map((c) => c.id),
  );
  if (criterionOrder) out.push({ kind: 'criteria-reordered', ...criterionOrder });
  if (!same(a.funding ?? null, b.funding ?? null)) {
    out.push({ kind: 'funding-changed', before: a.funding ?? null, after: b.funding ?? null });
  }
  return out;
}

/** The words of a rule-set diff (internal: not exported by the barrel; French typography set). */
export const RULE_SET_DIFF_MESSAGES = {
  none: { fr: 'aucune différence', en: 'no differences' },
  metadata: { fr: '~ {field} : {before} → {after}', en: '~ {field}: {before} → {after}' },
  parameterAdded: {
    fr: '+ paramètre {name} = {value}\n    pourquoi : {why}',
    en: '+ parameter {name} = {value}\n    why: {why}',
  },
  parameterRemoved: { fr: '- paramètre {name} (valait {value})', en: '- parameter {name} (was {value})' },
  parameterChanged: {
    fr: '~ paramètre {name} : {before} → {after}\n    pourquoi : {why}',
    en: '~ parameter {name}: {before} → {after}\n    why: {why}',
  },
  criterionAdded: {
    fr: '+ critère {id} : {label}\n    condition : {when}',
    en: '+ criterion {id}: {label}\n    when: {when}',
  },
  criterionRemoved: { fr: '- critère {id} : {label}', en: '- criterion {id}: {label}' },
  criterionChanged: {
    fr: '~ critère {id} : {fields} modifié(s){when}',
    en: '~ criterion {id}: {fields} changed{when}',
  },
  when: { fr: '\n    condition : {when}', en: '\n    when: {when}' },
  parametersReordered: {
    fr: '~ paramètres réordonnés : {before}\n                         → {after}',
    en: '~ parameters reordered: {before}\n                    → {after}',
  },
  criteriaReordered: {
    fr: '~ critères réordonnés : {before}\n                       → {after}',
    en: '~ criteria reordered: {before}\n                  → {after}',
  },
  funding: {
    fr: '~ financement : {before}\n               → {after}',
    en: '~ funding: {before}\n         → {after}',
  },
  fundingState: { fr: '{state}, {unit}, montant = {amount}', en: '{state}, {unit}, amount = {amount}' },
  on: { fr: 'actif', en: 'on' },
  off: { fr: 'inactif', en: 'off' },
  noFunding: { fr: 'aucun', en: 'none' },
  confirmed: { fr: 'confirmé', en: 'confirmed' },
  inferred: { fr: 'déduit', en: 'inferred' },
  assumption: { fr: 'hypothèse', en: 'assumption' },
} as const satisfies Record<string, Message>;

/** A parameter's value, unit and mark (the mark's name in the language: « hypothèse », "assumption"). */
const val = (p: Parameter, lang: 'fr' | 'en') =>
  `${JSON.stringify(p.value)}${p.unit ? ` ${p.unit}` : ''} [${
    Object.hasOwn(RULE_SET_DIFF_MESSAGES, p.provenance.mark)
      ? RULE_SET_DIFF_MESSAGES[p.provenance.mark][lang]
      : p.provenance.mark
  }]`;
const show = (v: unknown, lang: 'fr' | 'en') =>
  JSON.stringify(v && typeof v === 'object' && lang in v ? (v as Record<string, unknown>)[lang] : v);
const fund = (f: RuleSet['funding'] | null, lang: 'fr' | 'en') =>
  f
    ? renderMessage(RULE_SET_DIFF_MESSAGES.fundingState, lang, {
        state: f.enabled ? RULE_SET_DIFF_MESSAGES.on : RULE_SET_DIFF_MESSAGES.off,
        unit: f.unit,
        amount: JSON.stringify(f.amount),
      })
    : renderMessage(RULE_SET_DIFF_MESSAGES.noFunding, lang);

/**
 * Formats changes from {@link diffRuleSets} as readable text, one line per change
 * (`+` added, `-` removed, `~` changed), with the justification of changed or added parameters.
 *
 * @param changes - The changes.
 * @param language - Language of the labels (default `en`).
 * @returns The text (ends with a newline; "no differences" when empty).
 * @throws {CprdfopError} `E_INVALID_LANGUAGE` for a language other than `fr` or `en`.
 * @example
 * ```ts
 * import { formatRuleSetDiff } from 'cprdfop/rules';
 * formatRuleSetDiff([{ kind: 'metadata', field: 'version', before: '1', after: '2' }]); // "~ version: \"1\" → \"2\"\n"
 * ```
 * @category Overlays
 */
export function formatRuleSetDiff(changes: readonly RuleSetChange[], language: 'fr' | 'en' = 'en'): string {
  const lang = languageOption(language, 'formatRuleSetDiff', 'en');
  const say = (message: Message, values?: Record<string, MessageValue>) =>
    renderMessage(message, lang, values);
  if (changes.length === 0) return `${say(RULE_SET_DIFF_MESSAGES.none)}\n`;
  const lines = changes.map((c) => {
    switch (c.kind) {
      case 'metadata':
        return say(RULE_SET_DIFF_MESSAGES.metadata, {
          field: c.field,
          before: show(c.before, lang),
          after: show(c.after, lang),
        });
      case 'parameter-added':
        return say(RULE_SET_DIFF_MESSAGES.parameterAdded, {
          name: c.name,
          value: val(c.after, lang),
          why: c.after.provenance.justification,
        });
      case 'parameter-removed':
        return say(RULE_SET_DIFF_MESSAGES.parameterRemoved, { name: c.name, value: val(c.before, lang) });
      case 'parameter-changed':
        return say(RULE_SET_DIFF_MESSAGES.parameterChanged, {
          name: c.name,
          before: val(c.before, lang),
          after: val(c.after, lang),
          why: c.after.provenance.justification,
        });
      case 'criterion-added':
        return say(RULE_SET_DIFF_MESSAGES.criterionAdded, {
          id: c.id,
          label: c.after.label[lang],
          when: JSON.stringify(c.after.when),
        });
      case 'criterion-removed':
        return say(RULE_SET_DIFF_MESSAGES.criterionRemoved, { id: c.id, label: c.before.label[lang] });
      case 'criterion-changed':
        return say(RULE_SET_DIFF_MESSAGES.criterionChanged, {
          id: c.id,
          fields: c.fields.join(', '),
          when: c.fields.includes('when')
            ? say(RULE_SET_DIFF_MESSAGES.when, { when: JSON.stringify(c.after.when) })
            : '',
        });
      case 'parameters-reordered':
        return say(RULE_SET_DIFF_MESSAGES.parametersReordered, {
          before: c.before.join(', '),
          after: c.after.join(', '),
        });
      case 'criteria-reordered':
        return say(RULE_SET_DIFF_MESSAGES.criteriaReordered, {
          before: c.before.join(', '),
          after: c.after.join(', '),
        });
      default:
        return say(RULE_SET_DIFF_MESSAGES.funding, {
          before: fund(c.before, lang),
          after: fund(c.after, lang),
        });
    }
  });
  return `${lines.join('\n')}\n`;
}
