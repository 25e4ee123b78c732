import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueAtPath, withValueAtPath } from '../../src/_shared/dottedPath.js';

const segment = fc.constantFrom('a', 'b', 'budget', 'total', '__proto__', 'constructor', 'toString', '');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((segments) => segments.join('.'));

describe('dotted paths', () => {
  it('reads back what it writes, and never mutates the input (random paths, hostile names)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), path, fc.jsonValue(), (start, at, value) => {
        const root = start !== null && typeof start === 'object' && !Array.isArray(start) ? start : {};
        const before = JSON.stringify(root);
        const written = withValueAtPath(root as Record<string, unknown>, at, value);
        expect(JSON.stringify(root)).toBe(before);
        expect(valueAtPath(written, at)).toStrictEqual(value);
      }),
    );
  });

  it('reads only own properties, and nothing through non-objects', () => {
    expect(valueAtPath({}, 'toString')).toBeUndefined();
    expect(valueAtPath({}, '__proto__')).toBeUndefined();
    expect(valueAtPath({ a: [1] }, 'a.0')).toBeUndefined();
    expect(valueAtPath({ a: 'text' }, 'a.length')).toBeUndefined();
    expect(valueAtPath(null, 'a')).toBeUndefined();
    expect(valueAtPath({ budget: { total: 5 } }, 'budget.total')).toBe(5);
  });
});
