/**
 * A mapping whose fields sit inside one another (`a` and `a.b`, `p` and `p[].t`) is refused: one of
 * the two values would be lost (`a.b` mapped after `a` threw a TypeError; `a` mapped after `a.b`
 * dropped `a.b`'s value without a word). Property: against a brute-force reference on random sets of
 * paths, a mapping parses exactly when no path is inside another, and then every cell's value is found
 * at its path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping, parseMapping } from '../../src/screen/index.js';

const segment = fc.constantFrom('a', 'b', 'c');
/** `a`, `a.b`, `a.b.c`, or a list spread `a[].b` (at most one `[]`). */
const path = fc
  .tuple(
    fc.array(segment, { minLength: 1, maxLength: 3 }),
    fc.option(fc.array(segment, { minLength: 1, maxLength: 2 })),
  )
  .map(([head, item]) => (item ? `${head.join('.')}[].${item.join('.')}` : head.join('.')));

/**
 * The reference, by brute force on the text: two paths clash when one is inside the other (`a` and
 * `a.b`, `p` and `p[].t`) or when they go through one node, one as an object and one as a list
 * (`a.b` and `a[].b`).
 */
function clash(one: string, two: string): boolean {
  const a = one.split('.');
  const b = two.split('.');
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] === b[index]) continue;
    // the same name, once as an object and once as a list (`a.b` and `a[].b`)
    return a[index]!.replace('[]', '') === b[index]!.replace('[]', '');
  }
  return a.length !== b.length; // one inside the other
}

/** The value at a path (`a[].b` gives the list of the items' `b`). */
function at(value: unknown, path: string): unknown {
  const spread = path.indexOf('[].');
  const head = spread >= 0 ? path.slice(0, spread) : path;
  let node: unknown = value;
  for (const key of head.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  if (spread < 0) return node;
  return (node as unknown[] | undefined)?.map((item) => at(item, path.slice(spread + 3)));
}

describe('fields inside fields', () => {
  it('a mapping parses exactly when no field is inside another, and then keeps every value', () => {
    fc.assert(
      fc.property(fc.uniqueArray(path, { minLength: 1, maxLength: 5 }), (paths) => {
        const fields: Record<string, { column: string; type: 'string' | 'list' }> = {};
        paths.forEach((field, index) => {
          fields[field] = { column: `c${index}`, type: field.includes('[]') ? 'list' : 'string' };
        });
        const parsed = parseMapping({ format: 'cprdfop.screen-mapping/1', fields }, 'en');
        const clashes = paths.some((one) => paths.some((two) => one !== two && clash(one, two)));
        expect(parsed.success, JSON.stringify(paths)).toBe(!clashes);
        if (!parsed.success) {
          expect(parsed.problem.message).toMatch(
            /: this field and field .+ both set .+ \(one of the two values would be lost\)$/,
          );
          return;
        }
        const row = new Map(
          paths.map((field, index) => [`c${index}`, field.includes('[]') ? 'x;y' : `v${index}`]),
        );
        const { application, errors } = applyMapping(row, parsed.mapping);
        expect(errors).toEqual([]);
        for (const [index, field] of paths.entries())
          expect(at(application, field), field).toEqual(field.includes('[]') ? ['x', 'y'] : `v${index}`);
      }),
      { numRuns: 500 },
    );
  });

  it('names both fields and the node, in French and English, whatever their order in the file', () => {
    const cases: Array<[Record<string, unknown>, string, string, string]> = [
      [{ a: { column: 'x', type: 'string' }, 'a.b': { column: 'y', type: 'string' } }, 'a.b', 'a', 'a'],
      [{ 'a.b': { column: 'y', type: 'string' }, a: { column: 'x', type: 'string' } }, 'a', 'a.b', 'a'],
      [
        { 'p.t': { column: 'y', type: 'string' }, 'p[].u': { column: 'x', type: 'list' } },
        'p[].u',
        'p.t',
        'p',
      ],
    ];
    for (const [fields, path, other, node] of cases) {
      const en = parseMapping({ format: 'cprdfop.screen-mapping/1', fields }, 'en');
      const fr = parseMapping({ format: 'cprdfop.screen-mapping/1', fields }, 'fr');
      expect(en).toMatchObject({
        success: false,
        problem: {
          path: `fields.${path}`,
          message: `${path}: this field and field ${other} both set ${node} (one of the two values would be lost)`,
        },
      });
      expect(fr).toMatchObject({
        success: false,
        problem: {
          path: `fields.${path}`,
          message: `${path}\u00a0: ce champ et le champ ${other} définissent tous deux ${node} (l’une des deux valeurs serait perdue)`,
        },
      });
    }
  });
});
