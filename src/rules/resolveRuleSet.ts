import { formatPath } from '../_shared/jsonSafety.js';
import { type Message, renderBoth } from '../_shared/messages.js';
import { RuleSetError } from './errors.js';
import type { FieldDeclaration } from './FieldDeclaration.js';
import { fieldDeclarationProblems } from './fieldIndex.js';
import { isRuleFileReference, type Parameter, type RuleSet } from './RuleSet.js';

const kind = (v: Parameter['value']): string =>
  Array.isArray(v)
    ? v.every((x) => typeof x === 'number') && v.length > 0
      ? 'number[]'
      : 'string[]'
    : typeof v;

/**
 * Merges an overlay's field declarations into the base's, by path: a new path is added (after the
 * base's), an existing one is refined — the overlay's properties replace the base's, the others are kept,
 * a list's `items` are merged the same way — and may not change its type.
 */
function mergeFields(
  base: readonly FieldDeclaration[] | undefined,
  overlay: readonly FieldDeclaration[] | undefined,
  at: string,
): FieldDeclaration[] | undefined {
  if (!overlay) return base ? [...base] : undefined;
  const merged = [...(base ?? [])];
  overlay.forEach((field, index) => {
    const position = merged.findIndex((existing) => existing.path === field.path);
    if (position < 0) {
      merged.push(field);
      return;
    }
    const existing = merged[position]!;
    if (existing.type !== field.type) {
      throw new RuleSetError(
        `${at}[${index}]`,
        renderBoth(
          {
            fr: 'la précision du champ « {path} » change son type de {from} en {to}',
            en: 'refinement of field "{path}" changes its type from {from} to {to}',
          },
          { path: field.path, from: existing.type, to: field.type },
        ),
      );
    }
    const refined: FieldDeclaration = { ...existing, ...field };
    const items = mergeFields(existing.items, field.items, `${at}[${index}].items`);
    if (items) refined.items = items;
    merged[position] = refined;
  });
  return merged;
}

/**
 * Flattens an overlay: applies a rule set that `extends` another (`id@version`, found in `bases`,
 * recursively) and returns a rule set without `extends` or `remove`, ready for `compile`.
 *
 * - parameters with a base's name override it (same type required: overrides are typed), others are added;
 * - criteria with a base's id replace it in place, others are appended; `remove` drops base criteria;
 * - declared `fields` merge by path: new paths are added, an existing path is refined (the overlay's
 *   properties replace the base's, others are kept; `items` merge the same way; same type required);
 * - `funding`, `asOfField` and `region` replace the base's when given; id, version, title, validity and
 *   examples are the overlay's own.
 *
 * `bases` are matched by `id@version`. An overlay whose `extends` is a file path (`./base.ruleset.json`)
 * needs that file read first: the CLI (`--rules`, `rules test|show|diff`) does it; from code, parse the
 * base and pass it in `bases` after setting the overlay's `extends` to the base's `id@version`.
 *
 * @param ruleSet - A validated rule set (a flat one is returned unchanged).
 * @param bases - The rule sets it may extend.
 * @returns The flat rule set.
 * @throws {@link RuleSetError} when the base is not found (or is a file path, not read here), the chain loops, an override changes a
 * parameter's or a field's type, the overlay lists a parameter, criterion or removed id twice, or `remove` names a criterion the base does not have.
 * @example
 * ```ts
 * import { parseRuleSet, resolveRuleSet } from 'cprdfop/rules';
 * const base = parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'base', version: '1', title: { fr: 'B', en: 'B' }, validFrom: '2023-01-01',
 *   parameters: [{ name: 'min', value: 2, provenance: { mark: 'assumption', justification: 'x' } }],
 * });
 * const overlay = parseRuleSet({
 *   format: 'cprdfop.ruleset/1', id: 'other', version: '1', title: { fr: 'O', en: 'O' }, validFrom: '2024-01-01',
 *   extends: 'base@1',
 *   parameters: [{ name: 'min', value: 3, provenance: { mark: 'assumption', justification: 'y' } }],
 * });
 * resolveRuleSet(overlay, [base]).parameters[0]?.value; // 3
 * ```
 * @category Overlays
 */
export function resolveRuleSet(ruleSet: RuleSet, bases: readonly RuleSet[]): RuleSet {
  return resolve(ruleSet, bases, []);
}

function resolve(ruleSet: RuleSet, bases: readonly RuleSet[], _seen: string[]): RuleSet {
  const self = `${ruleSet.id}@${ruleSet.version}`;
  if (!ruleSet.extends) {
    if (ruleSet.remove?.length)
      throw new RuleSetError(
        'remove',
        renderBoth({ fr: '« remove » exige « extends »', en: '"remove" needs "extends"' }),
      );
    return ruleSet;
  }
  if (_seen.includes(self) || _seen.length > 8) {
    throw new RuleSetError(
      'extends',
      renderBoth(
        { fr: 'chaîne circulaire ou trop longue : {chain}', en: 'circular or too long chain: {chain}' },
        { chain: [..._seen, self].join(' → ') },
      ),
    );
  }
  // A RuleSet value built in code may not have been through the schema: duplicates in the overlay itself
  // would silently keep the last one.
  const duplicate = (names: readonly string[], where: string, what: Message) => {
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index)
        throw new RuleSetError(
          `${where}[${index}]`,
          renderBoth({ fr: '{what} « {name} » en double', en: 'duplicate {what} "{name}"' }, { what, name }),
        );
    });
  };
  duplicate(
    ruleSet.parameters.map((parameter) => parameter.name),
    'parameters',
    { fr: 'paramètre', en: 'parameter' },
  );
  duplicate(
    ruleSet.criteria.map((criterion) => criterion.id),
    'criteria',
    { fr: 'identifiant de critère', en: 'criterion id' },
  );
  duplicate(ruleSet.remove ?? [], 'remove', { fr: 'critère retiré', en: 'removed criterion' });
  const found = bases.find((b) => `${b.id}@${b.version}` === ruleSet.extends);
  if (!found && isRuleFileReference(ruleSet.extends)) {
    throw new RuleSetError(
      'extends',
      renderBoth(
        {
          fr: 'le fichier de règles de base « {base} » de {self} est un chemin de fichier : le lire et l’analyser d’abord (la CLI le fait), puis le passer dans `bases`',
          en: 'base rule file "{base}" of {self} is a file path: read and parse it first (the CLI does), then pass it in bases',
        },
        { base: ruleSet.extends, self },
      ),
    );
  }
  if (!found)
    throw new RuleSetError(
      'extends',
      renderBoth(
        { fr: 'jeu de règles de base « {base} » introuvable', en: 'base rule set "{base}" not found' },
        { base: ruleSet.extends },
      ),
    );
  const base = resolve(found, bases, [..._seen, self]);
  const parameters = [...base.parameters];
  ruleSet.parameters.forEach((p, i) => {
    const j = parameters.findIndex((q) => q.name === p.name);
    if (j < 0) parameters.push(p);
    else {
      if (kind(parameters[j]!.value) !== kind(p.value)) {
        throw new RuleSetError(
          `parameters[${i}]`,
          renderBoth(
            {
              fr: 'la surcharge de « {name} » change son type de {from} en {to}',
              en: 'override of "{name}" changes its type from {from} to {to}',
            },
            { name: p.name, from: kind(parameters[j]!.value), to: kind(p.value) },
          ),
        );
      }
      parameters[j] = p;
    }
  });
  let criteria = [...base.criteria];
  (ruleSet.remove ?? []).forEach((id, i) => {
    if (!criteria.some((c) => c.id === id))
      throw new RuleSetError(
        `remove[${i}]`,
        renderBoth(
          { fr: 'aucun critère « {id} » dans la base', en: 'no criterion "{id}" in the base' },
          { id },
        ),
      );
    criteria = criteria.filter((c) => c.id !== id);
  });
  for (const c of ruleSet.criteria) {
    const j = criteria.findIndex((x) => x.id === c.id);
    if (j < 0) criteria.push(c);
    else criteria[j] = c;
  }
  const { extends: _x, remove: _r, ...own } = ruleSet;
  const out: RuleSet = { ...own, parameters, criteria };
  // Definitions: an overlay's definition replaces the base's of the same name, others are added.
  if (base.definitions || ruleSet.definitions) {
    const definitions = [...(base.definitions ?? [])];
    for (const definition of ruleSet.definitions ?? []) {
      const index = definitions.findIndex((known) => known.name === definition.name);
      if (index < 0) definitions.push(definition);
      else definitions[index] = definition;
    }
    out.definitions = definitions;
  }
  const fields = mergeFields(base.fields, ruleSet.fields, 'fields');
  const problem = fields ? fieldDeclarationProblems(fields)[0] : undefined;
  if (problem) {
    throw new RuleSetError(
      `fields${formatPath(problem.path)}`,
      renderBoth(
        {
          fr: '{problem} (après la fusion des champs de la surcouche dans ceux de la base)',
          en: "{problem} (after merging the overlay's fields into the base's)",
        },
        { problem: problem.messages },
      ),
    );
  }
  if (fields) out.fields = fields;
  else delete out.fields;
  const funding = ruleSet.funding ?? base.funding;
  if (funding) out.funding = funding;
  const asOfField = ruleSet.asOfField ?? base.asOfField;
  if (asOfField) out.asOfField = asOfField;
  const region = ruleSet.region ?? base.region;
  if (region) out.region = region;
  if (!out.description && base.description) out.description = base.description;
  return out;
}
