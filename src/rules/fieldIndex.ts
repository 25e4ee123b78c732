import { type Message, type MessageValue, renderBoth } from '../_shared/messages.js';
import type { FieldDeclaration } from './FieldDeclaration.js';
import type { RuleSet } from './RuleSet.js';

/**
 * The declared fields of a rule set by path: a top-level or nested field by its dotted path
 * (`budget.total`), a field of a list's objects by the list's path, `[]` and its own path
 * (`partners[].type`). Built once per `fields` array (cached), read-only.
 * @category Declared fields
 */
export type FieldIndex = ReadonlyMap<string, FieldDeclaration>;

const cache = new WeakMap<readonly FieldDeclaration[], FieldIndex>();
const EMPTY: FieldIndex = new Map();

/**
 * Maps every declared field of a rule set to its declaration (see {@link FieldIndex} for the keys of
 * list items). Used to validate applications, to build their JSON Schema and by `compile` to type-check
 * expressions against the declared fields.
 *
 * @param ruleSet - A rule set (its `fields`; none declared gives an empty index), or a `fields` array.
 * @returns The index, path → declaration, in declaration order (a list before its items).
 * @example
 * ```ts
 * import { fieldIndex, parseRuleSet } from 'cprdfop/rules';
 * const rs = parseRuleSet({ format: 'cprdfop.ruleset/1', id: 'x', version: '1',
 *   title: { fr: 'X', en: 'X' }, validFrom: '2023-01-01',
 *   fields: [
 *     { path: 'budget.total', type: 'money', label: { fr: 'Budget total', en: 'Total budget' } },
 *     { path: 'partners', type: 'list', label: { fr: 'Partenaires', en: 'Partners' },
 *       items: [{ path: 'name', type: 'string', label: { fr: 'Nom', en: 'Name' } }] },
 *   ] });
 * [...fieldIndex(rs).keys()]; // ["budget.total", "partners", "partners[].name"]
 * fieldIndex(rs).get('partners[].name')?.type; // "string"
 * ```
 * @category Declared fields
 */
export function fieldIndex(ruleSet: Pick<RuleSet, 'fields'> | readonly FieldDeclaration[]): FieldIndex {
  const fields = Array.isArray(ruleSet) ? ruleSet : (ruleSet as Pick<RuleSet, 'fields'>).fields;
  if (!fields) return EMPTY;
  let index = cache.get(fields);
  if (!index) {
    const map = new Map<string, FieldDeclaration>();
    const add = (declarations: readonly FieldDeclaration[], prefix: string) => {
      for (const declaration of declarations) {
        const path = `${prefix}${declaration.path}`;
        map.set(path, declaration);
        if (declaration.items) add(declaration.items, `${path}[].`);
      }
    };
    add(fields, '');
    index = map;
    cache.set(fields, index);
  }
  return index;
}

/** A problem of a `fields` array: where, and what (English `message`, both languages in `messages`). */
export interface FieldDeclarationProblem {
  path: (string | number)[];
  message: string;
  messages: Message;
}

/**
 * Problems of a `fields` array that the shape alone does not show: the same path declared twice, a path
 * that is a prefix of another (`budget` declared as a value and `budget.total`), `values` on a type other
 * than `enum`/`set` (or missing on them), `items` on a type other than `list` (or missing on it),
 * `min` greater than `max`. Paths are relative to `fields`, e.g. `[2].items[0].path`.
 */
export function fieldDeclarationProblems(fields: readonly FieldDeclaration[]): FieldDeclarationProblem[] {
  const problems: FieldDeclarationProblem[] = [];
  const report = (
    path: (string | number)[],
    template: Message,
    values: Readonly<Record<string, MessageValue>> = {},
  ) => {
    const messages = renderBoth(template, values);
    problems.push({ path, message: messages.en, messages });
  };
  const visit = (declarations: readonly FieldDeclaration[], at: (string | number)[]) => {
    const seen = new Map<string, number>();
    declarations.forEach((declaration, position) => {
      const here = [...at, position];
      const first = seen.get(declaration.path);
      if (first !== undefined) {
        report(
          [...here, 'path'],
          {
            fr: 'champ « {path} » en double (première déclaration à l’index {first})',
            en: 'duplicate field "{path}" (first at index {first})',
          },
          { path: declaration.path, first: String(first) },
        );
      } else seen.set(declaration.path, position);
      const needsValues = declaration.type === 'enum' || declaration.type === 'set';
      if (needsValues && !declaration.values) {
        report(
          here,
          {
            fr: 'un champ {type} doit donner la liste de ses « values »',
            en: '{article} {type} field lists its "values"',
          },
          { type: declaration.type, article: { fr: '', en: declaration.type === 'enum' ? 'an' : 'a' } },
        );
      }
      if (!needsValues && declaration.values) {
        report([...here, 'values'], {
          fr: '« values » ne s’applique qu’aux champs enum et set',
          en: '"values" only apply to enum and set fields',
        });
      }
      if (declaration.values) {
        const distinct = new Set<string>();
        declaration.values.forEach((value, valueIndex) => {
          if (distinct.has(value.value)) {
            report(
              [...here, 'values', valueIndex],
              { fr: 'valeur « {value} » en double', en: 'duplicate value "{value}"' },
              { value: value.value },
            );
          }
          distinct.add(value.value);
        });
      }
      if (declaration.type === 'list' && !declaration.items) {
        report(here, {
          fr: 'un champ list doit déclarer ses « items »',
          en: 'a list field declares its "items"',
        });
      }
      if (declaration.type !== 'list' && declaration.items) {
        report([...here, 'items'], {
          fr: '« items » ne s’applique qu’aux champs list',
          en: '"items" only apply to list fields',
        });
      }
      if (
        declaration.min !== undefined &&
        declaration.max !== undefined &&
        declaration.min > declaration.max
      ) {
        report(
          [...here, 'max'],
          { fr: 'max {max} est inférieur à min {min}', en: 'max {max} is below min {min}' },
          { max: String(declaration.max), min: String(declaration.min) },
        );
      }
      if (declaration.items) visit(declaration.items, [...here, 'items']);
    });
    const paths = declarations.map((declaration) => declaration.path);
    declarations.forEach((declaration, position) => {
      const prefix = paths.find((other) => declaration.path.startsWith(`${other}.`));
      if (prefix !== undefined) {
        report(
          [...at, position, 'path'],
          {
            fr: '« {path} » est à l’intérieur du champ déclaré « {prefix} »',
            en: '"{path}" is inside the declared field "{prefix}"',
          },
          { path: declaration.path, prefix },
        );
      }
    });
  };
  visit(fields, []);
  return problems;
}
