import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/_shared/normalizeName.js';
import { searchKey } from '../../src/territory/_internal/searchKey.js';

// The reference is `normalizeName` itself; the names are the source package's own, read directly.
const require = createRequire(import.meta.url);
const dir = join(require.resolve('@etalab/decoupage-administratif/package.json'), '../data');
const names = (JSON.parse(readFileSync(join(dir, 'communes.json'), 'utf8')) as Array<{ nom: string }>).map(
  (c) => c.nom,
);

/** Characters where the fast path and the fallback meet: accents, ligatures, separators, marks. */
const tricky = fc.constantFrom(
  ..."aAzZ09 -’'.,()/\t\n\u00a0\u202fÉéÈèÊêËëÀàÂâÄäÎîÏïÔôÖöÛûÜüÙùÇçŒœÆæßİıÿŸ\u0300\u0301\u0308\u0327\u036f\u0370ΣσςЖ\ud83d\ude00\ud800\u00bc\u2160ﬁ".split(
    '',
  ),
);

describe('searchKey() is normalizeName()', () => {
  it('on every commune name of the source (current, old, delegated, associated, arrondissements)', () => {
    expect(names.length).toBeGreaterThan(35000);
    for (const name of names) expect(searchKey(name)).toBe(normalizeName(name));
  });

  it('on arbitrary strings, including lone surrogates and characters beyond U+036F (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: tricky, maxLength: 40 })),
        (text) => {
          expect(searchKey(text)).toBe(normalizeName(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on edge cases: empty, separators only, marks only, leading and trailing runs', () => {
    for (const text of [
      '',
      ' ',
      '---',
      '\u0301',
      'a\u0301',
      ' -É- ',
      'Œuilly',
      'L’Haÿ-les-Roses',
      '  x  y  ',
    ])
      expect(searchKey(text)).toBe(normalizeName(text));
  });
});
