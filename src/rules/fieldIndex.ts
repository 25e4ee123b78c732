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

/**
 * Problems of a `fields` array that the shape alone does not show: the same path declared twice, a path
 * that is a prefix of another (`budget` declared as a value and `budget.total`), `values` on a type other
 * than `enum`/`set` (or missing on them), `items` on a type other than `list` (or missing on it),
 * `min` greater than `max`. Paths are relative to `fields`, e.g. `[2].items[0].path`.
 */
export function fieldDeclarationProblems(
  fields: readonly FieldDeclaration[],
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const visit = (declarations: readonly FieldDeclaration[], at: (string | number)[]) => {
    const seen = new Map<string, number>();
    declarations.forEach((declaration, position) => {
      const here = [...at, position];
      const first = seen.get(declaration.path);
      if (first !== undefined) {
        problems.push({
          path: [...here, 'path'],
          message: `duplicate field "${declaration.path}" (first at index ${first})`,
        });
      } else seen.set(declaration.path, position);
      const needsValues = declaration.type === 'enum' || declaration.type === 'set';
      if (needsValues && !declaration.values) {
        problems.push({
          path: here,
          message: `${declaration.type === 'enum' ? 'an' : 'a'} ${declaration.type} field lists its "values"`,
        });
      }
      if (!needsValues && declaration.values) {
        problems.push({ path: [...here, 'values'], message: `"values" only apply to enum and set fields` });
      }
      if (declaration.values) {
        const distinct = new Set<string>();
        declaration.values.forEach((value, valueIndex) => {
          if (distinct.has(value.value)) {
            problems.push({
              path: [...here, 'values', valueIndex],
              message: `duplicate value "${value.value}"`,
            });
          }
          distinct.add(value.value);
        });
      }
      if (declaration.type === 'list' && !declaration.items) {
        problems.push({ path: here, message: 'a list field declares its "items"' });
      }
      if (declaration.type !== 'list' && declaration.items) {
        problems.push({ path: [...here, 'items'], message: '"items" only apply to list fields' });
      }
      if (
        declaration.min !== undefined &&
        declaration.max !== undefined &&
        declaration.min > declaration.max
      ) {
        problems.push({
          path: [...here, 'max'],
          message: `max ${declaration.max} is below min ${declaration.min}`,
        });
      }
      if (declaration.items) visit(declaration.items, [...here, 'items']);
    });
    const paths = declarations.map((declaration) => declaration.path);
    declarations.forEach((declaration, position) => {
      const prefix = paths.find((other) => declaration.path.startsWith(`${other}.`));
      if (prefix !== undefined) {
        problems.push({
          path: [...at, position, 'path'],
          message: `"${declaration.path}" is inside the declared field "${prefix}"`,
        });
      }
    });
  };
  visit(fields, []);
  return problems;
}
